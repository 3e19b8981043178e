import type { ImportFormat, ImportKind } from './imports.tables.ts';
import { FileFault, decodeUtf8, type RowFault } from './import-sources.ts';
import { readCandidates, validateCandidate } from './import-reader.ts';

/**
 * Test helpers: run a whole text through the readers, mappers and validation without a database, fed in
 * chunks of a given size so chunk boundaries fall everywhere.
 */
export async function* chunked(data: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

export const testPersonRef = (email: string) => `ref-${email}`;

export interface ParseOutcome {
  rows: number;
  /** Source rows covered by candidates (valid or not) and by row faults. */
  rowsAccounted: number;
  records: unknown[];
  quarantined: Array<{ rowNumber: number; field: string; reason: string }>;
  fatal: FileFault | undefined;
}

export async function parseAll(
  data: string | Uint8Array,
  format: ImportFormat,
  kind: ImportKind,
  chunkSize = 97,
): Promise<ParseOutcome> {
  const stats = { rows: 0 };
  const out: ParseOutcome = { rows: 0, rowsAccounted: 0, records: [], quarantined: [], fatal: undefined };
  try {
    const text = decodeUtf8(chunked(data, chunkSize), { bytes: 0 });
    for await (const u of readCandidates(text, format, kind, stats, testPersonRef)) {
      if (u.type === 'fault') {
        out.rowsAccounted++;
        out.quarantined.push(pick(u));
        continue;
      }
      out.rowsAccounted += u.rows;
      const v = validateCandidate(kind, u);
      if (v.ok) out.records.push(v.record);
      else out.quarantined.push(pick(v.entry));
    }
  } catch (err) {
    if (!(err instanceof FileFault)) throw err;
    out.fatal = err;
  }
  out.rows = stats.rows;
  return out;
}

function pick(f: Pick<RowFault, 'rowNumber' | 'field' | 'reason'>) {
  return { rowNumber: f.rowNumber, field: f.field, reason: f.reason };
}

/** Dates become ISO strings and undefined keys vanish, so records compare by value. */
export function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}
