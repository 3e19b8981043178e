import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { EnvelopeFieldCipher, ShreddedError, keyIdOf } from './field-cipher.service.ts';
import type { LocalKeyProvider } from '../../platform/crypto/key-provider.ts';
import { envelope } from './personal-data.service.ts';
import { rotateKek } from './keys.service.ts';

/** Flips one bit of the ciphertext body of a sealed value. */
function tamper(sealed: string, at = -3): string {
  const [fmt, key, body] = sealed.split('.') as [string, string, string];
  const raw = Buffer.from(body, 'base64url');
  const i = at < 0 ? raw.length + at : at;
  raw[i] = (raw[i] as number) ^ 0x01;
  return `${fmt}.${key}.${raw.toString('base64url')}`;
}

describe('envelope field cipher', () => {
  let ctx: TestContext;
  let orgA: { id: string };
  let orgB: { id: string };
  before(async () => {
    ctx = await testContext();
    orgA = await newOrg(ctx);
    orgB = await newOrg(ctx);
  });
  after(() => ctx.dispose());

  it('round-trips text, including non-Latin scripts and the empty string', async () => {
    for (const v of ['Zhang Wei', '深圳市南山区科技园 88号', 'Ольга Петрова', '', 'x'.repeat(5000)]) {
      const sealed = await ctx.cipher.seal(orgA.id, v);
      assert.ok(sealed.startsWith('cg1.dk_'));
      assert.ok(!sealed.includes(v) || v === '');
      assert.equal(await ctx.cipher.open(orgA.id, sealed), v);
    }
  });

  it('gives the same plaintext a different ciphertext each time (random IVs)', async () => {
    const a = await ctx.cipher.seal(orgA.id, 'same value');
    const b = await ctx.cipher.seal(orgA.id, 'same value');
    assert.notEqual(a, b);
  });

  it('rejects tampered ciphertext, a tampered tag and a tampered IV', async () => {
    const sealed = await ctx.cipher.seal(orgA.id, '+86 138 0013 8000');
    for (const at of [-1, 0, 12]) {
      await assert.rejects(ctx.cipher.open(orgA.id, tamper(sealed, at)), /integrity check/);
    }
    await assert.rejects(
      ctx.cipher.open(orgA.id, sealed.slice(0, sealed.lastIndexOf('.') + 10)),
      /truncated|integrity/,
    );
  });

  it('will not open a value moved to another organisation or relabelled with another key', async () => {
    const sealed = await ctx.cipher.seal(orgA.id, 'A. Buyer');
    await assert.rejects(ctx.cipher.open(orgB.id, sealed), /No data key/);
    const other = await ctx.cipher.seal(orgA.id, 'other', 'buyer-relabel');
    const relabelled = sealed.replace(keyIdOf(sealed) as string, keyIdOf(other) as string);
    await assert.rejects(ctx.cipher.open(orgA.id, relabelled), /integrity check/);
  });

  it('seals under a per-subject key when given a subject key, created once per subject', async () => {
    const a1 = await ctx.cipher.seal(orgA.id, 'Li Na', 'buyer-1');
    const a2 = await ctx.cipher.seal(orgA.id, 'Li Na, Room 5', 'buyer-1');
    const b = await ctx.cipher.seal(orgA.id, 'Wang Fang', 'buyer-2');
    const org = await ctx.cipher.seal(orgA.id, 'org data');
    assert.equal(keyIdOf(a1), keyIdOf(a2));
    assert.notEqual(keyIdOf(a1), keyIdOf(b));
    assert.notEqual(keyIdOf(a1), keyIdOf(org));
    const row = await ctx.db
      .selectFrom('data_keys')
      .selectAll()
      .where('id', '=', keyIdOf(a1) as string)
      .executeTakeFirstOrThrow();
    assert.equal(row.subject_key, 'buyer-1');
  });

  it('creates many subject keys in one batch and seals with them without further queries', async () => {
    const subjects = Array.from({ length: 300 }, (_, i) => `batch-buyer-${i}`);
    await envelope(ctx).prepareSubjects(orgA.id, subjects);
    const n = await ctx.db
      .selectFrom('data_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgA.id)
      .where('subject_key', 'like', 'batch-buyer-%')
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 300);
    const sealed = await Promise.all(subjects.map((s) => ctx.cipher.seal(orgA.id, `name of ${s}`, s)));
    assert.equal(new Set(sealed.map(keyIdOf)).size, 300);
    assert.equal(await ctx.cipher.open(orgA.id, sealed[42] as string), 'name of batch-buyer-42');
  });

  it('makes a shredded subject unreadable with a clear "erased" error, and leaves others readable', async () => {
    const mine = await ctx.cipher.seal(orgA.id, 'Shred Me', 'buyer-shred');
    const theirs = await ctx.cipher.seal(orgA.id, 'Keep Me', 'buyer-keep');
    const orgValue = await ctx.cipher.seal(orgA.id, 'Org value');
    const destroyed = await envelope(ctx).shredSubject(orgA.id, 'buyer-shred', 'test');
    assert.deepEqual(destroyed, [keyIdOf(mine)]);
    await assert.rejects(ctx.cipher.open(orgA.id, mine), (err: unknown) => {
      assert.ok(err instanceof ShreddedError);
      assert.match((err as Error).message, /erased: its key was destroyed/);
      return true;
    });
    assert.equal(await ctx.cipher.tryOpen(orgA.id, mine), null);
    assert.equal(await ctx.cipher.open(orgA.id, theirs), 'Keep Me');
    assert.equal(await ctx.cipher.open(orgA.id, orgValue), 'Org value');
    // A fresh process (no cache) cannot open it either: the wrapped key is gone, the tombstone stays.
    const fresh = new EnvelopeFieldCipher(ctx.db, ctx.keys, ctx.clock);
    await assert.rejects(fresh.open(orgA.id, mine), ShreddedError);
    const row = await ctx.db
      .selectFrom('data_keys')
      .selectAll()
      .where('id', '=', keyIdOf(mine) as string)
      .executeTakeFirstOrThrow();
    assert.equal(row.wrapped, null);
    assert.equal(row.shred_reason, 'test');
    // New data for the same subject later gets a new key version.
    const again = await ctx.cipher.seal(orgA.id, 'New order', 'buyer-shred');
    assert.notEqual(keyIdOf(again), keyIdOf(mine));
    assert.equal(await ctx.cipher.open(orgA.id, again), 'New order');
  });

  it('keeps opening old rows after a data-key rotation and re-encrypts them lazily', async () => {
    const org = await newOrg(ctx);
    const old = await ctx.cipher.seal(org.id, 'before rotation');
    const oldKey = keyIdOf(old) as string;
    const newKey = await envelope(ctx).rotateDataKey(org.id);
    const fresh = await ctx.cipher.seal(org.id, 'after rotation');
    assert.equal(keyIdOf(fresh), newKey);
    assert.equal(await ctx.cipher.open(org.id, old), 'before rotation');
    assert.equal(await envelope(ctx).isStale(org.id, old), true);
    const resealed = (await envelope(ctx).reseal(org.id, old)) as string;
    assert.equal(keyIdOf(resealed), newKey);
    assert.equal(await ctx.cipher.open(org.id, resealed), 'before rotation');
    assert.equal(await envelope(ctx).reseal(org.id, resealed), null);
    assert.notEqual(oldKey, newKey);
  });

  it('re-wraps data keys under a new KEK; old rows open after the old KEK is retired', async () => {
    const keys = ctx.keys as LocalKeyProvider;
    const c = envelope(ctx);
    const local = ctx;
    const org = await newOrg(ctx);
    const before = await c.seal(org.id, 'sealed under KEK 1');
    const subj = await c.seal(org.id, 'subject value', 'kek-subject');
    const other = await newOrg(ctx);
    await c.seal(other.id, 'another tenant');
    const firstKek = keys.currentKekId;
    const r = await rotateKek(local, { retireOld: true, actor: 'usr_ops' });
    assert.equal(r.previous, firstKek);
    assert.ok(r.rewrapped >= 3);
    // Journaled once per organisation whose keys were re-wrapped, with its own count.
    for (const [o, n] of [
      [org.id, 2],
      [other.id, 1],
    ] as const) {
      const entries = await ctx.db
        .selectFrom('journal_entries')
        .selectAll()
        .where('org_id', '=', o)
        .where('kind', '=', 'privacy.kek_rotated')
        .execute();
      assert.equal(entries.length, 1, `one kek_rotated entry for ${o}`);
      const e = entries[0] as (typeof entries)[number];
      const d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
      assert.deepEqual(d, { previousKek: firstKek, kek: r.kekId, rewrappedDataKeys: n });
      assert.equal(e.actor, 'usr_ops');
    }
    assert.ok(r.retired.includes(firstKek));
    assert.ok(!keys.kekIds().includes(firstKek));
    const rows = await ctx.db.selectFrom('data_keys').select('kek_id').where('org_id', '=', org.id).execute();
    assert.ok(rows.every((x) => x.kek_id === r.kekId));
    // A new cipher (nothing cached) unwraps with the new KEK only.
    const reopened = new EnvelopeFieldCipher(ctx.db, keys, ctx.clock);
    assert.equal(await reopened.open(org.id, before), 'sealed under KEK 1');
    assert.equal(await reopened.open(org.id, subj), 'subject value');
  });

  it('seals the fields of one record as one message and opens them whole or one at a time', async () => {
    const org = await newOrg(ctx);
    const party = {
      name: 'Zhang Wei',
      address: '88 Nanshan Road, Shenzhen 518000',
      phone: '+86 138 0013 8000',
      email: 'wei.zhang@mail.example',
      taxId: undefined,
    };
    const sealed = await ctx.cipher.sealRecord(org.id, party, 'record-buyer');
    assert.match(sealed, /^cg2\.dk_/);
    for (const v of ['Zhang Wei', 'Nanshan', 'mail.example']) assert.ok(!sealed.includes(v));
    assert.equal(keyIdOf(sealed), keyIdOf(await ctx.cipher.seal(org.id, 'x', 'record-buyer')));
    assert.deepEqual(await ctx.cipher.openRecord(org.id, sealed), {
      name: 'Zhang Wei',
      address: '88 Nanshan Road, Shenzhen 518000',
      phone: '+86 138 0013 8000',
      email: 'wei.zhang@mail.example',
    });
    assert.equal(await ctx.cipher.openField(org.id, sealed, 'phone'), '+86 138 0013 8000');
    assert.equal(await ctx.cipher.openField(org.id, sealed, 'taxId'), null);
    assert.equal(await ctx.cipher.openField(org.id, sealed, 'toString'), null);
    // Each format opens only through its own call.
    await assert.rejects(ctx.cipher.open(org.id, sealed), /sealed record/);
    await assert.rejects(
      ctx.cipher.openRecord(org.id, await ctx.cipher.seal(org.id, 'x')),
      /single sealed field/,
    );
    // A field value relabelled as a record (or back) fails authentication: the AAD differs.
    const field = await ctx.cipher.seal(org.id, '{"name":"Mallory"}', 'record-buyer');
    await assert.rejects(ctx.cipher.openRecord(org.id, field.replace(/^cg1\./, 'cg2.')), /integrity check/);
    await assert.rejects(ctx.cipher.open(org.id, sealed.replace(/^cg2\./, 'cg1.')), /integrity check/);
    // Tampering anywhere is rejected.
    for (const at of [-1, 0, 12])
      await assert.rejects(ctx.cipher.openRecord(org.id, tamper(sealed, at)), /integrity check/);
    await assert.rejects(ctx.cipher.openRecord(orgB.id, sealed), /No data key/);
    await assert.rejects(ctx.cipher.sealRecord(org.id, { name: 42 as unknown as string }), /must be text/);
  });

  it('re-encrypts sealed records after a data-key rotation and shreds them with their subject', async () => {
    const org = await newOrg(ctx);
    const oldRecord = await ctx.cipher.sealRecord(org.id, { name: 'Li Na', phone: '+86 139 0000 0000' });
    await envelope(ctx).rotateDataKey(org.id);
    const moved = (await envelope(ctx).reseal(org.id, oldRecord)) as string;
    assert.match(moved, /^cg2\./);
    assert.notEqual(keyIdOf(moved), keyIdOf(oldRecord));
    assert.deepEqual(await ctx.cipher.openRecord(org.id, moved), {
      name: 'Li Na',
      phone: '+86 139 0000 0000',
    });
    assert.deepEqual(await ctx.cipher.openRecord(org.id, oldRecord), {
      name: 'Li Na',
      phone: '+86 139 0000 0000',
    });

    const subj = await ctx.cipher.sealRecord(org.id, { name: 'Wang Fang' }, 'record-shred');
    await envelope(ctx).shredSubject(org.id, 'record-shred', 'test');
    await assert.rejects(ctx.cipher.openRecord(org.id, subj), ShreddedError);
    assert.equal(await ctx.cipher.tryOpenRecord(org.id, subj), null);
  });

  it("creates keys inside the caller's transaction and forgets them if it rolls back", async () => {
    const org = await newOrg(ctx);
    let inside = '';
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        inside = await ctx.cipher.seal(org.id, 'rolled back', 'tx-subject', tx);
        assert.equal(await ctx.cipher.open(org.id, inside, tx), 'rolled back');
        await envelope(ctx).prepareSubjects(org.id, ['tx-batch-1', 'tx-batch-2'], tx);
        throw new Error('abort');
      }),
      /abort/,
    );
    const left = await ctx.db.selectFrom('data_keys').select('id').where('org_id', '=', org.id).execute();
    assert.equal(left.length, 0);
    const after = await ctx.cipher.seal(org.id, 'committed', 'tx-subject');
    assert.notEqual(keyIdOf(after), keyIdOf(inside));
    assert.equal(await ctx.cipher.open(org.id, after), 'committed');
    await ctx.db.transaction().execute(async (tx) => {
      await envelope(ctx).prepareSubjects(org.id, ['tx-batch-1'], tx);
      await ctx.cipher.seal(org.id, 'v', 'tx-batch-1', tx);
    });
    assert.equal(
      await ctx.cipher.open(org.id, await ctx.cipher.seal(org.id, 'later', 'tx-batch-1')),
      'later',
    );
  });

  it('shares the keys a transaction created once the caller says it committed, and only then', async () => {
    const org = await newOrg(ctx);
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const cipher = new EnvelopeFieldCipher(ctx.db.withPlugin(counting), ctx.keys, ctx.clock);
    const run = async (subject: string, commit: boolean) => {
      let used: Executor | undefined;
      await ctx.db.transaction().execute(async (tx) => {
        used = tx.withPlugin(counting);
        await cipher.prepareSubjects(org.id, [subject], used);
      });
      if (commit) cipher.committed(used!);
      queries = 0;
      await cipher.seal(org.id, 'after commit', subject);
      return queries;
    };
    // Not told: the key is read again from the database; told: sealing needs no query at all.
    assert.ok((await run('commit-unknown', false)) > 0);
    assert.equal(await run('commit-known', true), 0);
  });

  it('derives blind indexes per organisation: equal inputs match, tenants do not correlate', () => {
    const a1 = ctx.cipher.blindIndex(orgA.id, 'buyer@example.test');
    const a2 = ctx.cipher.blindIndex(orgA.id, 'buyer@example.test');
    const b = ctx.cipher.blindIndex(orgB.id, 'buyer@example.test');
    assert.equal(a1, a2);
    assert.notEqual(a1, b);
    assert.notEqual(a1, ctx.cipher.blindIndex(orgA.id, 'buyer2@example.test'));
    assert.equal(a1.length, 32);
  });
});
