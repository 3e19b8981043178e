// Trains the classifier's re-ranker on the reference data (HSCodeComp dev part as labelled listings, HMRC
// parcel references as memory) with the same code as `crossgate classify train`, and installs the model
// OUTSIDE the repository: CROSSGATE_HOME/models/classify-ranker.json (default ./.crossgate, git-ignored),
// or the file given with --out. The repository ships only the built-in, untrained weights.
//   npm run train:classify                   → writes the model
//   npm run train:classify -- --out m.json   → writes it elsewhere
// The benchmark never reads this file: it trains per fold in memory (bench/classify.bench.ts).
import { loadConfig } from '../src/platform/config.ts';
import { rankerModelPath, writeRankerModel } from '../src/modules/tariff/classify/ranker.ts';
import { trainModel } from '../src/modules/tariff/classify/train.ts';
import {
  DEV_SOURCE,
  exitUnlessReferenceData,
  loadClassifier,
  loadDevItems,
  loadMemory,
  today,
} from './classify-data.ts';

exitUnlessReferenceData();
const outAt = process.argv.indexOf('--out');
const file = outAt > 0 ? process.argv[outAt + 1] : rankerModelPath(loadConfig().homeDir);
if (!file) throw new Error('--out needs a file');
const { classifier } = loadClassifier();
const dev = loadDevItems();
const model = trainModel(classifier, loadMemory({ hmrc: true, dev }), dev, {
  source: `${DEV_SOURCE}; USITC HTS 2026 Revision 4, WCO HS 2022, ruleset ${classifier.rules.version}`,
  command: 'npm run train:classify',
  trainedAt: today(),
});
writeRankerModel(file, model);
console.log(`re-ranker ${model.version} trained on ${model.data?.training.items} listings → ${file}`);
