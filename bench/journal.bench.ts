// `npm run bench journal`: the journal at 1M entries on PostgreSQL (a throw-away database on
// CROSSGATE_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), and, with
// JOURNAL_BENCH_PGLITE=N, appends of N entries on the embedded PGlite.
// Measures: appends/s in batched transactions, inclusion-proof time, full verify time, and the trace
// query for one shipment with proofs. JOURNAL_BENCH_ENTRIES overrides the 1,000,000.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { createAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createOrganisation } from '../src/modules/identity/index.ts';
import { type SqlJournal, signTreeHead, verifyJournal } from '../src/modules/journal/index.ts';
import { inclusionProof } from '../src/modules/journal/journal.service.ts';
import { importEvents, shipmentTrace } from '../src/modules/trace/index.ts';
import { chainCsv, newShipment } from '../test/support/trace-fixtures.ts';

const N = Number(process.env.JOURNAL_BENCH_ENTRIES ?? 1_000_000);
const BATCH = 10_000;
const BASE = process.env.CROSSGATE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const fmt = (n: number, d = 3) => Number(n.toFixed(d));

function records(from: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      kind: 'order.imported',
      version: 1,
      actor: 'system:bench',
      subject: `ord_${String(i).padStart(26, '0')}`,
      data: {
        platform: 'shopify',
        externalId: `#${100000 + i}`,
        total: `${(i % 997) + 0.5}`,
        currency: 'USD',
        lines: (i % 5) + 1,
        country: 'US',
      },
    };
  });
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** CPU seconds (user + system) a process has used so far, from /proc (the local PostgreSQL backend). */
function procCpuSeconds(pid: number): number | undefined {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

async function appendBench(ctx: AppContext, orgId: string, total: number) {
  const journal = ctx.journal as SqlJournal;
  const rates: number[] = [];
  let serverCpu = 0;
  let serverCpuKnown = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let done = 0; done < total; done += BATCH) {
    const n = Math.min(BATCH, total - done);
    const recs = records(done, n);
    const t = performance.now();
    await ctx.db.transaction().execute(async (tx) => {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid;
      const before = procCpuSeconds(pid);
      await journal.appendEntries(tx, orgId, recs);
      const after = procCpuSeconds(pid);
      if (before === undefined || after === undefined) serverCpuKnown = false;
      else serverCpu += after - before;
    });
    rates.push(n / ((performance.now() - t) / 1000));
    if ((done / BATCH) % 10 === 0) process.stderr.write(`\r  appended ${done + n}`);
  }
  process.stderr.write('\n');
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  const nodeCpu = (c.user + c.system) / 1e6;
  return {
    total,
    seconds: fmt(seconds, 1),
    overallPerSecond: Math.round(total / seconds),
    medianBatchPerSecond: Math.round(q(rates, 0.5)),
    p10BatchPerSecond: Math.round(q(rates, 0.1)),
    // Load-independent view: CPU spent per append by this process and by the PostgreSQL backend.
    nodeCpuMicrosPerAppend: fmt((nodeCpu / total) * 1e6, 1),
    ...(serverCpuKnown ? { serverCpuMicrosPerAppend: fmt((serverCpu / total) * 1e6, 1) } : {}),
  };
}

async function main() {
  const name = `cg_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const ctx = await createAppContext({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }),
    ephemeral: true,
    migrate: true,
    poolSize: 4,
  });
  const out: Record<string, unknown> = {
    entries: N,
    batch: BATCH,
    database: 'postgresql (local, same machine)',
    loadAverageAtStart: load(),
  };
  try {
    const org = await createOrganisation(ctx, { slug: 'bench', name: 'Bench Co', country: 'CN' });
    out.append = await appendBench(ctx, org.id, N);

    // The traced shipment goes in after the million entries: its proofs are paths through the full tree.
    const s = await newShipment(ctx, org.id, { reference: 'BENCH-SHP-1', sku: 'BENCH-SKU-1' });
    await importEvents(ctx, org.id, 'system:bench', chainCsv(s.reference, s.sku, ctx.clock.now()), 'csv');
    const head = await signTreeHead(ctx, org.id);
    out.treeSize = head.treeSize;

    const proofTimes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const idx = Math.floor(Math.random() * head.treeSize);
      const t = performance.now();
      await inclusionProof(ctx.db, org.id, idx, head.treeSize);
      proofTimes.push(performance.now() - t);
    }
    out.inclusionProofMs = {
      n: proofTimes.length,
      median: fmt(q(proofTimes, 0.5)),
      p95: fmt(q(proofTimes, 0.95)),
      p99: fmt(q(proofTimes, 0.99)),
    };

    const traceTimes: number[] = [];
    let proven = 0;
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const tr = await shipmentTrace(ctx, org.id, s.reference, { proofs: true });
      traceTimes.push(performance.now() - t);
      proven = tr.proofs?.entries.length ?? 0;
    }
    out.traceWithProofsMs = {
      n: traceTimes.length,
      events: proven,
      median: fmt(q(traceTimes, 0.5)),
      p95: fmt(q(traceTimes, 0.95)),
      p99: fmt(q(traceTimes, 0.99)),
    };

    const v0 = performance.now();
    const vcpu = process.cpuUsage();
    const report = await verifyJournal(ctx, org.id);
    const vc = process.cpuUsage(vcpu);
    out.fullVerify = {
      ok: report.ok,
      entries: report.entries,
      seconds: fmt((performance.now() - v0) / 1000, 1),
      perSecond: Math.round(report.entries / ((performance.now() - v0) / 1000)),
      nodeCpuSeconds: fmt((vc.user + vc.system) / 1e6, 1),
    };
    const size = await ctx.db
      .selectNoFrom((eb) =>
        eb
          .fn<string>('pg_size_pretty', [eb.fn('pg_total_relation_size', [eb.val('journal_entries')])])
          .as('s'),
      )
      .executeTakeFirst();
    out.tableSize = size?.s;
  } finally {
    await ctx.database.close();
    await new Promise((r) => setTimeout(r, 200));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  const pgliteN = Number(process.env.JOURNAL_BENCH_PGLITE ?? 0);
  if (pgliteN > 0) {
    const lite = await createAppContext({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      ephemeral: true,
      migrate: true,
    });
    const org = await createOrganisation(lite, { slug: 'bench', name: 'Bench Co', country: 'CN' });
    out.appendPglite = await appendBench(lite, org.id, pgliteN);
    await lite.database.close();
  }
  out.loadAverageAtEnd = load();
  console.log(JSON.stringify(out, null, 2));
}

await main();
