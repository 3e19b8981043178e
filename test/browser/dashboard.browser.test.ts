// End-to-end test of the dashboard in headless Chromium (Debian `chromium` + playwright-core) against
// the real service: in-memory PGlite, real HTTP on 127.0.0.1, data seeded through the ingest service.
// Skips when /usr/bin/chromium is absent. Set CROSSGATE_SCREENSHOT_DIR to keep screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { allPermissions, definePermissions } from '../../src/platform/auth/permissions.ts';
import { createOrganisation, createUser } from '../../src/modules/identity/index.ts';
import { ingestOrders, ingestShipments, orderRecord, shipmentRecord } from '../../src/modules/core/index.ts';
import { type BrowserSession, openBrowserSession, skipWithoutChromium } from '../support/browser.ts';

/** Polls until `locator` matches exactly `n` elements (the page's CSP forbids string evaluation). */
async function waitForCount(locator: Locator, n: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let count = await locator.count();
  while (count !== n && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    count = await locator.count();
  }
  assert.equal(count, n);
}

const COUNTRIES = ['US', 'DE', 'GB', 'DE', 'FR', 'US', 'DE', 'NL'] as const;
/** More than one page (the dashboard asks for 50 at a time), so "Load more" has work to do. */
const ORDER_COUNT = 60;
const GERMAN_ORDERS = Array.from({ length: ORDER_COUNT }, (_, i) => COUNTRIES[i % COUNTRIES.length]).filter(
  (c) => c === 'DE',
).length;

function order(i: number) {
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const day = String(10 + ((i * i) % 7)).padStart(2, '0'); // 10, 11, 12 and 14 October: the 13th has none
  return orderRecord.parse({
    platform: i % 3 === 0 ? 'amazon' : 'shopify',
    externalId: `#${1001 + i}`,
    shipTo: { name: 'Test Buyer', line1: '1 Main St', city: 'Town', postalCode: '10001', country },
    currency: 'EUR',
    subtotal: '40.00',
    shipping: '5.00',
    total: '45.00',
    orderedAt: `2026-10-${day}T10:${String(i % 60).padStart(2, '0')}:00Z`,
    lines: [
      { lineNo: 1, sku: 'LAMP-01', title: 'Desk lamp', quantity: 2, unitPrice: '15.00', total: '30.00' },
      { lineNo: 2, sku: 'BULB-E27', title: 'LED bulb E27', quantity: 1, unitPrice: '10.00', total: '10.00' },
    ],
  });
}

