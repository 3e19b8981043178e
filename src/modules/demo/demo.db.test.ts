import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import { FixedClock } from '../../platform/clock.ts';
import { login } from '../identity/index.ts';
import { Command } from 'commander';
import type { CliHost } from '../../platform/module.ts';
import { formatTable } from '../../cli/table.ts';
import { DEMO_LOGIN, type DemoSummary, demoModule, loadDemo } from './index.ts';
import { generateDemo } from './demo.generator.ts';

const SCALE = 0.02;

describe('loading the demo company (scale 0.02)', () => {
  let ctx: TestContext;
  const clock = new FixedClock('2026-11-02T09:00:00Z');
  let first: DemoSummary;
  let orgId: string;
  const count = async (
    table: 'products' | 'orders' | 'order_lines' | 'shipments' | 'shipment_lines' | 'parties',
  ) => {
    const r = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  before(async () => {
    ctx = await testContext({ clock });
    first = await loadDemo(ctx, { seed: 5, scale: SCALE });
    const org = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    orgId = org.id;
  });
  after(() => ctx.dispose());

  it('creates the demo organisation and an owner who can sign in', async () => {
    assert.equal(first.createdOrganisation, true);
    const session = await login(ctx, { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
    assert.ok(session.token);
  });

  it('stores what the generator produced, row for row', async () => {
    const data = generateDemo({ seed: 5, scale: SCALE, now: new Date(first.anchor) });
    assert.equal(await count('products'), data.products.length);
    assert.equal(await count('orders'), data.orders.length);
    assert.equal(
      await count('order_lines'),
      data.orders.reduce((s, o) => s + o.lines.length, 0),
    );
    assert.equal(await count('shipments'), data.shipments.length);
    assert.equal(
      await count('shipment_lines'),
      data.shipments.reduce((s, x) => s + x.lines.length, 0),
    );
    assert.equal(
      await count('parties'),
      first.parties.suppliers + first.parties.buyers + first.parties.trading,
    );
    assert.equal(first.orders.created, data.orders.length);
    const unlinked = await ctx.db
      .selectFrom('shipment_lines')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('order_id', 'is', null)
      .executeTakeFirstOrThrow();
    assert.equal(Number(unlinked.n), 0, 'every shipment line resolves to a stored order');
    const mids = await ctx.db
      .selectFrom('parties')
      .select('mid')
      .where('org_id', '=', orgId)
      .where('kind', '=', 'manufacturer')
      .execute();
    assert.ok(mids.length > 0 && mids.every((m) => /^[A-Z]{2}[A-Z0-9]{6}\d{1,4}[A-Z]{3}$/.test(m.mid ?? '')));
  });

  it('seals buyers: no name or address in clear', async () => {
    const persons = await ctx.db
      .selectFrom('parties')
      .select(['name', 'name_sealed', 'address', 'personal_sealed'])
      .where('org_id', '=', orgId)
      .where('is_person', '=', true)
      .execute();
    assert.ok(persons.length > 0);
    for (const p of persons) {
      assert.equal(p.name, null);
      assert.equal(p.address, null);
      assert.equal(p.name_sealed, null, 'no per-field column: one sealed record');
      assert.match(p.personal_sealed ?? '', /^cg2\./);
    }
  });

  it('loads again without changing anything, even a day later', async () => {
    clock.advance(86_400_000);
    const again = await loadDemo(ctx, { seed: 5, scale: SCALE });
    assert.equal(again.createdOrganisation, false);
    assert.equal(again.anchor, first.anchor);
    assert.equal(again.recordsHash, first.recordsHash);
    assert.deepEqual(again.products, { created: 0, updated: 0, unchanged: first.products.created });
    assert.deepEqual(again.orders, { created: 0, updated: 0, unchanged: first.orders.created });
    assert.deepEqual(again.shipments, { created: 0, updated: 0, unchanged: first.shipments.created });
    const users = await ctx.db.selectFrom('users').select('id').where('org_id', '=', orgId).execute();
    assert.equal(users.length, 1);
    const loads = await ctx.db
      .selectFrom('journal_entries')
      .select('kind')
      .where('org_id', '=', orgId)
      .where('kind', '=', 'demo.loaded')
      .execute();
    assert.equal(loads.length, 2, 'each load is journaled');
  });

  it('loads into another organisation with --org, and rejects a bad scale', async () => {
    const other = await loadDemo(ctx, { seed: 5, scale: SCALE, org: 'demo-eu' });
    assert.equal(other.organisation, 'demo-eu');
    assert.equal(other.createdOrganisation, true);
    assert.equal(other.orders.created, first.orders.created);
    await assert.rejects(loadDemo(ctx, { seed: 5, scale: -1 }), /scale/);
  });

  it('runs as `crossgate demo`, printing products, parties, orders, shipments and seconds', async () => {
    const out: string[] = [];
    const host: CliHost = {
      context: async () => ctx,
      organisation: async () => {
        throw new Error('not used');
      },
      print: (rows, opts) => out.push(formatTable(rows, opts.columns)),
      run: (fn) => fn,
    };
    const program = new Command().exitOverride();
    demoModule.commands!(program, host);
    // The summary goes through cli.print; stdout itself is the test runner's channel.
    await program.parseAsync(['demo', '--seed', '5', '--scale', String(SCALE), '--quiet'], { from: 'user' });
    const text = out.join('\n');
    for (const word of ['products', 'parties', 'orders', 'shipments', 'seconds'])
      assert.match(text, new RegExp(word));
    assert.match(text, new RegExp(`orders\\s+${first.orders.created}\\s+0\\s+0\\s+${first.orders.created}`));
  });

  it('serves the loaded data set and what it planted at GET /api/demo, to its own organisation only', async () => {
    const app = await testApp(ctx);
    try {
      const viewer = await newUser(ctx, orgId, 'viewer');
      const res = await app.inject({ method: 'GET', url: '/api/demo', headers: bearer(viewer.token) });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.seed, 5);
      assert.equal(body.anchor, first.anchor);
      assert.equal(body.recordsHash, first.recordsHash);
      const data = generateDemo({ seed: 5, scale: SCALE, now: new Date(first.anchor) });
      assert.deepEqual(body.planted.suspiciousOrders, data.patterns);
      assert.ok(body.planted.missingHsCode.length > 0);
      const outsider = await newUser(ctx, (await newOrg(ctx)).id, 'owner');
      const other = await app.inject({ method: 'GET', url: '/api/demo', headers: bearer(outsider.token) });
      assert.equal(other.statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/api/demo' })).statusCode, 401);
    } finally {
      await app.close();
    }
  });
});
