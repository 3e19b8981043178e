import { formatCode } from '../hts-format.ts';
import type { HsNomenclature, Schedule } from '../schedule.ts';
import { Bm25Index, CosineIndex } from './bm25.ts';
import { type CompiledRule, type Ruleset, ruleSubject } from './rules.ts';
import { Synonyms, bag, tokenize } from './text.ts';
import { type ConfidenceCalibration, loadCalibration, toUsd } from './ruleset.ts';
import { type ValueBand, fitsBands, listingVoltage, valueBands, voltageBands } from './value-bands.ts';

/** A product as the classifier sees it. */
export interface ClassifyInput {
  title: string;
  description?: string | undefined;
  /** Free-form attributes: material, function, use, gender, knitted/woven, power source… */
  attributes?: Record<string, string> | undefined;
  /** Category path from the top, e.g. ["Jewelry & Accessories", "Fashion Jewelry", "Rings"]. */
  categoryPath?: string[] | undefined;
  price?: number | undefined;
  currency?: string | undefined;
}

/** A labelled item in memory: a confirmed decision or a reference-corpus entry. */
export interface MemoryItem {
  id: string;
  text: string;
  /** US 10-digit, or the HS-6 part only (foreign references). */
  code: string;
  source: string;
}

export interface Neighbour {
  id: string;
  text: string;
  code: string;
  source: string;
  similarity: number;
}

export interface Candidate {
  code: string;
  formatted: string;
  hs6: string;
  confidence: number;
  score: number;
  /** Descriptions from heading to line. */
  tariffText: string[];
  units: string[];
  generalRate: string;
  evidence: {
    matchedTerms: string[];
    rules: Array<{ id: string; description: string; basis: string; boost: number }>;
    neighbours: Neighbour[];
    components: { lexical: number; heading: number; neighbours: number; rules: number };
  };
}

export interface ClassifyResult {
  candidates: Candidate[];
  hs6: Array<{ code: string; formatted: string; confidence: number; description: string | null }>;
  rulesFired: string[];
  rulesetVersion: string;
}

/** Weights of the evidence; tuned on the HSCodeComp dev part with leave-one-out (bench/classify.bench.ts). */
export interface Weights {
  lexical: number;
  heading: number;
  /** Similarity to the heading's centroid of labelled items (relative to the best heading). */
  centroid: number;
  /** Added when the listing's price fits the line's value band; subtracted (×1.5) when it does not. */
  valueBand: number;
  /** Weight of a neighbour known only by its HS-6 (a foreign reference such as HMRC's) against a US decision. */
  foreignReference: number;
  /** Extra query weight of the leaf category and item-type words. */
  leafBoost: number;
  /** The line's lexical score relative to the best line of its heading (chooses within a heading). */
  withinHeading: number;
  knn10: number;
  knn8: number;
  knn6: number;
  knn4: number;
  otherPrior: number;
  temperature: number;
  /** Softmax temperature of the reported confidence (calibrated on dev: expected calibration error). */
  confidenceTemperature: number;
  neighbours: number;
}
export const DEFAULT_WEIGHTS: Weights = {
  lexical: 0.7,
  heading: 0.3,
  leafBoost: 0.3,
  foreignReference: 1,
  valueBand: 0.3,
  centroid: 0.5,
  withinHeading: 0.3,
  knn10: 6,
  knn8: 1,
  knn6: 1.2,
  knn4: 0.8,
  otherPrior: 0.03,
  temperature: 0.35,
  confidenceTemperature: 1,
  neighbours: 12,
};

/** Attribute keys that describe what a thing is (brand, model, package size… say nothing about it). */
const USEFUL_KEY =
  /(material|item type|^type$|gender|fabric|department|function|usage|^use$|power|applicable|technics|composition|sleeve|closure|feature|shape|style|occasion|fine or fashion|metals|inlay)/i;
