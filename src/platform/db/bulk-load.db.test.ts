import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { beginBulkLoad } from './bulk-load.ts';
import { type Executor, pipeline } from './database.ts';

describe('inserts with per-batch parent checks', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await testContext();
  });
  after(async () => {
    await ctx.dispose();
  });

  const party = (id: string, orgId: string) => sql`
    insert into parties (id, org_id, kind, external_ref, is_person, country, created_at, updated_at)
    values (${id}, ${orgId}, 'buyer', ${id}, false, 'DE', now(), now())`;
  const order = (id: string, orgId: string, buyer: string) => sql`
    insert into orders (id, org_id, platform, external_id, buyer_party_id, ship_to_country, currency,
                        subtotal, shipping, tax, total, status, ordered_at, line_count, content_hash,
                        created_at, updated_at)
    values (${id}, ${orgId}, 'web', ${id}, ${buyer}, 'DE', 'EUR', 1, 0, 0, 1, 'paid', now(), 0, 'h', now(), now())`;
  const role = async (db: Executor) =>
    (await sql<{ r: string }>`select current_setting('session_replication_role') as r`.execute(db)).rows[0]
      ?.r;
  const count = async (orgId: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from orders where org_id = ${orgId}`.execute(
          ctx.db,
        )
      ).rows[0]!.n,
    );

  it('writes rows whose parents exist, then checks foreign keys again for the rest of the transaction', async () => {
    const org = await newOrg(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      await party('pty_bl_1', org.id).execute(tx);
      const writes = pipeline();
      const load = await beginBulkLoad(ctx.database, tx, writes);
      load.parents({ table: 'organisations', ids: [org.id] });
      load.parents({ table: 'parties', ids: ['pty_bl_1', 'pty_bl_1'] });
      // The test databases' role is a superuser (PGlite always is): row triggers are off in here.
      writes.send(role(tx).then((r) => assert.equal(r, 'replica')));
      writes.send(order('ord_bl_1', org.id, 'pty_bl_1').execute(tx));
      load.end();
      await writes.done();
      assert.equal(await role(tx), 'origin');
    });
    assert.equal(await count(org.id), 1);
    // After the load, in the same transaction, a dangling reference is refused by the foreign key again.
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        const writes = pipeline();
        const load = await beginBulkLoad(ctx.database, tx, writes);
        load.parents({ table: 'organisations', ids: [org.id] });
        load.end();
        await writes.done();
        await order('ord_bl_2', org.id, 'pty_nowhere').execute(tx);
      }),
      (err: { code?: string }) => err.code === '23503',
    );
    assert.equal(await count(org.id), 1);
  });

  it('skips row triggers for a role only if it may: a superuser, or a role granted SET on the parameter', async () => {
    const plain = `cg_plain_${Date.now().toString(36)}`;
    await sql`create role ${sql.id(plain)} nologin`.execute(ctx.db);
    try {
      // What the role sees inside a bulk load, probed afresh (the answer is cached per database object).
      const inside = async () =>
        ctx.db.transaction().execute(async (tx) => {
          await sql`set local role ${sql.id(plain)}`.execute(tx);
          const writes = pipeline();
          await beginBulkLoad({ ...ctx.database }, tx, writes);
          const r = await role(tx);
          await writes.done();
          return r;
        });
      assert.equal(await inside(), 'origin');
      await sql`grant set on parameter session_replication_role to ${sql.id(plain)}`.execute(ctx.db);
      assert.equal(await inside(), 'replica');
    } finally {
      await sql`revoke set on parameter session_replication_role from ${sql.id(plain)}`.execute(ctx.db);
      await sql`drop role ${sql.id(plain)}`.execute(ctx.db);
    }
  });

  it('fails the batch as a foreign key would when a parent is missing, and nothing it wrote stays', async () => {
    const org = await newOrg(ctx);
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        const writes = pipeline();
        const load = await beginBulkLoad(ctx.database, tx, writes);
        load.parents({ table: 'organisations', ids: [org.id] });
        load.parents({ table: 'parties', ids: ['pty_bl_missing'] });
        // Sent before the check's answer is read: the rows go in, and the failed check rolls them back.
        writes.send(order('ord_bl_3', org.id, 'pty_bl_missing').execute(tx));
        load.end();
        await writes.done();
      }),
      (err: { code?: string; message: string }) =>
        err.code === '23503' && /1 referenced parties row/.test(err.message),
    );
    assert.equal(await count(org.id), 0);
  });
});
