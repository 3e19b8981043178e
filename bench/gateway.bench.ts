// `npm run bench gateway`: submit-to-acknowledgement latency against the customs sandbox on loopback,
// and sustained filings/s with 1 and 2 worker processes. Needs PostgreSQL (workers are processes):
// CROSSGATE_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres (a throw-away
// database is created and dropped). Sizes: GATEWAY_BENCH_LATENCY_N, GATEWAY_BENCH_THROUGHPUT_N.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { createAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createOrganisation } from '../src/modules/identity/index.ts';
import { queueSampleFilings } from '../src/modules/gateway/submit.service.ts';
import type { AppContext } from '../src/platform/context.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/crossgate.js');
const ADMIN_URL = process.env.CROSSGATE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LATENCY_N = Number(process.env.GATEWAY_BENCH_LATENCY_N ?? 300);
const THROUGHPUT_N = Number(process.env.GATEWAY_BENCH_THROUGHPUT_N ?? 2000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const name = `cg_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
try {
  await admin.connect();
} catch (e) {
  console.log(`skipped: no PostgreSQL at ${ADMIN_URL} (${(e as Error).message})`);
  process.exit(0);
}
await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-'));
const ctx: AppContext = await createAppContext({
  config: loadConfig({ DATABASE_URL: url.toString(), CROSSGATE_HOME: home, LOG_LEVEL: 'silent' }),
  migrate: true,
  poolSize: 4,
});
const children = new Set<ChildProcess>();

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const c = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: url.toString(), CROSSGATE_HOME: home, LOG_LEVEL: 'warn', ...env },
  });
  // Drain stdout: a child's writes to a full, unread pipe block it (Node writes to pipes synchronously),
  // and a blocked worker cannot even act on SIGTERM. That, not the worker, was why runs hung.
  c.stdout!.resume();
  children.add(c);
  c.once('exit', () => children.delete(c));
  return c;
}

/** SIGTERM, then SIGKILL after 10 s; a process that needed the SIGKILL is reported (a worker did hang). */
async function stop(c: ChildProcess) {
  if (c.exitCode !== null) return;
  const gone = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.log(`  note: ${c.spawnargs.slice(2, 3).join(' ')} pid ${c.pid} ignored SIGTERM for 10 s; killed`);
    c.kill('SIGKILL');
  }, 10_000);
  await gone;
  clearTimeout(timer);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Waits until n outbox items of the organisation are done or dead; fails, naming the states, after `limitMs`. */
async function settled(orgId: string, n: number, limitMs = 180_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const r = await sql<{ n: number }>`select count(*)::int as n from gateway_outbox
      where org_id = ${orgId} and state in ('done', 'dead')`.execute(ctx.db);
    if (r.rows[0]!.n >= n) return;
    if (Date.now() > until) {
      const states = await sql<{
        state: string;
        n: number;
      }>`select state, count(*)::int as n from gateway_outbox
        where org_id = ${orgId} group by state`.execute(ctx.db);
      throw new Error(
        `outbox not settled after ${limitMs / 1000} s: ${states.rows.map((x) => `${x.state} ${x.n}`).join(', ')}`,
      );
    }
    await sleep(100);
  }
}

try {
  const sandbox = start(['sandbox', '--port', '0']);
  const sandboxUrl = await new Promise<string>((resolve) => {
    let out = '';
    sandbox.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]!);
    });
  });
  const workerArgs = ['worker', '--poll-ms', '50', '--concurrency', '16'];
  const workerEnv = { CROSSGATE_CUSTOMS_URL: sandboxUrl };

  // 1. latency: one worker, filings queued one by one at ~25/s, each regime in turn
  const orgL = await createOrganisation(ctx, { slug: 'bench-latency', name: 'Bench latency', country: 'GB' });
  const w = start(workerArgs, workerEnv);
  await sleep(2500); // worker boot
  for (let i = 0; i < LATENCY_N; i++) {
    await queueSampleFilings(ctx, orgL.id, {
      count: 1,
      seed: i + 1,
      regimes: [(['US-ACE', 'UK-CDS', 'EU-ICS2'] as const)[i % 3]!],
    });
    await sleep(40);
  }
  await settled(orgL.id, LATENCY_N);
  await stop(w);
  const lat = await sql<{ regime: string; ms: number }>`
    select regime, extract(epoch from (completed_at - enqueued_at)) * 1000 as ms
      from gateway_outbox where org_id = ${orgL.id} and state = 'done'`.execute(ctx.db);
  console.log(
    `submit-to-acknowledgement latency, ${LATENCY_N} filings queued one by one, 1 worker, no injected faults:`,
  );
  const all = lat.rows.map((r) => Number(r.ms));
  const line = (label: string, xs: number[]) =>
    console.log(
      `  ${label.padEnd(8)} n=${xs.length}  p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} ms`,
    );
  line('all', all);
  for (const regime of ['US-ACE', 'UK-CDS', 'EU-ICS2'])
    line(
      regime,
      lat.rows.filter((r) => r.regime === regime).map((r) => Number(r.ms)),
    );

  // 2. throughput: a backlog drained by 1, then by 2 worker processes
  for (const workers of [1, 2]) {
    const org = await createOrganisation(ctx, {
      slug: `bench-tp-${workers}`,
      name: `Bench ${workers}`,
      country: 'GB',
    });
    await queueSampleFilings(ctx, org.id, { count: THROUGHPUT_N, seed: workers });
    const ws = Array.from({ length: workers }, () => start(workerArgs, workerEnv));
    await settled(org.id, THROUGHPUT_N);
    await Promise.all(ws.map(stop));
    const span = await sql<{ s: number }>`
      select extract(epoch from (max(completed_at) - min(a.started_at))) as s
        from gateway_outbox o join gateway_attempts a on a.outbox_id = o.id where o.org_id = ${org.id}`.execute(
      ctx.db,
    );
    const seconds = Number(span.rows[0]!.s);
    console.log(
      `throughput, ${workers} worker${workers > 1 ? 's' : ''}: ${THROUGHPUT_N} filings (mixed regimes) acknowledged in ${seconds.toFixed(2)} s = ${(THROUGHPUT_N / seconds).toFixed(0)} filings/s`,
    );
  }
  await stop(sandbox);
} finally {
  for (const c of children) c.kill('SIGKILL');
  await ctx.database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(home, { recursive: true, force: true });
}
