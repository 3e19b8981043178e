import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config.ts';
import { systemClock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { createAppContext } from '../../app/context.ts';
import { newOrg, TEST_DATABASE_URL, testContext, type TestContext } from '../../../test/support/context.ts';
import { verifyJournal } from '../journal/index.ts';
import { queueSampleFilings } from './submit.service.ts';

/**
 * The chaos test (issue 6, "done means"): 1,000 filings queued while the sandbox injects 30% faults of
 * every kind, with real worker processes on PostgreSQL SIGKILLed and restarted twice. At the end every
 * filing is accepted or dead-lettered with a reason, the sandbox accepted each at most once, and the
 * journal verifies and accounts for every attempt and acknowledgement.
 *
 * Needs PostgreSQL (several processes): runs under `npm run test:storage` with
 * CROSSGATE_TEST_DATABASE_URL, skips on PGlite.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/crossgate.js');
const FILINGS = Number(process.env.CROSSGATE_CHAOS_FILINGS ?? 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('gateway chaos: faults, SIGKILLed workers, exactly-once acceptance', {
  skip: !TEST_DATABASE_URL,
}, () => {
  let base: TestContext;
  let ctx: AppContext;
  let home: string;
  let sandbox: ChildProcess;
  let sandboxUrl: string;
  const workers = new Set<ChildProcess>();

  before(async () => {
    base = await testContext({ clock: systemClock });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-chaos-'));
    // a second context on the same database with keys on disk, which the worker processes share
    ctx = await createAppContext({
      config: loadConfig({
        DATABASE_URL: base.config.DATABASE_URL,
        CROSSGATE_HOME: home,
        LOG_LEVEL: 'silent',
      }),
      migrate: false,
      poolSize: 4,
    });
    sandbox = spawn(
      process.execPath,
      [
        BIN,
        'sandbox',
        '--port',
        '0',
        '--fail-rate',
        '0.3',
        '--faults',
        'all',
        '--hang-ms',
        '1500',
        '--spike-ms',
        '150',
        '--token-ttl-s',
        '3',
        '--state-file',
        path.join(home, 'sandbox-state.jsonl'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    sandboxUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      sandbox.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/listening on (http:\/\/[\d.:]+)/);
        if (m) resolve(m[1]!);
      });
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
    });
  });

  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    sandbox?.kill('SIGTERM');
    await ctx?.database.close();
    await base?.dispose();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  function startWorker(n: number): ChildProcess {
    const log = fs.openSync(path.join(home, `worker-${n}.log`), 'a');
    const w = spawn(
      process.execPath,
      [
        BIN,
        'worker',
        '--timeout-ms',
        '1000',
        '--retry-base-ms',
        '100',
        '--retry-factor',
        '2',
        '--retry-max-ms',
        '2000',
        '--max-attempts',
        '4',
        '--breaker-cooldown-ms',
        '500',
        '--poll-ms',
        '100',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          DATABASE_URL: base.config.DATABASE_URL,
          CROSSGATE_HOME: home,
          CROSSGATE_CUSTOMS_URL: sandboxUrl,
          LOG_LEVEL: 'warn',
        },
      },
    );
    workers.add(w);
    w.once('exit', () => workers.delete(w));
    return w;
  }

  async function counts(orgId: string) {
    const rows = await ctx.db
      .selectFrom('gateway_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
  }

  async function waitFor(orgId: string, pred: (c: Record<string, number>) => boolean, ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      const c = await counts(orgId);
      if (pred(c)) return c;
      if (Date.now() > deadline) assert.fail(`timed out; outbox ${JSON.stringify(c)}`);
      await sleep(250);
    }
  }

  async function killAll(): Promise<void> {
    const dying = [...workers].map((w) => new Promise((r) => w.once('exit', r)));
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all(dying);
  }

  it(`settles ${FILINGS} filings exactly once through faults and two SIGKILLs`, {
    timeout: 420_000,
  }, async () => {
    const org = await newOrg(ctx);
    const made = await queueSampleFilings(ctx, org.id, { count: FILINGS, seed: 42 });
    const done = (c: Record<string, number>) => (c.done ?? 0) + (c.dead ?? 0);

    startWorker(1);
    startWorker(2);
    await waitFor(org.id, (c) => done(c) >= FILINGS * 0.2, 120_000);
    await killAll();
    startWorker(3);
    startWorker(4);
    await waitFor(org.id, (c) => done(c) >= FILINGS * 0.55, 120_000);
    await killAll();
    startWorker(5);
    startWorker(6);
    const final = await waitFor(org.id, (c) => done(c) === FILINGS, 180_000);
    await killAll();

    // every filing accepted, or dead-lettered with a reason
    const statuses = await ctx.db
      .selectFrom('gateway_filing_status as f')
      .innerJoin('gateway_outbox as o', 'o.id', 'f.outbox_id')
      .select(['f.filing_id', 'f.status', 'f.regime', 'o.state', 'o.dead_reason'])
      .where('f.org_id', '=', org.id)
      .execute();
    assert.equal(statuses.length, FILINGS);
    for (const s of statuses) {
      const ok = s.status === 'accepted' || (s.state === 'dead' && !!s.dead_reason);
      assert.ok(ok, `${s.filing_id}: ${s.status}/${s.state}`);
    }
    const accepted = statuses.filter((s) => s.status === 'accepted').length;
    assert.ok(accepted >= FILINGS * 0.97, `only ${accepted} accepted`);

    // the sandbox accepted each filing at most once, and accepted every filing Crossgate calls accepted
    const report = (await (await fetch(`${sandboxUrl}/_sandbox/accepted`)).json()) as {
      references: Record<string, number>;
      keys: Record<string, number>;
      acceptedMoreThanOnce: string[];
    };
    assert.deepEqual(report.acceptedMoreThanOnce, []);
    assert.ok(Object.values(report.keys).every((n) => n === 1));
    const sandboxRefs = new Set(Object.keys(report.references).map((k) => k.split('|').at(-1)));
    for (const s of statuses)
      if (s.status === 'accepted') assert.ok(sandboxRefs.has(s.filing_id), s.filing_id);
    assert.equal(new Set(made.map((m) => m.filingId)).size, FILINGS);

    // the journal verifies (hash tree, leaf by leaf) and holds one entry per attempt (lost ones
    // included) and per acknowledgement message
    const verified = await verifyJournal(ctx, org.id);
    assert.equal(verified.ok, true, JSON.stringify(verified.problems.slice(0, 3)));
    assert.ok(verified.entries > FILINGS * 2);
    const journalCount = async (kind: string) =>
      Number(
        (
          await ctx.db
            .selectFrom('journal_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', org.id)
            .where('kind', '=', kind)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const attempts = await ctx.db
      .selectFrom('gateway_attempts')
      .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', org.id)
      .groupBy('outcome')
      .execute();
    const attemptRows = attempts.reduce((a, r) => a + Number(r.n), 0);
    const byOutcome = await sql<{ outcome: string; n: number }>`
      select data->>'outcome' as outcome, count(*)::int as n from journal_entries
       where org_id = ${org.id} and kind = 'gateway.attempt' group by 1`.execute(ctx.db);
    assert.deepEqual(
      Object.fromEntries(byOutcome.rows.map((r) => [r.outcome, r.n])),
      Object.fromEntries(attempts.map((a) => [a.outcome, Number(a.n)])),
    );
    assert.equal(await journalCount('gateway.attempt'), attemptRows);
    const messages = await ctx.db
      .selectFrom('gateway_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.equal(await journalCount('gateway.ack_received'), Number(messages.n));
    assert.equal(await journalCount('gateway.submission_queued'), FILINGS);
    // a dead letter whose acknowledgement arrived later (the authority had it; the answer was lost) is
    // done now, so the journal may hold more dead-letter entries than there are dead rows at the end
    assert.ok((await journalCount('gateway.dead_lettered')) >= (final.dead ?? 0));

    const stats = (await (await fetch(`${sandboxUrl}/_sandbox/stats`)).json()) as {
      faults: Record<string, number>;
    };
    for (const k of ['latency', 'timeout', '5xx', 'reset', 'duplicate', 'out_of_order', 'token_expiry'])
      assert.ok((stats.faults[k] ?? 0) > 0, `fault ${k} was injected`);
    const retried = attempts.find((a) => a.outcome === 'retryable');
    assert.ok(Number(retried?.n ?? 0) > 0, 'some attempts failed and were retried');
    process.stdout.write(
      `# chaos: ${accepted} accepted, ${final.dead ?? 0} dead; attempts ${JSON.stringify(
        Object.fromEntries(attempts.map((a) => [a.outcome, Number(a.n)])),
      )}; faults ${JSON.stringify(stats.faults)}\n`,
    );
  });
});
