import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { runImport, type ImportRunView } from './index.ts';
import { chunked } from './import-testing.ts';
import type { ImportFormat, ImportKind } from './imports.tables.ts';
import { openOrderPersonal, openPartyPersonal } from '../core/index.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const ORDERS_HEADER =
  'platform,order_id,ordered_at,currency,subtotal,shipping,tax,total,status,buyer_id,buyer_name,buyer_email,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country,line_no,sku,title,quantity,unit_price,line_total';
const orderRow = (id: string, over: { date?: string; country?: string; qty?: string; name?: string } = {}) =>
  `shop,${id},${over.date ?? '2026-10-01T08:00:00Z'},USD,10,0,0,10,paid,c-${id},${over.name ?? 'Ann Lee'},ann@example.com,Ann Lee,1 Main St,Austin,TX,78701,${over.country ?? 'US'},1,SKU-1,Thing,${over.qty ?? '1'},10,10`;

describe('imports', () => {
  let ctx: TestContext;
  let org: { id: string };

  const importText = (
    text: string | Uint8Array,
    fileName: string,
    opts: { kind?: ImportKind; format?: ImportFormat } = {},
  ): Promise<ImportRunView> =>
    runImport(ctx, { orgId: org.id, actor: 'test', fileName, source: chunked(text, 4096), ...opts });
  const importFixture = (name: string, kind?: ImportKind) =>
    runImport(ctx, {
      orgId: org.id,
      actor: 'test',
      fileName: name,
      kind,
      source: fs.createReadStream(path.join(FIXTURES, name)),
    });
  const quarantineOf = (runId: string) =>
    ctx.db
      .selectFrom('import_quarantine')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('row_number')
      .execute();
  const count = async (table: 'orders' | 'order_lines' | 'parties' | 'products' | 'shipments') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    ctx = await testContext();
    org = await newOrg(ctx);
  });
  after(() => ctx.dispose());

  it('imports every fixture format into canonical records', async () => {
    const expected: Array<[string, ImportKind | undefined, number, string]> = [
      ['products.csv', 'products', 4, 'csv'],
      ['products.json', 'products', 2, 'json'],
      ['orders.csv', 'orders', 3, 'csv'],
      ['shopify-orders.csv', undefined, 3, 'shopify'],
      ['amazon-orders.txt', undefined, 3, 'amazon'],
      ['orders.ndjson', 'orders', 2, 'ndjson'],
      ['shipments.csv', 'shipments', 2, 'csv'],
    ];
    for (const [file, kind, records, format] of expected) {
      const run = await importFixture(file, kind);
      assert.equal(run.status, 'succeeded', `${file}: ${JSON.stringify(run)}`);
      assert.equal(run.format, format, file);
      assert.equal(run.records, records, file);
      assert.equal(run.accepted, records, file);
      assert.equal(run.quarantined, 0, file);
    }
    const shopify = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('platform', '=', 'shopify')
      .where('external_id', '=', '#1003')
      .executeTakeFirstOrThrow();
    assert.equal(shopify.line_count, 3, 'the three line rows of #1003 are one order');
    assert.equal(Number(shopify.total), 62.99);
    assert.equal(shopify.ship_to_country, 'GB');
    assert.equal(new Date(shopify.ordered_at).toISOString(), '2026-10-06T18:44:02.000Z');
    assert.match(shopify.personal_sealed ?? '', /^cg2\./, 'ship-to and payment reference: one sealed record');
    assert.equal(shopify.ship_to_sealed, null);
    const shipTo = JSON.parse((await openOrderPersonal(ctx, org.id, shopify)).shipTo!);
    assert.equal(shipTo.postalCode, 'LS6 2AB');
    // The buyer: one sealed record for the person, nothing in the per-field columns or in clear.
    assert.ok(shopify.buyer_party_id, 'the order names its buyer');
    const buyer = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', shopify.buyer_party_id)
      .executeTakeFirstOrThrow();
    assert.equal(buyer.is_person, true);
    assert.equal(buyer.name, null);
    assert.match(buyer.personal_sealed ?? '', /^cg2\./);
    assert.deepEqual(
      [buyer.name_sealed, buyer.address_sealed, buyer.email_sealed, buyer.phone_sealed, buyer.tax_id_sealed],
      [null, null, null, null, null],
    );
    assert.ok((await openPartyPersonal(ctx, org.id, buyer)).name, 'the name opens from the record');
    const amazon = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('external_id', '=', '113-4827316-5529021')
      .executeTakeFirstOrThrow();
    assert.equal(amazon.platform, 'amazon');
    assert.equal(Number(amazon.subtotal), 64.97);
    assert.equal(Number(amazon.tax), 5.36);
    assert.equal(amazon.line_count, 2);
    const lamp = await ctx.db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', amazon.id)
      .where('sku', '=', 'BW-LAMP-WW')
      .executeTakeFirstOrThrow();
    assert.equal(Number(lamp.unit_price), 24.99);
    assert.ok(lamp.product_id, 'the line links to the imported product');
    const shipmentLine = await ctx.db
      .selectFrom('shipment_lines')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('order_external_id', '=', 'WC-20452')
      .executeTakeFirstOrThrow();
    assert.ok(shipmentLine.order_id, 'shipment lines link to imported orders');
  });

  it('stores a supplier company with its address (quotes, commas, braces survive the bulk insert)', async () => {
    const address = { line1: 'Bldg "A", {Unit} 5\\6', city: 'Shenzhen, Nanshan', country: 'CN' };
    const line = JSON.stringify({
      sku: 'SUP-ADDR-1',
      title: 'Lamp',
      supplier: { kind: 'supplier', externalRef: 'SUP-Q', name: 'Quote "Co", Ltd', country: 'CN', address },
    });
    const run = await importText(`${line}\n`, 'sup.ndjson', { kind: 'products' });
    assert.equal(run.accepted, 1, JSON.stringify(run));
    const party = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('external_ref', '=', 'SUP-Q')
      .executeTakeFirstOrThrow();
    assert.equal(party.name, 'Quote "Co", Ltd');
    assert.deepEqual(party.address, address);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const first = await importFixture('shopify-orders.csv');
    const before = [await count('orders'), await count('order_lines'), await count('parties')];
    const second = await importFixture('shopify-orders.csv');
    assert.equal(first.records, second.records);
    assert.equal(second.unchanged, second.records);
    assert.equal(second.accepted, 0);
    assert.equal(second.status, 'succeeded');
    assert.deepEqual([await count('orders'), await count('order_lines'), await count('parties')], before);
    const again = await importText(
      [ORDERS_HEADER, orderRow('I-1'), orderRow('I-2')].join('\n'),
      'orders.csv',
      { kind: 'orders' },
    );
    const twice = await importText(
      [ORDERS_HEADER, orderRow('I-1'), orderRow('I-2')].join('\n'),
      'orders.csv',
      { kind: 'orders' },
    );
    assert.deepEqual([again.created, twice.unchanged, twice.accepted], [2, 2, 0]);
  });

  it('quarantines bad dates, negative quantities, unknown countries and short rows, naming row and column', async () => {
    const csv = [
      ORDERS_HEADER,
      orderRow('M-1'),
      orderRow('M-2', { date: '31/12/2026' }),
      orderRow('M-3', { qty: '-2' }),
      orderRow('M-4', { country: 'XX' }),
      'shop,M-5,2026-10-01,USD,10',
      orderRow('M-6', { qty: 'two' }),
      orderRow('M-7'),
    ].join('\n');
    const run = await importText(csv, 'bad.csv', { kind: 'orders' });
    assert.equal(run.status, 'partial');
    assert.deepEqual([run.rows, run.accepted, run.quarantined], [7, 2, 5]);
    const q = await quarantineOf(run.id);
    assert.deepEqual(
      q.map((r) => [r.row_number, r.field]),
      [
        [3, 'ordered_at'],
        [4, 'quantity'],
        [5, 'ship_to_country'],
        [6, '(row)'],
        [7, 'quantity'],
      ],
    );
    assert.match(q[0]!.reason, /31\/12\/2026.*ISO 8601/);
    assert.match(q[1]!.reason, /positive whole number/);
    assert.match(q[2]!.reason, /ISO 3166-1/);
    assert.match(q[3]!.reason, /5 fields, the header has 24/);
    assert.match(q[4]!.reason, /"two" is not a whole number/);
    assert.ok(q.every((r) => r.raw_sealed && r.raw_length > 0));
  });

  it('points an issue on a later line row of an order at that row', async () => {
    const csv = [
      ORDERS_HEADER,
      orderRow('G-1'),
      orderRow('G-1', { qty: '0' }).replace(',1,SKU-1,', ',2,SKU-1,'),
    ].join('\n');
    const run = await importText(csv, 'g.csv', { kind: 'orders' });
    const [q] = await quarantineOf(run.id);
    assert.deepEqual([run.records, run.quarantined, q!.row_number, q!.field], [1, 1, 3, 'quantity']);
  });

  it('fails a file whose header lacks required columns, with one clear record', async () => {
    const run = await importText('id,name,price\n1,Lamp,10\n', 'wrong.csv', { kind: 'orders' });
    assert.equal(run.status, 'failed');
    const q = await quarantineOf(run.id);
    assert.equal(q.length, 1);
    assert.equal(q[0]!.row_number, 1);
    assert.equal(q[0]!.field, 'order_id');
    assert.match(q[0]!.reason, /lacks the required columns order_id, ordered_at/);
  });

  it('stops at broken quoting, keeping the orders before it and quarantining the one cut short', async () => {
    const csv = [
      ORDERS_HEADER,
      orderRow('Q-1'),
      orderRow('Q-2'),
      orderRow('Q-3', { name: '"Ann Lee' }),
      orderRow('Q-4'),
    ].join('\n');
    const run = await importText(csv, 'quotes.csv', { kind: 'orders' });
    assert.equal(run.status, 'partial');
    assert.equal(run.accepted, 1);
    assert.match(run.error!, /^row 4 \(line \d+\): a quoted field is never closed/);
    const q = await quarantineOf(run.id);
    assert.deepEqual(
      q.map((r) => [r.row_number, r.field]),
      [
        [3, 'order_id'],
        [4, '(file)'],
      ],
    );
    assert.match(q[0]!.reason, /reading stopped at row 4 before order_id Q-2 was complete/);
  });

  it('survives a 10 MB single line: CSV stops with a record, NDJSON skips the line and goes on', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = `${ORDERS_HEADER}\n${orderRow('L-1')}\n${orderRow('L-2')}\n${huge}\n${orderRow('L-3')}\n`;
    const run = await importText(csv, 'long.csv', { kind: 'orders' });
    assert.equal(run.status, 'partial');
    assert.equal(run.accepted, 1);
    const q = await quarantineOf(run.id);
    assert.deepEqual(
      q.map((r) => [r.row_number, r.field]),
      [
        [3, 'order_id'],
        [4, '(file)'],
      ],
    );
    assert.match(q[1]!.reason, /row 4 .*longer than 1048576 characters/);

    const good = JSON.stringify({ sku: 'NL-1', title: 'Lamp' });
    const nd = `${good}\n{"sku":"${huge}"}\n${JSON.stringify({ sku: 'NL-2', title: 'Cable' })}\n`;
    const ndRun = await importText(nd, 'long.ndjson', { kind: 'products' });
    assert.deepEqual([ndRun.status, ndRun.accepted, ndRun.quarantined], ['partial', 2, 1]);
    const [nq] = await quarantineOf(ndRun.id);
    assert.equal(nq!.row_number, 2);
    assert.equal(nq!.raw_length, huge.length + 10);
    assert.equal(nq!.raw_truncated, true);
    assert.equal((await ctx.cipher.open(org.id, nq!.raw_sealed!)).length, 64 * 1024);
  });

  it('records invalid UTF-8 and an unreadable file as failed runs instead of crashing', async () => {
    const bytes = Buffer.concat([Buffer.from(`sku,title\nA-1,Caf`), Buffer.from([0xe9, 0x0a])]);
    const run = await importText(bytes, 'latin1.csv', { kind: 'products' });
    assert.equal(run.status, 'failed');
    assert.match(run.error!, /not valid UTF-8/);
    const missing = await runImport(ctx, {
      orgId: org.id,
      actor: 'test',
      fileName: 'nope.csv',
      kind: 'products',
      source: fs.createReadStream(path.join(os.tmpdir(), `cg-missing-${process.pid}.csv`)),
    });
    assert.equal(missing.status, 'failed');
    assert.match(missing.error!, /could not read the file: no such file/);
    assert.equal((await quarantineOf(missing.id)).length, 1);
  });

  it('parses in a worker thread with the same outcome as in this thread', async () => {
    const own = await newOrg(ctx);
    const cases: Array<{ name: string; kind?: ImportKind; data: string | Uint8Array }> = [
      {
        name: 'mixed.csv',
        kind: 'orders',
        data: [
          ORDERS_HEADER,
          orderRow('W-1'),
          orderRow('W-2', { date: '31/12/2026' }),
          orderRow('W-3', { country: 'XX' }),
          'shop,W-4,2026-10-01,USD,10',
          orderRow('W-5'),
        ].join('\n'),
      },
      // The parser stops inside the worker (a FileFault raised there).
      {
        name: 'quotes.csv',
        kind: 'orders',
        data: [ORDERS_HEADER, orderRow('WQ-1'), orderRow('WQ-2'), orderRow('WQ-3', { name: '"Ann' })].join(
          '\n',
        ),
      },
      // Reading stops in this thread (invalid UTF-8) and the worker is told to abandon its rows.
      {
        name: 'latin1.csv',
        kind: 'products',
        data: Buffer.concat([Buffer.from('sku,title\nWA-1,Lamp\nWA-2,Caf'), Buffer.from([0xe9, 0x0a])]),
      },
      // Buyers referenced by the blind index of their e-mail, computed in the worker.
      { name: 'shopify-orders.csv', data: fs.readFileSync(path.join(FIXTURES, 'shopify-orders.csv')) },
    ];
    for (const c of cases) {
      const run = (parseInWorker: boolean) =>
        runImport(ctx, {
          orgId: own.id,
          actor: 'test',
          fileName: c.name,
          kind: c.kind,
          source: chunked(c.data, 64),
          parseInWorker,
        });
      const here = await run(false);
      const there = await run(true);
      const summary = (r: ImportRunView) => [r.status, r.rows, r.records, r.quarantined, r.error];
      assert.deepEqual(summary(there), summary(here), c.name);
      // The same records, to the byte: everything this thread stored is "unchanged" the second time.
      assert.deepEqual([there.created, there.updated, there.unchanged], [0, 0, here.accepted], c.name);
      const issues = async (id: string) =>
        (await quarantineOf(id)).map((q) => [q.row_number, q.field, q.reason, q.raw_length]);
      assert.deepEqual(await issues(there.id), await issues(here.id), c.name);
    }
  });

  it('retries a batch the database refuses record by record, and quarantines only the records it still refuses', async () => {
    const own = await newOrg(ctx);
    // A refusal no validation foresees: a constraint added to the table for this test only.
    await sql`alter table orders add constraint test_refuse check (external_id <> 'REFUSE-ME')`.execute(
      ctx.db,
    );
    try {
      const text = [ORDERS_HEADER, orderRow('OK-1'), orderRow('REFUSE-ME'), orderRow('OK-2')].join('\n');
      const run = await runImport(ctx, {
        orgId: own.id,
        actor: 'test',
        fileName: 'refused.csv',
        kind: 'orders',
        source: chunked(text, 4096),
      });
      assert.deepEqual([run.status, run.created, run.quarantined], ['partial', 2, 1]);
      const q = await quarantineOf(run.id);
      assert.deepEqual(
        q.map((r) => [r.row_number, r.field, r.reason]),
        [[3, '(row)', 'could not be stored (database error 23514)']], // line 3 of the file
      );
      const stored = await ctx.db
        .selectFrom('orders')
        .select('external_id')
        .where('org_id', '=', own.id)
        .orderBy('external_id')
        .execute();
      assert.deepEqual(
        stored.map((o) => o.external_id),
        ['OK-1', 'OK-2'],
      );
    } finally {
      await sql`alter table orders drop constraint test_refuse`.execute(ctx.db);
    }
  });

  it('imports two files with the same new buyers at once without losing or doubling a record', async () => {
    const own = await newOrg(ctx);
    const file = (prefix: string) =>
      [ORDERS_HEADER, ...Array.from({ length: 40 }, (_, i) => orderRow(`${prefix}-${i}`))]
        .map((line, i) => (i === 0 ? line : line.replace(/,c-[^,]+,/, `,buyer-${i % 25},`)))
        .join('\n');
    const run = (prefix: string) =>
      runImport(ctx, {
        orgId: own.id,
        actor: 'test',
        fileName: `${prefix}.csv`,
        kind: 'orders',
        source: chunked(file(prefix), 512),
        batchSize: 10,
      });
    const [a, b] = await Promise.all([run('RA'), run('RB')]);
    assert.deepEqual([a.status, a.created, a.quarantined], ['succeeded', 40, 0]);
    assert.deepEqual([b.status, b.created, b.quarantined], ['succeeded', 40, 0]);
    const parties = await ctx.db
      .selectFrom('parties')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', own.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(parties.n), 25);
    // One data key per buyer, whichever import made it (on PostgreSQL a batch whose keys or buyers meet
    // the other import's fails at its end and is retried record by record, finding them).
    const keys = await ctx.db
      .selectFrom('data_keys')
      .select((eb) => eb.fn.count<number>('subject_key').distinct().as('subjects'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', own.id)
      .where('subject_key', 'is not', null)
      .executeTakeFirstOrThrow();
    assert.deepEqual([Number(keys.n), Number(keys.subjects)], [25, 25]);
  });

  it('quarantines JSON elements by array index and rejects a non-array file', async () => {
    const run = await importText(
      '[{"sku":"J-1","title":"ok"}, {"sku":"J-2"}, 42, {"sku": "J-3", "title": "t", "originCountry": "ZZ"}]',
      'p.json',
      { kind: 'products' },
    );
    const q = await quarantineOf(run.id);
    assert.deepEqual(
      q.map((r) => [r.row_number, r.field, r.reason]),
      [
        [1, 'title', 'is required'],
        [2, '(row)', 'must be a JSON object, not number'],
        [3, 'originCountry', 'is not an ISO 3166-1 alpha-2 country code'],
      ],
    );
    const notArray = await importText('{"sku":"x"}', 'o.json', { kind: 'products' });
    assert.equal(notArray.status, 'failed');
    assert.match(notArray.error!, /must be an array/);
  });

  it('never stores a quarantined raw row in clear', async () => {
    const secret = 'Zebedee Quarantinesson';
    const run = await importText(
      [ORDERS_HEADER, orderRow('S-1', { name: secret, country: 'QQ' })].join('\n'),
      's.csv',
      {
        kind: 'orders',
      },
    );
    const rows = await quarantineOf(run.id);
    assert.equal(rows.length, 1);
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes('Zebedee'), 'the name is not in clear');
    assert.ok(!stored.includes('ann@example.com'), 'the email is not in clear');
    assert.match(await ctx.cipher.open(org.id, rows[0]!.raw_sealed!), /Zebedee Quarantinesson/);
  });
});

