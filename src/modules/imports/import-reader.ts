import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';
import type { ZodType } from 'zod';
import { orderRecord, productRecord, shipmentRecord } from '../core/core.records.ts';
import { blindIndexWith } from '../../platform/crypto/blind-index.ts';
import { contentHashWith } from '../core/content-hash.ts';
import type { ImportFormat, ImportKind } from './imports.tables.ts';
import { FileFault, csvRecords, jsonArrayDocs, ndjsonDocs, type RowFault } from './import-sources.ts';
import { csvAssembler, jsonCandidate, type Candidate, type CsvFamily } from './import-mappers.ts';

/**
 * The CPU half of an import, with no database: read the text, map rows to candidates, validate them
 * against the canonical records, and hand out batches of valid records and quarantine entries.
 * `validatedBatches` is the one implementation; `readValidated` runs it in this thread or, for large
 * files on a machine with a core to spare, in a worker thread while this thread writes to the database
 * (the embedded PGlite runs on this thread, so parsing alongside it roughly halves the wall time there).
 */

export interface QuarantineIssue {
  rowNumber: number;
  field: string;
  reason: string;
}

/** A valid record with what is needed to quarantine it later if the database refuses it. */
export interface ValidItem {
  record: unknown;
  rowNumber: number;
  raw: string;
  rawLength: number;
  /** The record's content hash (core/content-hash.ts), when the reader was given the key. */
  hash?: string | undefined;
}

export interface ReadBatch {
  items: ValidItem[];
  quarantine: QuarantineEntry[];
  /** Candidates (valid or not) in this batch. */
  records: number;
  /** Source rows read so far (the running total). */
  rows: number;
}

export interface ReadLimits {
  /** Valid records per batch (one database transaction each). */
  batchSize: number;
  /** Close a batch early once its raw text reaches this many characters (bounded memory). */
  batchChars: number;
  /** Hand out quarantine entries once this many are waiting. */
  quarantineFlush: number;
}

const SCHEMAS: Record<ImportKind, ZodType> = {
  products: productRecord,
  orders: orderRecord,
  shipments: shipmentRecord,
};

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: unknown;
  values?: unknown[];
}

/** A reason a person can act on, from a zod issue. */
function describeIssue(issue: ZodIssueLike): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined || issue.input === null) return 'is required';
    if (issue.expected === 'number' && typeof issue.input === 'string')
      return `"${issue.input.slice(0, 40)}" is not a whole number`;
    if (issue.expected === 'object' && issue.path.length === 0)
      return `must be a JSON object, not ${Array.isArray(issue.input) ? 'an array' : typeof issue.input}`;
    return `must be ${issue.expected}, not ${Array.isArray(issue.input) ? 'array' : typeof issue.input}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
    return 'must not be empty';
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `is longer than ${issue.minimum ?? ''}`.trim();
  if (issue.code === 'invalid_value' && Array.isArray(issue.values))
    return `must be one of ${issue.values.join(', ')}`;
  return issue.message;
}

export interface QuarantineEntry {
  rowNumber: number;
  field: string;
  reason: string;
  issues: QuarantineIssue[];
  raw: string | null;
  rawLength: number;
}

export function fromFault(
  f: RowFault | FileFault,
  raw: string | null = null,
  rawLength = 0,
): QuarantineEntry {
  if (f instanceof FileFault) {
    return {
      rowNumber: f.rowNumber,
      field: f.field,
      reason: f.message,
      issues: [{ rowNumber: f.rowNumber, field: f.field, reason: f.message }],
      raw,
      rawLength,
    };
  }
  return {
    rowNumber: f.rowNumber,
    field: f.field,
    reason: f.reason,
    issues: [{ rowNumber: f.rowNumber, field: f.field, reason: f.reason }],
    raw: f.raw,
    rawLength: f.rawLength,
  };
}

/** Validates a candidate: the canonical record, or the quarantine entry naming every issue. */
export function validateCandidate(
  kind: ImportKind,
  c: Candidate,
): { ok: true; record: unknown } | { ok: false; entry: QuarantineEntry } {
  const parsed = SCHEMAS[kind].safeParse(c.input, { reportInput: true });
  if (parsed.success) return { ok: true, record: parsed.data };
  const seen = new Set<string>();
  const issues: QuarantineIssue[] = [];
  for (const i of parsed.error.issues as unknown as ZodIssueLike[]) {
    const loc = c.locate(i.path);
    const reason = describeIssue(i);
    const key = `${loc.rowNumber}|${loc.field}|${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ rowNumber: loc.rowNumber, field: loc.field.slice(0, 200), reason: reason.slice(0, 500) });
  }
  const first = issues[0]!;
  return {
    ok: false,
    entry: {
      rowNumber: first.rowNumber,
      field: first.field,
      reason: issues.length > 1 ? `${first.reason} (and ${issues.length - 1} more)` : first.reason,
      issues,
      raw: c.raw,
      rawLength: c.rawLength,
    },
  };
}

