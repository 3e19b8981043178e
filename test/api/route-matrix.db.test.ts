import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, newOrg, newUser, testApp, testContext, type TestContext } from '../support/context.ts';
import { buyerData, seedBuyerWithOrder } from '../support/personal-data.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';
import {
  LEVELS,
  SCOPED_ROLES,
  can,
  type Actor,
  type Level,
  type ScopedRole,
} from '../../src/platform/auth/permissions.ts';
import { buildServer } from '../../src/platform/http/server.ts';
import { systemActor } from '../../src/platform/auth/permissions.ts';
import { createDsr, evaluateTransfer } from '../../src/modules/privacy/index.ts';
import { openAccessReview, requestAccess } from '../../src/modules/identity/index.ts';

interface Op {
  method: string;
  path: string;
  permission: string | undefined;
  public: boolean;
}

function operations(app: HttpApp): Op[] {
  const doc = app.swagger() as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      permission: op['x-permission'],
      public: Array.isArray(op.security) && op.security.length === 0,
    })),
  );
}

const fill = (path: string, id = 'x') => path.replace(/\{[^}]+\}/g, id);

/**
 * The access matrix (PRODUCT.md §3.7): every operation in the OpenAPI document (so routes other modules
 * add are covered too) × every level and scoped role. Deny by default: a principal gets 403 exactly when
 * the registry says it lacks the route's permission; and another tenant's resource is "not found".
 */
