import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { AppContext } from '../../src/platform/context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { FixedClock, type Clock } from '../../src/platform/clock.ts';
import { createAppContext } from '../../src/app/context.ts';
import { createOrganisation, createUser } from '../../src/modules/identity/index.ts';
import type { Level, ScopedRole } from '../../src/platform/auth/permissions.ts';
import { createHttpApp } from '../../src/app/server.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';

/**
 * The storage-test context: an in-memory PGlite by default, or a fresh throw-away database on the
 * PostgreSQL named by CROSSGATE_TEST_DATABASE_URL (the DIALECTS matrix; CI runs both).
 */
export interface TestContext extends AppContext {
  dialectLabel: 'pglite' | 'postgres';
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.CROSSGATE_TEST_DATABASE_URL;

export async function testContext(
  opts: { clock?: Clock; logDestination?: import('pino').DestinationStream; logLevel?: string } = {},
): Promise<TestContext> {
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (TEST_DATABASE_URL) {
    const name = `cg_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    // Two files creating databases at once can collide on template1 ("being accessed by other
    // users"): retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name}`);
        break;
      } catch (err) {
        if (attempt >= 10 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
    await admin.end();
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      // pg-pool's end() resolves before its sockets close; wait for them, so that the forced drop
      // does not kill a closing connection (which surfaces as an uncaught error in the test).
      for (let i = 0; i < 50; i++) {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  // With CROSSGATE_TEST_LOG_DIR set (npm test sets it), every context logs at debug level to a file
  // there, and the runner scans all of them for personal data after the suite.
  let logDestination = opts.logDestination;
  let logLevel = opts.logLevel ?? process.env.LOG_LEVEL ?? 'silent';
  if (!logDestination && process.env.CROSSGATE_TEST_LOG_DIR) {
    const { pino } = await import('pino');
    logDestination = pino.destination({
      dest: `${process.env.CROSSGATE_TEST_LOG_DIR}/${process.pid}.ndjson`,
      sync: true,
      append: true,
      mkdir: true,
    });
    logLevel = opts.logLevel ?? 'debug';
  }
  // A home of its own: what a test writes there (a trained model, files) neither lands in the checkout's
  // .crossgate nor is read from a developer's.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossgate-test-home-'));
  const config = loadConfig({
    LOG_LEVEL: logLevel,
    CROSSGATE_HOME: home,
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const ctx = await createAppContext({
    config,
    ephemeral: true,
    migrate: true,
    clock: opts.clock ?? new FixedClock('2026-11-02T09:00:00Z'),
    poolSize: 4,
    ...(logDestination ? { logDestination } : {}),
  });
  return {
    ...ctx,
    dialectLabel: url ? 'postgres' : 'pglite',
    async dispose() {
      await ctx.database.close();
      await drop?.();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

let orgCounter = 0;
/** Factory: a fresh organisation with a unique slug. */
export async function newOrg(ctx: AppContext, country = 'CN') {
  orgCounter += 1;
  return createOrganisation(ctx, {
    slug: `org-${orgCounter}-${crypto.randomBytes(3).toString('hex')}`,
    name: `Test Org ${orgCounter}`,
    country,
  });
}

/** Factory: a user in `orgId` at `level`, with a signed-in session token. */
export async function newUser(
  ctx: AppContext,
  orgId: string,
  level: Level = 'viewer',
  roles: ScopedRole[] = [],
) {
  const email = `u${crypto.randomBytes(4).toString('hex')}@example.test`;
  const password = 'correct horse battery staple';
  const { id } = await createUser(ctx, orgId, { email, name: 'Test User', password, level, roles });
  const { login } = await import('../../src/modules/identity/index.ts');
  const session = await login(ctx, { email, password });
  return { id, email, password, token: session.token };
}

/** An HTTP app on the test context, for `app.inject()`. */
export async function testApp(ctx: AppContext): Promise<HttpApp> {
  const app = await createHttpApp(ctx, { serveDashboard: false });
  await app.ready();
  return app;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** Where ../shared/data lives for tests and benchmarks, or undefined (tests skip). */
export function referenceDir(): string | undefined {
  const dir = process.env.CROSSGATE_REFERENCE_DIR;
  if (!dir) return undefined;
  return dir;
}
