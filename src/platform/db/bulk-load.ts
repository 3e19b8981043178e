import { sql } from 'kysely';
import type { Database, Executor } from './database.ts';

/**
 * Bulk inserts without a foreign-key lookup per row.
 *
 * PostgreSQL checks each foreign key of each inserted row with a trigger that runs one lookup per row
 * through SPI. For an import that is most of the database's work: on the embedded PGlite, a COPY of
 * rows with two foreign keys took five times as long as the same COPY without them. The parents of an
 * import's rows are few and known (the organisation, the buyers, the products), so this checks them
 * once per batch instead: it locks them `FOR KEY SHARE`, exactly as the per-row triggers would (so none
 * can be deleted before the batch commits), and fails the batch as a foreign key would (SQLSTATE 23503)
 * if one is missing. Then the inserts run with `session_replication_role = replica`, which skips row
 * triggers for this transaction only (`set local`), and the role is set back before anything else runs.
 *
 * Only where the database role may do so: a superuser, which the embedded database always is. Otherwise
 * (a production role without that right) the rows are written with their triggers, as before. Rows the
 * batch references that it writes itself (order lines → the batch's own orders) need no check: they
 * are written first, in the same transaction.
 */
export interface Parents {
  table: 'organisations' | 'parties' | 'products' | 'orders';
  ids: Iterable<string>;
}

const allowed = new WeakMap<Database, Promise<boolean>>();

function mayBulkLoad(database: Database, db: Executor): Promise<boolean> {
  let p = allowed.get(database);
  if (!p) {
    p = sql<{ ok: boolean }>`select rolsuper as ok from pg_roles where rolname = current_user`
      .execute(db)
      .then((r) => r.rows[0]?.ok === true);
    allowed.set(database, p);
  }
  return p;
}

/** A missing parent, reported as PostgreSQL reports a foreign-key violation. */
export class MissingParentError extends Error {
  readonly code = '23503';
  readonly constraint: string;
  constructor(table: string, missing: number) {
    super(`${missing} referenced ${table} row(s) do not exist`);
    this.name = 'MissingParentError';
    this.constraint = `${table}_referenced`;
  }
}

/** Runs `write` (inserts referencing `parents`) in `tx`, with per-batch parent checks where allowed. */
export async function insertWithParentsChecked(
  database: Database,
  tx: Executor,
  parents: Parents[],
  write: () => Promise<void>,
): Promise<void> {
  if (!(await mayBulkLoad(database, tx))) return write();
  for (const p of parents) {
    const ids = [...new Set(p.ids)];
    if (ids.length === 0) continue;
    const found = await sql<{ n: number }>`
      select count(*)::int as n from (
        select 1 from ${sql.table(p.table)} where id = any(${ids}::text[]) for key share) locked`.execute(tx);
    const n = Number(found.rows[0]?.n ?? 0);
    if (n !== ids.length) throw new MissingParentError(p.table, ids.length - n);
  }
  await sql`set local session_replication_role = replica`.execute(tx);
  // On failure the transaction is rolled back, and the setting with it.
  await write();
  await sql`set local session_replication_role = origin`.execute(tx);
}
