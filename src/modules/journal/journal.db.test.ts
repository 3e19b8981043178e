import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import { newOrg, testContext, type TestContext } from '../../../test/support/context.ts';
import { consistent, leafHash, openCheckpoint, rootFromPath } from '../../../test/support/rfc6962.ts';
import type { JournalRecord } from '../../platform/context.ts';
import {
  consistencyBetween,
  getEntry,
  proveEntries,
  publishHeads,
  signTreeHead,
  verifyJournal,
} from './journal.service.ts';
import type { SqlJournal } from './journal.store.ts';
import { checkBundle } from './bundle.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const rec = (i: number, extra: Partial<JournalRecord> = {}): JournalRecord => ({
  kind: 'test.fact_recorded',
  version: 1,
  actor: 'system:test',
  subject: `sub_${i % 7}`,
  data: { i, amount: '12.50', tags: ['a', 'b'], nested: { ok: i % 2 === 0 } },
  ...extra,
});

async function appendN(ctx: TestContext, orgId: string, from: number, n: number) {
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.journal.append(
      tx,
      orgId,
      Array.from({ length: n }, (_, k) => rec(from + k)),
    );
  });
}

/** Tampering as a database owner would: with the retention trigger switched off. */
async function asOwner(ctx: TestContext, fn: () => Promise<unknown>) {
  await sql`alter table journal_entries disable trigger journal_entries_retention`.execute(ctx.db);
  try {
    await fn();
  } finally {
    await sql`alter table journal_entries enable trigger journal_entries_retention`.execute(ctx.db);
  }
}