/** Source rows of a file as candidates and row faults (pure: no database); throws FileFault when reading must stop. */
export async function* readCandidates(
  text: AsyncIterable<string>,
  format: ImportFormat,
  kind: ImportKind,
  stats: { rows: number },
  personRef: (email: string) => string,
): AsyncGenerator<Candidate | RowFault> {
  if (format === 'ndjson' || format === 'json') {
    const docs = format === 'ndjson' ? ndjsonDocs(text) : jsonArrayDocs(text);
    for await (const d of docs) {
      stats.rows++;
      yield d.type === 'doc' ? jsonCandidate(d) : d;
    }
    return;
  }
  let assembler: ReturnType<typeof csvAssembler> | undefined;
  try {
    for await (const row of csvRecords(text, {
      delimiter: format === 'amazon' ? '\t' : ',',
      quote: format !== 'amazon',
    })) {
      if (!assembler) {
        assembler = csvAssembler(format as CsvFamily, kind, row, { personRef });
        continue;
      }
      stats.rows++;
      yield* assembler.push(row);
    }
  } catch (err) {
    if (assembler && err instanceof FileFault) yield* assembler.abandon(err.rowNumber);
    throw err;
  }
  if (!assembler) throw new FileFault('the file is empty: expected a header row', 1);
  yield* assembler.end();
}

/**
 * Batches of valid records and quarantine entries from a text. A FileFault (the file cannot be read on)
 * is thrown after the batch holding everything read before it, so nothing read is lost.
 */
export async function* validatedBatches(
  text: AsyncIterable<string>,
  format: ImportFormat,
  kind: ImportKind,
  personRef: (email: string) => string,
  limits: ReadLimits,
  hash?: (record: unknown) => string,
): AsyncGenerator<ReadBatch> {
  const stats = { rows: 0 };
  let b: ReadBatch = { items: [], quarantine: [], records: 0, rows: 0 };
  let chars = 0;
  const take = () => {
    const out = { ...b, rows: stats.rows };
    b = { items: [], quarantine: [], records: 0, rows: 0 };
    chars = 0;
    return out;
  };
  try {
    for await (const u of readCandidates(text, format, kind, stats, personRef)) {
      if (u.type === 'fault') b.quarantine.push(fromFault(u));
      else {
        b.records++;
        const v = validateCandidate(kind, u);
        if (v.ok) {
          b.items.push({
            record: v.record,
            rowNumber: u.rowNumber,
            raw: u.raw,
            rawLength: u.rawLength,
            hash: hash?.(v.record),
          });
          chars += u.raw.length;
        } else b.quarantine.push(v.entry);
      }
      if (
        b.items.length >= limits.batchSize ||
        chars >= limits.batchChars ||
        b.quarantine.length >= limits.quarantineFlush
      )
        yield take();
    }
  } catch (err) {
    yield take();
    throw err;
  }
  yield take();
}

export interface ReadOptions {
  format: ImportFormat;
  kind: ImportKind;
  limits: ReadLimits;
  /** The organisation's blind-index key (person references from e-mail addresses). */
  indexKey: KeyObject;
  /** With the organisation: content hashes of the valid records are computed while reading. */
  contentHash?: { key: KeyObject; orgId: string } | undefined;
  /** Parse in a worker thread (large files; needs a second core to pay off). */
  worker: boolean;
}

