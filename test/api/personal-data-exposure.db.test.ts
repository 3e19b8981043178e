import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { bearer, newOrg, testApp, testContext, type TestContext } from '../support/context.ts';
import { buyerData, personalStrings, seedBuyerWithOrder } from '../support/personal-data.ts';
import type { HttpApp } from '../../src/platform/http/server.ts';
import { createUser, login } from '../../src/modules/identity/index.ts';

/**
 * Personal data must not leak: not into log lines (even at debug level, through every path that
 * handles it: sign-in, user admin, DSR export, errors), and not into the database in clear (a raw dump
 * of every table and column, journal included, holds only sealed values and keyed hashes).
 */
describe('personal data never in clear outside its sealed fields', () => {
  let ctx: TestContext;
  let app: HttpApp;
  const lines: string[] = [];
  const secrets: string[] = [];
  let org: { id: string };

  before(async () => {
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        cb();
      },
    });
    ctx = await testContext({ logDestination: sink, logLevel: 'trace' });
    app = await testApp(ctx);
    org = await newOrg(ctx, 'DE');
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('runs the personal-data paths with logging at trace level', async () => {
    const person = {
      email: 'helga.brandtmeier@corp.example',
      name: 'Helga Brandtmeier',
      password: 'Helga-secret-passphrase-42',
    };
    secrets.push(person.email, person.name, person.password);
    const { id: adminId } = await createUser(ctx, org.id, { ...person, level: 'owner' });
    const { token } = await login(ctx, { email: person.email, password: person.password });
    // Sign-in over HTTP, right and wrong.
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: person.email, password: person.password },
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: person.email, password: 'wrong-Helga-pass' },
        })
      ).statusCode,
      401,
    );
    secrets.push('wrong-Helga-pass');
    // User admin, including a conflict on an existing email and a schema error echoing input.
    const colleague = {
      email: 'konstantin.wexlbaum@corp.example',
      name: 'Konstantin Wexlbaum',
      password: 'Konstantin-pass-9876',
    };
    secrets.push(colleague.email, colleague.name, colleague.password);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(token),
      payload: colleague,
    });
    assert.equal(created.statusCode, 201);
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/users', headers: bearer(token), payload: colleague }))
        .statusCode,
      409,
    );
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/users',
          headers: bearer(token),
          payload: { ...colleague, email: 'not-an-email Konstantin Wexlbaum' },
        })
      ).statusCode,
      400,
    );
    const u = await app.inject({
      method: 'GET',
      url: `/api/users/${created.json().id}`,
      headers: bearer(token),
    });
    assert.equal(u.json().name, colleague.name);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).json().name,
      person.name,
    );
    // A buyer's data through a DSR export and erasure.
    const b = buyerData('leak');
    secrets.push(...personalStrings(b));
    await seedBuyerWithOrder(ctx, org.id, b, { orderedAt: new Date('2019-01-01T00:00:00Z') });
    // And one written in the older per-field format (one sealed column per field), left in the database.
    const legacy = buyerData('leak-old');
    secrets.push(...personalStrings(legacy));
    await seedBuyerWithOrder(ctx, org.id, legacy, { format: 'fields' });
    const dsr = await app.inject({
      method: 'POST',
      url: '/api/privacy/dsr',
      headers: bearer(token),
      payload: { kind: 'export', regime: 'gdpr', email: b.email },
    });
    assert.equal(dsr.statusCode, 201, dsr.body);
    const exported = await app.inject({
      method: 'GET',
      url: `/api/privacy/dsr/${dsr.json().id}/export`,
      headers: bearer(token),
    });
    assert.ok(exported.body.includes(b.name));
    const del = await app.inject({
      method: 'POST',
      url: '/api/privacy/dsr',
      headers: bearer(token),
      payload: { kind: 'deletion', regime: 'gdpr', subjectKey: b.buyerKey },
    });
    // Erase the user's copy too once the test has read it back.
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/privacy/dsr/${del.json().id}/erase`,
          headers: bearer(token),
        })
      ).json().status,
      'completed',
    );
    assert.ok(adminId);
    assert.ok(lines.length > 10, `only ${lines.length} log lines captured`);
  });

  it('wrote none of that personal data into any log line', () => {
    const leaks = lines.flatMap((line) =>
      secrets.filter((s) => line.includes(s)).map((s) => `${s} in ${line.slice(0, 200)}`),
    );
    assert.deepEqual(leaks, []);
  });

  it('keeps none of it in clear anywhere in a raw dump of the database', async () => {
    // A logical dump: every row of every table as text, like pg_dump's data section.
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(ctx.db);
    assert.ok(tables.rows.length >= 10);
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ r: string }>`select t::text as r from ${sql.table(table_name)} t`.execute(
        ctx.db,
      );
      dump += rows.rows.map((x) => x.r).join('\n');
    }
    assert.ok(dump.includes('cg1.dk_'), 'sealed values are in the dump');
    assert.ok(dump.includes('cg2.dk_'), 'sealed records are in the dump');
    const found = secrets.filter((s) => dump.includes(s) || dump.toLowerCase().includes(s.toLowerCase()));
    assert.deepEqual(found, []);
  });
});
