import { sql } from 'kysely';
import type { Database, Executor, Pipeline } from './database.ts';

/**
 * Bulk inserts without a foreign-key lookup per row.
 *
 * PostgreSQL checks each foreign key of each inserted row with a trigger that runs one lookup per row
 * through SPI. For an import that is most of the database's work: on the embedded PGlite, a COPY of
 * rows with two foreign keys took five times as long as the same COPY without them. The parents of an
 * import's rows are few and known (the organisation, the buyers, the products), so a bulk load checks
 * them once per batch instead: it locks them `FOR KEY SHARE`, exactly as the per-row triggers would (so
 * none can be deleted before the batch commits), and fails the batch as a foreign key would (SQLSTATE
 * 23503) if one is missing. The inserts run with `session_replication_role = replica`, which skips row
 * triggers for this transaction only (`set local`), and the role is set back when the load ends.
 *
 * Everything is sent through the caller's pipeline without waiting: the parent checks are verified when
 * the pipeline is done, which the caller awaits before its transaction commits (a missing parent then
 * rolls back everything the batch wrote).
 *
 * Only where the database role may set that parameter: a superuser (the embedded database's role always
 * is), or a role granted `SET ON PARAMETER session_replication_role`. Otherwise the rows are written
 * with their triggers, and `parents` and `end` send nothing. Rows the batch references that it writes
 * itself (order lines → the batch's own orders, orders → the batch's new buyers) need no check: they are
 * written first, in the same transaction.
 */
export interface Parents {
  table: 'organisations' | 'parties' | 'products';
  ids: Iterable<string>;
}

export interface BulkLoad {
  /** Locks rows the batch's inserts reference; a missing one fails the pipeline with MissingParentError. */
  parents(p: Parents): void;
  /** Foreign keys apply again for the rest of the transaction. */
  end(): void;
}

const allowed = new WeakMap<Database, Promise<boolean>>();

/**
 * Whether this database role may set `session_replication_role`: a superuser may, and so may a role
 * granted `SET ON PARAMETER session_replication_role` (PostgreSQL 15+; how a managed database's
 * administrator enables fast imports for an ordinary application role). Probed once per database, by
 * trying it under a savepoint of the caller's transaction that is then rolled back.
 */
function mayBulkLoad(database: Database, tx: Executor): Promise<boolean> {
  let p = allowed.get(database);
  if (!p) {
    p = (async () => {
      await sql`savepoint bulk_load_probe`.execute(tx);
      try {
        await sql`set local session_replication_role = replica`.execute(tx);
        return true;
      } catch {
        return false;
      } finally {
        await sql`rollback to savepoint bulk_load_probe`.execute(tx);
      }
    })();
    // A probe that failed for another reason (the caller's transaction was already broken) is retried.
    p.catch(() => allowed.delete(database));
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

/** Starts a bulk load in `tx`: statements after this one, sent through `writes`, skip row triggers. */
export async function beginBulkLoad(database: Database, tx: Executor, writes: Pipeline): Promise<BulkLoad> {
  if (!(await mayBulkLoad(database, tx))) return { parents() {}, end() {} };
  writes.send(sql`set local session_replication_role = replica`.execute(tx));
  // On failure the transaction is rolled back, and the setting with it.
  return {
    parents(p) {
      const ids = [...new Set(p.ids)];
      if (ids.length === 0) return;
      writes.send(
        sql<{ n: number }>`
          select count(*)::int as n from (
            select 1 from ${sql.table(p.table)} where id = any(${ids}::text[]) for key share) locked`
          .execute(tx)
          .then((found) => {
            const n = Number(found.rows[0]?.n ?? 0);
            if (n !== ids.length) throw new MissingParentError(p.table, ids.length - n);
          }),
      );
    },
    end() {
      writes.send(sql`set local session_replication_role = origin`.execute(tx));
    },
  };
}
