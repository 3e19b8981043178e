import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FixedClock } from '../../platform/clock.ts';
import type { AppError } from '../../platform/errors.ts';
import { systemActor, type Actor } from '../../platform/auth/permissions.ts';
import { newOrg, newUser, testContext, type TestContext } from '../../../test/support/context.ts';
import { buyerData, seedBuyerWithOrder } from '../../../test/support/personal-data.ts';
import { correctDsr, createDsr, eraseDsr, exportDsr, getDsr, runDueErasures } from './dsr.service.ts';
import { ShreddedError } from './field-cipher.service.ts';
import { registerSealedTable } from './sealed-columns.ts';
import { authenticateToken, createUser, login } from '../identity/index.ts';
import { sql } from 'kysely';

describe('data-subject requests', () => {
  let ctx: TestContext;
  let clock: FixedClock;
  let org: { id: string };
  let officer: Actor;

  before(async () => {
    clock = new FixedClock('2026-11-02T09:00:00Z');
    ctx = await testContext({ clock });
    org = await newOrg(ctx, 'GB');
    const u = await newUser(ctx, org.id, 'viewer', ['privacy_officer']);
    officer = { kind: 'user', id: u.id, orgId: org.id, level: 'viewer', roles: ['privacy_officer'] };
  });
  after(() => ctx.dispose());

  async function journal(kind: string) {
    return ctx.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', kind)
      .execute();
  }

  it('sets the statutory deadline from the regime (GDPR one month, CCPA 45 days)', async () => {
    const b = buyerData('dl');
    await seedBuyerWithOrder(ctx, org.id, b);
    const g = await createDsr(ctx, officer, { kind: 'access', regime: 'gdpr', subjectKey: b.buyerKey });
    assert.equal(g.dueAt, '2026-12-02T09:00:00.000Z');
    assert.equal(g.deadlineRule, 'gdpr-art12');
    const c = await createDsr(ctx, officer, { kind: 'access', regime: 'ccpa', subjectKey: b.buyerKey });
    assert.equal(c.dueAt, '2026-12-17T09:00:00.000Z');
    assert.equal(c.daysLeft, 45);
  });

  it('finds the subject by email through the blind index, and exports their data as JSON', async () => {
    const b = buyerData('ex');
    const other = buyerData('ex');
    const { orderId } = await seedBuyerWithOrder(ctx, org.id, b, { externalId: '#EX-1' });
    await seedBuyerWithOrder(ctx, org.id, other);
    const r = await createDsr(ctx, officer, { kind: 'export', regime: 'gdpr', email: b.email.toUpperCase() });
    assert.equal(r.subjectKey, b.buyerKey);
    const out = await exportDsr(ctx, officer, r.id);
    const json = JSON.parse(JSON.stringify(out));
    assert.equal(json.format, 'crossgate.dsr-export/1');
    const party = json.records.find((x: { type: string }) => x.type === 'parties');
    assert.equal(party.personalData.name, b.name);
    assert.equal(party.personalData.email, b.email);
    const order = json.records.find((x: { type: string }) => x.type === 'orders');
    assert.equal(order.id, orderId);
    assert.equal(order.personalData.paymentReference, b.paymentRef);
    assert.equal(order.context.orderNumber, '#EX-1');
    // Only this subject's records.
    assert.ok(!JSON.stringify(json).includes(other.name));
    assert.equal((await getDsr(ctx, org.id, r.id)).status, 'completed');
    const reads = await journal('personal_data.read');
    const read = reads.find((e) => e.subject === r.id);
    assert.ok(read, 'the export is journaled as a read of personal data');
    assert.ok(!JSON.stringify(read.data).includes(b.name));
  });

  it('corrects one field under the subject key', async () => {
    const b = buyerData('co');
    const { partyId } = await seedBuyerWithOrder(ctx, org.id, b);
    const r = await createDsr(ctx, officer, { kind: 'correction', regime: 'gdpr', subjectKey: b.buyerKey });
    // An address is a JSON document (filings and exports parse it): free text or a bad country is refused.
    await assert.rejects(
      correctDsr(ctx, officer, r.id, {
        type: 'parties',
        recordId: partyId,
        field: 'address',
        value: '1 New Street',
      }),
      (err: AppError) => err.code === 'invalid' && /give it as a JSON object/.test(err.message),
    );
    await assert.rejects(
      correctDsr(ctx, officer, r.id, {
        type: 'parties',
        recordId: partyId,
        field: 'address',
        value: JSON.stringify({ line1: '1 New Street', country: 'XX' }),
      }),
      (err: AppError) => err.code === 'invalid' && err.issues.some((i) => i.field === 'value.country'),
    );
    await correctDsr(ctx, officer, r.id, {
      type: 'parties',
      recordId: partyId,
      field: 'address',
      value: JSON.stringify({ line1: ' 1 New Street ', city: 'Leeds', country: 'gb' }),
    });
    const p = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    // Re-sealed in the party's record, the other fields unchanged.
    assert.deepEqual(await ctx.cipher.openRecord(org.id, p.personal_sealed as string), {
      name: b.name,
      address: JSON.stringify({ line1: '1 New Street', city: 'Leeds', country: 'GB' }),
      email: b.email,
      phone: b.phone,
    });
    await assert.rejects(
      correctDsr(ctx, officer, r.id, { type: 'parties', recordId: partyId, field: 'address', value: 'x' }),
      /completed/,
    );
  });

  it('holds erasure while customs records must be kept 5 years, explains why, and shreds when the hold ends', async () => {
    const b = buyerData('hold');
    const { orderId, partyId } = await seedBuyerWithOrder(ctx, org.id, b, {
      orderedAt: new Date('2026-10-01T00:00:00Z'),
    });
    const r = await createDsr(ctx, officer, { kind: 'deletion', regime: 'gdpr', subjectKey: b.buyerKey });
    const held = await eraseDsr(ctx, officer, r.id);
    assert.equal(held.status, 'held');
    assert.equal(held.holdUntil, '2031-10-01T00:00:00.000Z');
    assert.match(String(held.outcome?.explanation), /must be kept 5 years \(19 CFR 163\.4/);
    // Still readable (for the customs records) during the hold.
    const p = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    assert.equal(await ctx.cipher.openField(org.id, p.personal_sealed as string, 'name'), b.name);
    assert.equal(await runDueErasures(ctx, org.id), 0);

    clock.set('2031-10-02T00:00:00Z');
    try {
      assert.equal(await runDueErasures(ctx, org.id), 1);
      const done = await getDsr(ctx, org.id, r.id);
      assert.equal(done.status, 'completed');
      await assert.rejects(ctx.cipher.openRecord(org.id, p.personal_sealed as string), ShreddedError);
      // The customs record itself is intact: number, amounts, country, dates.
      const o = await ctx.db
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      assert.equal(o.total, '47.0000');
      assert.equal(o.ship_to_country, 'GB');
      assert.equal(await ctx.cipher.tryOpenRecord(org.id, o.personal_sealed as string), null);
      assert.ok((await journal('privacy.subject_shredded')).some((e) => e.subject === r.id));
    } finally {
      clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('shreds at once when no customs record is within its retention period', async () => {
    const b = buyerData('now');
    const { orderId } = await seedBuyerWithOrder(ctx, org.id, b, {
      orderedAt: new Date('2020-01-15T00:00:00Z'),
    });
    const keep = buyerData('now');
    const kept = await seedBuyerWithOrder(ctx, org.id, keep);
    const r = await createDsr(ctx, officer, { kind: 'deletion', regime: 'ccpa', subjectKey: b.buyerKey });
    const done = await eraseDsr(ctx, officer, r.id);
    assert.equal(done.status, 'completed');
    assert.ok(Number(done.outcome?.shreddedKeys) >= 1);
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    await assert.rejects(ctx.cipher.openRecord(org.id, o.personal_sealed as string), /erased/);
    const ko = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', kept.orderId)
      .executeTakeFirstOrThrow();
    assert.equal(
      await ctx.cipher.openField(org.id, ko.personal_sealed as string, 'paymentReference'),
      keep.paymentRef,
    );
    // An export after erasure shows the records with nothing readable.
    const ex = await createDsr(ctx, systemActor(org.id), {
      kind: 'access',
      regime: 'ccpa',
      subjectKey: b.buyerKey,
    });
    const out = await exportDsr(ctx, systemActor(org.id), ex.id);
    assert.equal(out.erased, true);
    assert.ok(out.records.every((x) => Object.values(x.personalData).every((v) => v === null)));
  });

  it('exports, corrects and erases a buyer written in the older per-field format', async () => {
    const b = buyerData('old');
    const { partyId, orderId } = await seedBuyerWithOrder(ctx, org.id, b, {
      format: 'fields',
      orderedAt: new Date('2020-01-15T00:00:00Z'),
    });
    const ex = await createDsr(ctx, officer, { kind: 'export', regime: 'gdpr', subjectKey: b.buyerKey });
    const out = await exportDsr(ctx, officer, ex.id);
    assert.deepEqual(out.records.find((x) => x.type === 'parties')?.personalData, {
      name: b.name,
      address: b.address,
      email: b.email,
      phone: b.phone,
    });
    assert.deepEqual(out.records.find((x) => x.type === 'orders')?.personalData, {
      shipTo: `${b.name}, ${b.address}`,
      paymentReference: b.paymentRef,
    });
    const read = (await journal('personal_data.read')).find((e) => e.subject === ex.id);
    const readData = typeof read?.data === 'string' ? JSON.parse(read.data) : read?.data;
    assert.deepEqual([...readData.fields].sort(), [
      'address',
      'email',
      'name',
      'paymentReference',
      'phone',
      'shipTo',
    ]);

    // A correction moves the row's fields into one sealed record and clears the per-field columns.
    const c = await createDsr(ctx, officer, { kind: 'correction', regime: 'gdpr', subjectKey: b.buyerKey });
    await correctDsr(ctx, officer, c.id, {
      type: 'parties',
      recordId: partyId,
      field: 'phone',
      value: '+44 1',
    });
    const p = await ctx.db
      .selectFrom('parties')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [p.name_sealed, p.address_sealed, p.email_sealed, p.phone_sealed, p.tax_id_sealed],
      [null, null, null, null, null],
    );
    assert.deepEqual(await ctx.cipher.openRecord(org.id, p.personal_sealed as string), {
      name: b.name,
      address: b.address,
      email: b.email,
      phone: '+44 1',
    });
    // Still found by e-mail (the blind index is unchanged) and erased with the rest.
    const del = await createDsr(ctx, officer, { kind: 'deletion', regime: 'gdpr', email: b.email });
    assert.equal(del.subjectKey, b.buyerKey);
    assert.equal((await eraseDsr(ctx, officer, del.id)).status, 'completed');
    await assert.rejects(ctx.cipher.openRecord(org.id, p.personal_sealed as string), ShreddedError);
    const o = await ctx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    await assert.rejects(ctx.cipher.open(org.id, o.payment_ref_sealed as string), ShreddedError);
    assert.equal(await ctx.cipher.tryOpen(org.id, o.ship_to_sealed as string), null);
  });

  it("erasing an employee's data closes their account: no sign-in, sessions and grants ended, e-mail free again", async () => {
    const emp = await newUser(ctx, org.id, 'operator', ['filer']);
    assert.ok(await authenticateToken(ctx, emp.token), 'signed in before');
    const r = await createDsr(ctx, officer, { kind: 'deletion', regime: 'gdpr', email: emp.email });
    assert.equal(r.subjectKey, emp.id, 'found by the e-mail they sign in with');
    const done = await eraseDsr(ctx, officer, r.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.outcome?.accountDisabled, true);
    assert.equal(await authenticateToken(ctx, emp.token), null, 'the open session is ended');
    await assert.rejects(login(ctx, { email: emp.email, password: emp.password }), /wrong/);
    const u = await ctx.db.selectFrom('users').selectAll().where('id', '=', emp.id).executeTakeFirstOrThrow();
    assert.ok(u.disabled_at);
    await assert.rejects(ctx.cipher.open(org.id, u.name_sealed), ShreddedError);
    const reduced = await journal('permission.reduced');
    const e = reduced.find((x) => x.subject === emp.id);
    assert.ok(e, 'the account change is journaled as a permission change');
    const d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
    assert.equal(d.disabled, true);
    // The address can be given to a new account.
    await createUser(ctx, org.id, {
      email: emp.email,
      name: 'Rehired',
      password: emp.password,
      level: 'viewer',
    });
    assert.ok((await login(ctx, { email: emp.email, password: emp.password })).token);
  });

  it('exports and corrects fields held in a sealed record (several fields in one value)', async () => {
    await sql`create table dsr_test_contacts (id text primary key, org_id text not null, contact_sealed text)`.execute(
      ctx.db,
    );
    registerSealedTable({
      table: 'dsr_test_contacts',
      columns: { contact_sealed: 'contact' },
      records: { contact_sealed: ['name', 'phone', 'email'] },
    });
    const sealed = await ctx.cipher.sealRecord(
      org.id,
      { name: 'Olga Petrova', phone: '+7 900 000 00 00' },
      'rec-subj',
    );
    await sql`insert into dsr_test_contacts values ('c1', ${org.id}, ${sealed})`.execute(ctx.db);
    const ex = await createDsr(ctx, officer, { kind: 'export', regime: 'gdpr', subjectKey: 'rec-subj' });
    const out = await exportDsr(ctx, officer, ex.id);
    assert.deepEqual(out.records.find((x) => x.type === 'dsr_test_contacts')?.personalData, {
      name: 'Olga Petrova',
      phone: '+7 900 000 00 00',
      email: null,
    });
    const c = await createDsr(ctx, officer, { kind: 'correction', regime: 'gdpr', subjectKey: 'rec-subj' });
    await correctDsr(ctx, officer, c.id, {
      type: 'dsr_test_contacts',
      recordId: 'c1',
      field: 'phone',
      value: '+7 911 111 11 11',
    });
    const row = await sql<{
      v: string;
    }>`select contact_sealed as v from dsr_test_contacts where id = 'c1'`.execute(ctx.db);
    assert.deepEqual(await ctx.cipher.openRecord(org.id, row.rows[0]?.v as string), {
      name: 'Olga Petrova',
      phone: '+7 911 111 11 11',
    });
  });

  it('refuses a request naming no subject it can find', async () => {
    await assert.rejects(
      createDsr(ctx, officer, { kind: 'access', regime: 'gdpr', email: 'nobody@mail.example' }),
      /Name the data subject/,
    );
  });
});
