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
  ORDER_PERSONAL_COLUMNS,
  PARTY_PERSONAL_COLUMNS,
  openOrderPersonal,
  openPartyPersonal,
} from './index.ts';
import { envelope, keyIdOf } from '../privacy/index.ts';

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

  it("writes an order given twice in one batch once, in its last version with only that version's lines", async () => {
    const own = await newOrg(ctx); // its own organisation: other tests list every order of theirs
    const two = [
      { lineNo: 1, sku: 'LAMP-01', title: 'Desk lamp', quantity: 1, unitPrice: '19.99', total: '19.99' },
      { lineNo: 2, sku: 'GIFT-BOX', title: 'Gift box', quantity: 1, unitPrice: '2', total: '2' },
    ];
    const r = await ingestOrders(
      ctx,
      own.id,
      [
        order('#dup', { lines: two, status: 'paid' }),
        order('#dup-other'),
        // A line number given twice within the order: the last one counts, and the line count says so.
        order('#dup', { status: 'shipped', lines: [{ ...two[1]!, lineNo: 1 }, two[0]!] }),
      ],
      { actor: 'test' },
    );
    assert.deepEqual(r.outcomes, ['created', 'created', 'created']);
    assert.equal(r.ids[0], r.ids[2]);
    const rows = await ctx.db
      .selectFrom('orders')
      .select(['id', 'status', 'line_count'])
      .where('org_id', '=', own.id)
      .where('external_id', '=', '#dup')
      .execute();
    assert.deepEqual(rows, [{ id: r.ids[0], status: 'shipped', line_count: 1 }]);
    const lines = await ctx.db
      .selectFrom('order_lines')
      .select(['line_no', 'sku'])
      .where('order_id', '=', r.ids[0]!)
      .execute();
    assert.deepEqual(lines, [{ line_no: 1, sku: 'LAMP-01' }]);
  });

  it('stores every field of an order line as given, free text with tabs, line breaks and backslashes included', async () => {
    const lines = [
      {
        lineNo: 1,
        sku: 'LAMP-01',
        title: 'Desk lamp\t"Nordic"\\ 40 W\nwarm',
        quantity: 3,
        unitPrice: '19.99',
        total: '59.97',
      },
      { lineNo: 2, sku: 'NO\\SUCH\tSKU', title: 'Gift box', quantity: 1, unitPrice: '0.5', total: '0.5' },
    ];
    const own = await newOrg(ctx); // its own organisation: other tests list every order of theirs
    await ingestProducts(ctx, own.id, [productRecord.parse({ sku: 'LAMP-01', title: 'Desk lamp' })], {
      actor: 'test',
    });
    const r = await ingestOrders(ctx, own.id, [order('#fields', { lines })], { actor: 'test' });
    const lamp = await ctx.db
      .selectFrom('products')
      .select('id')
      .where('org_id', '=', own.id)
      .where('sku', '=', 'LAMP-01')
      .executeTakeFirstOrThrow();
    const stored = await ctx.db
      .selectFrom('order_lines')
      .select(['org_id', 'line_no', 'sku', 'title', 'quantity', 'unit_price', 'total', 'product_id'])
      .where('order_id', '=', r.ids[0]!)
      .orderBy('line_no')
      .execute();
    assert.deepEqual(
      stored.map((l) => [
        l.org_id,
        l.line_no,
        l.sku,
        l.title,
        l.quantity,
        Number(l.unit_price),
        Number(l.total),
        l.product_id,
      ]),
      [
        [own.id, 1, 'LAMP-01', lines[0]!.title, 3, 19.99, 59.97, lamp.id],
        [own.id, 2, lines[1]!.sku, 'Gift box', 1, 0.5, 0.5, null],
      ],
    );
  });

  it("takes content hashes computed by the caller (the importer's parsing thread) as given", async () => {
    const own = await newOrg(ctx); // its own organisation: other tests list every order of theirs
    const rec = order('#hashed');
    const first = await ingestOrders(ctx, own.id, [rec], { actor: 'test', hashes: ['precomputed'] });
    const stored = await ctx.db
      .selectFrom('orders')
      .select('content_hash')
      .where('id', '=', first.ids[0]!)
      .executeTakeFirstOrThrow();
    assert.equal(stored.content_hash, 'precomputed');
    // Without a given hash the same record hashes to something else, so it counts as changed.
    assert.deepEqual((await ingestOrders(ctx, own.id, [rec], { actor: 'test' })).outcomes, ['updated']);
    assert.deepEqual((await ingestOrders(ctx, own.id, [rec], { actor: 'test' })).outcomes, ['unchanged']);
  });

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

  it('stores buyer name, email and address only sealed, as one record per party and per order', async () => {
    await ingestOrders(
      ctx,
      org.id,
      [
        order('#3', {
          paymentRef: 'pi_3Qsecret',
          buyer: { ...order('#3').buyer!, phone: '+1 512 555 0100' },
        }),
      ],
      { actor: 'test' },
    );
    const party = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('external_ref', '=', 'cust-#3')
      .executeTakeFirstOrThrow();
    assert.equal(party.name, null);
    assert.ok(!JSON.stringify(party).includes('Jane'));
    // One AEAD message for the person's fields, none in the per-field columns.
    assert.match(party.personal_sealed ?? '', /^cg2\.[^.]+\.[A-Za-z0-9_-]+$/);
    for (const col of Object.values(PARTY_PERSONAL_COLUMNS)) assert.equal(party[col], null, col);
    assert.deepEqual(await ctx.cipher.openRecord(org.id, party.personal_sealed!), {
      name: 'Jane Roe',
      email: 'jane@example.test',
      phone: '+1 512 555 0100',
    });
    // Sealed under the buyer's own key (crypto-shredding), not the organisation's.
    const key = await envelope(ctx).keyInfo(org.id, keyIdOf(party.personal_sealed!)!);
    assert.equal(key?.subject_key, 'buyer:cust-#3');
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('external_id', '=', '#3')
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(o).includes('Main St'));
    assert.ok(!JSON.stringify(o).includes('pi_3Qsecret'));
    assert.match(o.personal_sealed ?? '', /^cg2\./);
    assert.equal(keyIdOf(o.personal_sealed!), keyIdOf(party.personal_sealed!));
    for (const col of Object.values(ORDER_PERSONAL_COLUMNS)) assert.equal(o[col], null, col);
    const opened = await openOrderPersonal(ctx, org.id, o);
    assert.equal(JSON.parse(opened.shipTo!).line1, '1 Main St');
    assert.equal(opened.paymentReference, 'pi_3Qsecret');
    assert.equal((await openPartyPersonal(ctx, org.id, party)).email, 'jane@example.test');
  });

  it('reads rows written in the per-field format, and moves an order to the record when it is re-imported', async () => {
    // A party and an order as they were written before the record column: one sealed column per field.
    const now = ctx.clock.now();
    const subject = 'buyer:cust-old';
    const partyId = ctx.ids.next('party');
    await ctx.db
      .insertInto('parties')
      .values({
        id: partyId,
        org_id: org.id,
        kind: 'buyer',
        external_ref: 'cust-old',
        is_person: true,
        name_sealed: await ctx.cipher.seal(org.id, 'Old Format', subject),
        address_sealed: await ctx.cipher.seal(
          org.id,
          JSON.stringify({ line1: '9 Old Rd', country: 'US' }),
          subject,
        ),
        email_sealed: await ctx.cipher.seal(org.id, 'old@example.test', subject),
        tax_id_sealed: await ctx.cipher.seal(org.id, 'TAX-OLD', subject),
        country: 'US',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const party = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    assert.equal(party.personal_sealed, null);
    assert.deepEqual(await openPartyPersonal(ctx, org.id, party), {
      name: 'Old Format',
      address: JSON.stringify({ line1: '9 Old Rd', country: 'US' }),
      email: 'old@example.test',
      phone: null,
      taxId: 'TAX-OLD',
    });

    const first = await ingestOrders(ctx, org.id, [order('#OLD')], { actor: 'test' });
    const orderId = first.ids[0]!;
    await ctx.db
      .updateTable('orders')
      .set({
        personal_sealed: null,
        ship_to_sealed: await ctx.cipher.seal(
          org.id,
          JSON.stringify({ line1: '9 Old Rd', country: 'US' }),
          subject,
        ),
        payment_ref_sealed: await ctx.cipher.seal(org.id, 'pi_old', subject),
      })
      .where('id', '=', orderId)
      .execute();
    const old = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const opened = await openOrderPersonal(ctx, org.id, old);
    assert.equal(JSON.parse(opened.shipTo!).line1, '9 Old Rd');
    assert.equal(opened.paymentReference, 'pi_old');

    // Re-imported with a change: the order now holds the record only.
    await ingestOrders(ctx, org.id, [order('#OLD', { status: 'refunded', paymentRef: 'pi_new' })], {
      actor: 'test',
    });
    const moved = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    assert.equal(moved.ship_to_sealed, null);
    assert.equal(moved.payment_ref_sealed, null);
    assert.match(moved.personal_sealed ?? '', /^cg2\./);
    assert.equal((await openOrderPersonal(ctx, org.id, moved)).paymentReference, 'pi_new');
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

  it('refuses numbers the database columns cannot hold as they are, instead of rounding or failing the batch', async () => {
    const issues = (over: Partial<OrderRecordInput>) => {
      const r = orderRecord.safeParse({ ...order('#limits'), ...over });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const line = { lineNo: 1, sku: 'a', title: 'a', quantity: 1, unitPrice: '1', total: '1' };
    assert.deepEqual(issues({ subtotal: '12.12345' }), ['subtotal: has more than 4 decimal places']);
    assert.deepEqual(issues({ total: '123456789012345' }), [
      'total: is too large (at most 14 digits before the decimal point)',
    ]);
    assert.deepEqual(issues({ lines: [{ ...line, quantity: 2 ** 31 }] }), [
      'lines.0.quantity: is too large (at most 2,147,483,647)',
    ]);
    // The largest values that fit are accepted unchanged.
    assert.deepEqual(
      issues({ subtotal: '99999999999999.9999', lines: [{ ...line, quantity: 2 ** 31 - 1 }] }),
      [],
    );
    const own = await newOrg(ctx);
    const edge = orderRecord.parse({
      ...order('#edge'),
      subtotal: '99999999999999.9999',
      lines: [{ ...line, quantity: 2 ** 31 - 1, unitPrice: '0.0001' }],
    });
    await ingestOrders(ctx, own.id, [edge], { actor: 'test' });
    const stored = await ctx.db
      .selectFrom('orders')
      .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
      .select(['subtotal', 'quantity', 'unit_price'])
      .where('orders.org_id', '=', own.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [String(stored.subtotal), stored.quantity, Number(stored.unit_price)],
      ['99999999999999.9999', 2 ** 31 - 1, 0.0001],
    );
    const heavy = productRecord.safeParse({ sku: 'a', title: 'a', weightKg: '123456789' });
    assert.equal(heavy.error?.issues[0]?.message, 'is too large (at most 8 digits before the decimal point)');
  });
});
