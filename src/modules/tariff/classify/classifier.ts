import { formatCode } from '../hts-format.ts';
import type { HsNomenclature, Schedule } from '../schedule.ts';
import { Bm25Index, CosineIndex } from './bm25.ts';
import { type CompiledRule, type Ruleset, hasWords, ruleSubject } from './rules.ts';
import { Synonyms, bag, categoryLevels, tokenize } from './text.ts';
import { COMPONENT, FEATURES, type Feature, RankerModel } from './ranker.ts';
import { toUsd } from './ruleset.ts';
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
  /** The rules that bore on the candidates returned (see each candidate's evidence for which). */
  rulesFired: string[];
  rulesetVersion: string;
  /** The re-ranker that scored the candidates: "default" (the built-in weights) or a trained model's version. */
  rankerVersion: string;
}

/**
 * How candidates are gathered (not learned, and not tuned on any data set): ten neighbours vote (a
 * conventional k); the leaf category and item-type words count twice in the tariff query (once as text,
 * once more because they name the goods); a neighbour known only by its HS-6 (a foreign reference such as
 * HMRC's) votes like a US decision. BM25 uses its textbook parameters (k1 1.2, b 0.75).
 */
export const RETRIEVAL = { neighbours: 10, leafBoost: 1, foreignReference: 1 } as const;

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
    ...categoryLevels(input.categoryPath).slice(-3),
    ...usefulAttributes(input.attributes).map(([, v]) => v),
  ].join(' ');
}

/**
 * A tariff description without its textile-restraint annotations ("Subject to cotton restraints or to
 * man-made fiber restraints:", "Subject to wool restraints (410)"): they sort blends into quota categories
 * and do not say what a line's goods are made of, so a polyester garment must not meet "man-made" in the
 * lines of "Of other textile materials".
 */
const withoutRestraints = (description: string) =>
  description.replace(/subject to [^:;]*restraints(?: \(\d+\))?:?/gi, ' ');

/** The in-memory lexical index of one tariff revision (shared by every organisation). */
export class TariffIndex {
  readonly schedule: Schedule;
  readonly hs: HsNomenclature | undefined;
  readonly lines: Array<{
    code: string;
    seq: number;
    tokens: Set<string>;
    /** The hierarchy's tokens from the heading down, space-joined and padded (for phrase matches). */
    joined: string;
    /** The tokens of the line's own text below its heading (what the line itself says of its goods). */
    belowHeading: string[];
    isOther: boolean;
    bands: ValueBand[];
    volts: ValueBand[];
  }> = [];
  readonly byHeading = new Map<string, number[]>();
  readonly byCode = new Map<string, number>();
  private readonly bm25 = new Bm25Index();

