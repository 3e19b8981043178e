import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { retentionYears } from '../journal/index.ts';

/**
 * Trace events and issued dossiers. Both are compliance records: immutable, and not deletable within
 * the retention period (the journal migration's `crossgate_retention_guard`). Events reference core's
 * shipments and products.
 */
export const traceMigrations: Record<string, Migration> = {
  '202611211610_trace_init': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('trace_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('shipment_id', 'text', (c) => c.references('shipments.id'))
        .addColumn('product_id', 'text', (c) => c.references('products.id'))
        .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
        .addColumn('country', 'char(2)', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('facility', 'text')
        .addColumn('party_id', 'text', (c) => c.references('parties.id'))
        .addColumn('batch', 'text')
        .addColumn('leg', 'integer')
        .addColumn('carrier', 'text')
        .addColumn('details', 'jsonb', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('journal_entry_id', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('trace_events_reference', ['org_id', 'reference'])
        .addCheckConstraint('trace_events_attached', sql`shipment_id is not null or product_id is not null`)
        .execute();
      await db.schema
        .createIndex('trace_events_shipment')
        .on('trace_events')
        .columns(['org_id', 'shipment_id'])
        .execute();
      await db.schema
        .createIndex('trace_events_product')
        .on('trace_events')
        .columns(['org_id', 'product_id'])
        .execute();
      await db.schema
        .createTable('trace_dossiers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
        .addColumn('score', sql`numeric(5,1)`, (c) => c.notNull())
        .addColumn('tree_size', 'bigint', (c) => c.notNull())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('json_sha256', 'char(64)', (c) => c.notNull())
        .addColumn('pdf', 'bytea', (c) => c.notNull())
        .addColumn('pdf_sha256', 'char(64)', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('trace_dossiers_shipment')
        .on('trace_dossiers')
        .columns(['org_id', 'shipment_id'])
        .execute();
      const period = `${retentionYears(new Date('2026-11-21T00:00:00Z'))} years`;
      for (const table of ['trace_events', 'trace_dossiers']) {
        await sql`
          create trigger ${sql.raw(`${table}_retention`)} before update or delete on ${sql.table(table)}
          for each row execute function crossgate_retention_guard('created_at', ${sql.lit(period)})`.execute(
          db,
        );
      }
    },
  },
};
