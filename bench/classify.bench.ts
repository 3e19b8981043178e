// Classification benchmark (issue 4): top-1/3/5 accuracy at 4, 6, 8 and 10 digits and latency on the
// HSCodeComp dev part, using only what the product would have: the tariff (USITC HTS export), the WCO
// HS nomenclature, the rules, the HMRC parcel references, and the other dev items as memory (leave-one-
// out: the item itself and any item with the same title are excluded from memory; never its own label).
// Two re-rankers are measured on the same items: the built-in weights (untrained, as shipped) and a model
// trained in memory per fold: 10 folds (CROSSGATE_CLASSIFY_FOLDS), each fold classified by weights
// trained on the other folds only, their evidence computed with the whole test fold left out.
// Held-out evaluation: CROSSGATE_CLASSIFY_EVAL=<file.jsonl> (HSCodeComp-shaped, labelled) is classified
// with the whole dev part as memory (dev items with the same title as the evaluated item left out), by the
// built-in weights and by a model trained in memory on the whole dev part. No model file is read.
// `node bench/classify.bench.ts hmrc` (also run at the end of the full bench): every fourth HMRC parcel
// reference classified against the other references and the dev part, HS-6 compared: a check on data
// the rules were not written from. `node bench/classify.bench.ts rules`: each rule's contribution on the dev
// part and that check (what the items it fires on get without it), for reviewing a ruleset.
import fs from 'node:fs';
import os from 'node:os';
import { type ClassifyResult, prefixConfidence } from '../src/modules/tariff/classify/classifier.ts';
import { type ListingItem, parseNdjson } from '../src/modules/tariff/classify/reference-format.ts';
import { RankerModel } from '../src/modules/tariff/classify/ranker.ts';
import { referenceId, sameTitleIds, trainModel } from '../src/modules/tariff/classify/train.ts';
import {
  DEV_SOURCE,
  crossValidate,
  exitUnlessReferenceData,
  hmrcReferences,
  loadClassifier,
  loadDevItems,
  loadItems,
  loadMemory,
  today,
} from './classify-data.ts';

exitUnlessReferenceData();
const mode = process.argv[2] ?? 'loo'; // loo | no-dev | tariff-only | hmrc | rules | probes

const { classifier, schedule, buildMs: tIndex } = loadClassifier();
const index = classifier.tariff;
const dev = loadDevItems();
const evalFile = process.env.CROSSGATE_CLASSIFY_EVAL;
const folds = Number(process.env.CROSSGATE_CLASSIFY_FOLDS ?? 10);
const items = evalFile ? loadItems(evalFile) : dev;
const memory = loadMemory({
  hmrc: mode !== 'tariff-only',
  dev: mode === 'loo' || mode === 'hmrc' || mode === 'rules' || mode === 'probes' ? dev : [],
});

/** An item of the HMRC check or the rule impact, classified with the built-in weights. */
interface CheckCase {
  set: 'dev' | 'hmrc';
  input: ListingItem['input'];
  /** The dev item's 10-digit code, or the reference's HS-6. */
  gold: string;
  exclude: (m: { id: string; text: string }) => boolean;
}
// A check on other data than the dev part: every fourth HMRC parcel reference (short descriptions with UK
// codes, HS-6 compared) classified with the dev part and the other references as memory (the reference
// and any with the same text left out).
function hmrcCases(): CheckCase[] {
  const refs = hmrcReferences();
  const out: CheckCase[] = [];
  for (let i = 0; i < refs.length; i += 4) {
    const ref = refs[i]!;
    const id = referenceId(i);
    out.push({
      set: 'hmrc',
      input: { title: ref.text },
      gold: ref.code.slice(0, 6),
      exclude: (m) => m.id === id || m.text === ref.text,
    });
  }
  return out;
}
const checkOpts = (c: CheckCase, withoutRules?: ReadonlySet<string>) => ({
  k: 30,
  model: RankerModel.DEFAULT,
  excludeMemory: c.exclude,
  withoutRules,
});

if (mode === 'hmrc') {
  const cases = hmrcCases();
  const hit = { h4: 0, h6: 0, h6at5: 0 };
  for (const c of cases) {
    const r = classifier.classify(c.input, memory, checkOpts(c));
    if (r.hs6[0]?.code.slice(0, 4) === c.gold.slice(0, 4)) hit.h4++;
    if (r.hs6[0]?.code === c.gold) hit.h6++;
    if (r.hs6.slice(0, 5).some((h) => h.code === c.gold)) hit.h6at5++;
  }
  const pct = (x: number) => `${((100 * x) / cases.length).toFixed(1)}%`;
  console.log(
    `HMRC parcel references (every 4th, ${cases.length} items; memory: dev part + other references; built-in weights; ruleset ${classifier.rules.version}): 4-digit top-1 ${pct(hit.h4)}, HS-6 top-1 ${pct(hit.h6)}, HS-6 top-5 ${pct(hit.h6at5)}`,
  );
  process.exit(0);
}