const USELESS_VALUE = /^(none|no|other|others|yes|null|n\/a|na|\d+([.,]\d+)?)$/i;

export function usefulAttributes(attrs: Record<string, string> | undefined): Array<[string, string]> {
  if (!attrs) return [];
  return Object.entries(attrs)
    .map(([k, v]) => [k.trim(), String(v ?? '').trim()] as [string, string])
    .filter(([k, v]) => USEFUL_KEY.test(k) && v && !USELESS_VALUE.test(v) && v.length < 120);
}

/** The text a listing is known by, for nearest-neighbour search (title, category, telling attributes). */
export function listingText(input: ClassifyInput): string {
  return [
    input.title,
    ...(input.categoryPath ?? []).slice(-3),
    ...usefulAttributes(input.attributes).map(([, v]) => v),
  ].join(' ');
}

/** The in-memory lexical index of one tariff revision (shared by every organisation). */
export class TariffIndex {
  readonly schedule: Schedule;
  readonly hs: HsNomenclature | undefined;
  readonly lines: Array<{
    code: string;
    seq: number;
    tokens: Set<string>;
    isOther: boolean;
    bands: ValueBand[];
    volts: ValueBand[];
  }> = [];
  readonly byHeading = new Map<string, number[]>();
  readonly byCode = new Map<string, number>();
  private readonly bm25 = new Bm25Index({ k1: 1.2, b: 0.5 });

  constructor(schedule: Schedule, hs?: HsNomenclature) {
    this.schedule = schedule;
    this.hs = hs;
    for (const line of schedule.lines) {
      if (line.code.length !== 10 || line.code.startsWith('98') || line.code.startsWith('99')) continue;
      const path = schedule.pathText(line);
      const own = tokenize(line.description);
      const up = tokenize(path.slice(0, -1).join(' '));
      const hsText = hs?.byCode.get(line.code.slice(0, 6))?.description ?? '';
      const tokens = [...own, ...own, ...up, ...tokenize(hsText)];
      const i = this.bm25.add(tokens);
      this.lines.push({
        code: line.code,
        seq: line.seq,
        tokens: new Set([...own, ...up]),
        isOther: /^other\b/i.test(line.description),
        bands: valueBands(path),
        volts: voltageBands(path),
      });
      this.byCode.set(line.code, i);
      const h = line.code.slice(0, 4);
      const list = this.byHeading.get(h) ?? [];
      list.push(i);
      this.byHeading.set(h, list);
    }
  }

  get size(): number {
    return this.lines.length;
  }

  private readonly underCache = new Map<string, number[]>();
  /** Line numbers under a code prefix (2 to 10 digits); a fresh array the caller may sort. */
  under(prefix: string): number[] {
    let list = this.underCache.get(prefix);
    if (!list) {
      const heading = this.byHeading.get(prefix.slice(0, 4)) ?? [];
      list = prefix.length <= 4 ? heading : heading.filter((i) => this.lines[i]!.code.startsWith(prefix));
      if (this.underCache.size < 20_000) this.underCache.set(prefix, list);
    }
    return list.slice();
  }

  score(query: ReadonlyMap<string, number>, out: Float64Array): string[] {
    return this.bm25.score(query, out);
  }
}

/** The organisation's memory: confirmed decisions and reference items, searchable by similarity. */
export class ClassificationMemory {
  readonly items: MemoryItem[] = [];
  private readonly index = new CosineIndex();
  private readonly itemTokens: string[][] = [];
  // Heading "centroids": for each 4-digit heading, the summed (per-item unique) terms of its items.
  private readonly headingTerms = new Map<string, Map<string, number>>();
  private readonly postings = new Map<string, Map<string, number>>();
  private norms = new Map<string, number>();
  private dirty = true;

