import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const importsMigrations: Record<string, Migration> = {
  '202611211600_imports_init': {
    async up(db: Kysely<unknown>) {
      const counter = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
      await db.schema
        .createTable('import_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('finished_at', 'timestamptz')
        .addColumn('bytes_read', 'bigint', counter)
        .addColumn('rows_read', 'integer', counter)
        .addColumn('records', 'integer', counter)
        .addColumn('created', 'integer', counter)
        .addColumn('updated', 'integer', counter)
        .addColumn('unchanged', 'integer', counter)
        .addColumn('quarantined', 'integer', counter)
        .addColumn('rows_per_second', 'integer', counter)
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('import_runs_org').on('import_runs').columns(['org_id', 'id']).execute();

      await db.schema
        .createTable('import_quarantine')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('run_id', 'text', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('issues', 'jsonb', (c) => c.notNull())
        .addColumn('raw_sealed', 'text')
        .addColumn('raw_length', 'integer', (c) => c.notNull())
        .addColumn('raw_truncated', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('import_quarantine_org_run')
        .on('import_quarantine')
        .columns(['org_id', 'run_id', 'row_number', 'id'])
        .execute();
      await db.schema
        .createIndex('import_quarantine_org')
        .on('import_quarantine')
        .columns(['org_id', 'id'])
        .execute();
    },
  },
};
