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
import { consistent, openCheckpoint, rootFromPath } from '../../../test/support/rfc6962.ts';
import type { HttpApp } from '../../platform/http/server.ts';

describe('journal HTTP API', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let viewer: { token: string };
  let operator: { token: string };
  let auditor: { token: string };
  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    const org = await newOrg(ctx);
    viewer = await newUser(ctx, org.id, 'viewer');
    operator = await newUser(ctx, org.id, 'operator');
    auditor = await newUser(ctx, org.id, 'viewer', ['auditor']);
    await ctx.db.transaction().execute((tx) =>
      ctx.journal.append(
        tx,
        org.id,
        Array.from({ length: 10 }, (_, i) => ({
          kind: 'test.fact_recorded',
          version: 1,
          actor: 'system:test',
          subject: `sub_${i}`,
          data: { i },
        })),
      ),
    );
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });
  const get = (url: string, token = viewer.token) =>
    app.inject({ method: 'GET', url, headers: bearer(token) });

  it('lists entries newest first, page by page', async () => {
    const first = await get('/api/journal/entries?limit=5');
    assert.equal(first.statusCode, 200, first.body);
    const page = first.json();
    assert.equal(page.items.length, 5);
    assert.ok(page.items[0].index > page.items[4].index);
    const next = (await get(`/api/journal/entries?limit=50&before=${page.nextBefore}`)).json();
    assert.equal(next.items[0].index, page.items[4].index - 1);
    assert.equal(next.nextBefore, null);
    const one = (await get(`/api/journal/entries/${page.items[0].id}`)).json();
    assert.equal(JSON.parse(one.leaf).index, one.index);
  });

  it('signs heads on demand for operators, and serves proofs that verify independently', async () => {
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/journal/heads', headers: bearer(viewer.token) }))
        .statusCode,
      403,
    );
    const h1 = await app.inject({
      method: 'POST',
      url: '/api/journal/heads',
      headers: bearer(operator.token),
    });
    assert.equal(h1.statusCode, 200, h1.body);
    const head = h1.json();
    const pk = (await get('/api/journal/public-key')).json();
    const cp = openCheckpoint(head.checkpoint, head.signature, pk.publicKey);
    assert.ok(cp.ok);
    assert.equal(cp.size, head.treeSize);
    const bundle = (await get('/api/journal/entries/3/proof')).json();
    const e = bundle.entries[0];
    const root = rootFromPath(
      3,
      cp.size,
      Buffer.from(e.leaf),
      e.proof.map((x: string) => Buffer.from(x, 'hex')),
    );
    assert.ok(root?.equals(cp.root));
    assert.equal((await get('/api/journal/heads/latest')).json().treeSize, head.treeSize);
  });

  it('serves a consistency proof between two heads', async () => {
    const a = (
      await app.inject({ method: 'POST', url: '/api/journal/heads', headers: bearer(operator.token) })
    ).json();
    const org = (
      await ctx.db
        .selectFrom('journal_logs')
        .select('org_id')
        .orderBy('size', 'desc')
        .executeTakeFirstOrThrow()
    ).org_id;
    await ctx.db
      .transaction()
      .execute((tx) =>
        ctx.journal.append(tx, org, [
          { kind: 'test.fact_recorded', version: 1, actor: 'system:test', data: { more: true } },
        ]),
      );
    const b = (
      await app.inject({ method: 'POST', url: '/api/journal/heads', headers: bearer(operator.token) })
    ).json();
    assert.ok(b.treeSize > a.treeSize);
    const r = await get(`/api/journal/consistency?from=${a.treeSize}&to=${b.treeSize}`);
    assert.equal(r.statusCode, 200, r.body);
    const c = r.json();
    assert.ok(c.verified);
    assert.ok(
      consistent(
        a.treeSize,
        b.treeSize,
        c.proof.map((x: string) => Buffer.from(x, 'hex')),
        Buffer.from(a.rootHash, 'hex'),
        Buffer.from(b.rootHash, 'hex'),
      ),
    );
    assert.equal((await get(`/api/journal/heads?limit=1`)).json().items[0].treeSize, b.treeSize);
  });

  it('runs a full verification for auditors only', async () => {
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/journal/verify', headers: bearer(viewer.token) }))
        .statusCode,
      403,
    );
    const r = await app.inject({
      method: 'POST',
      url: '/api/journal/verify',
      headers: bearer(auditor.token),
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().ok, true);
    assert.ok(r.json().headsChecked >= 1);
  });

  it('answers not found for an entry or head that does not exist', async () => {
    assert.equal((await get('/api/journal/entries/999999')).statusCode, 404);
    assert.equal((await get('/api/journal/entries/jnl_nope')).statusCode, 404);
    assert.equal((await get('/api/journal/entries/1/proof?treeSize=12345')).statusCode, 404);
  });
});
