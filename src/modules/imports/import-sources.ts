import { CsvError, parse } from 'csv-parse';

/**
 * Readers that turn a byte stream into source rows with constant memory: UTF-8 decoding (strict), CSV/TSV
 * records (csv-parse, streaming), NDJSON lines and the elements of a JSON array (a small streaming
 * scanner, never JSON.parse of the whole file). A fault that stops reading is thrown as a FileFault; a
 * fault confined to one row is yielded as a RowFault and reading goes on.
 */

/** Longest row (CSV record, NDJSON line, JSON element) read, in characters. */
export const MAX_ROW_CHARS = 1024 * 1024;
/** Raw text kept (sealed) with a quarantine record, in characters. */
export const RAW_LIMIT = 64 * 1024;

export interface RowFault {
  type: 'fault';
  rowNumber: number;
  field: string;
  reason: string;
  raw: string | null;
  rawLength: number;
}

/** A fault that ends reading the file (broken quoting, invalid UTF-8, unreadable file). */
export class FileFault extends Error {
  readonly rowNumber: number;
  readonly field: string;
  constructor(reason: string, rowNumber = 0, field = '(file)') {
    super(reason);
    this.name = 'FileFault';
    this.rowNumber = rowNumber;
    this.field = field;
  }
}

export interface CsvRow {
  /** 1-based record number; the header is record 1. */
  rowNumber: number;
  cells: string[];
  raw: string;
}

export interface JsonDoc {
  type: 'doc';
  rowNumber: number;
  value: unknown;
  raw: string;
}

export function rowFault(rowNumber: number, field: string, reason: string, raw: string | null): RowFault {
  return {
    type: 'fault',
    rowNumber,
    field,
    reason,
    raw: raw === null ? null : raw.slice(0, RAW_LIMIT),
    rawLength: raw?.length ?? 0,
  };
}

/** Counts bytes as they pass. */
export interface ByteCounter {
  bytes: number;
}

/** Decodes UTF-8 strictly (a BOM is dropped); invalid bytes stop reading with a FileFault. */
export async function* decodeUtf8(
  source: AsyncIterable<Uint8Array | string>,
  counter: ByteCounter,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let iterator: AsyncIterator<Uint8Array | string>;
  try {
    iterator = source[Symbol.asyncIterator]();
  } catch (err) {
    throw new FileFault(`could not read the file: ${(err as Error).message}`);
  }
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (err) {
      throw new FileFault(`could not read the file: ${describe(err)}`);
    }
    if (next.done) break;
    const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    const startByte = counter.bytes;
    counter.bytes += buf.length;
    if (counter.bytes > maxBytes)
      throw new FileFault(`the file is larger than the limit of ${maxBytes} bytes`);
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw new FileFault(
        `the file is not valid UTF-8 (invalid bytes between byte ${startByte} and ${counter.bytes}); save it as UTF-8 and import again`,
      );
    }
    if (text) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new FileFault('the file is not valid UTF-8 (it ends inside a multi-byte character)');
  }
  if (tail) yield tail;
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'EISDIR') return 'it is a directory';
  return e.message ?? String(err);
}

/**
 * CSV or TSV records. Quotes inside unquoted fields are tolerated; a row with a different number of
 * fields than the header is the caller's to quarantine; unrecoverable quoting or an over-long record stops
 * reading with a FileFault naming the line.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  opts: { delimiter: string; quote: boolean },
): AsyncGenerator<CsvRow> {
  // csv-parse's parser core, driven directly: the stream wrapper discards records already parsed when a
  // later part of the same chunk fails, and every record before a fault must be imported or quarantined.
  const { api } = parse({
    delimiter: opts.delimiter,
    quote: opts.quote ? '"' : false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
    info: true,
    max_record_size: MAX_ROW_CHARS,
  }) as unknown as { api: CsvParserCore };
  const queue: CsvRow[] = [];
  const push = (rec: { record: string[]; raw: string; info: { records: number } }) => {
    queue.push({ rowNumber: rec.info.records, cells: rec.record, raw: rec.raw.replace(/\r?\n$/, '') });
  };
  const close = () => {};
  for await (const chunk of text) {
    const err = api.parse(Buffer.from(chunk, 'utf8'), false, push, close);
    yield* queue.splice(0);
    if (err) throw csvFault(err);
  }
  const err = api.parse(undefined, true, push, close);
  yield* queue.splice(0);
  if (err) throw csvFault(err);
}

interface CsvParserCore {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (rec: { record: string[]; raw: string; info: { records: number } }) => void,
    close: () => void,
  ): Error | undefined;
}

function csvFault(error: Error): FileFault {
  if (!(error instanceof CsvError)) return new FileFault(`reading stopped: ${error.message}`);
  const err = error;
  const e = err as CsvError & { lines?: number; records?: number };
  const row = (e.records ?? 0) + 1;
  const at = `row ${row} (line ${e.lines ?? '?'})`;
  switch (err.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return new FileFault(
        `${at} is longer than ${MAX_ROW_CHARS} characters (a missing line break or an unclosed quote?); reading stopped there`,
        row,
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return new FileFault(`${at}: a quoted field is never closed; reading stopped there`, row);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new FileFault(
        `${at}: text follows a closing quote (a quote inside a quoted field must be doubled); reading stopped there`,
        row,
      );
    default:
      return new FileFault(`${at}: ${err.message}; reading stopped there`, row);
  }
}

/**
 * The text of one NDJSON line or JSON element as it arrives in pieces. Past MAX_ROW_CHARS only the head is
 * kept (for the quarantine record) and the rest is counted, so an over-long row costs no memory.
 */
