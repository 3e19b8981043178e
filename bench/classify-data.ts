// Shared loading for the classification bench and the training script: the tariff (USITC export, Rev 4),
// the WCO HS nomenclature, the HSCodeComp dev items and the memory the product would have.
import fs from 'node:fs';
import path from 'node:path';
import { parseHsCsv, parseHtsCsv } from '../src/modules/tariff/hts-format.ts';
import { HsNomenclature, Schedule } from '../src/modules/tariff/schedule.ts';
import {
  type ClassificationMemory,
  Classifier,
  type ClassifyResult,
  TariffIndex,
} from '../src/modules/tariff/classify/classifier.ts';
import type { TrainOptions } from '../src/modules/tariff/classify/ranker.ts';
import {
  type ReferenceItem,
  referenceItem,
  sameTitleIds,
  trainModel,
  trainingMemory,
} from '../src/modules/tariff/classify/train.ts';
import { loadRuleset } from '../src/modules/tariff/classify/ruleset.ts';
import {
  parseHmrcReferences,
  parseNdjson,
  type ListingItem,
} from '../src/modules/tariff/classify/reference-format.ts';

export const referenceDir = process.env.CROSSGATE_REFERENCE_DIR ?? path.resolve('../shared/data');
/** Ends the process with a clear "skipped" line when the reference data is absent (benches skip cleanly). */
export function exitUnlessReferenceData(): void {
  if (fs.existsSync(path.join(referenceDir, 'classification/hscodecomp-dev.jsonl'))) return;
  console.log(`skipped: no reference data at ${referenceDir} (set CROSSGATE_REFERENCE_DIR)`);
  process.exit(0);
}

export function loadClassifier(): { classifier: Classifier; schedule: Schedule; buildMs: number } {
  const t0 = performance.now();
  const schedule = new Schedule(
    parseHtsCsv(fs.readFileSync(path.join(referenceDir, 'tariff/us-hts-2026-rev4.csv'))),
  );
  const hs = new HsNomenclature(
    'HS2022',
    parseHsCsv(fs.readFileSync(path.join(referenceDir, 'tariff/hs2022/harmonized-system.csv'))),
  );
  const classifier = new Classifier(new TariffIndex(schedule, hs), loadRuleset());
  return { classifier, schedule, buildMs: performance.now() - t0 };
}

export function loadItems(file: string): ListingItem[] {
  return parseNdjson(fs.readFileSync(file, 'utf8')).filter((x): x is ListingItem => 'input' in x && !!x.code);
}

export function loadDevItems(): ListingItem[] {
  return loadItems(path.join(referenceDir, 'classification/hscodecomp-dev.jsonl'));
}

/** The HMRC parcel references (HS-6 only), as memory items. */
export function hmrcReferences(): ReferenceItem[] {
  const hmrcDir = path.join(referenceDir, 'classification/uk-hmrc-parcel-references');
  return ['search_references.json', 'extra_references.csv'].flatMap((f) =>
    parseHmrcReferences(fs.readFileSync(path.join(hmrcDir, f), 'utf8')).map((r) => referenceItem(r, 'hmrc')),
  );
}

/** Memory: the HMRC parcel references and, optionally, the dev items (left out item by item at query time). */
export function loadMemory(opts: { hmrc: boolean; dev: ListingItem[] }): ClassificationMemory {
  return trainingMemory(opts.hmrc ? hmrcReferences() : [], opts.dev);
}

export const DEV_SOURCE =
  'HSCodeComp dev part (AliExpress listings with expert US HTS codes), HMRC parcel references as memory';

export const today = () => new Date().toISOString().slice(0, 10);

/** Deterministic fold of an item (FNV-1a of its id): the same split on every run and machine. */
export function foldOf(id: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

/**
 * K-fold cross-validation of the re-ranker: for each fold, the weights are trained on the other folds
 * (their evidence computed with the whole test fold left out of memory), then the fold's items are
 * classified with that model and with memory leaving out only the item itself (as a new listing would
 * see it). `onItem` gets each test item's result, its latency and CPU time.
 */
export function crossValidate(
  classifier: Classifier,
  memory: ClassificationMemory,
  items: ListingItem[],
  folds: number,
  onItem: (it: ListingItem, r: ClassifyResult, ms: number, cpuMs: number) => void,
  opts: TrainOptions = {},
): void {
  const same = sameTitleIds(items);
  for (let f = 0; f < folds; f++) {
    const test = items.filter((it) => foldOf(it.id, folds) === f);
    const testIds = new Set(test.flatMap((it) => [...same(it)]));
    const train = items.filter((it) => foldOf(it.id, folds) !== f);
    const model = trainModel(
      classifier,
      memory,
      train,
      {
        ...opts,
        source: `${DEV_SOURCE}; fold ${f} of ${folds} left out`,
        command: 'bench',
        trainedAt: today(),
      },
      (id) => testIds.has(id),
    );
    for (const it of test) {
      const left = same(it);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = classifier.classify(it.input, memory, { k: 30, model, excludeMemory: (m) => left.has(m.id) });
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      onItem(it, r, t1 - t0, (c.user + c.system) / 1000);
    }
  }
}
