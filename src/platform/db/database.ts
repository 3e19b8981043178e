import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { CopyingClient, copyingPGlite } from './copy.ts';
import type { Tables } from './tables.ts';

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
/** A handle usable for reads and writes: the root database or an open transaction. */
export type Executor = Kysely<Tables>;

export type DialectName = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// int8 (bigint) as JS number where safe (counts, sequence numbers); numeric stays a string (money).
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for the PGlite files; omitted = in-memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Told about errors on idle pooled connections (logged by the caller). */
  onIdleError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, Client: CopyingClient });
    // An idle connection the server ends (restart, failover, a dropped database) is an 'error' event on
    // the pool; unhandled, it would take the whole process down. The pool replaces the connection.
    pool.on('error', (err) => opts.onIdleError?.(err));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (opts.dataDir) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    parsers: {
      20: (v: string) => {
        const n = Number(v);
        return Number.isSafeInteger(n) ? n : v;
      },
    },
  });
  const db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: copyingPGlite(pglite) }) });
  return {
    db,
    dialect: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** True when the error is a unique-constraint violation (23505) on either driver. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/**
 * `= any($1::text[])` for a where clause: one array parameter instead of an `IN ($1, …, $n)` list,
 * so looking up thousands of keys is one short statement to parse and plan (both dialects).
 */
export function anyText(values: readonly string[]) {
  return sql<string>`any(${values}::text[])`;
}

/**
 * Statements sent on one connection without waiting for each: the connection runs them in order, in
 * the caller's transaction, so the database works on one while this thread prepares the next (on
 * PostgreSQL; PGlite runs them on this thread). `done()` waits for all and fails with the first failure;
 * a transaction must not commit before it. A statement sent with a check of its result (`.then(...)`
 * that throws) fails `done()` the same way.
 */
export interface Pipeline {
  send(statement: Promise<unknown>): void;
  /**
   * Lets this thread's event loop run once. The connection sends the next queued statement only from
   * there: a long stretch of work on this thread between sends (sealing a batch, say) would otherwise
   * leave the database idle until `done()`.
   */
  tick(): Promise<void>;
  done(): Promise<void>;
}

/**
 * Promise.all for statements that run at once on one transaction: it waits for every one to settle
 * before failing with the first failure, so none is still running, or about to send another statement,
 * when the caller's transaction rolls back.
 */
export async function allSettled<T extends readonly unknown[]>(
  ...statements: { [K in keyof T]: Promise<T[K]> }
): Promise<T> {
  const settled = await Promise.allSettled(statements);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export function pipeline(): Pipeline {
  const pending: Promise<unknown>[] = [];
  return {
    send(statement) {
      statement.catch(() => {}); // awaited by done(); this only keeps an early failure from being "unhandled"
      pending.push(statement);
    },
    tick() {
      return new Promise((resolve) => setImmediate(resolve));
    },
    async done() {
      await Promise.all(pending);
    },
  };
}