  add(item: MemoryItem): void {
    const tokens = [...new Set(tokenize(item.text))];
    this.items.push(item);
    this.itemTokens.push(tokens);
    this.index.add(tokenize(item.text));
    const h = item.code.slice(0, 4);
    const doc = this.headingTerms.get(h) ?? new Map<string, number>();
    for (const t of tokens) {
      doc.set(t, (doc.get(t) ?? 0) + 1);
      const p = this.postings.get(t) ?? new Map<string, number>();
      p.set(h, (p.get(h) ?? 0) + 1);
      this.postings.set(t, p);
    }
    this.headingTerms.set(h, doc);
    this.dirty = true;
  }

  get size(): number {
    return this.items.length;
  }

  nearest(tokens: readonly string[], k: number, exclude?: (item: MemoryItem) => boolean): Neighbour[] {
    const hits = this.index.nearest(bag(tokens), k, exclude ? (d) => exclude(this.items[d]!) : undefined);
    return hits.map(({ doc, similarity }) => {
      const it = this.items[doc]!;
      return { id: it.id, text: it.text, code: it.code, source: it.source, similarity };
    });
  }

  private idf(t: string): number {
    return Math.log((this.headingTerms.size + 1) / ((this.postings.get(t)?.size ?? 0) + 1)) + 1;
  }

  private norm(doc: Map<string, number>, minus?: Map<string, number>): number {
    let n = 0;
    for (const [t, c0] of doc) {
      const c = c0 - (minus?.get(t) ?? 0);
      if (c > 0) n += ((1 + Math.log(c)) * this.idf(t)) ** 2;
    }
    return Math.sqrt(n) || 1;
  }

  /**
   * Cosine similarity of the query to each heading's centroid of labelled items (TF-IDF over headings),
   * leaving out the items `exclude` names (their terms are subtracted from their heading).
   */
  headingSimilarity(tokens: readonly string[], exclude?: (item: MemoryItem) => boolean): Map<string, number> {
    if (this.dirty) {
      this.norms = new Map([...this.headingTerms].map(([h, d]) => [h, this.norm(d)]));
      this.dirty = false;
    }
    const minus = new Map<string, Map<string, number>>();
    if (exclude)
      this.items.forEach((it, i) => {
        if (!exclude(it)) return;
        const h = it.code.slice(0, 4);
        const m = minus.get(h) ?? new Map<string, number>();
        for (const t of this.itemTokens[i]!) m.set(t, (m.get(t) ?? 0) + 1);
        minus.set(h, m);
      });
    const q = bag(tokens);
    const dot = new Map<string, number>();
    let qn = 0;
    for (const [t, qc] of q) {
      const idf = this.idf(t);
      const qw = (1 + Math.log(qc)) * idf;
      qn += qw * qw;
      const p = this.postings.get(t);
      if (!p) continue;
      for (const [h, c0] of p) {
        const c = c0 - (minus.get(h)?.get(t) ?? 0);
        if (c > 0) dot.set(h, (dot.get(h) ?? 0) + qw * (1 + Math.log(c)) * idf);
      }
    }
    qn = Math.sqrt(qn) || 1;
    const out = new Map<string, number>();
    for (const [h, d] of dot) {
      const m = minus.get(h);
      out.set(h, d / (qn * (m ? this.norm(this.headingTerms.get(h)!, m) : this.norms.get(h)!)));
    }
    return out;
  }
}

export interface ClassifyOptions {
  k?: number;
  /** Leave items out of memory (honest evaluation: the item itself, exact-duplicate titles). */
  excludeMemory?: (item: MemoryItem) => boolean;
  weights?: Weights;
}

/**
 * The classification assistant's engine. Evidence from three sources is added per 10-digit line:
 * BM25 over the hierarchy-expanded tariff text (the line's own words, its ancestors' and the WCO HS-6
 * text), rules as data (GRI / chapter-note knowledge), and the nearest labelled items in memory voting
 * for their code at 10, 8, 6 and 4 digits. A softmax over the scores gives the confidence.
 */