class RowText {
  private parts: string[] = [];
  private length = 0;
  private oversized = false;

  append(s: string): void {
    this.length += s.length;
    if (this.oversized) return;
    if (this.length > MAX_ROW_CHARS) {
      this.oversized = true;
      this.parts = [this.parts.join('').concat(s).slice(0, RAW_LIMIT)];
      return;
    }
    this.parts.push(s);
  }

  /** The row as a JSON document or a fault; `what` names it in reasons ("line", "element"). */
  take(rowNumber: number, what: string, trimEnd: boolean): JsonDoc | RowFault | null {
    let raw = this.parts.join('');
    if (trimEnd) raw = raw.replace(/\r$/, '');
    const { length, oversized } = this;
    this.parts = [];
    this.length = 0;
    this.oversized = false;
    if (oversized)
      return {
        ...rowFault(rowNumber, '(row)', `${what} is longer than ${MAX_ROW_CHARS} characters; skipped`, raw),
        rawLength: length,
      };
    if (trimEnd && raw.trim() === '') return null;
    try {
      return { type: 'doc', rowNumber, value: JSON.parse(raw), raw };
    } catch (err) {
      return rowFault(rowNumber, '(row)', `not valid JSON: ${(err as Error).message}`, raw);
    }
  }
}

/** NDJSON: one JSON value per line; blank lines are skipped; an over-long line is quarantined and skipped. */
export async function* ndjsonDocs(text: AsyncIterable<string>): AsyncGenerator<JsonDoc | RowFault> {
  let line = 1;
  const row = new RowText();
  for await (const chunk of text) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) {
        row.append(chunk.slice(start));
        break;
      }
      row.append(chunk.slice(start, nl));
      const out = row.take(line, 'line', true);
      if (out) yield out;
      line++;
      start = nl + 1;
    }
  }
  const out = row.take(line, 'line', true);
  if (out) yield out;
}

/** States of the JSON array scanner. */
const SCAN = { before: 0, between: 1, inside: 2, after: 3 } as const;

/**
 * The elements of a top-level JSON array, one at a time: a scanner tracks strings and nesting so only the
 * current element is held in memory. rowNumber is the element's 0-based index in the array.
 */
export async function* jsonArrayDocs(text: AsyncIterable<string>): AsyncGenerator<JsonDoc | RowFault> {
  let state: number = SCAN.before;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let container = false;
  let index = 0;
  let line = 1;
  const row = new RowText();
  const finish = () => row.take(index++, 'element', false)!;
  const append = (s: string) => row.append(s);
  for await (const chunk of text) {
    const out: Array<JsonDoc | RowFault> = [];
    let segStart = state === SCAN.inside ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (state === SCAN.inside) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth > 0) {
            depth--;
            if (depth === 0 && container) {
              append(chunk.slice(segStart, i + 1));
              out.push(finish());
              state = SCAN.between;
            }
          } else {
            append(chunk.slice(segStart, i));
            out.push(finish());
            state = c === 93 ? SCAN.after : SCAN.between;
          }
        } else if (c === 44 && depth === 0) {
          append(chunk.slice(segStart, i));
          out.push(finish());
          state = SCAN.between;
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
      if (state === SCAN.before) {
        if (c !== 91) {
          for (const o of out) yield o;
          throw new FileFault(`line ${line}: a JSON import must be an array of records ([ … ])`, 0);
        }
        state = SCAN.between;
      } else if (state === SCAN.between) {
        if (c === 44) continue;
        if (c === 93) {
          state = SCAN.after;
          continue;
        }
        state = SCAN.inside;
        segStart = i;
        container = c === 123 || c === 91;
        depth = container ? 1 : 0;
        inString = c === 34;
        escaped = false;
      } else {
        for (const o of out) yield o;
        throw new FileFault(`line ${line}: unexpected content after the closing bracket of the array`, index);
      }
    }
    if (state === SCAN.inside) append(chunk.slice(segStart));
    for (const o of out) yield o;
  }
  if (state === SCAN.before) throw new FileFault('the file is empty: expected a JSON array', 0);
  if (state !== SCAN.after)
    throw new FileFault(
      `the file ends inside the array, at element ${index} (truncated?); elements before it were read`,
      index,
    );
}
