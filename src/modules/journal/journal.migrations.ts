import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { retentionYears } from './retention.ts';

/**
 * One Merkle log per organisation.
 *
 * - `journal_logs`: the head of each log — its size and its right edge (the roots of the complete
 *   subtrees, 32 bytes each, largest first). Appenders lock this row (`FOR UPDATE`), so indexes are
 *   gap-free per organisation and two organisations never wait for each other.
 * - `journal_entries`: one row per leaf. Besides the entry's fields it keeps its leaf hash and, in
 *   `nodes`, the hashes of every complete subtree whose last leaf it is (level 1 first). Any node of
 *   the tree is therefore one primary-key read away, and a proof at any size is O(log n) row reads.
 * - `journal_heads`: signed tree heads (checkpoints), never updated.
 *
 * Every entry keeps its identity hash, but only entries appended with `dedupe` are indexed by it:
 * a random 32-byte key in a B-tree is the most expensive part of an insert, and only re-importable
 * facts ask for de-duplication. Key text columns use the "C" collation (byte order, no locale cost).
 *
 * The retention guard refuses UPDATE on entries and heads, and DELETE within the retention period
 * (rules/retention.json), whoever issues the SQL. A superuser can disable a trigger; that is what the
 * Merkle tree and the signed heads are for.
 */
export const journalMigrations: Record<string, Migration> = {
  '202611211502_journal_init': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('journal_logs')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('frontier', 'bytea', (c) => c.notNull().defaultTo(sql`'\\x'::bytea`))
        .execute();
      await db.schema
        .createTable('journal_entries')
        .addColumn('org_id', sql`text collate "C"`, (c) => c.notNull())
        .addColumn('idx', 'bigint', (c) => c.notNull())
        .addColumn('id', sql`text collate "C"`, (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('subject', sql`text collate "C"`)
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
        .addColumn('leaf_hash', 'bytea', (c) => c.notNull())
        .addColumn('identity_hash', 'bytea', (c) => c.notNull())
        .addColumn('dedupe', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('nodes', 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('journal_entries_pk', ['org_id', 'idx'])
        .execute();
      await db.schema
        .createIndex('journal_entries_identity')
        .on('journal_entries')
        .columns(['org_id', 'identity_hash'])
        .where(sql.ref('dedupe'), '=', true)
        .execute();
      await db.schema
        .createIndex('journal_entries_subject')
        .on('journal_entries')
        .columns(['org_id', 'subject'])
        .where(sql.ref('subject'), 'is not', null)
        .execute();
      await db.schema
        .createTable('journal_heads')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('tree_size', 'bigint', (c) => c.notNull())
        .addColumn('root_hash', 'bytea', (c) => c.notNull())
        .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('checkpoint', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('journal_heads_pk', ['org_id', 'tree_size'])
        .execute();

      // Generic guard: TG_ARGV[0] names the creation-time column, TG_ARGV[1] is the retention period.
      await sql`
        create or replace function crossgate_retention_guard() returns trigger language plpgsql as $$
        declare created timestamptz;
        begin
          if tg_op = 'UPDATE' then
            raise exception 'crossgate: % rows are immutable', tg_table_name using errcode = '55000';
          end if;
          created := (to_jsonb(old) ->> tg_argv[0])::timestamptz;
          if created > now() - tg_argv[1]::interval then
            raise exception 'crossgate: % row is within its retention period (%) and cannot be deleted',
              tg_table_name, tg_argv[1] using errcode = '55000';
          end if;
          return old;
        end $$`.execute(db);
      const period = `${retentionYears(new Date('2026-11-21T00:00:00Z'))} years`;
      for (const [table, column] of [
        ['journal_entries', 'recorded_at'],
        ['journal_heads', 'signed_at'],
      ] as const) {
        await sql`
          create trigger ${sql.raw(`${table}_retention`)} before update or delete on ${sql.table(table)}
          for each row execute function crossgate_retention_guard(${sql.lit(column)}, ${sql.lit(period)})`.execute(
          db,
        );
      }
    },
  },
  // `data` keeps the canonical JSON text the leaf was hashed over (json stores its input verbatim;
  // jsonb re-encodes it): appends skip building jsonb, and verify can hash the stored text as it is.
  // Rows written before this keep jsonb's rendering, which verify canonicalises as before.
  '202611212000_journal_data_json': {
    async up(db: Kysely<unknown>) {
      await sql`alter table journal_entries alter column data type json using data::json`.execute(db);
    },
  },
};
