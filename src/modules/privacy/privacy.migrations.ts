import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const privacyMigrations: Record<string, Migration> = {
  '202611211501_privacy_data_keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('data_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('subject_key', 'text')
        .addColumn('kek_id', 'text', (c) => c.notNull())
        .addColumn('wrapped', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('shredded_at', 'timestamptz')
        .execute();
      await sql`create unique index data_keys_org_subject_idx on data_keys (org_id, coalesce(subject_key, ''))`.execute(
        db,
      );
    },
  },
};
