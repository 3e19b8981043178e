// The Privacy and Access control pages in headless Chromium against the real service (in-memory
// PGlite, real HTTP on 127.0.0.1). Skips when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createOrganisation, createUser, requestAccess } from '../../src/modules/identity/index.ts';
import { evaluateTransfer } from '../../src/modules/privacy/index.ts';
import { type BrowserSession, openBrowserSession, skipWithoutChromium } from '../support/browser.ts';

describe('privacy and access pages in headless Chromium', { skip: skipWithoutChromium }, () => {
  let session: BrowserSession;
  let page: Page;
  const approver = { email: 'approver@example.test', password: 'approver long passphrase' };

  before(async () => {
    session = await openBrowserSession(async (ctx) => {
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
    });
    page = session.page;
  });

  after(async () => {
    await session?.close();
  });

  it('lets a second person approve a pending request from the Access control page', async () => {
    await session.signIn(approver);
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
