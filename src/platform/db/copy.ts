import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';

/**
 * `COPY … FROM STDIN` through Kysely on node-postgres. A query whose text is a COPY from STDIN and
 * whose only parameter is the data (COPY text format, as a string or Buffer) is streamed with
 * pg-copy-streams on the same connection, so it runs inside the caller's transaction and queues
 * behind (pipelines with) the statements already sent. PGlite has no such path: callers check
 * `supportsCopy` and keep an `INSERT … SELECT FROM unnest(…)` for it.
 */
const COPY_FROM_STDIN = /^\s*copy\s[^;]*\sfrom\s+stdin\b[^;]*$/is;

export class CopyingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only routes
  override query(...args: any[]): any {
    const [text, values] = args;
    if (
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length === 1 &&
      COPY_FROM_STDIN.test(text)
    )
      return this.copyIn(text, values[0] as string | Buffer);
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

/** True when `db` runs on node-postgres with the `CopyingClient` (not on PGlite). */
export function supportsCopy(dialect: string): boolean {
  return dialect === 'postgres';
}

/** Streams `data` (COPY text format rows) into `table (columns)`, in `db`'s transaction if it is one. */
export async function copyRows(db: Executor, table: string, columns: string[], data: string): Promise<void> {
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
