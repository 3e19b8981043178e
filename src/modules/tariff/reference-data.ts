import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { addReferences, classifyCatalogue, trainRankerModel } from './classify.service.ts';
import {
  type ListingItem,
  labelledListings,
  listingEntry,
  referenceEntries,
} from './classify/reference-format.ts';
import { rankerModelPath } from './classify/ranker.ts';
import { type ReferenceItem, referenceItem } from './classify/train.ts';
import { importRevision } from './tariff.service.ts';

/**
 * Public reference data in its official formats, read from a directory laid out as the project's
 * reference data is (`tariff/us-hts-<year>-rev<n>.csv` USITC exports, `tariff/hs2022/harmonized-system.csv`,
 * `classification/` corpora): what the demo company loads on first start when such a directory is there.
 * Nothing of it is part of the repository; the files are read where they lie.
 */
export interface ReferenceDataSummary {
  /** The US revision imported (its label), if the directory had one. */
  tariff: string | undefined;
  hs: boolean;
  references: number;
  /** The re-ranker trained on the labelled listings, when none was installed (its version). */
  model: string | undefined;
  catalogue: { classified: number; queued: number; confident: number } | undefined;
  /** What could not be loaded, one line each (the rest is loaded regardless). */
  problems: string[];
}

/** The newest USITC export in a folder, by the year and revision in its name (us-hts-2026-rev4.csv). */
export function newestHtsExport(
  tariffDir: string,
): { file: string; label: string; year: string } | undefined {
  const found = (fs.existsSync(tariffDir) ? fs.readdirSync(tariffDir) : [])
    .map((f) => ({ f, m: /^us-hts-(\d{4})-rev(\d+)\.(csv|json)$/i.exec(f) }))
    .filter((x) => x.m)
    .map(({ f, m }) => ({ f, year: m![1]!, rev: Number(m![2]) }))
    .sort((a, b) => b.year.localeCompare(a.year) || b.rev - a.rev)[0];
  return (
    found && {
      file: path.join(tariffDir, found.f),
      label: `${found.year} Revision ${found.rev}`,
      year: found.year,
    }
  );
}

/**
 * Imports the newest US tariff and the HS nomenclature, adds the classification reference corpora to the
 * organisation's memory, trains the re-ranker on the labelled listings among them when the installation
 * has no model yet (as `crossgate classify train` would), and classifies its catalogue into the review
 * queue. Each step that fails is reported in `problems` and the others still run: reference data must
 * never stop the service starting.
 */
export async function loadReferenceData(
  ctx: AppContext,
  orgId: string,
  dir: string,
  say: (msg: string) => void = () => {},
): Promise<ReferenceDataSummary> {
  const out: ReferenceDataSummary = {
    tariff: undefined,
    hs: false,
    references: 0,
    model: undefined,
    catalogue: undefined,
    problems: [],
  };
  const step = async (what: string, f: () => Promise<void>) => {
    try {
      await f();
    } catch (err) {
      out.problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const hts = newestHtsExport(path.join(dir, 'tariff'));
  if (hts)
    await step(path.basename(hts.file), async () => {
      say(`importing the US tariff (${hts.label}) from ${hts.file}`);
      await importRevision(ctx, {
        content: fs.readFileSync(hts.file),
        label: hts.label,
        validFrom: `${hts.year}-01-01`,
        source: hts.file,
      });
      out.tariff = hts.label;
    });
  const hsFile = path.join(dir, 'tariff/hs2022/harmonized-system.csv');
  if (fs.existsSync(hsFile))
    await step('HS nomenclature', async () => {
      say(`importing the HS 2022 nomenclature from ${hsFile}`);
      await importRevision(ctx, {
        content: fs.readFileSync(hsFile),
        schedule: 'HS',
        label: 'HS 2022',
        validFrom: '2022-01-01',
        source: hsFile,
      });
      out.hs = true;
    });
  const classification = path.join(dir, 'classification');
  const corpora: Array<{ source: string; file: string }> = [
    ...['search_references.json', 'extra_references.csv'].map((f) => ({
      source: 'hmrc',
      file: path.join(classification, 'uk-hmrc-parcel-references', f),
    })),
    ...(fs.existsSync(classification) ? fs.readdirSync(classification) : [])
      .filter((f) => /^hscodecomp.*\.jsonl$/i.test(f))
      .map((f) => ({ source: 'hscodecomp', file: path.join(classification, f) })),
  ].filter((c) => fs.existsSync(c.file));
  const labelled: ListingItem[] = [];
  const references: ReferenceItem[] = [];
  for (const c of corpora)
    await step(path.basename(c.file), async () => {
      const text = fs.readFileSync(c.file, 'utf8');
      // Labelled listings train the re-ranker; the other corpora are its memory while it trains.
      const listings =
        c.source === 'hscodecomp'
          ? labelledListings(text).map((it) => ({ ...it, id: `${path.basename(c.file)}:${it.id}` }))
          : undefined;
      const entries = listings ? listings.map(listingEntry) : referenceEntries(c.file, text);
      out.references += (await addReferences(ctx, orgId, c.source, entries)).added;
      if (listings) labelled.push(...listings);
      else references.push(...entries.map((e) => referenceItem(e, c.source)));
    });
  if (out.references) say(`${out.references} classification reference items added`);
  if (out.tariff && labelled.length && !fs.existsSync(rankerModelPath(ctx.config.homeDir)))
    await step('re-ranker training', async () => {
      say(`training the re-ranker on ${labelled.length} labelled listings`);
      const r = await trainRankerModel(ctx, {
        labelled,
        references,
        source: `labelled listings and references from ${dir}`,
        command: 'first start of the demo (loadReferenceData)',
      });
      out.model = r.model.version;
    });
  if (out.tariff)
    await step('catalogue classification', async () => {
      say('classifying the catalogue into the review queue');
      out.catalogue = await classifyCatalogue(ctx, orgId);
    });
  return out;
}
