import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';

/**
 * `COPY … FROM STDIN` through Kysely, on both drivers: the cheapest way to put many rows into a table.
 * A query whose text is a COPY from STDIN and whose only parameter is the data (COPY text format, as a
 * string or Buffer) is routed below the Kysely driver, on the same connection, so it runs inside the
 * caller's transaction:
 * - node-postgres (`CopyingClient`): streamed with pg-copy-streams, queued behind (pipelined with) the
 *   statements already sent;
 * - PGlite (`copyingPGlite`): handed to the embedded server as `COPY … FROM '/dev/blob'` with the data
 *   as the query's blob, PGlite's own bulk-load path.
 */
const COPY_FROM_STDIN = /^\s*copy\s[^;]*\sfrom\s+stdin\b[^;]*$/is;

/** The data of a COPY-from-STDIN query (see above), or undefined for any other query. */
function copyData(text: unknown, values: unknown): string | Buffer | undefined {
  if (
    typeof text !== 'string' ||
    !Array.isArray(values) ||
    values.length !== 1 ||
    !COPY_FROM_STDIN.test(text)
  )
    return undefined;
  return values[0] as string | Buffer;
}

export class CopyingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only routes
  override query(...args: any[]): any {
    const [text, values] = args;
    const data = copyData(text, values);
    if (data !== undefined) return this.copyIn(text, data);
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }

  private async copyIn(text: string, data: string | Buffer) {
    const stream = super.query(copyFrom(text));
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(data);
    });
    return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
  }
}

type QueryFn = PGlite['query'];

/** `query` of a PGlite instance or transaction, with COPY FROM STDIN served from a blob. */
function copyingQuery(query: QueryFn, self: PGlite | PGliteTransaction): QueryFn {
  return ((text: string, values?: unknown[], options?: Parameters<QueryFn>[2]) => {
    const data = copyData(text, values);
    if (data === undefined) return query.call(self, text, values, options);
    return query.call(self, text.replace(/\sfrom\s+stdin\b/i, " from '/dev/blob'"), [], {
      ...options,
      blob: new Blob([data]),
    });
  }) as QueryFn;
}

/**
 * The PGlite instance as Kysely's PGlite dialect sees it: the same object, but its `query` and its
 * transactions' `query` accept COPY FROM STDIN (see above). Everything else passes through.
 */
export function copyingPGlite(pglite: PGlite): PGlite {
  // Made once: Kysely reads `query` for every statement.
  const query = copyingQuery(pglite.query, pglite);
  const transaction = <T>(callback: (tx: PGliteTransaction) => Promise<T>) =>
    pglite.transaction((tx) => {
      const txQuery = copyingQuery(tx.query, tx);
      return callback(new Proxy(tx, { get: (t, p) => (p === 'query' ? txQuery : Reflect.get(t, p, t)) }));
    });
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'transaction') return transaction;
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** Streams `data` (COPY text format rows) into `table (columns)`, in `db`'s transaction if it is one. */
export async function copyRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  data: string,
): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [data]));
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIAL_ALL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A text value as a COPY text-format field (`\N` is null). */
export function copyText(s: string | null): string {
  if (s === null) return '\\N';
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]!) : s;
}

/** A bytea value as a COPY text-format field (hex form, its backslash escaped). */
export function copyBytes(b: Uint8Array): string {
  return `\\\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
}
