import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FixedClock } from '../../platform/clock.ts';
import {
  bearer,
  newOrg,
  newUser,
  testApp,
  testContext,
  type TestContext,
} from '../../../test/support/context.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { configureFilings, encodeFiling, recordFilingStatus } from './index.ts';
import { sweepDeadlines, timeliness } from './deadline-clocks.service.ts';
import { getSettings, putSettings } from './filing-settings.service.ts';
import { euAirBundle, fixtureTariff, ukLowBundle, usAirBundle, usOceanBundle } from './test/fixtures.ts';
import { insertShipment } from './test/factories.ts';
import { isValidEntryNumber } from './formats.ts';

describe('filings service and API', () => {
  let ctx: TestContext;
  let app: HttpApp;
  const clock = new FixedClock('2026-11-02T09:00:00Z');
  let org: { id: string };
  let filer: { token: string };
  let viewer: { token: string };
  let usShipment: string;
  let euShipment: string;
  let ukShipment: string;

  before(async () => {
    ctx = await testContext({ clock });
    // After the context: creating it wires the tariff service's validator, which this test replaces.
    configureFilings({ tariffFor: async () => fixtureTariff });
    app = await testApp(ctx);
    org = await newOrg(ctx);
    filer = await newUser(ctx, org.id, 'specialist');
    viewer = await newUser(ctx, org.id, 'viewer');
    await putSettings(
      ctx,
      org.id,
      {
        filerCode: 'B7X',
        bondType: 'continuous',
        euEori: 'NL824569123000',
        iossNumber: 'IM5280001234',
        gbEori: 'GB123456789000',
        gbVatNumber: 'GB980780684',
      },
      'test',
    );
    usShipment = (await insertShipment(ctx, org.id, usOceanBundle())).shipmentId;
    euShipment = (await insertShipment(ctx, org.id, euAirBundle())).shipmentId;
    ukShipment = (await insertShipment(ctx, org.id, ukLowBundle())).shipmentId;
  });
  afterEach(() => clock.set('2026-11-02T09:00:00Z'));
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
    token = filer.token,
  ) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('builds the US, EU and UK filings for three shipments in one bulk call', async () => {
    const r = await api('POST', '/api/filings/build', { shipmentIds: [usShipment, euShipment, ukShipment] });
    assert.equal(r.statusCode, 200, r.body);
    const kinds = r
      .json()
      .results.map((x: { kind: string; variant: string }) => `${x.kind}/${x.variant}`)
      .sort();
    assert.deepEqual(kinds, ['eu_ens/full', 'eu_ens/placi', 'eu_h7/', 'uk_cds/', 'us_entry/', 'us_isf/']);
    assert.ok(r.json().results.every((x: { outcome: string }) => x.outcome === 'created'));
  });

  it('reports a shipment it cannot build instead of failing the whole batch', async () => {
    const r = await api('POST', '/api/filings/build', {
      shipmentIds: ['shp_01m7ze1hv4e06r2ybqxxscdb1p', usShipment],
    });
    assert.equal(r.statusCode, 200, r.body);
    const [missing, ...rest] = r.json().results;
    assert.equal(missing.outcome, 'failed');
    assert.match(missing.reason, /not found/);
    assert.ok(rest.every((x: { outcome: string }) => x.outcome === 'rebuilt'));
  });

  it('draws a check-digit-valid entry number and records the entry type decision', async () => {
    const list = await api('GET', `/api/filings?kind=us_entry&shipmentId=${usShipment}`);
    const [entry] = list.json().items;
    assert.ok(isValidEntryNumber(entry.entryNumber), entry.entryNumber);
    assert.match(entry.entryNumber, /^B7X-0000001-\d$/);
    const d = await api('GET', `/api/filings/${entry.id}`);
    const f = d.json().filing;
    assert.equal(f.header.entryType, '01');
    assert.ok(f.decisions.some((x: { rule: string }) => x.rule.startsWith('US.INFORMAL_ENTRY_LIMIT@')));
    assert.match(f.ruleVersion, /US\.USER_FEES@FY2027/);
    assert.deepEqual(
      d.json().clocks.map((c: { clock: string }) => c.clock),
      ['cargo_release', 'entry_summary'],
    );
  });

  it('seals the EU buyer in the filing parties and opens it for the wire payload', async () => {
    const [h7] = (await api('GET', `/api/filings?kind=eu_h7`)).json().items;
    const rows = await ctx.db
      .selectFrom('filing_parties')
      .selectAll()
      .where('filing_id', '=', h7.id)
      .execute();
    const consignee = rows.find((p) => p.role === 'consignee')!;
    assert.equal(consignee.clear, null);
    assert.ok(consignee.sealed && !consignee.sealed.includes('Schmidt'));
    const payload = await encodeFiling(ctx, org.id, h7.id);
    assert.equal(payload.format, 'eu-h7-xml');
    assert.match(payload.payload, /<Name>Anna Schmidt<\/Name>/);
    assert.match(payload.idempotencyKey, new RegExp(`^${h7.id}:v1:[0-9a-f]{16}$`));
  });

  it('validates a complete filing, and explains what an incomplete one lacks', async () => {
    const [cds] = (await api('GET', '/api/filings?kind=uk_cds')).json().items;
    const ok = await api('POST', `/api/filings/${cds.id}/check`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(
      ok.json().errors,
      0,
      JSON.stringify(ok.json().results.filter((x: { outcome: string }) => x.outcome === 'fail')),
    );
    assert.equal(ok.json().status, 'validated');

    const ens = (await api('GET', '/api/filings?kind=eu_ens'))
      .json()
      .items.find((x: { variant: string }) => x.variant === 'full');
    const bad = await api('POST', `/api/filings/${ens.id}/check`);
    assert.equal(bad.json().status, 'draft');
    const detail = (await api('GET', `/api/filings/${ens.id}`)).json();
    const conveyance = detail.checks.find((c: { code: string }) => c.code === 'ENS.CONVEYANCE');
    assert.ok(conveyance.fix.includes('flight'));
    const patched = await api('PATCH', `/api/filings/${ens.id}/transport`, { conveyance: 'LH8401' });
    assert.equal(patched.statusCode, 200, patched.body);
    const again = await api('POST', `/api/filings/${ens.id}/check`);
    assert.equal(
      again.json().status,
      'validated',
      JSON.stringify(again.json().results.filter((x: { outcome: string }) => x.outcome === 'fail')),
    );
  });

  it('takes partner agency data for a flagged line and clears the PGA checkpoint', async () => {
    const b = usAirBundle();
    b.lines[0]!.product!.hsCode = '9503000073';
    b.lines[0]!.sku = 'BW-TOY-BLOCKS';
    const { shipmentId } = await insertShipment(ctx, org.id, b);
    const built = (await api('POST', '/api/filings/build', { shipmentIds: [shipmentId] })).json().results;
    const id = built[0].filingId;
    const first = (await api('POST', `/api/filings/${id}/check`)).json();
    assert.ok(
      first.results.some(
        (r: { code: string; outcome: string }) => r.code === 'US.PGA_CPSC' && r.outcome === 'fail',
      ),
    );
    const wrong = await api('PATCH', `/api/filings/${id}/lines/1/pga`, { FD2: 'x' });
    assert.equal(wrong.statusCode, 400);
    const ok = await api('PATCH', `/api/filings/${id}/lines/1/pga`, { CP: 'eFiling CPC 4471-2026' });
    assert.equal(ok.statusCode, 200, ok.body);
    const again = (await api('POST', `/api/filings/${id}/check`)).json();
    assert.ok(
      again.results.some(
        (r: { code: string; outcome: string }) => r.code === 'US.PGA_CPSC' && r.outcome === 'pass',
      ),
    );
  });

  it('journals builds, checks and status changes in the same transaction', async () => {
    const kinds = await ctx.db
      .selectFrom('journal_entries')
      .select('kind')
      .where('org_id', '=', org.id)
      .where('kind', 'like', 'filing.%')
      .execute();
    const set = new Set(kinds.map((k) => k.kind));
    for (const k of [
      'filing.built',
      'filing.checked',
      'filing.transport_changed',
      'filing.settings_changed',
      'filing.personal_data_read',
    ])
      assert.ok(set.has(k), k);
    const reads = await ctx.db
      .selectFrom('journal_entries')
      .select('data')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'filing.personal_data_read')
      .execute();
    assert.ok(!JSON.stringify(reads).includes('Schmidt'), 'no personal data in the journal');
  });

  it('follows the status machine, stops clocks on submission and measures timeliness', async () => {
    const [cds] = (await api('GET', '/api/filings?kind=uk_cds')).json().items;
    const bad = await api('POST', `/api/filings/${cds.id}/status`, { status: 'released', reasons: [] });
    assert.equal(bad.statusCode, 409);
    const sub = await api('POST', `/api/filings/${cds.id}/status`, {
      status: 'submitted',
      reasons: ['sent'],
    });
    assert.equal(sub.statusCode, 200, sub.body);
    await recordFilingStatus(ctx, org.id, cds.id, 'accepted', ['CDS 202 + acceptance'], 'system:gateway');
    const d = (await api('GET', `/api/filings/${cds.id}`)).json();
    assert.deepEqual(
      d.history.map((h: { to: string }) => h.to),
      ['draft', 'validated', 'submitted', 'accepted'],
    );
    assert.equal(d.clocks[0].status, 'met');
    const t = await timeliness(ctx, org.id);
    assert.equal(t.find((x) => x.regime === 'UK')?.onTimeRate, 1);
  });

  it('runs the clocks again when customs reject a filing', async () => {
    const [h7] = (await api('GET', '/api/filings?kind=eu_h7')).json().items;
    assert.equal((await api('POST', `/api/filings/${h7.id}/check`)).json().status, 'validated');
    await recordFilingStatus(ctx, org.id, h7.id, 'submitted', [], 'system:gateway');
    const clocks = async () =>
      (await api('GET', `/api/filings/${h7.id}`)).json().clocks.map((c: { status: string }) => c.status);
    assert.deepEqual(await clocks(), ['met']);
    await recordFilingStatus(
      ctx,
      org.id,
      h7.id,
      'rejected',
      ['E1234 IOSS number not valid'],
      'system:gateway',
    );
    assert.deepEqual(await clocks(), ['open']);
    const rebuilt = (await api('POST', '/api/filings/build', { shipmentIds: [euShipment] })).json().results;
    assert.equal(rebuilt.find((r: { kind: string }) => r.kind === 'eu_h7').status, 'amended');
  });

  it('re-plans open clocks when the ETD moves and raises each alert lead once', async () => {
    const [isf] = (await api('GET', '/api/filings?kind=us_isf')).json().items;
    const before = (await api('GET', `/api/filings/${isf.id}`)).json().clocks[0];
    assert.equal(before.dueAt, '2026-11-09T02:00:00.000Z');
    await ctx.db
      .updateTable('shipments')
      .set({ etd: '2026-11-06T02:00:00Z' })
      .where('id', '=', usShipment)
      .execute();
    clock.set('2026-11-04T12:00:00Z'); // 14 h before the new ISF deadline
    const late = await newUser(ctx, org.id, 'viewer'); // sessions follow the clock
    const s1 = await sweepDeadlines(ctx, org.id);
    assert.ok(s1.recomputed >= 1);
    const afterClock = (await api('GET', `/api/filings/${isf.id}`, undefined, late.token)).json().clocks[0];
    assert.equal(afterClock.dueAt, '2026-11-05T02:00:00.000Z');
    const alerts = (await api('GET', '/api/filings/alerts', undefined, late.token))
      .json()
      .items.filter((a: { filingId: string }) => a.filingId === isf.id);
    assert.deepEqual(alerts.map((a: { lead: string }) => a.lead).sort(), ['24h', '48h']);
    const s2 = await sweepDeadlines(ctx, org.id);
    assert.equal(s2.alertsRaised, 0);
    // Leads are configurable per organisation: a 36 h lead is raised on the next sweep.
    const settings = await getSettings(ctx, org.id);
    await putSettings(ctx, org.id, { ...settings, alertLeadsHours: [36, 24, 4] }, 'test');
    const s3 = await sweepDeadlines(ctx, org.id);
    assert.ok(s3.alertsRaised >= 1);
    await putSettings(ctx, org.id, settings, 'test');
    clock.set('2026-11-05T03:00:00Z');
    await sweepDeadlines(ctx, org.id);
    const later = await newUser(ctx, org.id, 'viewer');
    const filerLate = await newUser(ctx, org.id, 'specialist');
    const dash = (await api('GET', '/api/filings/dashboard', undefined, later.token)).json();
    assert.ok(dash.overdue.some((c: { filingId: string }) => c.filingId === isf.id));
    // Filed late: still filed (the passed deadline is a warning), and counted as late.
    const checked = await api('POST', `/api/filings/${isf.id}/check`, undefined, filerLate.token);
    assert.equal(checked.json().status, 'validated', checked.body);
    assert.ok(
      checked
        .json()
        .results.some(
          (r: { code: string; outcome: string }) =>
            r.code === 'TIME.DEADLINE_NOT_PASSED' && r.outcome === 'fail',
        ),
    );
    await recordFilingStatus(ctx, org.id, isf.id, 'submitted', ['filed late'], 'test');
    const us = (await timeliness(ctx, org.id)).find((x) => x.regime === 'US')!;
    assert.equal(us.late, 1);
    assert.equal(us.onTimeRate, 0);
    clock.set('2026-11-02T09:00:00Z');
  });

  it('lists the checkpoint registry, and forbids a viewer from building', async () => {
    const r = await api('GET', '/api/filings/checkpoints', undefined, viewer.token);
    assert.ok(r.json().checkpoints.length >= 128);
    const denied = await api('POST', '/api/filings/build', { all: true }, viewer.token);
    assert.equal(denied.statusCode, 403);
  });

  it('serves the payload, the deadlines, the timeliness and the settings over HTTP', async () => {
    const [entry] = (await api('GET', '/api/filings?kind=us_entry')).json().items;
    const p = await api('GET', `/api/filings/${entry.id}/payload`);
    assert.equal(p.statusCode, 200, p.body);
    assert.equal(p.json().format, 'catair-fixed-80');
    assert.ok(p.json().payload.split('\n')[0].startsWith('10AB7X'));
    const viewerPayload = await api('GET', `/api/filings/${entry.id}/payload`, undefined, viewer.token);
    assert.equal(viewerPayload.statusCode, 403);
    const d = await api('GET', '/api/filings/deadlines?within=2000&overdue=true');
    assert.equal(d.statusCode, 200, d.body);
    assert.ok(d.json().items.some((c: { clock: string }) => c.clock === 'entry_summary'));
    const t = await api('GET', '/api/filings/timeliness');
    assert.equal(t.statusCode, 200, t.body);
    const manager = await newUser(ctx, org.id, 'manager');
    const bad = await api('PUT', '/api/filings/settings', { filerCode: 'toolong' }, manager.token);
    assert.equal(bad.statusCode, 400);
    const denied = await api('PUT', '/api/filings/settings', { filerCode: 'B7X' });
    assert.equal(denied.statusCode, 403, 'a specialist cannot change filer settings');
    const s = await api('GET', '/api/filings/settings');
    assert.equal(s.json().filerCode, 'B7X');
  });

  it("answers not found for another organisation's filing", async () => {
    const other = await newOrg(ctx);
    const stranger = await newUser(ctx, other.id, 'owner');
    const [any] = (await api('GET', '/api/filings')).json().items;
    const r = await api('GET', `/api/filings/${any.id}`, undefined, stranger.token);
    assert.equal(r.statusCode, 404);
  });
});
