import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const tariffMigrations: Record<string, Migration> = {
  '202611211600_tariff_init': {
    async up(db: Kysely<unknown>) {
      const org = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().references('organisations.id');
      const json = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`'[]'::jsonb`);
      await db.schema
        .createTable('tariff_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'date', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('tariff_revisions_content', ['schedule', 'content_sha256'])
        .execute();
      await db.schema
        .createTable('tariff_lines')
        .addColumn('revision_id', 'text', (c) => c.notNull().references('tariff_revisions.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('indent', 'integer', (c) => c.notNull())
        .addColumn('parent_seq', 'integer')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('units', 'jsonb', json)
        .addColumn('general_rate', 'text', (c) => c.notNull())
        .addColumn('special_rate', 'text', (c) => c.notNull())
        .addColumn('column2_rate', 'text', (c) => c.notNull())
        .addColumn('quota_quantity', 'text', (c) => c.notNull())
        .addColumn('additional_duties', 'text', (c) => c.notNull())
        .addColumn('additional_duty_refs', 'jsonb', json)
        .addPrimaryKeyConstraint('tariff_lines_pk', ['revision_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('tariff_lines_code')
        .on('tariff_lines')
        .columns(['revision_id', 'code'])
        .execute();
      await db.schema
        .createTable('hs_nomenclature')
        .addColumn('revision_id', 'text', (c) => c.notNull().references('tariff_revisions.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('parent', 'text')
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hs_nomenclature_pk', ['revision_id', 'code'])
        .execute();
      await db.schema
        .createTable('tariff_diffs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('from_revision_id', 'text', (c) => c.notNull().references('tariff_revisions.id'))
        .addColumn('to_revision_id', 'text', (c) => c.notNull().references('tariff_revisions.id'))
        .addColumn('summary', 'jsonb', (c) => c.notNull())
        .addColumn('changes', 'jsonb', json)
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('tariff_diffs_pair', ['from_revision_id', 'to_revision_id'])
        .execute();
      await db.schema
        .createTable('tariff_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('diff_id', 'text', (c) => c.notNull().references('tariff_diffs.id'))
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('old_text', 'text')
        .addColumn('new_text', 'text')
        .addColumn('suggested_codes', 'jsonb', json)
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('tariff_alerts_once', ['org_id', 'diff_id', 'product_id', 'kind'])
        .execute();
      await db.schema
        .createTable('classification_memory')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('country', 'char(2)', (c) => c.notNull())
        .addColumn('product_id', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('classification_memory_once', ['org_id', 'source', 'content_hash'])
        .execute();
      await db.schema
        .createTable('classification_reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('product_id', 'text', (c) => c.references('products.id'))
        .addColumn('input', 'jsonb', (c) => c.notNull())
        .addColumn('suggestions', 'jsonb', json)
        .addColumn('top_code', 'text')
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_code', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'timestamptz')
        .addColumn('reason', 'text')
        .addColumn('ruleset_version', 'text', (c) => c.notNull())
        .addColumn('revision_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('classification_reviews_queue')
        .on('classification_reviews')
        .columns(['org_id', 'status', 'id'])
        .execute();
      await db.schema
        .createTable('tariff_sync_state')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('checked_at', 'timestamptz')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revision_id', 'text')
        .execute();
    },
  },
};