describe(`journal on ${process.env.CROSSGATE_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await testContext();
  });
  after(async () => {
    await ctx.dispose();
  });

  it('proves every entry and every pair of heads to an independent RFC 6962 verifier', async () => {
    const org = await newOrg(ctx);
    const sizes = [1, 2, 3, 8, 13, 40];
    let n = 0;
    for (const s of sizes) {
      await appendN(ctx, org.id, n, s - n);
      n = s;
      await signTreeHead(ctx, org.id);
    }
    const bundle = await proveEntries(
      ctx,
      org.id,
      Array.from({ length: 40 }, (_, i) => i),
    );
    const cp = openCheckpoint(bundle.checkpoint.text, bundle.checkpoint.signature, bundle.publicKey);
    assert.ok(cp.ok);
    assert.equal(cp.size, 40);
    for (const e of bundle.entries) {
      const root = rootFromPath(
        e.index,
        40,
        Buffer.from(e.leaf, 'utf8'),
        e.proof.map((h) => Buffer.from(h, 'hex')),
      );
      assert.ok(root?.equals(cp.root), `entry ${e.index}`);
      assert.equal(leafHash(Buffer.from(e.leaf)).toString('hex'), e.leafHash);
    }
    for (const a of sizes)
      for (const b of sizes.filter((x) => x >= a)) {
        const c = await consistencyBetween(ctx, org.id, a, b);
        assert.ok(c.verified);
        assert.ok(
          consistent(
            a,
            b,
            c.proof.map((h) => Buffer.from(h, 'hex')),
            Buffer.from(c.from.rootHash, 'hex'),
            Buffer.from(c.to.rootHash, 'hex'),
          ),
          `${a} → ${b}`,
        );
      }
    assert.ok(checkBundle(bundle, bundle.publicKey).ok);
  });

  it('commits entries with the state change, and leaves no entry when the transaction rolls back', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 3);
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        await ctx.journal.append(tx, org.id, [rec(100), rec(101)]);
        throw new Error('the state change failed');
      }),
      /state change failed/,
    );
    const rows = await ctx.db
      .selectFrom('journal_entries')
      .select('idx')
      .where('org_id', '=', org.id)
      .execute();
    assert.deepEqual(
      rows.map((r) => Number(r.idx)).sort((a, b) => a - b),
      [0, 1, 2],
    );
    await appendN(ctx, org.id, 3, 2);
    const report = await verifyJournal(ctx, org.id);
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.entries, 5);
  });

  it('wraps an append made outside a transaction in one', async () => {
    const org = await newOrg(ctx);
    await Promise.all([0, 1, 2].map((k) => ctx.journal.append(ctx.db, org.id, [rec(k), rec(k + 10)])));
    const r = await verifyJournal(ctx, org.id);
    assert.ok(r.ok);
    assert.equal(r.entries, 6);
  });

  it('keeps indexes gap-free under concurrent appenders', async () => {
    const org = await newOrg(ctx);
    await Promise.all(Array.from({ length: 6 }, (_, k) => appendN(ctx, org.id, k * 10, 10)));
    const rows = await ctx.db
      .selectFrom('journal_entries')
      .select('idx')
      .where('org_id', '=', org.id)
      .orderBy('idx')
      .execute();
    assert.deepEqual(
      rows.map((r) => Number(r.idx)),
      Array.from({ length: 60 }, (_, i) => i),
    );
    assert.ok((await verifyJournal(ctx, org.id)).ok);
  });

  it('skips a fact already in the log when the record asks for de-duplication', async () => {
    const org = await newOrg(ctx);
    const journal = ctx.journal as SqlJournal;
    const first = await ctx.db
      .transaction()
      .execute((tx) =>
        journal.appendEntries(tx, org.id, [rec(1, { dedupe: true }), rec(2, { dedupe: true })]),
      );
    assert.equal(first.appended.length, 2);
    const again = await ctx.db
      .transaction()
      .execute((tx) =>
        journal.appendEntries(tx, org.id, [
          rec(1, { dedupe: true }),
          rec(3, { dedupe: true }),
          rec(3, { dedupe: true }),
          rec(1),
        ]),
      );
    assert.equal(again.duplicates, 2);
    assert.deepEqual(
      again.appended.map((a) => a.index),
      [2, 3],
    );
  });

  it('stores awkward text exactly (tabs, newlines, backslashes, quotes, non-ASCII, null subject)', async () => {
    const org = await newOrg(ctx);
    const data = {
      note: 'tab\there\nnew line\r\\N back\\slash "quoted" \u2028 é 漢字 😀',
      when: new Date('2026-11-02T09:00:00.000Z'),
      n: [1.5, -0, 1e21],
    };
    const journal = ctx.journal as SqlJournal;
    const r = await ctx.db
      .transaction()
      .execute((tx) =>
        journal.appendEntries(tx, org.id, [
          { kind: 'test.fact_recorded', version: 1, actor: 'system:test\t1', data },
          rec(1, { subject: 'sub\\with\nbreaks' }),
        ]),
      );
    const stored = await getEntry(ctx, org.id, r.appended[0]!.index);
    assert.deepEqual(stored.data, JSON.parse(JSON.stringify(data)));
    assert.equal(stored.actor, 'system:test\t1');
    assert.equal(stored.subject, null);
    assert.equal(stored.leafHash, r.appended[0]!.leafHash);
    assert.equal((await getEntry(ctx, org.id, 1)).subject, 'sub\\with\nbreaks');
    assert.ok((await verifyJournal(ctx, org.id)).ok);
  });

  it('verifies rows whose stored data text is not canonical (jsonb rendering, before data was json)', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 5);
    await signTreeHead(ctx, org.id);
    // What the data column migration leaves for old rows: jsonb's text, with spaces and its key order.
    await asOwner(ctx, () =>
      sql`update journal_entries set data = data::jsonb::text::json where org_id = ${org.id}`.execute(ctx.db),
    );
    const text = await sql<{
      t: string;
    }>`select data::text as t from journal_entries where org_id = ${org.id} and idx = 0`.execute(ctx.db);
    assert.notEqual(
      text.rows[0]!.t,
      JSON.stringify(JSON.parse(text.rows[0]!.t)),
      'the stored text is not canonical',
    );
    assert.ok((await verifyJournal(ctx, org.id)).ok);
    const bundle = await proveEntries(ctx, org.id, [3]);
    assert.equal(leafHash(Buffer.from(bundle.entries[0]!.leaf)).toString('hex'), bundle.entries[0]!.leafHash);
    assert.equal(checkBundle(bundle).ok, true);
  });

  it('refuses personal data in clear and malformed kinds', async () => {
    const org = await newOrg(ctx);
    await assert.rejects(
      ctx.db
        .transaction()
        .execute((tx) =>
          ctx.journal.append(tx, org.id, [rec(1, { data: { contact: 'jane.doe@example.com' } })]),
        ),
      /Personal data/,
    );
    await assert.rejects(
      ctx.db.transaction().execute((tx) => ctx.journal.append(tx, org.id, [rec(1, { kind: 'Bad Kind' })])),
      /kind/,
    );
  });

  it('refuses to update or delete an entry within the retention period', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 2);
    await assert.rejects(
      sql`delete from journal_entries where org_id = ${org.id} and idx = 0`.execute(ctx.db),
      /retention period/,
    );
    await assert.rejects(
      sql`update journal_entries set actor = 'someone' where org_id = ${org.id} and idx = 1`.execute(ctx.db),
      /immutable/,
    );
    await signTreeHead(ctx, org.id);
    await assert.rejects(
      sql`delete from journal_heads where org_id = ${org.id}`.execute(ctx.db),
      /retention/,
    );
  });

  describe('detects tampering by direct SQL and reports the first bad index', () => {
    let orgId: string;
    before(async () => {
      orgId = (await newOrg(ctx)).id;
    });
    const fresh = async () => {
      orgId = (await newOrg(ctx)).id;
      await appendN(ctx, orgId, 0, 20);
      await signTreeHead(ctx, orgId);
      await appendN(ctx, orgId, 20, 12);
      await signTreeHead(ctx, orgId);
      assert.ok((await verifyJournal(ctx, orgId)).ok);
    };

    it('a changed field', async () => {
      await fresh();
      await asOwner(ctx, () =>
        sql`update journal_entries set data = jsonb_set(data::jsonb, '{amount}', '"99.00"')::json where org_id = ${orgId} and idx = 7`.execute(
          ctx.db,
        ),
      );
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.ok, false);
      assert.equal(r.firstBadIndex, 7);
      assert.equal(r.problems[0]!.problem, 'changed');
    });

    it('a changed field whose leaf hash was recomputed too', async () => {
      await fresh();
      const e = await getEntry(ctx, orgId, 25);
      const forged = JSON.parse(e.leaf);
      forged.actor = 'usr_forger';
      const { encodeLeaf } = await import('./leaf.ts');
      const { hashLeaf } = await import('./merkle.ts');
      const h = hashLeaf(encodeLeaf({ ...forged, at: forged.at }));
      await asOwner(ctx, () =>
        sql`update journal_entries set actor = 'usr_forger', leaf_hash = ${h} where org_id = ${orgId} and idx = 25`.execute(
          ctx.db,
        ),
      );
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.ok, false);
      // Leaf 25 completes no subtree; the first node that covers it is stored at 27, and the head of 32 fails.
      assert.ok(r.firstBadIndex! >= 25 && r.firstBadIndex! <= 31, JSON.stringify(r.problems));
    });

    it('a deleted entry', async () => {
      await fresh();
      await asOwner(ctx, () =>
        sql`delete from journal_entries where org_id = ${orgId} and idx = 12`.execute(ctx.db),
      );
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.firstBadIndex, 12);
      assert.equal(r.problems[0]!.problem, 'missing');
    });

    it('the last entry deleted', async () => {
      await fresh();
      await asOwner(ctx, () =>
        sql`delete from journal_entries where org_id = ${orgId} and idx = 31`.execute(ctx.db),
      );
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.firstBadIndex, 31);
    });

    it('two entries swapped', async () => {
      await fresh();
      await asOwner(ctx, async () => {
        await sql`update journal_entries set idx = -1 where org_id = ${orgId} and idx = 4`.execute(ctx.db);
        await sql`update journal_entries set idx = 4 where org_id = ${orgId} and idx = 5`.execute(ctx.db);
        await sql`update journal_entries set idx = 5 where org_id = ${orgId} and idx = -1`.execute(ctx.db);
      });
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.ok, false);
      assert.equal(r.firstBadIndex, 4);
    });

    it('a head whose root was replaced', async () => {
      await fresh();
      await sql`alter table journal_heads disable trigger journal_heads_retention`.execute(ctx.db);
      await sql`update journal_heads set root_hash = ${Buffer.alloc(32)} where org_id = ${orgId} and tree_size = 20`.execute(
        ctx.db,
      );
      await sql`alter table journal_heads enable trigger journal_heads_retention`.execute(ctx.db);
      const r = await verifyJournal(ctx, orgId);
      assert.equal(r.firstBadIndex, 19);
      assert.equal(r.problems[0]!.problem, 'head');
    });
  });

  it('finds the first bad index for any single change, deletion or swap (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 40 }),
        fc.nat(),
        fc.constantFrom('change', 'delete', 'swap'),
        async (n, seed, how) => {
          const org = await newOrg(ctx);
          await appendN(ctx, org.id, 0, n);
          await signTreeHead(ctx, org.id);
          const i = seed % (how === 'swap' ? n - 1 : n);
          await asOwner(ctx, async () => {
            if (how === 'change')
              await sql`update journal_entries set kind = 'test.fact_forged' where org_id = ${org.id} and idx = ${i}`.execute(
                ctx.db,
              );
            else if (how === 'delete')
              await sql`delete from journal_entries where org_id = ${org.id} and idx = ${i}`.execute(ctx.db);
            else {
              await sql`update journal_entries set idx = -1 where org_id = ${org.id} and idx = ${i}`.execute(
                ctx.db,
              );
              await sql`update journal_entries set idx = ${i} where org_id = ${org.id} and idx = ${i + 1}`.execute(
                ctx.db,
              );
              await sql`update journal_entries set idx = ${i + 1} where org_id = ${org.id} and idx = -1`.execute(
                ctx.db,
              );
            }
          });
          const r = await verifyJournal(ctx, org.id);
          return !r.ok && r.firstBadIndex === i;
        },
      ),
      { numRuns: 12 },
    );
  });

  it('signs heads only for logs that grew, from the scheduler', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 3);
    const n = await publishHeads(ctx);
    assert.ok(n >= 1);
    const again = await publishHeads(ctx);
    assert.equal(again, 0);
  });

  it('rejects a bundle whose leaf, proof, signature or key was altered', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 9);
    const b = await proveEntries(ctx, org.id, [4]);
    assert.ok(checkBundle(b).ok);
    const e = b.entries[0]!;
    assert.equal(
      checkBundle({ ...b, entries: [{ ...e, leaf: e.leaf.replace('12.50', '12.51') }] }).ok,
      false,
    );
    assert.equal(checkBundle({ ...b, entries: [{ ...e, proof: [...e.proof].reverse() }] }).ok, false);
    assert.equal(
      checkBundle({
        ...b,
        checkpoint: { ...b.checkpoint, text: b.checkpoint.text.replace('\n9\n', '\n10\n') },
      }).ok,
      false,
    );
    const other = (await import('node:crypto'))
      .generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    assert.equal(checkBundle(b, other).ok, false);
    assert.ok(checkBundle(JSON.parse(JSON.stringify(b)), b.publicKey).ok);
  });

  it('checks a bundle offline from the CLI and with the stand-alone verifier, and fails a forged one', async () => {
    const org = await newOrg(ctx);
    await appendN(ctx, org.id, 0, 5);
    const { head: _h, ...bundle } = await proveEntries(ctx, org.id, [3]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bundle-'));
    fs.writeFileSync(path.join(dir, 'ok.json'), JSON.stringify(bundle));
    fs.writeFileSync(path.join(dir, 'key.pem'), bundle.publicKey);
    const forged = {
      ...bundle,
      entries: [{ ...bundle.entries[0]!, leaf: bundle.entries[0]!.leaf.replace('"i":3', '"i":4') }],
    };
    fs.writeFileSync(path.join(dir, 'forged.json'), JSON.stringify(forged));
    // No DATABASE_URL and an empty home: the command must not need a database.
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        [
          'bin/crossgate.js',
          'journal',
          'check-bundle',
          path.join(dir, file),
          '--public-key',
          path.join(dir, 'key.pem'),
        ],
        {
          env: { PATH: process.env.PATH, CROSSGATE_HOME: path.join(dir, 'home') },
          encoding: 'utf8',
        },
      );
    const ok = run('ok.json');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^OK: 1\/1 entries/);
    const bad = run('forged.json');
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /entry 3: the leaf does not hash to its leaf hash/);
    assert.ok(!fs.existsSync(path.join(dir, 'home', 'db')), 'no database was opened');
    // The stand-alone verifier needs only Node (the system's, if there is one) and its own file.
    const node = fs.existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
    const script = path.resolve('src/modules/journal/standalone/verify-bundle.mjs');
    const alone = (file: string) =>
      spawnSync(node, [script, path.join(dir, file), path.join(dir, 'key.pem')], {
        encoding: 'utf8',
        cwd: dir,
      });
    const good = alone('ok.json');
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /entry 3: included/);
    const forgedAlone = alone('forged.json');
    assert.equal(forgedAlone.status, 1);
    assert.match(forgedAlone.stdout, /entry 3: NOT PROVEN/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
