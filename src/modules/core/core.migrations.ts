import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Imports write `parties`, `orders` and `order_lines` with row triggers skipped (their parents are
 * checked once per batch instead: platform/db/bulk-load.ts, ADR 0009). A trigger added to one of these
 * tables would not fire for imported rows: enforce such a rule in core.ingest.ts, or make the trigger
 * `ENABLE ALWAYS`.
 */
export const coreMigrations: Record<string, Migration> = {
  '202611211510_core_init': {
    async up(db: Kysely<unknown>) {
      const org = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().references('organisations.id');
      await db.schema
        .createTable('parties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('external_ref', 'text', (c) => c.notNull())
        .addColumn('is_person', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('name', 'text')
        .addColumn('name_sealed', 'text')
        .addColumn('address', 'jsonb')
        .addColumn('address_sealed', 'text')
        .addColumn('country', 'char(2)', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('email_sealed', 'text')
        .addColumn('phone_sealed', 'text')
        .addColumn('tax_id_sealed', 'text')
        .addColumn('mid', 'text')
        .addColumn('email_index', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('parties_natural_key', ['org_id', 'kind', 'external_ref'])
        .execute();

      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('category_path', 'text')
        .addColumn('origin_country', 'char(2)')
        .addColumn('hs_code', 'text')
        .addColumn('value', sql`numeric(18,4)`)
        .addColumn('currency', 'char(3)')
        .addColumn('weight_kg', sql`numeric(12,4)`)
        .addColumn('supplier_party_id', 'text', (c) => c.references('parties.id'))
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('products_natural_key', ['org_id', 'sku'])
        .execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('buyer_party_id', 'text', (c) => c.references('parties.id'))
        .addColumn('ship_to_country', 'char(2)', (c) => c.notNull())
        .addColumn('ship_to_sealed', 'text')
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('subtotal', sql`numeric(18,4)`, (c) => c.notNull())
        .addColumn('shipping', sql`numeric(18,4)`, (c) => c.notNull())
        .addColumn('tax', sql`numeric(18,4)`, (c) => c.notNull())
        .addColumn('total', sql`numeric(18,4)`, (c) => c.notNull())
        .addColumn('payment_method', 'text')
        .addColumn('payment_ref_sealed', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ordered_at', 'timestamptz', (c) => c.notNull())
        .addColumn('paid_at', 'timestamptz')
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('import_run_id', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('orders_natural_key', ['org_id', 'platform', 'external_id'])
        .execute();
      await db.schema
        .createIndex('orders_org_ordered_at')
        .on('orders')
        .columns(['org_id', 'ordered_at'])
        .execute();

      await db.schema
        .createTable('order_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.references('products.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_price', sql`numeric(18,4)`, (c) => c.notNull())
        .addColumn('total', sql`numeric(18,4)`, (c) => c.notNull())
        .addUniqueConstraint('order_lines_natural_key', ['order_id', 'line_no'])
        .execute();

      await db.schema
        .createTable('shipments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('carrier', 'text')
        .addColumn('carrier_party_id', 'text', (c) => c.references('parties.id'))
        .addColumn('tracking_number', 'text')
        .addColumn('origin_country', 'char(2)', (c) => c.notNull())
        .addColumn('destination_country', 'char(2)', (c) => c.notNull())
        .addColumn('origin_port', 'text')
        .addColumn('destination_port', 'text')
        .addColumn('etd', 'timestamptz')
        .addColumn('eta', 'timestamptz')
        .addColumn('atd', 'timestamptz')
        .addColumn('ata', 'timestamptz')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('gross_weight_kg', sql`numeric(12,3)`)
        .addColumn('package_count', 'integer')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('shipments_natural_key', ['org_id', 'reference'])
        .execute();

      await db.schema
        .createTable('shipment_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id').onDelete('cascade'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.references('orders.id'))
        .addColumn('order_external_id', 'text')
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addUniqueConstraint('shipment_lines_natural_key', ['shipment_id', 'line_no'])
        .execute();
      await db.schema.createIndex('shipment_lines_order').on('shipment_lines').column('order_id').execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('sha256', 'char(64)', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('content', 'bytea', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('documents_dedupe', ['org_id', 'subject_type', 'subject_id', 'sha256'])
        .execute();
    },
  },
  /**
   * Personal data of a natural person (parties) and of an order's recipient (orders) as one sealed
   * record (`cg2.`, ADR 0007) instead of one sealed column per field. The per-field columns stay for rows
   * written before; new rows leave them null.
   */
  '202611212030_core_personal_records': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('parties').addColumn('personal_sealed', 'text').execute();
      await db.schema.alterTable('orders').addColumn('personal_sealed', 'text').execute();
    },
  },
};
