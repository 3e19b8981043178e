// Weight tuning for the classifier on the HSCodeComp dev part (leave-one-out), for developers:
//   node bench/classify-tune.ts '[["knn10",[4,8]]]'   → accuracy per weight value.
import { DEFAULT_WEIGHTS, type Weights } from '../src/modules/tariff/classify/classifier.ts';
import { loadClassifier, loadDevItems, loadMemory } from './classify-data.ts';

const { classifier } = loadClassifier();
const items = loadDevItems();
const memory = loadMemory({ hmrc: true, dev: items });
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