// Rule impact, for reviewing a ruleset: each rule that bears on the 30 best candidates of a dev item
// (leave-one-out) or a checked HMRC reference (its `rulesFired`), those items classified again without it. A rule's contribution is the
// number of items right with it and wrong without (HS-6 top-1; 10-digit for dev), less the reverse. Rules
// that overlap share their contribution, so a redundant rule shows none.
if (mode === 'rules') {
  const same = sameTitleIds(dev);
  const cases: CheckCase[] = [
    ...dev.map((it): CheckCase => {
      const left = same(it);
      return { set: 'dev', input: it.input, gold: it.code!, exclude: (m) => left.has(m.id) };
    }),
    ...hmrcCases(),
  ];
  const outcome = (c: CheckCase, without?: ReadonlySet<string>) => {
    const r = classifier.classify(c.input, memory, checkOpts(c, without));
    return {
      h6: r.hs6[0]?.code === c.gold.slice(0, 6) ? 1 : 0,
      h10: r.candidates[0]?.code === c.gold ? 1 : 0,
      fired: r.rulesFired,
    };
  };
  const base = cases.map((c) => outcome(c));
  const firesOn = new Map<string, number[]>();
  base.forEach((b, i) => {
    for (const id of b.fired) firesOn.set(id, [...(firesOn.get(id) ?? []), i]);
  });
  const rows = [...firesOn].map(([id, idx]) => {
    const row = { id, dev: 0, hmrc: 0, dev6: 0, dev10: 0, hmrc6: 0 };
    for (const i of idx) {
      const c = cases[i]!;
      const b = base[i]!;
      const o = outcome(c, new Set([id]));
      if (c.set === 'dev') {
        row.dev++;
        row.dev6 += b.h6 - o.h6;
        row.dev10 += b.h10 - o.h10;
      } else {
        row.hmrc++;
        row.hmrc6 += b.h6 - o.h6;
      }
    }
    return row;
  });
  rows.sort((a, b) => a.hmrc6 + a.dev6 - (b.hmrc6 + b.dev6) || a.id.localeCompare(b.id));
  console.log(
    `Rule impact (ruleset ${classifier.rules.version}, ${classifier.rules.rules.length} rules; ${rows.length} fire on ${dev.length} dev items or ${cases.length - dev.length} HMRC references)`,
  );
  console.log('| rule | fires on dev / HMRC | dev HS-6 | dev 10-digit | HMRC HS-6 |');
  console.log('|---|---|---|---|---|');
  const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);
  for (const r of rows)
    console.log(
      `| ${r.id} | ${r.dev} / ${r.hmrc} | ${signed(r.dev6)} | ${signed(r.dev10)} | ${signed(r.hmrc6)} |`,
    );
  const sum = (k: 'dev6' | 'dev10' | 'hmrc6') => rows.reduce((a, r) => a + r[k], 0);
  console.log(
    `sum of single-rule contributions: dev HS-6 ${signed(sum('dev6'))}, dev 10-digit ${signed(sum('dev10'))}, HMRC HS-6 ${signed(sum('hmrc6'))}; rules that cost more than they bring: ${rows.filter((r) => r.dev6 + r.hmrc6 < 0).length}`,
  );
  process.exit(0);
}

