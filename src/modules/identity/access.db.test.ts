import { after, before, describe, it } from 'node:test';
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
import { createApiKey } from './identity.service.ts';
import { accessReviewHousekeeping } from './access.service.ts';
import { ACCESS_POLICY } from './access-policy.ts';
import { totp, base32Decode } from './totp.ts';

describe('grants, approvals, reviews, second factor and machine tokens', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let clock: FixedClock;
  let org: { id: string };
  let owner: Awaited<ReturnType<typeof newUser>>;
  let admin: Awaited<ReturnType<typeof newUser>>;
  let admin2: Awaited<ReturnType<typeof newUser>>;
  let viewer: Awaited<ReturnType<typeof newUser>>;

  before(async () => {
    clock = new FixedClock('2026-11-02T09:00:00Z');
    ctx = await testContext({ clock });
    app = await testApp(ctx);
    org = await newOrg(ctx);
    owner = await newUser(ctx, org.id, 'owner');
    admin = await newUser(ctx, org.id, 'admin');
    admin2 = await newUser(ctx, org.id, 'admin');
    viewer = await newUser(ctx, org.id, 'viewer');
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  const post = (url: string, token: string, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: bearer(token), payload });
  const get = (url: string, token: string) => app.inject({ method: 'GET', url, headers: bearer(token) });
  const journalKinds = async () =>
    (await ctx.db.selectFrom('journal_entries').select('kind').where('org_id', '=', org.id).execute()).map(
      (e) => e.kind,
    );

  it('creates new users at viewer level with no roles (least privilege)', async () => {
    const r = await post('/api/users', admin.token, {
      email: 'new.hire@corp.example',
      name: 'New Hire',
      password: 'a long password 123',
    });
    assert.equal(r.statusCode, 201);
    const u = await get(`/api/users/${r.json().id}`, admin.token);
    assert.equal(u.json().level, 'viewer');
    assert.deepEqual(u.json().roles, []);
  });

  it('needs a second person to approve an elevation, never the requester or the recipient', async () => {
    const req = await post('/api/access-requests', viewer.token, {
      level: 'operator',
      reason: 'filing season',
    });
    assert.equal(req.statusCode, 201, req.body);
    const id = req.json().id;
    // The viewer cannot approve (no permission); an admin can, but not for their own request.
    assert.equal((await post(`/api/access-requests/${id}/approve`, viewer.token)).statusCode, 403);
    const selfReq = await post('/api/access-requests', admin.token, {
      userId: admin.id,
      level: 'owner',
      reason: 'cover the owner on leave',
    });
    const selfApprove = await post(`/api/access-requests/${selfReq.json().id}/approve`, admin.token);
    assert.equal(selfApprove.statusCode, 403);
    assert.match(selfApprove.json().detail, /Four eyes/);
    // An admin cannot grant owner: it needs an approver at that level.
    const tooHigh = await post(`/api/access-requests/${selfReq.json().id}/approve`, admin2.token);
    assert.equal(tooHigh.statusCode, 403);
    assert.match(tooHigh.json().detail, /needs an approver at owner/);
    const ok = await post(`/api/access-requests/${id}/approve`, admin.token, { note: 'ok for Q4' });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'approved');
    assert.equal((await post(`/api/access-requests/${id}/approve`, admin2.token)).statusCode, 409);
    const me = await get('/api/auth/me', viewer.token);
    assert.equal(me.json().actor.level, 'operator');
    const kinds = await journalKinds();
    assert.ok(
      kinds.includes('access.requested') &&
        kinds.includes('access.approved') &&
        kinds.includes('permission.granted'),
    );
  });

  it('lets a time-bound grant lapse by itself', async () => {
    const u = await newUser(ctx, org.id, 'viewer');
    const req = await post('/api/access-requests', admin.token, {
      userId: u.id,
      role: 'privacy_officer',
      reason: 'DSR backlog',
      durationHours: 8,
    });
    assert.equal(req.statusCode, 201, req.body);
    assert.equal((await post(`/api/access-requests/${req.json().id}/approve`, admin2.token)).statusCode, 200);
    assert.equal((await get('/api/privacy/dsr', u.token)).statusCode, 200);
    clock.advance(8 * 3600_000 + 1000);
    try {
      assert.equal((await get('/api/privacy/dsr', u.token)).statusCode, 403);
      const me = await get('/api/auth/me', u.token);
      assert.deepEqual(me.json().actor.roles, []);
    } finally {
      clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('runs a quarterly review that lists everyone, flags dormant accounts and revokes on decision', async () => {
    const sleeper = await newUser(ctx, org.id, 'manager');
    clock.advance(100 * 86_400_000);
    try {
      // Everyone else signs in again; the sleeper does not.
      const fresh = await newUser(ctx, org.id, 'admin');
      const rev = await post('/api/access-reviews', fresh.token, {});
      assert.equal(rev.statusCode, 200, rev.body);
      const review = rev.json();
      assert.equal(review.period, '2027-Q1');
      const item = review.items.find((i: { principalId: string }) => i.principalId === sleeper.id);
      assert.ok(item);
      assert.equal(item.dormant, true);
      assert.equal(item.level, 'manager');
      // Idempotent for the quarter.
      assert.equal((await post('/api/access-reviews', fresh.token, {})).json().id, review.id);
      const own = review.items.find((i: { principalId: string }) => i.principalId === fresh.id);
      assert.equal(
        (await post(`/api/access-reviews/${review.id}/items/${own.id}`, fresh.token, { decision: 'keep' }))
          .statusCode,
        403,
      );
      const d = await post(`/api/access-reviews/${review.id}/items/${item.id}`, fresh.token, {
        decision: 'revoke',
        note: 'dormant',
      });
      assert.equal(d.statusCode, 200, d.body);
      const users = await get('/api/users', fresh.token);
      const s = users.json().items.find((x: { id: string }) => x.id === sleeper.id);
      assert.equal(s.level, 'viewer');
      assert.equal(s.dormant, true);
      assert.ok((await journalKinds()).includes('permission.reduced'));
    } finally {
      clock.set('2026-11-02T09:00:00Z');
    }
  });

  it("opens the quarter's review by itself and reminds (journaled) while items stay undecided", async () => {
    const o = await newOrg(ctx);
    await newUser(ctx, o.id, 'owner');
    const reminders = async () =>
      (
        await ctx.db
          .selectFrom('journal_entries')
          .select('kind')
          .where('org_id', '=', o.id)
          .where('kind', '=', 'access_review.reminder')
          .execute()
      ).length;
    assert.deepEqual(await accessReviewHousekeeping(ctx, o.id), [], 'no reminder on the day it opens');
    const opened = await ctx.db.selectFrom('access_reviews').selectAll().where('org_id', '=', o.id).execute();
    assert.equal(opened.length, 1);
    clock.advance((ACCESS_POLICY.reminderEveryDays + 1) * 86_400_000);
    try {
      const sent = await accessReviewHousekeeping(ctx, o.id);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]?.review, opened[0]?.id);
      assert.ok((sent[0]?.pending ?? 0) > 0);
      assert.equal(await reminders(), 1);
      assert.deepEqual(await accessReviewHousekeeping(ctx, o.id), [], 'not again before the interval');
      assert.equal(await reminders(), 1);
    } finally {
      clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('asks for a TOTP code at sign-in once enrolled, and refuses a replayed code', async () => {
    const u = await newUser(ctx, org.id, 'viewer');
    const setup = await post('/api/auth/totp/setup', u.token);
    assert.equal(setup.statusCode, 200);
    const secret = base32Decode(setup.json().secret);
    const now = () => Math.floor(clock.now().getTime() / 1000);
    assert.equal(
      (
        await post('/api/auth/totp/confirm', u.token, {
          code: '000000' === totp(secret, now()) ? '111111' : '000000',
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (await post('/api/auth/totp/confirm', u.token, { code: totp(secret, now()) })).statusCode,
      204,
    );
    clock.advance(30_000);
    const login = (code?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: u.email, password: u.password, ...(code ? { totp: code } : {}) },
      });
    const without = await login();
    assert.equal(without.statusCode, 401);
    assert.equal(without.json().secondFactor, 'totp');
    const code = totp(secret, now());
    assert.equal((await login(code)).statusCode, 200);
    assert.equal((await login(code)).statusCode, 401, 'a code works once');
    clock.set('2026-11-02T09:00:00Z');
  });

  it('issues short-lived scoped JWTs for OAuth client credentials and stops them when the key is revoked', async () => {
    const { id, key } = await createApiKey(ctx, org.id, { name: 'erp', level: 'operator' }, 'test');
    const secret = key.slice(`cgk_${id}_`.length);
    const token = async (body: Record<string, string>, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams(body).toString(),
      });
    const bad = await token({ grant_type: 'client_credentials', client_id: id, client_secret: 'wrong' });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().error, 'invalid_client');
    assert.equal(
      (await token({ grant_type: 'password', client_id: id, client_secret: secret })).json().error,
      'unsupported_grant_type',
    );
    assert.equal(
      (
        await token({
          grant_type: 'client_credentials',
          client_id: id,
          client_secret: secret,
          scope: 'no:such',
        })
      ).json().error,
      'invalid_scope',
    );
    const basic = Buffer.from(`${id}:${secret}`).toString('base64');
    const ok = await token(
      { grant_type: 'client_credentials', scope: 'shipments:read' },
      { authorization: `Basic ${basic}` },
    );
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.headers['cache-control'], 'no-store');
    const { access_token, expires_in, scope } = ok.json();
    assert.equal(expires_in, 900);
    assert.equal(scope, 'shipments:read');
    assert.equal((await get('/api/shipments', access_token)).statusCode, 200);
    assert.equal((await get('/api/orders', access_token)).statusCode, 403, 'scope narrows the token');
    clock.advance(901_000);
    assert.equal((await get('/api/shipments', access_token)).statusCode, 401, 'expired');
    clock.set('2026-11-02T09:00:00Z');
    await app.inject({ method: 'DELETE', url: `/api/api-keys/${id}`, headers: bearer(owner.token) });
    assert.equal((await get('/api/shipments', access_token)).statusCode, 401, 'revoked key');
    const forged = `${access_token.slice(0, -4)}AAAA`;
    assert.equal((await get('/api/shipments', forged)).statusCode, 401);
  });

  it('rate-limits the token endpoint', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/oauth/token',
        remoteAddress: '203.0.113.10',
        payload: { grant_type: 'client_credentials', client_id: 'key_nope', client_secret: 'x' },
      });
      last = r.statusCode;
      if (i < 30) assert.equal(r.statusCode, 401);
    }
    assert.equal(last, 429);
  });

  it('rate-limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'brute@force.example', password: `guess-${i}` },
      });
      codes.push(r.statusCode);
    }
    assert.ok(
      codes.slice(0, 10).every((c) => c === 401),
      codes.join(','),
    );
    assert.equal(codes.at(-1), 429);
  });
});
