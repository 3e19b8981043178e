// Import throughput: 100,000 generated orders (about 150,000 CSV rows) through `runImport`, on the
// embedded PGlite (file-backed, in a temp dir) and on PostgreSQL when CROSSGATE_TEST_DATABASE_URL or
// DATABASE_URL is set. Targets: >= 5,000 rows/s on PGlite, >= 20,000 rows/s on PostgreSQL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createAppContext, closeAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createOrganisation } from '../src/modules/identity/index.ts';
import { runImport } from '../src/modules/imports/index.ts';
import { writeOrdersCsv } from './orders-csv.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);

/**
 * CPU seconds used so far by the local PostgreSQL server (all its processes, from /proc), or undefined
 * when it cannot be read (not Linux, or the server is elsewhere).
 */
function postgresCpu(): number | undefined {
  try {
    const tick = 100; // USER_HZ on Linux
    let total = 0;
    let found = false;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres') continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) / tick;
      found = true;
    }
    return found ? total : undefined;
  } catch {
    return undefined;
  }
}

async function bench(label: string, env: Record<string, string | undefined>, file: string): Promise<void> {
  const ctx = await createAppContext({ config: loadConfig({ ...env, LOG_LEVEL: 'silent' }), migrate: true });
  try {
    const org = await createOrganisation(ctx, { slug: `bench-${Date.now()}`, name: 'Bench', country: 'CN' });
    const timed = async () => {
      const p0 = env.DATABASE_URL ? postgresCpu() : undefined;
      const c0 = process.cpuUsage();
      const m0 = process.threadCpuUsage();
      const t0 = performance.now();
      const run = await runImport(ctx, {
        orgId: org.id,
        actor: 'system:bench',
        fileName: path.basename(file),
        kind: 'orders',
        source: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
        sizeHint: fs.statSync(file).size,
      });
      const s = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const m = process.threadCpuUsage(m0);
      // CPU of this process (all threads) and of the main thread alone; the rest is the parsing worker
      // (and the garbage collector's helpers). On PostgreSQL the server's CPU is not included.
      const p1 = p0 === undefined ? undefined : postgresCpu();
      const server =
        p0 !== undefined && p1 !== undefined ? `, local PostgreSQL server ${(p1 - p0).toFixed(1)} s` : '';
      const cpu = `cpu: process ${((c.user + c.system) / 1e6).toFixed(1)} s, main thread ${((m.user + m.system) / 1e6).toFixed(1)} s${server}`;
      return { run, s, cpu };
    };
    const { run, s, cpu } = await timed();
    const { run: again, s: s2 } = await timed();
    console.log(
      `${label}: first import ${run.rows} rows / ${run.records} orders in ${s.toFixed(1)} s = ${Math.round(run.rows / s)} rows/s (${Math.round(run.records / s)} orders/s), status ${run.status}, quarantined ${run.quarantined}; ${cpu}`,
    );
    console.log(
      `${label}: re-import (all unchanged: ${again.unchanged === again.records}) in ${s2.toFixed(1)} s = ${Math.round(again.rows / s2)} rows/s`,
    );
  } finally {
    await closeAppContext(ctx);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-import-'));
try {
  const file = path.join(dir, 'orders.csv');
  const g0 = performance.now();
  const rows = await writeOrdersCsv(file, ORDERS);
  console.log(
    `data: ${ORDERS} orders, ${rows} rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
  );
  await bench('pglite', { CROSSGATE_HOME: path.join(dir, 'home') }, file);
  const url = process.env.CROSSGATE_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) console.log('postgres: skipped (set CROSSGATE_TEST_DATABASE_URL or DATABASE_URL)');
  else {
    const name = `cg_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const u = new URL(url);
      // Let the pool's closed connections finish before the database is dropped.
      u.pathname = `/${name}`;
      await bench(
        'postgres',
        { DATABASE_URL: u.toString(), CROSSGATE_HOME: path.join(dir, 'home-pg') },
        file,
      );
    } finally {
      await new Promise((r) => setTimeout(r, 500));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