// Marketplace probes (`node bench/classify.bench.ts probes`, also run at the end of the full bench): the
// listings in bench/classify-probes/*.ndjson, invented as AliExpress sellers write them, one or more per
// marketplace category, each labelled (`code`) with what its writer read from the tariff: the heading or
// HS-6, which the top subheading must start with, or the 8- or 10-digit line, which the top line must start
// with. They are labelled listings in the product's own NDJSON (`crossgate classify reference add` and
// `classify batch` read them too). They were written to find goods classes no rule named, and the rules
// were then written from their misses: a coverage and regression suite, not an accuracy measure (files
// named *-heldout were written after the rules). Built-in weights, the dev part and the HMRC references as
// memory.
if (mode === 'probes') {
  const dir = new URL('./classify-probes/', import.meta.url);
  const total = { n: 0, h6: 0, h65: 0, n10: 0, h10: 0 };
  const pct = (x: number, n: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()) {
    const hit = { n: 0, h6: 0, h65: 0, n10: 0, h10: 0 };
    for (const it of parseNdjson(fs.readFileSync(new URL(file, dir), 'utf8'))) {
      if (!('input' in it)) throw new Error(`${file} line ${it.line}: ${it.error}`);
      const code = it.code ?? '';
      if (!/^\d{4}(\d{2}){0,3}$/.test(code))
        throw new Error(`${file} ${it.id}: code "${code}" is not a code of 4, 6, 8 or 10 digits`);
      const r = classifier.classify(it.input, memory, { k: 30, model: RankerModel.DEFAULT });
      hit.n++;
      const ok6 = !!r.hs6[0]?.code.startsWith(code.slice(0, 6));
      if (ok6) hit.h6++;
      if (r.hs6.slice(0, 5).some((h) => h.code.startsWith(code.slice(0, 6)))) hit.h65++;
      if (code.length > 6) {
        hit.n10++;
        if (r.candidates[0]?.code.startsWith(code)) hit.h10++;
      }
      if (process.env.SHOW_MISSES && !ok6)
        console.log(
          `  miss ${file} ${it.id} expect ${code} got ${r.candidates[0]?.code} | ${it.input.title}`,
        );
    }
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += hit[k];
    console.log(
      `${file}: ${hit.n} probes; HS-6 top-1 ${pct(hit.h6, hit.n)}, top-5 ${pct(hit.h65, hit.n)}; line top-1 ${pct(hit.h10, hit.n10)} of ${hit.n10}`,
    );
  }
  console.log(
    `marketplace probes, all files (built-in weights; ruleset ${classifier.rules.version}): ${total.n} probes; HS-6 top-1 ${pct(total.h6, total.n)}, top-5 ${pct(total.h65, total.n)}; line (8/10-digit) top-1 ${pct(total.h10, total.n10)} of ${total.n10}`,
  );
  process.exit(0);
}

const DIGITS = [4, 6, 8, 10] as const;
const KS = [1, 3, 5] as const;

