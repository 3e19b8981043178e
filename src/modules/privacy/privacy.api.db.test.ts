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
import { buyerData, seedBuyerWithOrder } from '../../../test/support/personal-data.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { envelope, reencryptRetired } from './personal-data.service.ts';
import { keyIdOf } from './field-cipher.service.ts';

describe('privacy API: transfers and key rotation', () => {
  let ctx: TestContext;
  let app: HttpApp;
  let org: { id: string };
  let filer: { token: string; id: string };
  let admin: { token: string };

  before(async () => {
    ctx = await testContext();
    app = await testApp(ctx);
    org = await newOrg(ctx, 'CN');
    filer = await newUser(ctx, org.id, 'viewer', ['filer']);
    admin = await newUser(ctx, org.id, 'admin');
  });
  after(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('evaluates a transfer before sending consignee data abroad, explains a refusal and journals both', async () => {
    const deny = await app.inject({
      method: 'POST',
      url: '/api/privacy/transfers/evaluate',
      headers: bearer(filer.token),
      payload: {
        category: 'government_id',
        from: 'cn',
        to: 'US',
        purpose: 'customs_clearance',
        volume: 25_000,
        recipient: 'US CBP',
      },
    });
    assert.equal(deny.statusCode, 200, deny.body);
    assert.equal(deny.json().outcome, 'deny');
    assert.match(deny.json().explanation[0], /security assessment/);
    const allow = await app.inject({
      method: 'POST',
      url: '/api/privacy/transfers/evaluate',
      headers: bearer(filer.token),
      payload: {
        category: 'contact',
        from: 'CN',
        to: 'US',
        purpose: 'delivery',
        volume: 25_000,
        recipient: 'a 3PL',
      },
    });
    assert.equal(allow.json().outcome, 'allow');
    assert.equal(allow.json().basis, 'contract_necessity');
    const list = await app.inject({
      method: 'GET',
      url: '/api/privacy/transfers?outcome=deny',
      headers: bearer(admin.token),
    });
    assert.deepEqual(
      list.json().items.map((d: { id: string }) => d.id),
      [deny.json().id],
    );
    assert.equal(list.json().items[0].recipient, 'US CBP');
    const journal = await ctx.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', 'privacy.transfer_evaluated')
      .execute();
    assert.equal(journal.length, 2);
    const d = typeof journal[0]?.data === 'string' ? JSON.parse(journal[0].data) : journal[0]?.data;
    assert.equal(d.rulesVersion, 'transfer-rules-2026.11');
    // A filer may evaluate but not read the decisions list (privacy:read).
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/privacy/transfers', headers: bearer(filer.token) }))
        .statusCode,
      403,
    );
  });

  it('rotates the data key over the API and re-encrypts old values in place', async () => {
    const before = await ctx.cipher.seal(org.id, 'sealed under the first org key');
    const { orderId } = await seedBuyerWithOrder(ctx, org.id, buyerData('rot'));
    await ctx.db
      .updateTable('orders')
      .set({ payment_ref_sealed: before })
      .where('id', '=', orderId)
      .execute();
    const r = await app.inject({
      method: 'POST',
      url: '/api/privacy/keys/rotate',
      headers: bearer(admin.token),
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().reencrypted >= 1);
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    assert.equal(keyIdOf(o.payment_ref_sealed as string), r.json().keyId);
    assert.equal(
      await ctx.cipher.open(org.id, o.payment_ref_sealed as string),
      'sealed under the first org key',
    );
    assert.equal(await reencryptRetired(ctx, org.id), 0, 'nothing left under retired keys');
  });

  it("re-encrypts a subject's values after rotating that subject's key, keeping them under the subject", async () => {
    const b = buyerData('subj');
    const { partyId } = await seedBuyerWithOrder(ctx, org.id, b);
    const old = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    const newKey = await envelope(ctx).rotateDataKey(org.id, b.buyerKey);
    // The party's and the order's sealed records (one value each).
    assert.ok((await reencryptRetired(ctx, org.id)) >= 2);
    const p = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    assert.equal(keyIdOf(p.personal_sealed as string), newKey);
    assert.notEqual(p.personal_sealed, old.personal_sealed);
    assert.equal(await ctx.cipher.openField(org.id, p.personal_sealed as string, 'name'), b.name);
    assert.equal(await ctx.cipher.openField(org.id, p.personal_sealed as string, 'phone'), b.phone);
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('buyer_party_id', '=', partyId)
      .executeTakeFirstOrThrow();
    assert.equal(keyIdOf(o.personal_sealed as string), newKey);
    const info = await envelope(ctx).keyInfo(org.id, newKey);
    assert.equal(info?.subject_key, b.buyerKey);
    const status = await app.inject({
      method: 'GET',
      url: '/api/privacy/keys',
      headers: bearer(admin.token),
    });
    assert.ok(status.json().keys.some((k: { state: string }) => k.state === 'retired'));
  });
});
