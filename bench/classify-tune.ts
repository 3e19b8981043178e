// Weight tuning for the classifier on the HSCodeComp dev part (leave-one-out), for developers:
//   node bench/classify-tune.ts '[["knn10",[4,8]]]'   → accuracy per weight value.
import fs from 'node:fs';
import path from 'node:path';
import { parseHsCsv, parseHtsCsv } from '../src/modules/tariff/hts-format.ts';
import { HsNomenclature, Schedule } from '../src/modules/tariff/schedule.ts';
import {
  ClassificationMemory,
  Classifier,
  DEFAULT_WEIGHTS,
  TariffIndex,
  listingText,
  type Weights,
} from '../src/modules/tariff/classify/classifier.ts';
import { loadRuleset } from '../src/modules/tariff/classify/ruleset.ts';
import {
  parseHmrcReferences,
  parseNdjson,
  type ListingItem,
} from '../src/modules/tariff/classify/reference-format.ts';
const dir = process.env.CROSSGATE_REFERENCE_DIR ?? path.resolve('../shared/data');
const schedule = new Schedule(parseHtsCsv(fs.readFileSync(path.join(dir, 'tariff/us-hts-2026-rev4.csv'))));
const hs = new HsNomenclature(
  'HS2022',
  parseHsCsv(fs.readFileSync(path.join(dir, 'tariff/hs2022/harmonized-system.csv'))),
);
const classifier = new Classifier(new TariffIndex(schedule, hs), loadRuleset());
const items = parseNdjson(
  fs.readFileSync(path.join(dir, 'classification/hscodecomp-dev.jsonl'), 'utf8'),
).filter((x): x is ListingItem => 'input' in x);
const memory = new ClassificationMemory();
for (const f of ['search_references.json', 'extra_references.csv'])
  for (const [i, r] of parseHmrcReferences(
    fs.readFileSync(path.join(dir, 'classification/uk-hmrc-parcel-references', f), 'utf8'),
  ).entries())
    memory.add({ id: `hmrc:${i}`, text: r.text, code: r.code, source: 'hmrc' });
for (const it of items)
  memory.add({ id: `dev:${it.id}`, text: listingText(it.input), code: it.code!, source: 'dev' });
function run(w: Weights) {
  let a6 = 0,
    a10 = 0,
    a4 = 0,
    t6 = 0;
  for (const it of items) {
    const r = classifier.classify(it.input, memory, {
      k: 10,
      weights: w,
      excludeMemory: (m) => m.id === `dev:${it.id}`,
    });
    const g = it.code!;
    if (r.candidates[0]?.code === g) a10++;
    if (r.hs6[0]?.code === g.slice(0, 6)) a6++;
    if (r.hs6.slice(0, 5).some((h) => h.code === g.slice(0, 6))) t6++;
    if (r.candidates[0]?.code.slice(0, 4) === g.slice(0, 4)) a4++;
  }
  return `4:${a4} 6:${a6} 6@5:${t6} 10:${a10}`;
}
const base = { ...DEFAULT_WEIGHTS };
console.log('base', run(base));
const grid: Array<[keyof Weights, number[]]> = JSON.parse(process.argv[2] ?? '[]');
for (const [k, vals] of grid) for (const v of vals) console.log(k, v, run({ ...base, [k]: v }));
