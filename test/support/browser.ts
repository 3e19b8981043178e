// The browser tests' shared set-up: the service on an ephemeral embedded database, real HTTP on
// 127.0.0.1, and Debian's headless Chromium driven by playwright-core. Each test file seeds its own data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureDashboardBuilt } from '../../scripts/ensure-dashboard.ts';
import { closeAppContext, createAppContext } from '../../src/app/context.ts';
import { createHttpApp } from '../../src/app/server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';

/** Debian's chromium; CROSSGATE_CHROMIUM points elsewhere (e.g. to check that the tests skip without it). */
export const CHROMIUM = process.env.CROSSGATE_CHROMIUM ?? '/usr/bin/chromium';

/** For `describe(…, { skip })`: the reason to skip when Chromium is not installed. */
export const skipWithoutChromium: string | false = !fs.existsSync(CHROMIUM) && `${CHROMIUM} is not installed`;

/**
 * Flags for a headless Chromium on a closed network: without the background-networking ones it keeps
 * trying to reach Google's hosts.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  ctx: AppContext;
  /** The service's address, e.g. http://127.0.0.1:41234 */
  base: string;
  page: Page;
  context: BrowserContext;
  /** Signs in through the login page (ends on the page the login leads to). */
  signIn(user: { email: string; password: string }): Promise<void>;
  /** A full-page screenshot into CROSSGATE_SCREENSHOT_DIR, when it is set. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the dashboard if its sources changed, starts the service on an ephemeral database seeded by
 * `seed`, and opens one Chromium page on it. CROSSGATE_BROWSER_DEBUG=1 prints the page's console and
 * responses.
 */
export async function openBrowserSession(seed: (ctx: AppContext) => Promise<void>): Promise<BrowserSession> {
  await ensureDashboardBuilt();
  const ctx = await createAppContext({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    ephemeral: true,
    migrate: true,
  });
  let app: HttpApp | undefined;
  let context: BrowserContext | undefined;
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-chromium-'));
  const close = async () => {
    await context?.close();
    await app?.close();
    await closeAppContext(ctx);
    fs.rmSync(userDir, { recursive: true, force: true });
  };
  try {
    await seed(ctx);
    app = await createHttpApp(ctx);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 860 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    if (process.env.CROSSGATE_BROWSER_DEBUG) {
      page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
      page.on('response', (r) => console.log('[http]', r.status(), r.url()));
    }
    const shots = process.env.CROSSGATE_SCREENSHOT_DIR;
    return {
      ctx,
      base,
      page,
      context,
      async signIn(user) {
        await page.goto(`${base}/app/login`);
        await page.getByLabel('Email').fill(user.email);
        await page.getByLabel('Password').fill(user.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      },
      async shot(name) {
        if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
