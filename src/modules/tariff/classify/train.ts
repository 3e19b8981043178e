import crypto from 'node:crypto';
import { ClassificationMemory, type Classifier, listingText } from './classifier.ts';
import {
  FEATURES,
  MODEL_FORMAT,
  RankerModel,
  type TrainOptions,
  type TrainingExample,
  trainRanker,
} from './ranker.ts';
import type { ListingItem, ReferenceEntry } from './reference-format.ts';

/**
 * Training the re-ranker from labelled listings (the code `crossgate classify train` and the benchmark
 * share). The memory is the reference corpora plus the labelled listings themselves; each listing's
 * evidence is computed with itself and its exact-duplicate titles left out of memory, as a listing the
 * memory has never seen would get it.
 */

/** The memory id of a labelled listing. */
export const labelledId = (it: ListingItem) => `labelled:${it.id}`;
/** The memory id of the i-th reference item given to `trainingMemory`. */
export const referenceId = (i: number) => `reference:${i}`;

/** A reference item for memory: US codes keep 10 digits, other countries' their HS-6 part. */
export interface ReferenceItem {
  text: string;
  code: string;
  source: string;
}

/** The code a reference keeps in memory: a US code its 10 digits, any other its HS-6 part. */
export function referenceCode(e: { code: string; country: string }): string {
  const digits = e.code.replace(/\D/g, '');
  return e.country === 'US' && digits.length === 10 ? digits : digits.slice(0, 6);
}

/** A labelled reference as a memory item of the corpus `source` ("hmrc" → source `reference:hmrc`). */
export const referenceItem = (e: ReferenceEntry, source: string): ReferenceItem => ({
  text: e.text,
  code: referenceCode(e),
  source: `reference:${source}`,
});

/** Memory from reference items and labelled listings (the listings under `labelledId`). */
export function trainingMemory(
  references: Iterable<ReferenceItem>,
  labelled: ListingItem[],
): ClassificationMemory {
  const memory = new ClassificationMemory();
  let i = 0;
  for (const r of references) memory.add({ id: referenceId(i++), ...r });
  for (const it of labelled)
    if (it.code)
      memory.add({ id: labelledId(it), text: listingText(it.input), code: it.code, source: 'labelled' });
  return memory;
}

/**
 * Memory ids to leave out for an item: itself (when it is one of `items`) and the items of `items` with
 * the same case-folded title (exact duplicates are left out together).
 */
export function sameTitleIds(items: ListingItem[]): (it: ListingItem) => Set<string> {
  const own = new Set(items);
  const byTitle = new Map<string, Set<string>>();
  for (const it of items) {
    const key = it.input.title.toLowerCase().trim();
    const set = byTitle.get(key) ?? new Set<string>();
    set.add(labelledId(it));
    byTitle.set(key, set);
  }
  return (it) =>
    new Set([
      ...(own.has(it) ? [labelledId(it)] : []),
      ...(byTitle.get(it.input.title.toLowerCase().trim()) ?? []),
    ]);
}

/**
 * Training examples: each labelled item's candidates with their evidence computed with the item (and its
 * exact duplicates, and whatever `alsoExclude` names) left out of memory.
 */
export function trainingExamples(
  classifier: Classifier,
  memory: ClassificationMemory,
  items: ListingItem[],
  alsoExclude: (id: string) => boolean = () => false,
): TrainingExample[] {
  const same = sameTitleIds(items);
  return items
    .filter((it) => it.code)
    .map((it) => {
      const left = same(it);
      const f = classifier.candidateFeatures(it.input, memory, {
        excludeMemory: (m) => left.has(m.id) || alsoExclude(m.id),
      });
      return { ...f, gold: it.code! };
    });
}

export interface TrainModelOptions extends TrainOptions {
  /** What the model was trained on (recorded in the file). */
  source: string;
  /** How it was made (recorded in the file). */
  command: string;
  /** YYYY-MM-DD. */
  trainedAt: string;
}

/**
 * Trains a model on labelled listings; its version is the date and a digest of the weights (the same
 * data on the same day gives the same version: training is deterministic).
 */
export function trainModel(
  classifier: Classifier,
  memory: ClassificationMemory,
  items: ListingItem[],
  opts: TrainModelOptions,
  alsoExclude?: (id: string) => boolean,
): RankerModel {
  const examples = trainingExamples(classifier, memory, items, alsoExclude);
  const l2 = opts.l2 ?? 0.01;
  const weights = trainRanker(examples, { ...opts, l2 });
  const digest = crypto.createHash('sha256').update(JSON.stringify(weights)).digest('hex').slice(0, 8);
  return RankerModel.fromData({
    format: MODEL_FORMAT,
    version: `${opts.trainedAt}.${digest}`,
    trainedAt: opts.trainedAt,
    source: opts.source,
    command: opts.command,
    training: { items: examples.length, l2 },
    features: [...FEATURES],
    weights,
  });
}