export class Classifier {
  readonly tariff: TariffIndex;
  readonly rules: Ruleset;
  readonly synonyms: Synonyms;
  readonly calibration: ConfidenceCalibration | undefined;
  private readonly scratch: Float64Array;

  /** `calibration`: the published one by default; `null` reports the raw softmax. */
  constructor(
    tariff: TariffIndex,
    rules: Ruleset,
    calibration: ConfidenceCalibration | null = loadCalibration(),
  ) {
    this.tariff = tariff;
    this.rules = rules;
    this.calibration = calibration ?? undefined;
    this.synonyms = new Synonyms(rules.data.synonyms);
    this.scratch = new Float64Array(tariff.size);
  }

  classify(
    input: ClassifyInput,
    memory: ClassificationMemory | undefined,
    opts: ClassifyOptions = {},
  ): ClassifyResult {
    const w = opts.weights ?? DEFAULT_WEIGHTS;
    const k = opts.k ?? 5;
    const attrs = usefulAttributes(input.attributes);
    const category = input.categoryPath ?? [];
    const mainText = [input.title, input.description ?? ''].join(' ');

    // Query for the tariff: title (and description), the leaf categories, telling attribute values.
    // The leaf category and the "item type" attribute name the goods most reliably: they weigh more.
    const leaf = [...new Set(category.slice(-2))].join(' ');
    const itemType = attrs
      .filter(([k]) => /item type|^type$/i.test(k))
      .map(([, v]) => v)
      .join(' ');
    const query = bag(
      this.synonyms.expand([...tokenize(mainText), ...tokenize(attrs.map(([, v]) => v).join(' '))]),
    );
    for (const [t, n] of bag(this.synonyms.expand(tokenize(`${leaf} ${itemType}`))))
      query.set(t, (query.get(t) ?? 0) + n * w.leafBoost);
    const lex = this.scratch;
    const matched = this.tariff.score(query, lex);
    let lexMax = 0;
    for (let i = 0; i < lex.length; i++) if (lex[i]! > lexMax) lexMax = lex[i]!;
    const lexN = (i: number) => (lexMax > 0 ? lex[i]! / lexMax : 0);

    // Rules.
    const fired = this.rules.fire(
      ruleSubject(mainText, category, Object.fromEntries(Object.entries(input.attributes ?? {}))),
    );

    // Neighbours.
    const neighbours = memory
      ? memory.nearest(tokenize(listingText(input)), w.neighbours, opts.excludeMemory)
      : [];
    const centroid =
      memory && w.centroid > 0
        ? memory.headingSimilarity(tokenize(listingText(input)), opts.excludeMemory)
        : new Map<string, number>();
    let centroidMax = 0;
    for (const v of centroid.values()) centroidMax = Math.max(centroidMax, v);
    const votes = new Map<string, number>(); // prefix (4/6/8/10 digits) → summed similarity
    for (const n of neighbours) {
      const v = n.similarity * n.similarity * (n.code.length < 10 ? w.foreignReference : 1);
      for (const len of [4, 6, 8, 10]) {
        if (n.code.length < len) continue;
        const p = n.code.slice(0, len);
        votes.set(p, (votes.get(p) ?? 0) + v);
      }
    }

    // Candidates: the best lexical lines, lines under prefixes neighbours or rules point to.
    const cand = new Set<number>();
    const top = topIndices(lex, 60);
    for (const i of top) if (lex[i]! > 0) cand.add(i);
    const addUnder = (prefix: string, n: number) => {
      const under = this.tariff.under(prefix);
      if (under.length === 0) return;
      if (under.length <= n) {
        for (const i of under) cand.add(i);
        return;
      }
      under.sort(
        (a, b) =>
          lex[b]! - lex[a]! || Number(this.tariff.lines[b]!.isOther) - Number(this.tariff.lines[a]!.isOther),
      );
      for (const i of under.slice(0, n)) cand.add(i);
    };
    for (const n of neighbours) {
      const exact = this.tariff.byCode.get(n.code);
      if (exact !== undefined) cand.add(exact);
      addUnder(n.code.slice(0, 6), 4);
    }
    for (const [h] of [...centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)) addUnder(h, 4);
    for (const r of fired)
      for (const e of r.effects) for (const p of e.prefixes ?? []) if (e.boost > 0) addUnder(p, 4);

    // Heading-level lexical evidence: the best line of each heading.
    const headBest = new Map<string, number>();
    for (const i of cand) {
      const h = this.tariff.lines[i]!.code.slice(0, 4);
      headBest.set(h, Math.max(headBest.get(h) ?? 0, lexN(i)));
    }

    const voltage = listingVoltage(`${mainText} ${Object.values(input.attributes ?? {}).join(' ')}`);
    const priceUsd =
      input.price !== undefined && input.price > 0 ? toUsd(input.price, input.currency ?? 'USD') : undefined;

    const scored: Array<{
      i: number;
      score: number;
      parts: Candidate['evidence']['components'];
      rules: Array<{ rule: CompiledRule; boost: number }>;
      band: boolean | undefined;
      volt: boolean | undefined;
    }> = [];
    for (const i of cand) {
      const line = this.tariff.lines[i]!;
      const c = line.code;
      let ruleScore = 0;
      const applied: Array<{ rule: CompiledRule; boost: number }> = [];
      for (const r of fired) {
        let boost = 0;
        let hit = false;
        for (const e of r.effects) {
          if (e.prefixes && !e.prefixes.some((p) => c.startsWith(p))) continue;
          if (e.lineWords && !e.lineWords.some((t) => line.tokens.has(t))) continue;
          boost += e.boost;
          hit = true;
        }
        ruleScore += boost;
        if (hit) applied.push({ rule: r, boost });
      }
      const knn =
        (centroidMax > 0 ? (w.centroid * (centroid.get(c.slice(0, 4)) ?? 0)) / centroidMax : 0) +
        w.knn10 * (votes.get(c) ?? 0) +
        w.knn8 * (votes.get(c.slice(0, 8)) ?? 0) +
        w.knn6 * (votes.get(c.slice(0, 6)) ?? 0) +
        w.knn4 * (votes.get(c.slice(0, 4)) ?? 0);
      const hb = headBest.get(c.slice(0, 4)) ?? 0;
      const parts = {
        lexical: w.lexical * lexN(i) + (hb > 0 ? w.withinHeading * (lexN(i) / hb) : 0),
        heading: w.heading * (headBest.get(c.slice(0, 4)) ?? 0),
        neighbours: knn,
        rules: ruleScore,
      };
      const fits = priceUsd === undefined ? undefined : fitsBands(line.bands, priceUsd);
      if (fits !== undefined) parts.rules += fits ? w.valueBand : -1.5 * w.valueBand;
      const voltFits = voltage === undefined ? undefined : fitsBands(line.volts, voltage);
      if (voltFits !== undefined) parts.rules += voltFits ? w.valueBand : -1.5 * w.valueBand;
      const score =
        parts.lexical + parts.heading + parts.neighbours + parts.rules + (line.isOther ? w.otherPrior : 0);
      scored.push({ i, score, parts, rules: applied, band: fits, volt: voltFits });
    }
    scored.sort((a, b) => b.score - a.score);

    // Confidence: softmax over the candidates' scores.
    const maxS = scored[0]?.score ?? 0;
    let z = 0;
    const exps = scored.map((s) => {
      const e = Math.exp((s.score - maxS) / w.temperature);
      z += e;
      return e;
    });
    const probs = exps.map((e) => e / (z || 1));
    let zc = 0;
    const expsC = scored.map((s) => {
      const e = Math.exp((s.score - maxS) / w.confidenceTemperature);
      zc += e;
      return e;
    });
    const conf = calibrate(
      expsC.map((e) => e / (zc || 1)),
      scored.map((x) => x.score),
      this.calibration,
    );

    const hs6 = new Map<string, number>();
    scored.forEach((s, j) => {
      const p = this.tariff.lines[s.i]!.code.slice(0, 6);
      hs6.set(p, (hs6.get(p) ?? 0) + probs[j]!);
    });

    const candidates: Candidate[] = scored.slice(0, k).map((s, j) => {
      const entry = this.tariff.lines[s.i]!;
      const line = this.tariff.schedule.lines[entry.seq]!;
      const rates = this.tariff.schedule.effectiveRates(line);
      return {
        code: entry.code,
        formatted: formatCode(entry.code),
        hs6: entry.code.slice(0, 6),
        confidence: round(conf[j]!),
        score: round(s.score),
        tariffText: this.tariff.schedule.pathText(line),
        units: this.tariff.schedule.effectiveUnits(line),
        generalRate: rates.general,
        evidence: {
          matchedTerms: matched.filter((t) => entry.tokens.has(t)),
          rules: s.rules
            .map((r) => ({
              id: r.rule.rule.id,
              description: r.rule.rule.description,
              basis: r.rule.rule.basis,
              boost: round(r.boost),
            }))
            .concat(
              s.band === undefined
                ? []
                : [
                    {
                      id: 'value-band',
                      description: `The price (about $${priceUsd?.toFixed(2)} each) ${s.band ? 'fits' : 'is outside'} the value band in the line's text`,
                      basis: 'Tariff text of the line (valued over / not over)',
                      boost: round(s.band ? w.valueBand : -1.5 * w.valueBand),
                    },
                  ],
            )
            .concat(
              s.volt === undefined
                ? []
                : [
                    {
                      id: 'voltage-band',
                      description: `The stated voltage (${voltage} V) ${s.volt ? 'fits' : 'is outside'} the voltage band in the line's text`,
                      basis: 'Tariff text of the line (for a voltage (not) exceeding …)',
                      boost: round(s.volt ? w.valueBand : -1.5 * w.valueBand),
                    },
                  ],
            ),
          neighbours: neighbours.filter((n) => entry.code.startsWith(n.code.slice(0, 6))).slice(0, 5),
          components: {
            lexical: round(s.parts.lexical),
            heading: round(s.parts.heading),
            neighbours: round(s.parts.neighbours),
            rules: round(s.parts.rules),
          },
        },
      };
    });

    return {
      candidates,
      hs6: [...hs6.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([code, p]) => ({
          code,
          formatted: formatCode(code),
          confidence: round(p),
          description: this.tariff.hs?.byCode.get(code)?.description ?? null,
        })),
      rulesFired: fired.map((r) => r.rule.id),
      rulesetVersion: this.rules.version,
    };
  }
}

/** Top-1 probability from the logistic calibration; the rest share what is left as the softmax did. */
function calibrate(softmax: number[], scores: number[], c: ConfidenceCalibration | undefined): number[] {
  const s1 = softmax[0];
  if (!c || s1 === undefined) return softmax;
  const z =
    c.margin * ((scores[0] ?? 0) - (scores[1] ?? 0)) + c.logSoftmax * Math.log(Math.max(s1, 1e-4)) + c.bias;
  const p1 = 1 / (1 + Math.exp(-z));
  const rest = 1 - s1;
  return softmax.map((p, i) => (i === 0 ? p1 : rest > 0 ? (p * (1 - p1)) / rest : 0));
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function topIndices(a: Float64Array, n: number): number[] {
  // Min-heap of the n best positive scores: one pass, log n work only for values that enter the heap.
  const heap: number[] = [];
  const less = (x: number, y: number) => a[heap[x]!]! < a[heap[y]!]!;
  const swap = (x: number, y: number) => {
    const t = heap[x]!;
    heap[x] = heap[y]!;
    heap[y] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v <= 0) continue;
    if (heap.length < n) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (v > a[heap[0]!]!) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((x, y) => a[y]! - a[x]!);
}
