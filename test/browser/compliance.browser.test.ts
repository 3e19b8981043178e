// End-to-end test of the compliance pages (classification review, filings) in headless Chromium against
// the real service: in-memory PGlite, real HTTP on 127.0.0.1; a tiny hand-written tariff fixture is
// imported and a low-confidence product queued with classifyAndQueue; shipments are ingested through
// the core service and their filings built with buildForShipment (deadline clocks, checkpoint results).
// Skips when /usr/bin/chromium is absent. Set CROSSGATE_SCREENSHOT_DIR to keep screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createOrganisation, createUser } from '../../src/modules/identity/index.ts';
import {
  ingestProducts,
  ingestShipments,
  productRecord,
  shipmentRecord,
} from '../../src/modules/core/index.ts';
import { buildForShipment, checkFiling } from '../../src/modules/filings/index.ts';
import { classifyAndQueue, importRevision } from '../../src/modules/tariff/index.ts';
import { type BrowserSession, openBrowserSession, skipWithoutChromium } from '../support/browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('compliance pages in headless Chromium', { skip: skipWithoutChromium }, () => {
  let session: BrowserSession;
  let page: Page;
  let base: string;
  let reviewId: string;
  const owner = { email: 'broker@example.test', password: 'correct horse battery staple' };
  const shot = (name: string) => session.shot(name);

  before(async () => {
    session = await openBrowserSession(async (ctx) => {
      const org = await createOrganisation(ctx, { slug: 'zorblax', name: 'Zorblax Imports', country: 'US' });
      await createUser(ctx, org.id, { ...owner, name: 'Bea Broker', level: 'admin', roles: [] });
      // A hand-written tariff: three lines under heading 3926 (the tariff module's own test fixture).
      await importRevision(ctx, {
        content: fs.readFileSync(path.join(ROOT, 'src/modules/tariff/fixtures/hts-mini-a.csv')),
        label: 'Mini A',
        validFrom: '2026-01-01',
        source: 'fixture',
      });
      const q = await classifyAndQueue(
        ctx,
        org.id,
        { title: 'Ornamental plastic statuette' },
        // Threshold 1: anything short of certainty goes to review (the classification itself is confident).
        { threshold: 1 },
      );
      assert.ok(q.reviewId, 'the low-confidence classification is queued');
      reviewId = q.reviewId;
      // Two ocean shipments to the US: one loading in 30 h (its ISF falls due within 24 h), one that
      // left three days ago (its ISF is overdue). Products lack data, so checkpoints fail.
      await ingestProducts(ctx, org.id, [productRecord.parse({ sku: 'ORN-1', title: 'Plastic ornament' })], {
        actor: 'test',
      });
      const now = Date.now();
      const shipment = (reference: string, etd: number) =>
        shipmentRecord.parse({
          reference,
          mode: 'ocean',
          carrier: 'Maersk',
          originCountry: 'CN',
          destinationCountry: 'US',
          originPort: 'CNSHA',
          destinationPort: 'USLAX',
          etd: iso(etd),
          eta: iso(etd + 14 * 24 * HOUR),
          lines: [{ lineNo: 1, sku: 'ORN-1', quantity: 100 }],
        });
      const r = await ingestShipments(
        ctx,
        org.id,
        [shipment('SHP-DUE', now + 30 * HOUR), shipment('SHP-LATE', now - 72 * HOUR)],
        { actor: 'test' },
      );
      for (const id of r.ids)
        for (const b of await buildForShipment(ctx, org.id, id, 'test'))
          if (b.filingId) await checkFiling(ctx, org.id, b.filingId, 'test');
    });
    page = session.page;
    base = session.base;
  });

  after(async () => {
    await session?.close();
  });

  it('signs in and lists both compliance pages in the navigation', async () => {
    await session.signIn(owner);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Classification review' }).count(), 1);
    assert.equal(await nav.getByRole('link', { name: 'Filings' }).count(), 1);
  });

  it('shows the review queue, a review with its ranked codes and evidence, and the API error on a bad override', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Classification review' })
      .click();
    await page.getByRole('heading', { name: 'Classification review', level: 1 }).waitFor();
    const queue = page.getByRole('table', { name: 'Pending reviews' });
    await queue.getByRole('link', { name: 'Ornamental plastic statuette' }).click();
    assert.equal(new URL(page.url()).searchParams.get('id'), reviewId);
    const drawer = page.getByRole('dialog', { name: 'Ornamental plastic statuette' });
    await drawer.getByRole('heading', { name: 'Ranked codes' }).waitFor();
    const review = (await (await page.request.get(`${base}/api/classify/reviews/${reviewId}`)).json()) as {
      suggestions: Array<{ code: string; formatted: string; tariffText: string[] }>;
    };
    assert.ok(review.suggestions.length > 0);
    const first = review.suggestions[0]!;
    const card = drawer.getByRole('article', { name: `Candidate 1: ${first.formatted}` });
    await card.waitFor();
    // The tariff text down the hierarchy is shown, line by line.
    const hierarchy = card.getByRole('list', { name: `Tariff text of ${first.formatted}` });
    assert.deepEqual(
      (await hierarchy.getByRole('listitem').allTextContents()).map((t) => t.trim()),
      first.tariffText,
    );
    await card.getByText('Rules that fired').waitFor();
    await card.getByText('Similar confirmed items').waitFor();
    await shot('classification-review');
    // An override to a subheading (not a declarable line) is refused with the API's explanation.
    await drawer.getByLabel('Code').fill('3926.40');
    await drawer.getByLabel('Reason').fill('Decorative ornament of plastics');
    await drawer.getByRole('button', { name: 'Override' }).click();
    await drawer
      .getByRole('alert')
      .getByText(/3926\.40 is a subheading, not a declarable line/)
      .waitFor();
    await shot('classification-override-error');
    // "Use" fills the override code from a candidate; then a valid override clears the queue.
    await card.getByRole('button', { name: `Use ${first.formatted}` }).click();
    assert.equal(await drawer.getByLabel('Code').inputValue(), first.code);
    await drawer.getByLabel('Code').fill('3926.40.00.90');
    await drawer.getByRole('button', { name: 'Override' }).click();
    await drawer.getByText('Decided code').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Nothing to review.').waitFor();
  });

  it('classifies a product from the box and shows ranked codes with evidence', async () => {
    await page.goto(`${base}/app/classification`);
    await page.getByLabel('Product title').fill('Statuette ornament of plastics');
    await page.getByLabel(/Attributes/).fill('material: plastic');
    await page.getByRole('button', { name: 'Classify' }).click();
    const result = page.getByRole('region', { name: 'Classification result' });
    await result.getByRole('article').first().waitFor();
    assert.match((await result.getByRole('article').first().textContent()) ?? '', /3926/);
    await shot('classification-box');
  });

  it('shows overdue and due-in-24h deadlines, on-time rates, failing checkpoints and a filing drawer', async () => {
    await page.goto(`${base}/app/filings`);
    await page.getByRole('heading', { name: 'Filings', level: 1 }).waitFor();
    const board = (await (await page.request.get(`${base}/api/filings/dashboard`)).json()) as {
      overdue: Array<{ label: string; filingId: string }>;
      dueNext24h: Array<{ label: string }>;
      failingCheckpoints: Array<{ code: string }>;
      timeliness: Array<{ regime: string }>;
    };
    assert.ok(board.overdue.length > 0, 'the shipment that left three days ago has an overdue clock');
    assert.ok(board.dueNext24h.length > 0, 'the shipment loading in 30 h has a clock due within 24 h');
    const overdue = page.getByRole('table', { name: 'Overdue deadlines' });
    await overdue.getByText(board.overdue[0]!.label).first().waitFor();
    assert.match((await overdue.textContent()) ?? '', / ago/);
    await overdue.getByRole('link', { name: 'SHP-LATE' }).waitFor();
    const due = page.getByRole('table', { name: 'Deadlines due in 24 hours' });
    await due.getByText(board.dueNext24h[0]!.label).first().waitFor();
    assert.match((await due.textContent()) ?? '', /in \d+ h/);
    await due.getByRole('link', { name: 'SHP-DUE' }).waitFor();
    const rates = page.getByRole('table', { name: 'On-time rate per regime' });
    await rates.getByRole('cell', { name: board.timeliness[0]!.regime, exact: true }).waitFor();
    assert.ok(board.failingCheckpoints.length > 0, 'the seeded filings fail checkpoints');
    const checks = page.getByRole('table', { name: 'Failing checkpoints' });
    await checks.getByText(board.failingCheckpoints[0]!.code, { exact: true }).waitFor();
    await shot('filings');
    const failing = page.getByRole('table', { name: 'Filings with failing checkpoints' });
    await failing.getByRole('link').first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('table', { name: 'Failed checks' }).waitFor();
    await drawer.getByRole('table', { name: 'Status history' }).waitFor();
    await drawer.getByRole('table', { name: 'Builder decisions' }).waitFor();
    assert.ok(
      (await drawer
        .getByRole('table', { name: 'Failed checks' })
        .getByText(/^Fix: /)
        .count()) > 0,
    );
    await shot('filings-drawer');
  });
});
