import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, newOrg, newUser, testApp, testContext, type TestContext } from '../support/context.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';

function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([k, ...v]) => [k as string, v]),
  );
}

describe('security headers on the dashboard and API', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let token: string;
  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    const org = await newOrg(ctx);
    token = (await newUser(ctx, org.id, 'viewer')).token;
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('sends a strict policy on the dashboard: no inline or third-party script, no framing', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    const p = csp(r.headers['content-security-policy']);
    assert.deepEqual(p['script-src'], ["'self'"]);
    assert.deepEqual(p['frame-ancestors'], ["'none'"]);
    assert.deepEqual(p['object-src'], ["'none'"]);
    assert.deepEqual(p['default-src'], ["'self'"]);
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.match(String(r.headers['strict-transport-security']), /max-age=\d{7,}/);
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(r.headers['x-powered-by'], undefined);
  });

  it('marks API answers as not to be stored and keeps the headers on errors', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    assert.equal(ok.headers['cache-control'], 'no-store');
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    const denied = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(token) });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.headers['cache-control'], 'no-store');
    assert.equal(denied.headers['x-frame-options'], 'DENY');
  });

  it('relaxes script-src only for the API reference page', async () => {
    const r = await app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(r.statusCode, 200);
    const p = csp(r.headers['content-security-policy']);
    assert.ok(p['script-src']?.includes("'unsafe-inline'"));
    assert.deepEqual(p['frame-ancestors'], ["'none'"]);
  });
});
