import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const demoMigrations: Record<string, Migration> = {
  '202611211700_demo_datasets': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('demo_datasets')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('scale', 'double precision', (c) => c.notNull())
        .addColumn('anchor_at', 'timestamptz', (c) => c.notNull())
        .addColumn('records_hash', 'text', (c) => c.notNull())
        .addColumn('planted', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('loaded_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('demo_datasets').execute();
    },
  },
};
