import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const filingsMigrations: Record<string, Migration> = {
  '202611211600_filings_init': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('filing_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
        .addColumn('settings', 'jsonb', (c) => c.notNull())
        .addColumn('next_entry_seq', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('filings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('variant', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('entry_number', 'text')
        .addColumn('rule_version', 'text', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('check_summary', 'jsonb')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addColumn('submitted_at', 'timestamptz')
        .addUniqueConstraint('filings_natural_key', ['org_id', 'shipment_id', 'kind', 'variant'])
        .execute();
      await db.schema.createIndex('filings_org_status').on('filings').columns(['org_id', 'status']).execute();
      await db.schema
        .createTable('filing_lines')
        .addColumn('filing_id', 'text', (c) => c.notNull().references('filings.id').onDelete('cascade'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('hs_code', 'text', (c) => c.notNull())
        .addColumn('origin_country', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('value', sql`numeric(18,2)`, (c) => c.notNull())
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('customs_value', sql`numeric(18,2)`, (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('filing_lines_pk', ['filing_id', 'line_no'])
        .execute();
      await db.schema
        .createTable('filing_parties')
        .addColumn('filing_id', 'text', (c) => c.notNull().references('filings.id').onDelete('cascade'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('party_ref', 'text')
        .addColumn('party_id', 'text')
        .addColumn('is_person', 'boolean', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('clear', 'jsonb')
        .addColumn('sealed', 'text')
        .addPrimaryKeyConstraint('filing_parties_pk', ['filing_id', 'idx'])
        .execute();
      await db.schema
        .createTable('filing_status_history')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('filing_id', 'text', (c) => c.notNull().references('filings.id').onDelete('cascade'))
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reasons', 'jsonb', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('filing_status_history_filing')
        .on('filing_status_history')
        .column('filing_id')
        .execute();
      await db.schema
        .createTable('filing_check_results')
        .addColumn('filing_id', 'text', (c) => c.notNull().references('filings.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('fix', 'text', (c) => c.notNull())
        .addColumn('findings', 'jsonb', (c) => c.notNull())
        .addColumn('registry_version', 'text', (c) => c.notNull())
        .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('filing_check_results_pk', ['filing_id', 'code'])
        .execute();
      await db.schema
        .createIndex('filing_check_results_org_code')
        .on('filing_check_results')
        .columns(['org_id', 'code'])
        .execute();
      await db.schema
        .createTable('filing_clocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('filing_id', 'text', (c) => c.notNull().references('filings.id').onDelete('cascade'))
        .addColumn('shipment_id', 'text', (c) => c.notNull())
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('clock', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('anchor', 'text', (c) => c.notNull())
        .addColumn('anchor_at', 'timestamptz', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('met_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('filing_clocks_natural_key', ['filing_id', 'clock'])
        .execute();
      await db.schema
        .createIndex('filing_clocks_org_due')
        .on('filing_clocks')
        .columns(['org_id', 'status', 'due_at'])
        .execute();
      await db.schema
        .createTable('filing_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('clock_id', 'text', (c) => c.notNull().references('filing_clocks.id').onDelete('cascade'))
        .addColumn('filing_id', 'text', (c) => c.notNull())
        .addColumn('lead', 'text', (c) => c.notNull())
        .addColumn('due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addUniqueConstraint('filing_alerts_once', ['clock_id', 'lead', 'due_at'])
        .execute();
    },
  },
};