describe('imports over HTTP', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let operator: { token: string };
  let viewer: { token: string };
  let manager: { id: string; token: string };
  let org: { id: string };

  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    org = await newOrg(ctx);
    operator = await newUser(ctx, org.id, 'operator');
    viewer = await newUser(ctx, org.id, 'viewer');
    manager = await newUser(ctx, org.id, 'manager');
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('imports an uploaded body, lists runs and quarantine, and shows raw rows only to personal-data readers', async () => {
    const body = [
      ORDERS_HEADER,
      orderRow('H-1'),
      orderRow('H-2', { country: 'XX' }),
      orderRow('H-3', { qty: '-1' }),
    ].join('\n');
    const denied = await app.inject({
      method: 'POST',
      url: '/api/imports?kind=orders&filename=web.csv',
      headers: { ...bearer(viewer.token), 'content-type': 'text/csv' },
      payload: body,
    });
    assert.equal(denied.statusCode, 403);

    const r = await app.inject({
      method: 'POST',
      url: '/api/imports?kind=orders&filename=web.csv',
      headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
      payload: body,
    });
    assert.equal(r.statusCode, 201, r.body);
    const run = r.json();
    assert.deepEqual([run.file, run.status, run.accepted, run.quarantined], ['web.csv', 'partial', 1, 2]);

    const json = await app.inject({
      method: 'POST',
      url: '/api/imports?kind=products',
      headers: { ...bearer(operator.token), 'content-type': 'application/json' },
      payload: '[{"sku":"H-P1","title":"Lamp"},{"sku":"H-P2","title":"Cable"}]',
    });
    assert.equal(json.statusCode, 201, json.body);
    assert.deepEqual([json.json().format, json.json().accepted], ['json', 2]);

    const noKind = await app.inject({
      method: 'POST',
      url: '/api/imports?filename=x.csv',
      headers: { ...bearer(operator.token), 'content-type': 'text/csv' },
      payload: 'a,b\n',
    });
    assert.equal(noKind.statusCode, 400);
    assert.equal(noKind.json().issues[0].field, 'kind');

    const empty = await app.inject({
      method: 'POST',
      url: '/api/imports?kind=products&filename=empty.ndjson',
      headers: bearer(operator.token),
    });
    assert.deepEqual(
      [empty.statusCode, empty.json().status, empty.json().error],
      [201, 'failed', 'the file is empty'],
    );

    const runs = await app.inject({ method: 'GET', url: '/api/imports', headers: bearer(viewer.token) });
    assert.deepEqual(
      runs.json().items.map((i: { id: string }) => i.id),
      [empty.json().id, json.json().id, run.id],
    );
    const one = await app.inject({
      method: 'GET',
      url: `/api/imports/${run.id}`,
      headers: bearer(viewer.token),
    });
    assert.equal(one.json().rows, 3);

    const page1 = await app.inject({
      method: 'GET',
      url: `/api/imports/quarantine?runId=${run.id}&limit=1`,
      headers: bearer(viewer.token),
    });
    assert.equal(page1.statusCode, 200);
    const p1 = page1.json();
    assert.equal(p1.items.length, 1);
    assert.deepEqual(
      Object.keys(p1.items[0]).filter((k) =>
        ['id', 'runId', 'file', 'rowNumber', 'field', 'reason'].includes(k),
      ).length,
      6,
    );
    assert.deepEqual(
      [p1.items[0].rowNumber, p1.items[0].field, p1.items[0].file],
      [3, 'ship_to_country', 'web.csv'],
    );
    assert.equal(p1.items[0].raw, undefined, 'a viewer does not see the raw row');
    const page2 = await app.inject({
      method: 'GET',
      url: `/api/imports/quarantine?runId=${run.id}&limit=1&cursor=${p1.nextCursor}`,
      headers: bearer(viewer.token),
    });
    assert.deepEqual([page2.json().items[0].rowNumber, page2.json().nextCursor], [4, null]);

    const full = await app.inject({
      method: 'GET',
      url: `/api/imports/quarantine?runId=${run.id}`,
      headers: bearer(manager.token),
    });
    assert.match(full.json().items[0].raw, /^shop,H-2,/);
    // Only the page that showed raw rows is a read of personal data, journaled once for the run.
    const reads = await ctx.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', 'personal_data.read')
      .execute();
    assert.deepEqual(
      reads.map((e) => [e.actor, e.subject]),
      [[manager.id, run.id]],
    );
  });

  it('answers not found for an unknown run', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/imports/imp_nothere',
      headers: bearer(viewer.token),
    });
    assert.equal(r.statusCode, 404);
  });
});
