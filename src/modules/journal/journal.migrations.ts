import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const journalMigrations: Record<string, Migration> = {
  '202611211502_journal_init': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('journal_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('journal_entries_org_seq', ['org_id', 'seq'])
        .execute();
    },
  },
};
