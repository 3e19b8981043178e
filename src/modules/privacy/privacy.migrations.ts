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
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('kek_id', 'text', (c) => c.notNull())
        .addColumn('wrapped', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('retired_at', 'timestamptz')
        .addColumn('shredded_at', 'timestamptz')
        .addColumn('shred_reason', 'text')
        .execute();
      await sql`create unique index data_keys_org_subject_version_idx on data_keys (org_id, coalesce(subject_key, ''), version)`.execute(
        db,
      );
      await sql`create index data_keys_kek_idx on data_keys (kek_id) where wrapped is not null`.execute(db);
    },
  },
  '202611211502_privacy_transfers_dsr': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('transfer_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('from_country', 'text', (c) => c.notNull())
        .addColumn('to_country', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text')
        .addColumn('volume', 'integer')
        .addColumn('basis_claimed', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('basis', 'text')
        .addColumn('rules_version', 'text', (c) => c.notNull())
        .addColumn('explanation', 'jsonb', (c) => c.notNull())
        .addColumn('duties', 'jsonb', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('transfer_decisions_org_idx')
        .on('transfer_decisions')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createTable('data_subject_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('contact_index', 'text')
        .addColumn('contact_sealed', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('received_at', 'timestamptz', (c) => c.notNull())
        .addColumn('due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('deadline_rule', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'timestamptz')
        .addColumn('hold_until', 'timestamptz')
        .addColumn('outcome', 'jsonb')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('dsr_org_status_idx')
        .on('data_subject_requests')
        .columns(['org_id', 'status', 'due_at'])
        .execute();
    },
  },
};