describe('route × role access matrix', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let ops: Op[];
  let orgA: { id: string };
  let orgB: { id: string };
  const principals: Array<{ label: string; actor: Actor; token: string }> = [];
  let ownerA: { token: string };
  let ownerB: { token: string; id: string };

  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    ops = operations(app);
    orgA = await newOrg(ctx);
    orgB = await newOrg(ctx);
    const add = async (label: string, level: Level, roles: ScopedRole[]) => {
      const u = await newUser(ctx, orgA.id, level, roles);
      principals.push({
        label,
        token: u.token,
        actor: { kind: 'user', id: u.id, orgId: orgA.id, level, roles },
      });
    };
    // Password hashing dominates set-up: create the principals two at a time (the thread pool has room).
    const specs: Array<[string, Level, ScopedRole[]]> = [
      ...LEVELS.map((l): [string, Level, ScopedRole[]] => [l, l, []]),
      ...SCOPED_ROLES.map((r): [string, Level, ScopedRole[]] => [`viewer+${r}`, 'viewer', [r]]),
    ];
    for (let i = 0; i < specs.length; i += 2)
      await Promise.all(specs.slice(i, i + 2).map(([label, level, roles]) => add(label, level, roles)));
    ownerA = await newUser(ctx, orgA.id, 'owner');
    ownerB = await newUser(ctx, orgB.id, 'owner');

    // Resources in tenant B for the cross-tenant checks.
    const b = buyerData('matrix');
    await seedBuyerWithOrder(ctx, orgB.id, b);
    const sys = systemActor(orgB.id);
    await createDsr(ctx, sys, { kind: 'access', regime: 'gdpr', subjectKey: b.buyerKey });
    await evaluateTransfer(ctx, {
      orgId: orgB.id,
      actor: sys.id,
      category: 'contact',
      from: 'CN',
      to: 'US',
      purpose: 'delivery',
      volume: 5,
    });
    const viewerB = await newUser(ctx, orgB.id, 'viewer');
    await requestAccess(
      ctx,
      { kind: 'user', id: viewerB.id, orgId: orgB.id, level: 'viewer', roles: [] },
      { level: 'operator', reason: 'matrix' },
    );
    await openAccessReview(ctx, sys);
    const now = ctx.clock.now();
    await ctx.db
      .insertInto('products')
      .values({
        id: ctx.ids.next('product'),
        org_id: orgB.id,
        sku: 'SKU-1',
        title: 'Kettle',
        attributes: '{}',
        content_hash: 'h',
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    await ctx.db
      .insertInto('shipments')
      .values({
        id: ctx.ids.next('shipment'),
        org_id: orgB.id,
        reference: 'SHP-1',
        mode: 'ocean',
        origin_country: 'CN',
        destination_country: 'US',
        status: 'planned',
        content_hash: 'h',
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('finds a permission on every non-public operation', () => {
    assert.ok(ops.length >= 30, `only ${ops.length} operations`);
    for (const op of ops)
      if (!op.public) assert.ok(op.permission, `${op.method} ${op.path} names no permission`);
    // Public operations are only the sign-in and token endpoints, and the customs push webhook, which
    // authenticates each call by its HMAC signature instead (tested in the gateway module).
    assert.deepEqual(
      ops
        .filter((o) => o.public)
        .map((o) => o.path)
        .sort(),
      ['/api/auth/login', '/api/gateway/webhooks/{orgId}/{regime}', '/api/oauth/token'],
    );
  });

  it('answers 403 exactly when the role lacks the permission, for every operation and role', async () => {
    // Signing out would end the principal's session: it runs last.
    const ordered = [
      ...ops.filter((o) => !o.public && o.path !== '/api/auth/logout'),
      ...ops.filter((o) => o.path === '/api/auth/logout'),
    ];
    const failures: string[] = [];
    let allowed = 0;
    let denied = 0;
    for (const p of principals) {
      for (const op of ordered) {
        const r = await app.inject({
          method: op.method as 'GET',
          url: fill(op.path),
          headers: bearer(p.token),
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
        });
        const expectAllowed = can(p.actor, op.permission as string);
        if (expectAllowed) {
          allowed++;
          if (r.statusCode === 401 || r.statusCode === 403)
            failures.push(
              `${p.label} ${op.method} ${op.path}: expected allowed, got ${r.statusCode} ${r.body.slice(0, 120)}`,
            );
        } else {
          denied++;
          if (r.statusCode !== 403 || r.json().code !== 'forbidden')
            failures.push(`${p.label} ${op.method} ${op.path}: expected 403, got ${r.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(allowed > 0 && denied > 0, `${allowed} allowed, ${denied} denied`);
  });

  it("answers 404 for another tenant's id on every GET by id, and 200 for the owner tenant", async () => {
    const byId = ops.filter((o) => o.method === 'GET' && /\{[^}]+\}/.test(o.path));
    assert.ok(byId.length >= 8);
    const unseeded: string[] = [];
    for (const op of byId) {
      const collection = op.path.slice(0, op.path.indexOf('/{'));
      const list = await app.inject({ method: 'GET', url: collection, headers: bearer(ownerB.token) });
      const items =
        list.statusCode === 200 ? (list.json().items as Array<{ id: string }> | undefined) : undefined;
      const id = items?.[0]?.id;
      if (!id) {
        unseeded.push(op.path);
        const r = await app.inject({
          method: 'GET',
          url: fill(op.path, 'zzz_00000000000000000000000000'),
          headers: bearer(ownerA.token),
        });
        assert.equal(r.statusCode, 404, `${op.path} with an unknown id`);
        continue;
      }
      const theirs = await app.inject({
        method: 'GET',
        url: fill(op.path, id),
        headers: bearer(ownerA.token),
      });
      assert.equal(theirs.statusCode, 404, `${op.path}: tenant A read tenant B's ${id}`);
      assert.equal(theirs.json().code, 'not_found');
      const own = await app.inject({ method: 'GET', url: fill(op.path, id), headers: bearer(ownerB.token) });
      assert.equal(
        own.statusCode,
        200,
        `${op.path}: tenant B cannot read its own ${id}: ${own.body.slice(0, 200)}`,
      );
    }
    // Every GET-by-id this module set knows about was checked with a real id.
    for (const p of [
      '/api/orders/{id}',
      '/api/users/{id}',
      '/api/privacy/dsr/{id}',
      '/api/privacy/transfers/{id}',
      '/api/access-requests/{id}',
      '/api/access-reviews/{id}',
    ])
      if (byId.some((o) => o.path === p)) assert.ok(!unseeded.includes(p), `${p} was not seeded`);
  });

  it('refuses to register an API route that names no permission (deny by default)', async () => {
    await assert.rejects(
      buildServer(ctx, {
        authenticate: async () => null,
        readiness: async () => true,
        registerRoutes: async (api) => {
          api.get('/oops', async () => ({}));
        },
      }).then((a) => a.ready()),
      /declares no permission/,
    );
  });
});
