// The Privacy and Access control pages in headless Chromium against the real service (in-memory
// PGlite, real HTTP on 127.0.0.1). Skips when /usr/bin/chromium is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { closeAppContext, createAppContext } from '../../src/app/context.ts';
import { createHttpApp } from '../../src/app/server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';
import { createOrganisation, createUser, requestAccess } from '../../src/modules/identity/index.ts';
import { evaluateTransfer } from '../../src/modules/privacy/index.ts';
import { ensureDashboardBuilt } from '../../scripts/ensure-dashboard.ts';

const CHROMIUM = process.env.CROSSGATE_CHROMIUM ?? '/usr/bin/chromium';

describe('privacy and access pages in headless Chromium', {
  skip: !fs.existsSync(CHROMIUM) && `${CHROMIUM} is not installed`,
}, () => {
  let ctx: AppContext;
  let app: HttpApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let userDir: string;
  const approver = { email: 'approver@example.test', password: 'approver long passphrase' };

  before(async () => {
    await ensureDashboardBuilt();
    ctx = await createAppContext({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      ephemeral: true,
      migrate: true,
    });
    const org = await createOrganisation(ctx, { slug: 'shield', name: 'Shield Trading', country: 'CN' });
    await createUser(ctx, org.id, {
      ...approver,
      name: 'Ada Approver',
      level: 'admin',
      roles: ['privacy_officer'],
    });
    const asker = await createUser(ctx, org.id, {
      email: 'asker@example.test',
      name: 'Ben Asker',
      password: 'asker long passphrase',
      level: 'viewer',
    });
    await requestAccess(
      ctx,
      { kind: 'user', id: asker.id, orgId: org.id, level: 'viewer', roles: [] },
      { level: 'operator', reason: 'peak season filings' },
    );
    await evaluateTransfer(ctx, {
      orgId: org.id,
      actor: 'test',
      category: 'contact',
      from: 'CN',
      to: 'US',
      purpose: 'marketing',
      volume: 150_000,
    });
    app = await createHttpApp(ctx);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    const { chromium } = await import('playwright-core');
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-chromium-'));
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
  });

  after(async () => {
    await context?.close();
    await app?.close();
    if (ctx) await closeAppContext(ctx);
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('lets a second person approve a pending request from the Access control page', async () => {
    await page.goto(`${base}/app/login`);
    await page.getByLabel('Email').fill(approver.email);
    await page.getByLabel('Password').fill(approver.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Access control' })
      .click();
    await page.getByRole('heading', { name: 'Access control', level: 1 }).waitFor();
    const pending = page.getByRole('table', { name: 'Pending approvals' });
    await pending.getByText('peak season filings').waitFor();
    await pending.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Nothing waits for approval.').waitFor();
    const users = page.getByRole('table', { name: 'Users and roles' });
    await users.getByRole('cell', { name: 'operator' }).waitFor();
  });

  it('shows transfer decisions with their explanation on the Privacy page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Privacy', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Transfer decisions' });
    await table.getByText('Denied').waitFor();
    assert.match((await table.textContent()) ?? '', /standard contract or a certification/);
    await page.getByText('No requests.').waitFor();
  });
});