/** Prefixes ranked as the classifier ranks HS-6 (`prefixConfidence`); 6 digits are its own HS-6 list. */
function rankedPrefixes(r: ClassifyResult, digits: number): string[] {
  if (digits === 6) return r.hs6.map((h) => h.code);
  return [...prefixConfidence(r.candidates, digits).entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/** The figures of one re-ranker over the items. */
class Arm {
  readonly hits: Record<string, number> = {};
  readonly lat: number[] = [];
  readonly calib: Array<{ conf: number; ok: boolean }> = [];
  readonly misses: string[] = [];
  cpuMs = 0;

  record(it: ListingItem, r: ClassifyResult, ms: number, cpu: number): void {
    this.lat.push(ms);
    this.cpuMs += cpu;
    const gold = it.code!;
    for (const d of DIGITS) {
      const ranked = rankedPrefixes(r, d);
      for (const k of KS)
        if (ranked.slice(0, k).includes(gold.slice(0, d)))
          this.hits[`${d}@${k}`] = (this.hits[`${d}@${k}`] ?? 0) + 1;
    }
    const top = r.candidates[0];
    this.calib.push({ conf: top?.confidence ?? 0, ok: top?.code === gold });
    if (
      process.env.SHOW_MISSES &&
      top?.code.slice(0, 6) !== gold.slice(0, 6) &&
      (process.env.SHOW_MISSES !== 'sub' || top?.code.slice(0, 4) === gold.slice(0, 4))
    )
      this.misses.push(
        `${gold} got ${top?.code} ${r.rulesFired.join(',')} | ${it.input.title.slice(0, 90)} | ${(it.input.categoryPath ?? []).join('>')}`,
      );
  }

  report(title: string): void {
    const pct = (n: number) => `${((100 * n) / items.length).toFixed(1)}%`;
    console.log(`\n${title}`);
    console.log('| digits | top-1 | top-3 | top-5 |');
    console.log('|---|---|---|---|');
    for (const d of DIGITS)
      console.log(`| ${d} | ${KS.map((k) => pct(this.hits[`${d}@${k}`] ?? 0)).join(' | ')} |`);
    const lat = [...this.lat].sort((a, b) => a - b);
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(2);
    console.log(
      `cpu per item (mean, user+system, classification only): ${(this.cpuMs / items.length).toFixed(2)} ms; wall ${(lat.reduce((a, b) => a + b, 0) / items.length).toFixed(2)} ms; load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(`latency per item: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms (single thread)`);
    // Calibration: expected calibration error of the top-1 confidence at 10 digits, 5 bins.
    const bins = Array.from({ length: 5 }, () => ({ n: 0, conf: 0, ok: 0 }));
    for (const c of this.calib) {
      const b = bins[Math.min(4, Math.floor(c.conf * 5))]!;
      b.n++;
      b.conf += c.conf;
      b.ok += c.ok ? 1 : 0;
    }
    let ece = 0;
    for (const b of bins) if (b.n) ece += (b.n / this.calib.length) * Math.abs(b.conf / b.n - b.ok / b.n);
    console.log(
      `calibration (10-digit top-1): ECE ${(100 * ece).toFixed(1)} pts; bins ${bins.map((b, i) => `[${i * 20}-${i * 20 + 20}%): n=${b.n} acc=${b.n ? ((100 * b.ok) / b.n).toFixed(0) : '-'}%`).join(', ')}`,
    );
    if (process.env.SHOW_MISSES) console.log(this.misses.join('\n'));
  }
}

const timed = (f: () => ClassifyResult): [ClassifyResult, number, number] => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const t1 = performance.now();
  const c = process.cpuUsage(c0);
  return [r, t1 - t0, (c.user + c.system) / 1000];
};

const untrained = new Arm();
const trained = new Arm();
let trainedLabel: string;
if (evalFile) {
  // Held-out items, the whole dev part as memory (same-title dev items left out); a model trained in
  // memory on the whole dev part (its evidence leave-one-out), and the built-in weights.
  const model = trainModel(classifier, memory, dev, {
    source: DEV_SOURCE,
    command: 'bench',
    trainedAt: today(),
  });
  const same = sameTitleIds(dev);
  for (let pass = 0; pass < 2; pass++)
    for (const it of items) classifier.classify(it.input, memory, { k: 30, model });
  for (const it of items) {
    const left = same(it);
    const opts = { k: 30, excludeMemory: (m: { id: string }) => left.has(m.id) };
    trained.record(it, ...timed(() => classifier.classify(it.input, memory, { ...opts, model })));
    untrained.record(
      it,
      ...timed(() => classifier.classify(it.input, memory, { ...opts, model: RankerModel.DEFAULT })),
    );
  }
  trainedLabel = `model trained in memory on the ${dev.length} dev items`;
} else {
  const same = sameTitleIds(items);
  const builtIn = (it: ListingItem) => {
    const left = same(it);
    return classifier.classify(it.input, memory, {
      k: 30,
      model: RankerModel.DEFAULT,
      excludeMemory: (m) => left.has(m.id),
    });
  };
  // One untimed pass first, as for the held-out items: latency is the steady state of a running service,
  // not the JIT's first calls.
  for (const it of items) builtIn(it);
  for (const it of items) untrained.record(it, ...timed(() => builtIn(it)));
  crossValidate(classifier, memory, items, folds, (it, r, ms, cpu) => trained.record(it, r, ms, cpu));
  trainedLabel = `model trained per fold (${folds}-fold cross-validation)`;
}

console.log(
  `data: ${items.length} ${evalFile ? `items of ${evalFile} (dev part as memory)` : 'HSCodeComp dev items (leave-one-out memory)'}; tariff ${schedule.lines.length} lines (index ${index.size} lines, built in ${tIndex.toFixed(0)} ms); memory ${memory.size} items; mode ${mode}; ruleset ${classifier.rules.version}`,
);
untrained.report('re-ranker: built-in weights (untrained, as shipped)');
trained.report(`re-ranker: ${trainedLabel}`);

// Ablations (what each source of evidence brings) and the HMRC check, when run without a mode argument.
if (!process.argv[2] && !evalFile) {
  const { spawnSync } = await import('node:child_process');
  for (const m of ['no-dev', 'tariff-only']) {
    const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, m], { encoding: 'utf8' });
    // The ablation's trained table is its second one.
    const table = r.stdout.split('re-ranker: model trained')[1] ?? '';
    const rows = table.split('\n').filter((l) => /^\| (4|6|10) \|/.test(l));
    console.log(
      `ablation ${m === 'no-dev' ? 'tariff + rules + HMRC (no dev memory)' : 'tariff + rules only (no memory)'}, trained per fold: ${rows
        .map((l) => {
          const c = l.split('|').map((x) => x.trim());
          return `${c[1]}-digit top-1 ${c[2]}, top-5 ${c[4]}`;
        })
        .join('; ')}`,
    );
  }
  const hmrc = spawnSync(process.execPath, [new URL(import.meta.url).pathname, 'hmrc'], { encoding: 'utf8' });
  console.log(hmrc.stdout.split('\n').find((l) => l.startsWith('HMRC parcel references')) ?? hmrc.stderr);
  const probes = spawnSync(process.execPath, [new URL(import.meta.url).pathname, 'probes'], {
    encoding: 'utf8',
  });
  console.log(probes.stdout.split('\n').find((l) => l.startsWith('marketplace probes')) ?? probes.stderr);
}