describe('dashboard in headless Chromium', { skip: skipWithoutChromium }, () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;
  const owner = { email: 'ops@example.test', password: 'correct horse battery staple' };
  const viewer = { email: 'auditor@example.test', password: 'another long passphrase' };
  const shot = (name: string) => session.shot(name);

  before(async () => {
    // The quarantine page needs `imports:read`, which the importers module defines; stand in for it
    // when that module is not part of this build.
    if (!allPermissions().some((p) => p.name === 'imports:read'))
      definePermissions({
        'imports:read': { description: 'Read import runs and quarantined rows', minLevel: 'contributor' },
      });
    session = await openBrowserSession(async (ctx) => {
      const org = await createOrganisation(ctx, { slug: 'lampworks', name: 'Lampworks GmbH', country: 'DE' });
      await createUser(ctx, org.id, { ...owner, name: 'Olga Operator', level: 'admin', roles: [] });
      await createUser(ctx, org.id, { ...viewer, name: 'Vic Viewer', level: 'viewer', roles: [] });
      const orders = Array.from({ length: ORDER_COUNT }, (_, i) => order(i));
      await ingestOrders(ctx, org.id, orders, { actor: 'test' });
      await ingestShipments(
        ctx,
        org.id,
        [
          shipmentRecord.parse({
            reference: 'SHP-7001',
            mode: 'air',
            carrier: 'Lufthansa Cargo',
            originCountry: 'CN',
            destinationCountry: 'DE',
            originPort: 'PVG',
            destinationPort: 'FRA',
            etd: '2026-10-15T08:00:00Z',
            eta: '2026-10-16T18:00:00Z',
            lines: [
              { lineNo: 1, orderPlatform: 'shopify', orderExternalId: '#1002', sku: 'LAMP-01', quantity: 2 },
            ],
          }),
          shipmentRecord.parse({
            reference: 'SHP-7002',
            mode: 'ocean',
            originCountry: 'CN',
            destinationCountry: 'US',
            lines: [{ lineNo: 1, sku: 'BULB-E27', quantity: 500 }],
          }),
        ],
        { actor: 'test' },
      );
    });
    page = session.page;
    base = session.base;
  });

  after(async () => {
    await session?.close();
  });

  it('serves the app shell for client routes, hashed assets for good, and problems for unknown API paths', async () => {
    for (const p of ['/', '/app', '/app/orders']) {
      const res = await fetch(`${base}${p}`);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    }
    const html = await (await fetch(`${base}/app/orders`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html loads a built script');
    const asset = await fetch(`${base}${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    const api = await fetch(`${base}/api/no-such-thing`);
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/);
  });

  it('sends an anonymous visitor to the login page', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/login');
  });

  it('shows the problem detail when the password is wrong', async () => {
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal((await page.getByRole('alert').textContent())?.trim(), 'Email or password is wrong');
    await shot('login-error');
  });

  it('signs in and shows the overview with counts and an orders-per-day chart', async () => {
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/overview');
    const ordersKpi = page.locator('.kpi', { hasText: 'Orders' }).first();
    assert.match((await ordersKpi.textContent()) ?? '', new RegExp(`Orders\\s*${ORDER_COUNT}`));
    const chart = page.getByRole('figure', { name: 'Orders per day' });
    await chart.locator('svg.recharts-surface').first().waitFor();
    // An area for the days with orders (the empty 13th filled in); the destinations chart names Germany.
    assert.ok((await chart.locator('.recharts-area-curve').count()) >= 1);
    await chart.getByText('10-13').waitFor();
    const ticks = await chart.getByText(/^10-\d\d$/).allTextContents();
    assert.deepEqual(ticks, ['10-10', '10-11', '10-12', '10-13', '10-14']);
    await page
      .getByRole('figure', { name: /Orders by destination/ })
      .getByText('Germany')
      .first()
      .waitFor();
    assert.match((await page.getByRole('banner').first().textContent()) ?? '', /Lampworks GmbH/);
    await shot('overview');
  });

  it('navigates to orders, filters by country and opens an order', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Orders' });
    await table.getByRole('link', { name: '#1001' }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await table.getByRole('link', { name: `#${1000 + ORDER_COUNT}` }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), ORDER_COUNT);
    await page.getByText(`Showing ${ORDER_COUNT} orders (all)`).waitFor();

    await page.getByLabel('Destination country').fill('de');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/country=DE/);
    await table.getByRole('link', { name: '#1002' }).waitFor();
    await waitForCount(table.locator('tbody tr'), GERMAN_ORDERS);
    const destinations = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual([...new Set(destinations)], ['Germany']);
    await shot('orders');

    await table.getByRole('link', { name: '#1002' }).click();
    const drawer = page.getByRole('dialog', { name: 'Order #1002' });
    await drawer.getByRole('table', { name: 'Lines of order #1002' }).getByText('LED bulb E27').waitFor();
    assert.match((await drawer.textContent()) ?? '', /€45\.00/);
    await shot('order-detail');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).searchParams.get('id'), null);
  });

  it('opens shipments and a shipment with its lines linked to the order', async () => {
    await page.getByRole('link', { name: 'Shipments' }).click();
    const table = page.getByRole('table', { name: 'Shipments' });
    await table.getByRole('link', { name: 'SHP-7002' }).waitFor();
    await shot('shipments');
    await table.getByRole('link', { name: 'SHP-7001' }).click();
    const drawer = page.getByRole('dialog', { name: 'Shipment SHP-7001' });
    const lines = drawer.getByRole('table', { name: 'Lines of shipment SHP-7001' });
    await lines.getByRole('link', { name: '#1002' }).waitFor();
    assert.match((await drawer.textContent()) ?? '', /Lufthansa Cargo/);
    await shot('shipment-detail');
    await lines.getByRole('link', { name: '#1002' }).click();
    await page.getByRole('dialog', { name: 'Order #1002' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/orders');
    await page.keyboard.press('Escape');
  });

  it('opens the import quarantine page', async () => {
    await page.getByRole('link', { name: 'Import quarantine' }).click();
    await page.getByRole('heading', { name: 'Import quarantine', level: 1 }).waitFor();
    const res = await page.request.get(`${base}/api/imports`);
    if (res.status() === 404) await page.getByText('Import service unavailable').waitFor();
    else await page.getByRole('heading', { name: 'Import runs' }).waitFor();
    await shot('imports');
  });

  it("lists import runs and a run's quarantined rows in the shape of the import API contract", async () => {
    // The importers module (GET /api/imports, /api/imports/quarantine) is built in parallel; until it
    // is merged, its agreed response shapes are served from inside the browser so the page's rendering
    // of runs and rows is still exercised. Once merged, seed a real import run here instead.
    const run = {
      id: 'imp_01aaaaaaaaaaaaaaaaaaaaaaaa',
      file: 'shopify-orders-2026-10.csv',
      format: 'csv',
      kind: 'orders',
      status: 'completed',
      startedAt: '2026-11-01T09:00:00Z',
      finishedAt: '2026-11-01T09:00:04Z',
      accepted: 1180,
      unchanged: 12,
      quarantined: 2,
      rowsPerSecond: 4211.7,
    };
    const rows = [
      {
        id: 'qr_1',
        runId: run.id,
        file: run.file,
        rowNumber: 17,
        field: 'Lineitem quantity',
        reason: 'must be a positive whole number',
        raw: { 'Lineitem quantity': '-1' },
      },
      {
        id: 'qr_2',
        runId: run.id,
        file: run.file,
        rowNumber: 48,
        field: 'Shipping Country',
        reason: 'ZZ is not an ISO 3166-1 country code',
      },
    ];
    const asked: string[] = [];
    await page.route('**/api/imports**', (route) => {
      const url = new URL(route.request().url());
      asked.push(url.pathname + url.search);
      const body = url.pathname.endsWith('/quarantine')
        ? {
            items: rows.filter(
              (r) => !url.searchParams.get('runId') || r.runId === url.searchParams.get('runId'),
            ),
            nextCursor: null,
          }
        : { items: [run], nextCursor: null };
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    try {
      await page.goto(`${base}/app/imports`);
      const runs = page.getByRole('table', { name: 'Import runs' });
      await runs.getByRole('link', { name: run.file }).click();
      await page.getByRole('heading', { name: `Quarantined rows of ${run.file}` }).waitFor();
      const table = page.getByRole('table', { name: 'Quarantined rows' });
      await table.getByText('ZZ is not an ISO 3166-1 country code').waitFor();
      const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
      assert.deepEqual(cells.slice(0, 3), ['17', 'Lineitem quantity', 'must be a positive whole number']);
      assert.ok(
        asked.some((a) => a.includes(`runId=${run.id}`)),
        'rows were asked for the selected run',
      );
      assert.match((await runs.textContent()) ?? '', /1,180/);
      await shot('imports-contract');
    } finally {
      await page.unroute('**/api/imports**');
    }
  });

  it('keeps a deep link across a reload', async () => {
    await page.goto(`${base}/app/orders?id=unknown`);
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await page.getByRole('dialog', { name: 'Order' }).getByRole('alert').waitFor();
    await page.keyboard.press('Escape');
  });

  it('sends the user to the login page when the session ends on the server, and back afterwards', async () => {
    await session.ctx.db.deleteFrom('sessions').execute();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shipments' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('next'), '/app/shipments');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Shipments' }).getByRole('link', { name: 'SHP-7001' }).waitFor();
  });

  it('signs out, and then an anonymous visit to a page lands on the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal((await page.request.get(`${base}/api/auth/me`)).status(), 401);
    await page.goto(`${base}/app/shipments`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/app/login');
    assert.equal(url.searchParams.get('next'), '/app/shipments');
  });

  it('returns to the requested page after signing in', async () => {
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Shipments', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/shipments');
  });

  it('shows a user only the pages their permissions allow, in the navigation and by URL', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { permissions: string[] };
    const mayImport = me.permissions.includes('imports:read');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Import quarantine' }).count(), mayImport ? 1 : 0);
    assert.equal(await nav.getByRole('link', { name: 'Orders' }).count(), 1);
    if (!mayImport) {
      await page.goto(`${base}/app/imports`);
      await page.getByText('You do not have access to Import quarantine').waitFor();
    }
  });
});
