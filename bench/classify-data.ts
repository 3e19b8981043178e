// Shared loading for the classification bench and the tuning script: the tariff (USITC export, Rev 4),
// the WCO HS nomenclature, the HSCodeComp dev items and the memory the product would have.
import fs from 'node:fs';
import path from 'node:path';
import { parseHsCsv, parseHtsCsv } from '../src/modules/tariff/hts-format.ts';
import { HsNomenclature, Schedule } from '../src/modules/tariff/schedule.ts';
import {
  ClassificationMemory,
  Classifier,
  TariffIndex,
  listingText,
} from '../src/modules/tariff/classify/classifier.ts';
import { loadRuleset } from '../src/modules/tariff/classify/ruleset.ts';
import {
  parseHmrcReferences,
  parseNdjson,
  type ListingItem,
} from '../src/modules/tariff/classify/reference-format.ts';

export const referenceDir = process.env.CROSSGATE_REFERENCE_DIR ?? path.resolve('../shared/data');
export const hasReferenceData = () =>
  fs.existsSync(path.join(referenceDir, 'classification/hscodecomp-dev.jsonl'));

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

/** Memory: the HMRC parcel references (HS-6 only) and, optionally, the dev items (leave-one-out at query time). */
export function loadMemory(opts: { hmrc: boolean; dev: ListingItem[] }): ClassificationMemory {
  const memory = new ClassificationMemory();
  const hmrcDir = path.join(referenceDir, 'classification/uk-hmrc-parcel-references');
  if (opts.hmrc)
    for (const f of ['search_references.json', 'extra_references.csv'])
      for (const [i, r] of parseHmrcReferences(fs.readFileSync(path.join(hmrcDir, f), 'utf8')).entries())
        memory.add({ id: `hmrc:${f}:${i}`, text: r.text, code: r.code, source: 'reference:hmrc' });
  for (const it of opts.dev)
    memory.add({
      id: `dev:${it.id}`,
      text: listingText(it.input),
      code: it.code!,
      source: 'reference:hscodecomp-dev',
    });
  return memory;
}