  constructor(schedule: Schedule, hs?: HsNomenclature) {
    this.schedule = schedule;
    this.hs = hs;
    for (const line of schedule.lines) {
      if (line.code.length !== 10 || line.code.startsWith('98') || line.code.startsWith('99')) continue;
      // What the line's goods are described by: its descriptions from heading to line.
      const path = schedule.pathText(line).map(withoutRestraints);
      const own = tokenize(path.at(-1)!);
      const heading = path.length > 1 ? tokenize(path[0]!) : [];
      const between = tokenize(path.slice(1, -1).join(' ; '));
      const up = [...heading, ...between];
      const hsText = hs?.byCode.get(line.code.slice(0, 6))?.description ?? '';
      const tokens = [...own, ...own, ...up, ...tokenize(hsText)];
      const i = this.bm25.add(tokens);
      this.lines.push({
        code: line.code,
        seq: line.seq,
        tokens: new Set([...own, ...up]),
        joined: ` ${[...up, ...own].join(' ')} `,
        belowHeading: path.length > 1 ? [...between, ...own] : [],
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

/** TF-IDF "centroids" of the labelled items sharing a code prefix (4 or 6 digits), with leave-out. */
class PrefixCentroids {
  readonly len: number;
  // For each prefix, the summed (per-item unique) terms of its items.
  private readonly terms = new Map<string, Map<string, number>>();
  private readonly postings = new Map<string, Map<string, number>>();
  private norms = new Map<string, number>();
  private dirty = true;

  constructor(len: number) {
    this.len = len;
  }

  add(code: string, tokens: readonly string[]): void {
    if (code.length < this.len) return;
    const h = code.slice(0, this.len);
    const doc = this.terms.get(h) ?? new Map<string, number>();
    for (const t of tokens) {
      doc.set(t, (doc.get(t) ?? 0) + 1);
      const p = this.postings.get(t) ?? new Map<string, number>();
      p.set(h, (p.get(h) ?? 0) + 1);
      this.postings.set(t, p);
    }
    this.terms.set(h, doc);
    this.dirty = true;
  }

  private idf(t: string): number {
    return Math.log((this.terms.size + 1) / ((this.postings.get(t)?.size ?? 0) + 1)) + 1;
  }

  private norm(doc: Map<string, number>, minus?: Map<string, number>): number {
    let n = 0;
    for (const [t, c0] of doc) {
      const c = c0 - (minus?.get(t) ?? 0);
      if (c > 0) n += ((1 + Math.log(c)) * this.idf(t)) ** 2;
    }
    return Math.sqrt(n) || 1;
  }

  /** Cosine similarity of the query to each prefix's centroid, the `left` items' terms subtracted. */
  similarity(
    q: ReadonlyMap<string, number>,
    left: ReadonlyArray<{ code: string; tokens: readonly string[] }>,
  ): Map<string, number> {
    if (this.dirty) {
      this.norms = new Map([...this.terms].map(([h, d]) => [h, this.norm(d)]));
      this.dirty = false;
    }
    const minus = new Map<string, Map<string, number>>();
    for (const it of left) {
      if (it.code.length < this.len) continue;
      const h = it.code.slice(0, this.len);
      const m = minus.get(h) ?? new Map<string, number>();
      for (const t of it.tokens) m.set(t, (m.get(t) ?? 0) + 1);
      minus.set(h, m);
    }
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
      out.set(h, d / (qn * (m ? this.norm(this.terms.get(h)!, m) : this.norms.get(h)!)));
    }
    return out;
  }
}

/** What the memory says about a listing (leaving out the items the caller excludes). */
export interface MemoryEvidence {
  neighbours: Neighbour[];
  /**
   * The nearest items known to 10 digits (the organisation's decisions, US references), however many
   * nearer HS-6-only references there are: their lines are candidates.
   */
  usNeighbours: Neighbour[];
  /** Similarity to the labelled items of each 4-digit heading and each 6-digit subheading. */
  centroid4: Map<string, number>;
  centroid6: Map<string, number>;
  /** How many of the organisation's own US (10-digit) labelled items share a 4/6/10-digit prefix. */
  prior: (prefix: string) => number;
}

/** The organisation's memory: confirmed decisions and reference items, searchable by similarity. */
export class ClassificationMemory {
  readonly items: MemoryItem[] = [];
  private readonly index = new CosineIndex();
  private readonly itemTokens: string[][] = [];
  private readonly centroids = [new PrefixCentroids(4), new PrefixCentroids(6)] as const;
  private readonly usCounts = new Map<string, number>();

  add(item: MemoryItem): void {
    const tokens = [...new Set(tokenize(item.text))];
    this.items.push(item);
    this.itemTokens.push(tokens);
    this.index.add(tokenize(item.text));
    for (const c of this.centroids) c.add(item.code, tokens);
    if (item.code.length === 10)
      for (const len of [4, 6, 10]) {
        const p = item.code.slice(0, len);
        this.usCounts.set(p, (this.usCounts.get(p) ?? 0) + 1);
      }
  }

  get size(): number {
    return this.items.length;
  }

  nearest(tokens: readonly string[], k: number, exclude?: (item: MemoryItem) => boolean): Neighbour[] {
    return this.nearestSplit(tokens, k, exclude).all;
  }

  /** The `k` nearest items, and the `k` nearest of those known to 10 digits (one search). */
  nearestSplit(
    tokens: readonly string[],
    k: number,
    exclude?: (item: MemoryItem) => boolean,
  ): { all: Neighbour[]; us: Neighbour[] } {
    const hits = this.index.nearest(
      bag(tokens),
      Number.POSITIVE_INFINITY,
      exclude ? (d) => exclude(this.items[d]!) : undefined,
    );
    const all: Neighbour[] = [];
    const us: Neighbour[] = [];
    for (const { doc, similarity } of hits) {
      const it = this.items[doc]!;
      const n = { id: it.id, text: it.text, code: it.code, source: it.source, similarity };
      if (all.length < k) all.push(n);
      if (it.code.length === 10 && us.length < k) us.push(n);
      if (all.length >= k && us.length >= k) break;
    }
    return { all, us };
  }

  /** Neighbours, prefix centroids and prior counts for a listing's tokens. */
  evidence(tokens: readonly string[], k: number, exclude?: (item: MemoryItem) => boolean): MemoryEvidence {
    const left: Array<{ code: string; tokens: readonly string[] }> = [];
    const leftCounts = new Map<string, number>();
    if (exclude)
      this.items.forEach((it, i) => {
        if (!exclude(it)) return;
        left.push({ code: it.code, tokens: this.itemTokens[i]! });
        if (it.code.length === 10)
          for (const len of [4, 6, 10]) {
            const p = it.code.slice(0, len);
            leftCounts.set(p, (leftCounts.get(p) ?? 0) + 1);
          }
      });
    const q = bag(tokens);
    const near = this.nearestSplit(tokens, k, exclude);
    return {
      neighbours: near.all,
      usNeighbours: near.us,
      centroid4: this.centroids[0].similarity(q, left),
      centroid6: this.centroids[1].similarity(q, left),
      prior: (p) => (this.usCounts.get(p) ?? 0) - (leftCounts.get(p) ?? 0),
    };
  }
}

export interface ClassifyOptions {
  k?: number;
  /** Leave items out of memory (honest evaluation: the item itself, exact-duplicate titles). */
  excludeMemory?: (item: MemoryItem) => boolean;
  /** Rules (by id) to leave out: a reviewer's "what if this rule did not fire", the rule-impact bench. */
  withoutRules?: ReadonlySet<string>;
  /** The re-ranker to score with (default: the classifier's). */
  model?: RankerModel;
}

interface Gathered {
  lines: number[];
  features: Float64Array[];
  applied: Array<Array<{ rule: CompiledRule; boost: number }>>;
  /** Per candidate: the rules' boosts that re-order lines among their siblings (`within` effects)… */
  within: number[];
  /** …and the prefix of the group they re-order it in (the shortest of the rules that applied). */
  withinGroup: Array<string | undefined>;
  band: Array<boolean | undefined>;
  volt: Array<boolean | undefined>;
  materials: number;
  matched: string[];
  neighbours: Neighbour[];
  fired: CompiledRule[];
  priceUsd: number | undefined;
  voltage: number | undefined;
}

const F = Object.fromEntries(FEATURES.map((f, j) => [f, j])) as Record<Feature, number>;

/**
 * The classification assistant's engine. Candidates (10-digit lines) come from BM25 over the
 * hierarchy-expanded tariff text (the line's own words, its ancestors' and the WCO HS-6 text), from the
 * prefixes the nearest labelled items and the rules point to; each gets a vector of evidence features
 * (lexical, heading, neighbour votes and centroids, rules as data, value and voltage bands, priors), and a
 * learned linear re-ranker (`ranker.ts`) scores them; the softmax of the scores is the confidence.
 */
export class Classifier {
  readonly tariff: TariffIndex;
  readonly rules: Ruleset;
  readonly synonyms: Synonyms;
  readonly model: RankerModel;
  private readonly scratch: Float64Array;
  /** Per indexed line: the materials its own text (below the heading) names, as the ruleset's bit set. */
  private readonly lineMaterials: Int32Array;

  constructor(tariff: TariffIndex, rules: Ruleset, model: RankerModel = RankerModel.DEFAULT) {
    this.tariff = tariff;
    this.rules = rules;
    this.model = model;
    this.synonyms = new Synonyms(rules.data.synonyms);
    this.scratch = new Float64Array(tariff.size);
    this.lineMaterials = Int32Array.from(tariff.lines, (l) => rules.materials.namedIn(l.belowHeading));
  }

  /** The candidates and their evidence features, unscored (for training the re-ranker). */
  candidateFeatures(
    input: ClassifyInput,
    memory: ClassificationMemory | undefined,
    opts: ClassifyOptions = {},
  ): { codes: string[]; features: Float64Array[] } {
    const g = this.gather(input, memory, opts);
    return { codes: g.lines.map((i) => this.tariff.lines[i]!.code), features: g.features };
  }

  private gather(
    input: ClassifyInput,
    memory: ClassificationMemory | undefined,
    { excludeMemory: exclude, withoutRules }: ClassifyOptions,
  ): Gathered {
    const attrs = usefulAttributes(input.attributes);
    const category = categoryLevels(input.categoryPath);
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
      query.set(t, (query.get(t) ?? 0) + n * RETRIEVAL.leafBoost);
    const lex = this.scratch;
    const matched = this.tariff.score(query, lex);
    let lexMax = 0;
    for (let i = 0; i < lex.length; i++) if (lex[i]! > lexMax) lexMax = lex[i]!;
    const lexN = (i: number) => (lexMax > 0 ? lex[i]! / lexMax : 0);

    const fired = this.rules
      .fire(ruleSubject(mainText, category, Object.fromEntries(Object.entries(input.attributes ?? {}))))
      .filter((r) => !withoutRules?.has(r.rule.id));

    // Memory: neighbours, prefix centroids, prior counts.
    const mem = memory?.evidence(tokenize(listingText(input)), RETRIEVAL.neighbours, exclude);
    const neighbours = mem?.neighbours ?? [];
    const centroid4 = mem?.centroid4 ?? new Map<string, number>();
    const centroid6 = mem?.centroid6 ?? new Map<string, number>();
    const maxOf = (m: Map<string, number>) => {
      let x = 0;
      for (const v of m.values()) x = Math.max(x, v);
      return x;
    };
    const c4Max = maxOf(centroid4);
    const c6Max = maxOf(centroid6);
    const votes = new Map<string, number>(); // prefix (4/6/8/10 digits) → summed squared similarity
    const nearest = new Map<string, number>(); // prefix (4/6 digits) → best similarity
    for (const n of neighbours) {
      const v = n.similarity * n.similarity * (n.code.length < 10 ? RETRIEVAL.foreignReference : 1);
      for (const len of [4, 6, 8, 10]) {
        if (n.code.length < len) continue;
        const p = n.code.slice(0, len);
        votes.set(p, (votes.get(p) ?? 0) + v);
        if (len <= 6) nearest.set(p, Math.max(nearest.get(p) ?? 0, n.similarity));
      }
    }

    // Candidates: the best lexical lines, lines under prefixes neighbours, centroids or rules point to.
    const cand = new Set<number>();
    for (const i of topIndices(lex, 60)) if (lex[i]! > 0) cand.add(i);
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
    // Lines of the nearest items: all of them, and those known to 10 digits (which HS-6-only references,
    // many and short, can crowd out of the ten nearest).
    for (const n of [...neighbours, ...(mem?.usNeighbours ?? [])]) {
      const exact = this.tariff.byCode.get(n.code);
      if (exact !== undefined) cand.add(exact);
      addUnder(n.code.slice(0, 6), 4);
    }
    for (const [h] of [...centroid4.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)) addUnder(h, 4);
    for (const [h] of [...centroid6.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)) addUnder(h, 3);
    for (const r of fired)
      for (const e of r.effects)
        for (const p of e.prefixes ?? []) if (e.boost > 0 && !e.within) addUnder(p, 4);
    // A rule that argues for a line within its subheading (the residual "Other") brings that line in only
    // where the subheading is already a candidate: it chooses among a subheading's lines, never a heading.
    const subheadings = new Set([...cand].map((i) => this.tariff.lines[i]!.code.slice(0, 6)));
    for (const r of fired)
      for (const e of r.effects)
        for (const p of e.prefixes ?? [])
          if (e.boost > 0 && e.within && subheadings.has(p.slice(0, 6))) addUnder(p, 4);

    // Heading-level lexical evidence: the best line of each heading.
    const headBest = new Map<string, { lex: number; i: number }>();
    for (const i of cand) {
      const h = this.tariff.lines[i]!.code.slice(0, 4);
      const cur = headBest.get(h);
      if (!cur || lexN(i) > cur.lex) headBest.set(h, { lex: lexN(i), i });
    }

    const materials = this.rules.materials.stated(input.attributes ?? {});
    const voltage = listingVoltage(`${mainText} ${Object.values(input.attributes ?? {}).join(' ')}`);
    const priceUsd =
      input.price !== undefined && input.price > 0 ? toUsd(input.price, input.currency ?? 'USD') : undefined;

    const g: Gathered = {
      lines: [],
      features: [],
      applied: [],
      within: [],
      withinGroup: [],
      band: [],
      volt: [],
      materials,
      matched,
      // Shown as evidence: the ten nearest and the nearest 10-digit items that brought lines in.
      neighbours: [
        ...neighbours,
        ...(mem?.usNeighbours ?? []).filter((u) => !neighbours.some((n) => n.id === u.id)),
      ].sort((a, b) => b.similarity - a.similarity),
      fired,
      priceUsd,
      voltage,
    };
    const prior = (p: string) => Math.log1p(Math.max(0, mem?.prior(p) ?? 0));
    for (const i of cand) {
      const line = this.tariff.lines[i]!;
      const c = line.code;
      let rulesFor = 0;
      let rulesAgainst = 0;
      let within = 0;
      let withinDigits = 10;
      const applied: Array<{ rule: CompiledRule; boost: number }> = [];
      const chapter = c.slice(0, 2);
      for (const r of fired) {
        if (r.chapters && !r.chapters.has(chapter)) continue;
        let boost = 0;
        let shown = 0;
        let hit = false;
        for (const e of r.effects) {
          if (e.prefixes && !e.prefixes.some((p) => c.startsWith(p))) continue;
          if (e.lineWords && !hasWords(line.tokens, line.joined, e.lineWords)) continue;
          if (e.within) {
            within += e.boost;
            withinDigits = Math.min(withinDigits, r.withinDigits);
          } else boost += e.boost;
          shown += e.boost;
          hit = true;
        }
        if (boost > 0) rulesFor += boost;
        else rulesAgainst += boost;
        if (hit) applied.push({ rule: r, boost: shown });
      }
      const fits = priceUsd === undefined ? undefined : fitsBands(line.bands, priceUsd);
      const voltFits = voltage === undefined ? undefined : fitsBands(line.volts, voltage);
      const hb = headBest.get(c.slice(0, 4));
      const x = new Float64Array(FEATURES.length);
      x[F.lexical] = lexN(i);
      x[F.lexicalInHeading] = hb && hb.lex > 0 ? lexN(i) / hb.lex : 0;
      x[F.headingLexical] = hb?.lex ?? 0;
      x[F.bestInHeading] = hb?.i === i ? 1 : 0;
      x[F.centroid4] = c4Max > 0 ? (centroid4.get(c.slice(0, 4)) ?? 0) / c4Max : 0;
      x[F.centroid6] = c6Max > 0 ? (centroid6.get(c.slice(0, 6)) ?? 0) / c6Max : 0;
      x[F.votes10] = votes.get(c) ?? 0;
      x[F.votes8] = votes.get(c.slice(0, 8)) ?? 0;
      x[F.votes6] = votes.get(c.slice(0, 6)) ?? 0;
      x[F.votes4] = votes.get(c.slice(0, 4)) ?? 0;
      x[F.nearest6] = nearest.get(c.slice(0, 6)) ?? 0;
      x[F.nearest4] = nearest.get(c.slice(0, 4)) ?? 0;
      x[F.rulesFor] = rulesFor;
      x[F.rulesAgainst] = rulesAgainst;
      x[F.valueBand] = fits === undefined ? 0 : fits ? 1 : -1;
      x[F.voltageBand] = voltFits === undefined ? 0 : voltFits ? 1 : -1;
      const named = this.lineMaterials[i]!;
      x[F.material] = materials && named ? (materials & named ? 1 : -1) : 0;
      x[F.other] = line.isOther ? 1 : 0;
      x[F.prior10] = prior(c);
      x[F.prior6] = prior(c.slice(0, 6));
      x[F.prior4] = prior(c.slice(0, 4));
      g.lines.push(i);
      g.features.push(x);
      g.applied.push(applied);
      g.within.push(within);
      g.withinGroup.push(within !== 0 ? c.slice(0, withinDigits) : undefined);
      g.band.push(fits);
      g.volt.push(voltFits);
    }
    return g;
  }

  /**
   * Applies the rules' `within` boosts (weighed as the model weighs rule evidence): within each group (the
   * candidates under the prefix the rule's `within` effects share, at least the subheading) lines are
   * re-ordered, then shifted together so that the group's best line keeps the score it had and the group
   * ranks against its neighbours as before. Longer (inner) groups first.
   */
  private reorderWithin(g: Gathered, scores: number[], model: RankerModel): void {
    const keys = [...new Set(g.withinGroup.filter((k): k is string => k !== undefined))];
    if (keys.length === 0) return;
    const wFor = model.weights[F.rulesFor]!;
    const wAgainst = model.weights[F.rulesAgainst]!;
    const codes = g.lines.map((i) => this.tariff.lines[i]!.code);
    for (const key of keys.sort((a, b) => b.length - a.length)) {
      const js = codes.flatMap((c, j) => (c.startsWith(key) ? [j] : []));
      const before = Math.max(...js.map((j) => scores[j]!));
      for (const j of js) {
        if (g.withinGroup[j] !== key) continue;
        const w = g.within[j]!;
        scores[j]! += w * (w > 0 ? wFor : wAgainst);
      }
      const shift = before - Math.max(...js.map((j) => scores[j]!));
      for (const j of js) scores[j]! += shift;
    }
  }

  classify(
    input: ClassifyInput,
    memory: ClassificationMemory | undefined,
    opts: ClassifyOptions = {},
  ): ClassifyResult {
    const k = opts.k ?? 5;
    const model = opts.model ?? this.model;
    const g = this.gather(input, memory, opts);
    const base = g.features.map((x) => model.score(x));
    const scores = base.slice();
    this.reorderWithin(g, scores, model);
    const order = g.lines.map((_, j) => ({ j, score: scores[j]! }));
    order.sort((a, b) => b.score - a.score);

    // Confidence: the softmax of the re-ranker's scores (trained for it by maximum likelihood).
    const maxS = order[0]?.score ?? 0;
    let z = 0;
    const exps = order.map((s) => {
      const e = Math.exp(s.score - maxS);
      z += e;
      return e;
    });
    const probs = exps.map((e) => e / (z || 1));

    const hs6 = prefixConfidence(
      order.map((s, r) => ({ code: this.tariff.lines[g.lines[s.j]!]!.code, confidence: probs[r]! })),
      6,
    );

    const w = model.weights;
    const candidates: Candidate[] = order.slice(0, k).map((s, r) => {
      const entry = this.tariff.lines[g.lines[s.j]!]!;
      const line = this.tariff.schedule.lines[entry.seq]!;
      const rates = this.tariff.schedule.effectiveRates(line);
      const x = g.features[s.j]!;
      const components = { lexical: 0, heading: 0, neighbours: 0, rules: 0 };
      FEATURES.forEach((f, j) => {
        components[COMPONENT[f]] += w[j]! * x[j]!;
      });
      // Rules that re-order lines among their siblings (and the shift of their group that follows).
      components.rules += scores[s.j]! - base[s.j]!;
      const band = g.band[s.j];
      const volt = g.volt[s.j];
      return {
        code: entry.code,
        formatted: formatCode(entry.code),
        hs6: entry.code.slice(0, 6),
        confidence: round(probs[r]!),
        score: round(s.score),
        tariffText: this.tariff.schedule.pathText(line),
        units: this.tariff.schedule.effectiveUnits(line),
        generalRate: rates.general,
        evidence: {
          matchedTerms: g.matched.filter((t) => entry.tokens.has(t)),
          rules: g.applied[s.j]!.map((a) => ({
            id: a.rule.rule.id,
            description: a.rule.rule.description,
            basis: a.rule.rule.basis,
            boost: round(a.boost),
          }))
            .concat(
              band === undefined
                ? []
                : [
                    {
                      id: 'value-band',
                      description: `The price (about $${g.priceUsd?.toFixed(2)} each) ${band ? 'fits' : 'is outside'} the value band in the line's text`,
                      basis: 'Tariff text of the line (valued over / not over)',
                      boost: round(w[F.valueBand]! * x[F.valueBand]!),
                    },
                  ],
            )
            .concat(
              volt === undefined
                ? []
                : [
                    {
                      id: 'voltage-band',
                      description: `The stated voltage (${g.voltage} V) ${volt ? 'fits' : 'is outside'} the voltage band in the line's text`,
                      basis: 'Tariff text of the line (for a voltage (not) exceeding …)',
                      boost: round(w[F.voltageBand]! * x[F.voltageBand]!),
                    },
                  ],
            )
            .concat(
              x[F.material] === 0
                ? []
                : [
                    {
                      id: 'material',
                      description: `The line's text ${x[F.material]! > 0 ? 'names' : 'names only materials other than'} the material the listing states`,
                      basis: this.rules.data.materials?.basis ?? 'Tariff text of the line (of <material>)',
                      boost: round(w[F.material]! * x[F.material]!),
                    },
                  ],
            ),
          neighbours: g.neighbours.filter((n) => entry.code.startsWith(n.code.slice(0, 6))).slice(0, 5),
          components: {
            lexical: round(components.lexical),
            heading: round(components.heading),
            neighbours: round(components.neighbours),
            rules: round(components.rules),
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
      // The rules that bore on the candidates returned (a rule that fires on every listing, such as a
      // residual-line rule, says nothing about a listing whose answer lies in other subheadings).
      rulesFired: g.fired
        .filter((r) => order.slice(0, k).some((o) => g.applied[o.j]!.some((x) => x.rule === r)))
        .map((r) => r.rule.id),
      rulesetVersion: this.rules.version,
      rankerVersion: model.version,
    };
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * The confidence of each code prefix (heading, subheading…): that of its best line. Summing its lines'
 * would rank a prefix by how many of its lines the candidate search brought in (up to four per prefix a
 * neighbour or rule points to, more where the tariff splits finely) and by how a subheading's lines share
 * its score (rules that choose within a subheading move them apart). Measured (docs/benchmarks.md): with
 * the built-in weights, HMRC check HS-6 top-1 33.6 against 31.6 %, top-5 59.0 against 57.3 %, dev 59.1
 * against 56.1 % (top-5 80.1 against 81.1 %); with a model trained per fold, dev 63.5 against 61.1 %,
 * top-5 81.1 against 80.7 %.
 */
export function prefixConfidence(
  lines: ReadonlyArray<{ code: string; confidence: number }>,
  digits: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const p = l.code.slice(0, digits);
    out.set(p, Math.max(out.get(p) ?? 0, l.confidence));
  }
  return out;
}

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
