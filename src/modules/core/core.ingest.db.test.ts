import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import {
  ingestOrders,
  ingestProducts,
  ingestShipments,
  orderRecord,
  productRecord,
  shipmentRecord,
  type OrderRecordInput,
} from './index.ts';

const order = (externalId: string, over: Partial<OrderRecordInput> = {}) =>
  orderRecord.parse({
    platform: 'shopify',
    externalId,
    buyer: {
      kind: 'buyer',
      externalRef: `cust-${externalId}`,
      isPerson: true,
      name: 'Jane Roe',
      country: 'US',
      email: 'jane@example.test',
    },
    shipTo: {
      name: 'Jane Roe',
      line1: '1 Main St',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      country: 'US',
    },
    currency: 'USD',
    subtotal: '39.98',
    total: '44.98',
    shipping: '5',
    orderedAt: '2026-10-01T10:00:00Z',
    lines: [
      { lineNo: 1, sku: 'LAMP-01', title: 'Desk lamp', quantity: 2, unitPrice: '19.99', total: '39.98' },
    ],
    ...over,
  });

describe('ingest of canonical records', () => {
  let ctx: TestContext;
  let org: { id: string };
  before(async () => {
    ctx = await testContext();
    org = await newOrg(ctx);
    await ingestProducts(
      ctx,
      org.id,
      [
        productRecord.parse({
          sku: 'LAMP-01',
          title: 'Desk lamp',
          value: '19.99',
          currency: 'usd',
          originCountry: 'cn',
          hsCode: '9405.21.0000',
        }),
      ],
      { actor: 'test' },
    );
  });
  after(() => ctx.dispose());

  it('creates, then leaves unchanged on a second identical import, then updates on a change', async () => {
    const first = await ingestOrders(ctx, org.id, [order('#1'), order('#2')], { actor: 'test' });
    assert.deepEqual(first.outcomes, ['created', 'created']);
    const again = await ingestOrders(ctx, org.id, [order('#1'), order('#2')], { actor: 'test' });
    assert.deepEqual(again.outcomes, ['unchanged', 'unchanged']);
    assert.deepEqual(again.ids, first.ids);
    const changed = await ingestOrders(ctx, org.id, [order('#1', { status: 'refunded' })], { actor: 'test' });
    assert.deepEqual(changed.outcomes, ['updated']);
    const rows = await ctx.db
      .selectFrom('orders')
      .select(['external_id', 'status'])
      .where('org_id', '=', org.id)
      .orderBy('external_id')
      .execute();
    assert.deepEqual(rows, [
      { external_id: '#1', status: 'refunded' },
      { external_id: '#2', status: 'paid' },
    ]);
    const lines = await ctx.db
      .selectFrom('order_lines')
      .select(['order_id', 'product_id'])
      .where('org_id', '=', org.id)
      .execute();
    assert.equal(lines.length, 2, 'updating an order replaces its lines instead of adding more');
    assert.ok(
      lines.every((l) => l.product_id !== null),
      'lines link to the product by SKU',
    );
  });

  it('stores buyer name, email and address only sealed', async () => {
    await ingestOrders(ctx, org.id, [order('#3')], { actor: 'test' });
    const party = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('external_ref', '=', 'cust-#3')
      .executeTakeFirstOrThrow();
    assert.equal(party.name, null);
    assert.ok(!JSON.stringify(party).includes('Jane'));
    assert.equal(await ctx.cipher.open(org.id, party.name_sealed!), 'Jane Roe');
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('external_id', '=', '#3')
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(o).includes('Main St'));
    assert.equal(JSON.parse(await ctx.cipher.open(org.id, o.ship_to_sealed!)).line1, '1 Main St');
  });

  it('journals each batch in the same transaction', async () => {
    const before = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    await ingestOrders(ctx, org.id, [order('#4'), order('#5')], { actor: 'test' });
    const entries = await ctx.db
      .selectFrom('journal_entries')
      .select(['kind', 'data'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'orders.upserted')
      .execute();
    const last = entries.at(-1)!;
    assert.equal((last.data as { items: unknown[] }).items.length, 2);
    const afterCount = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n) + 1);
  });

  it('links shipment lines to orders by external id', async () => {
    const r = await ingestShipments(
      ctx,
      org.id,
      [
        shipmentRecord.parse({
          reference: 'SHP-1',
          mode: 'ocean',
          originCountry: 'CN',
          destinationCountry: 'US',
          originPort: 'CNSZX',
          destinationPort: 'USLAX',
          lines: [{ lineNo: 1, orderExternalId: '#1', sku: 'LAMP-01', quantity: 2 }],
        }),
      ],
      { actor: 'test' },
    );
    assert.deepEqual(r.outcomes, ['created']);
    const line = await ctx.db
      .selectFrom('shipment_lines')
      .selectAll()
      .where('shipment_id', '=', r.ids[0]!)
      .executeTakeFirstOrThrow();
    assert.ok(line.order_id?.startsWith('ord_'));
  });

  it('rejects records with a negative quantity, unknown country or bad date, naming the field', () => {
    const bad = orderRecord.safeParse({
      platform: 'x',
      externalId: '1',
      shipTo: { country: 'XX' },
      currency: 'USD',
      subtotal: '1',
      total: '1',
      orderedAt: '31/12/2026',
      lines: [{ lineNo: 1, sku: 'a', title: 'a', quantity: -1, unitPrice: '1', total: '1' }],
    });
    assert.equal(bad.success, false);
    const fields = bad.error!.issues.map((i) => i.path.join('.'));
    assert.ok(fields.includes('shipTo.country'));
    assert.ok(fields.includes('orderedAt'));
    assert.ok(fields.includes('lines.0.quantity'));
  });
});
