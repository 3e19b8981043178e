import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, newOrg, newUser, testApp, testContext, type TestContext } from '../support/context.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';
import { createApiKey } from '../../src/modules/identity/index.ts';

describe('API access control', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let orgA: { id: string };
  let orgB: { id: string };
  let viewerA: { token: string };
  let adminB: { token: string };
  let orderInB: string;

  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    orgA = await newOrg(ctx);
    orgB = await newOrg(ctx);
    viewerA = await newUser(ctx, orgA.id, 'viewer');
    adminB = await newUser(ctx, orgB.id, 'admin');
    orderInB = ctx.ids.next('order');
    await ctx.db
      .insertInto('orders')
      .values({
        id: orderInB,
        org_id: orgB.id,
        platform: 'shopify',
        external_id: '#1001',
        ship_to_country: 'US',
        currency: 'USD',
        subtotal: '10',
        shipping: '0',
        tax: '0',
        total: '10',
        status: 'paid',
        ordered_at: ctx.clock.now(),
        line_count: 0,
        content_hash: 'x',
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('refuses every business route without credentials, with problem+json', async () => {
    // Every operation in the OpenAPI document, except signing in, must refuse an anonymous caller.
    const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({
        method: m.toUpperCase(),
        url: p.replace(/\{[^}]+\}/g, 'x'),
        public: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
    const business = ops.filter((o) => !o.public);
    assert.ok(business.length >= 8, `only ${business.length} operations found`);
    for (const { method, url } of business) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      assert.equal(r.statusCode, 401, `${method} ${url}`);
      assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(r.json().code, 'unauthenticated');
    }
  });

  it('answers "not found" for another tenant\'s order, and finds it for its own tenant', async () => {
    const r = await app.inject({
      method: 'GET',
      url: `/api/orders/${orderInB}`,
      headers: bearer(viewerA.token),
    });
    assert.equal(r.statusCode, 404);
    const list = await app.inject({ method: 'GET', url: '/api/orders', headers: bearer(viewerA.token) });
    assert.deepEqual(list.json().items, []);
    const own = await app.inject({
      method: 'GET',
      url: `/api/orders/${orderInB}`,
      headers: bearer(adminB.token),
    });
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().externalId, '#1001');
  });

  it('forbids a viewer from managing API keys but lets an admin', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/api-keys', headers: bearer(viewerA.token) });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, 'forbidden');
    const ok = await app.inject({ method: 'GET', url: '/api/api-keys', headers: bearer(adminB.token) });
    assert.equal(ok.statusCode, 200);
  });

  it('accepts an API key, stores only its hash, and refuses it once revoked', async () => {
    const { id, key } = await createApiKey(ctx, orgB.id, { name: 'erp', level: 'viewer' }, 'test');
    const row = await ctx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.secret_hash.includes(key.split('_').at(-1)!));
    const r = await app.inject({ method: 'GET', url: '/api/orders', headers: bearer(key) });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().items.length, 1);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${id}`,
      headers: bearer(adminB.token),
    });
    assert.equal(del.statusCode, 204);
    const after = await app.inject({ method: 'GET', url: '/api/orders', headers: bearer(key) });
    assert.equal(after.statusCode, 401);
  });

  it('limits an API key to its scopes', async () => {
    const { key } = await createApiKey(
      ctx,
      orgB.id,
      { name: 'narrow', level: 'admin', scopes: ['shipments:read'] },
      'test',
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/shipments', headers: bearer(key) })).statusCode,
      200,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/orders', headers: bearer(key) })).statusCode,
      403,
    );
  });

  it('rejects a wrong password without saying whether the email exists', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.test', password: 'x' },
    });
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().detail, 'Email or password is wrong');
  });

  it('gives field-level issues for a malformed body', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email' },
    });
    assert.equal(r.statusCode, 400);
    const fields = r.json().issues.map((i: { field: string }) => i.field);
    assert.ok(
      fields.some((f: string) => f.includes('email')),
      JSON.stringify(fields),
    );
    assert.ok(
      fields.some((f: string) => f.includes('password')),
      JSON.stringify(fields),
    );
  });

  it('never sends a stack trace for an unknown route', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nope', headers: bearer(adminB.token) });
    assert.equal(r.statusCode, 404);
    assert.ok(!r.body.includes('at '));
  });
});