/** Files at least this large are parsed in a worker thread when the machine has a second core. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

export function wantsWorker(sizeHint: number | undefined): boolean {
  return sizeHint !== undefined && sizeHint >= WORKER_MIN_BYTES && os.availableParallelism() > 1;
}

export function readValidated(text: AsyncIterable<string>, o: ReadOptions): AsyncIterable<ReadBatch> {
  if (!o.worker) return validatedBatches(text, o.format, o.kind, personRefFn(o), o.limits, hashFn(o));
  return readInWorker(text, o);
}

/** How the reader makes person references from e-mail addresses (both threads). */
export function personRefFn(o: Pick<ReadOptions, 'indexKey'>): (email: string) => string {
  return (e) => blindIndexWith(o.indexKey, e);
}

/** How the reader hashes valid records, if asked to (both threads). */
export function hashFn(o: Pick<ReadOptions, 'contentHash'>): ((record: unknown) => string) | undefined {
  const h = o.contentHash;
  return h ? (r) => contentHashWith(h.key, h.orgId, r) : undefined;
}

/** Messages between this thread and import-worker.ts. */
export type ToWorker =
  | { type: 'chunk'; text: string }
  | { type: 'end' }
  | { type: 'abort'; message: string; rowNumber: number; field: string };
export type FromWorker =
  | { type: 'credit' }
  | { type: 'batch'; batch: ReadBatch }
  | { type: 'done'; fault?: { message: string; rowNumber: number; field: string } }
  | { type: 'crash'; message: string };

/** What import-worker.ts is started with. */
export type WorkerOptions = Pick<ReadOptions, 'format' | 'kind' | 'limits' | 'indexKey' | 'contentHash'>;

/** Text chunks the worker may hold, and finished batches that may wait here, before reading pauses. */
const CHUNKS_AHEAD = 4;
const BATCHES_AHEAD = 2;

/**
 * Runs validatedBatches in a worker: this thread reads the text and posts it in chunks; the worker
 * posts batches back. Reading pauses while the worker holds CHUNKS_AHEAD chunks or BATCHES_AHEAD
 * batches wait to be stored, so memory stays bounded whichever side is slower.
 */
async function* readInWorker(text: AsyncIterable<string>, o: ReadOptions): AsyncGenerator<ReadBatch> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
    workerData: {
      format: o.format,
      kind: o.kind,
      limits: o.limits,
      indexKey: o.indexKey,
      contentHash: o.contentHash,
    } satisfies WorkerOptions,
  });
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitForNews = () => new Promise<void>((r) => (wake = r));
  let queued = 0; // batches in the inbox, not yet handed out
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'batch') queued++;
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    inbox.push({ type: 'crash', message: err.message });
    notify();
  });
  worker.on('exit', (code) => {
    inbox.push({ type: 'crash', message: `the parser thread stopped (exit ${code})` });
    notify();
  });

  let credits = CHUNKS_AHEAD;
  let feeding = true;
  const feed = async () => {
    const it = text[Symbol.asyncIterator]();
    try {
      for (;;) {
        while (credits === 0 || queued >= BATCHES_AHEAD) await waitForFeed();
        const next = await it.next();
        if (next.done) break;
        credits--;
        worker.postMessage({ type: 'chunk', text: next.value } satisfies ToWorker);
      }
      worker.postMessage({ type: 'end' } satisfies ToWorker);
    } catch (err) {
      const f =
        err instanceof FileFault ? err : new FileFault(`could not read the file: ${(err as Error).message}`);
      worker.postMessage({
        type: 'abort',
        message: f.message,
        rowNumber: f.rowNumber,
        field: f.field,
      } satisfies ToWorker);
    } finally {
      feeding = false;
    }
  };
  let feedWake: (() => void) | undefined;
  const waitForFeed = () => new Promise<void>((r) => (feedWake = r));
  const nudgeFeed = () => {
    const w = feedWake;
    feedWake = undefined;
    w?.();
  };
  const feeder = feed();
  try {
    for (;;) {
      while (inbox.length === 0) await waitForNews();
      const m = inbox.shift()!;
      if (m.type === 'credit') {
        credits++;
        nudgeFeed();
      } else if (m.type === 'batch') {
        queued--;
        nudgeFeed();
        yield m.batch;
      } else if (m.type === 'done') {
        if (m.fault) throw new FileFault(m.fault.message, m.fault.rowNumber, m.fault.field);
        return;
      } else throw new Error(m.message);
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
    if (feeding) nudgeFeed();
    await feeder.catch(() => {});
  }
}
