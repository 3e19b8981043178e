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
import { orderRecord, type OrderRecord } from '../src/modules/core/index.ts';
import { runImport } from '../src/modules/imports/index.ts';
import { orderCsvHeader, orderToCsvRows } from '../src/modules/imports/import-serialise.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'CA', 'AU', 'JP', 'NL', 'IT', 'ES'];
const SKUS = Array.from({ length: 400 }, (_, i) => `SKU-${String(i).padStart(4, '0')}`);

/** Small deterministic PRNG (mulberry32) so every run imports the same file. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeOrdersCsv(file: string): Promise<number> {
  const rnd = prng(42);
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${orderCsvHeader().join(',')}\n`);
  let rows = 0;
  let buf: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
    const lines = Array.from({ length: n }, (_, j) => {
      const qty = 1 + Math.floor(rnd() * 4);
      const price = (5 + Math.floor(rnd() * 9000) / 100).toFixed(2);
      return {
        lineNo: j + 1,
        sku: SKUS[Math.floor(rnd() * SKUS.length)]!,
        title: `Product ${j}`,
        quantity: qty,
        unitPrice: price,
        total: (Number(price) * qty).toFixed(2),
      };
    });
    const subtotal = lines.reduce((s, l) => s + Number(l.total), 0).toFixed(2);
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    const buyer = Math.floor(rnd() * 60_000);
    const o = orderRecord.parse({
      platform: 'shop',
      externalId: `B-${i}`,
      buyer: {
        kind: 'buyer',
        externalRef: `cust-${buyer}`,
        isPerson: true,
        name: `Buyer ${buyer}`,
        email: `buyer${buyer}@example.com`,
        country,
      },
      shipTo: {
        name: `Buyer ${buyer}`,
        line1: `${i} Main Street`,
        city: 'Springfield',
        postalCode: '12345',
        country,
      },
      currency: 'USD',
      subtotal,
      shipping: '5',
      tax: '0',
      total: (Number(subtotal) + 5).toFixed(2),
      status: 'paid',
      orderedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      lines,
    }) as OrderRecord;
    buf.push(...orderToCsvRows(o));
    rows += n;
    if (buf.length >= 2000) {
      await write(`${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) await write(`${buf.join('\n')}\n`);
  await new Promise<void>((r) => out.end(r));
  return rows;
}

async function bench(label: string, env: Record<string, string | undefined>, file: string): Promise<void> {
  const ctx = await createAppContext({ config: loadConfig({ ...env, LOG_LEVEL: 'silent' }), migrate: true });
  try {
    const org = await createOrganisation(ctx, { slug: `bench-${Date.now()}`, name: 'Bench', country: 'CN' });
    const timed = async () => {
      const t0 = performance.now();
      const run = await runImport(ctx, {
        orgId: org.id,
        actor: 'system:bench',
        fileName: path.basename(file),
        kind: 'orders',
        source: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
      });
      return { run, s: (performance.now() - t0) / 1000 };
    };
    const { run, s } = await timed();
    const { run: again, s: s2 } = await timed();
    console.log(
      `${label}: first import ${run.rows} rows / ${run.records} orders in ${s.toFixed(1)} s = ${Math.round(run.rows / s)} rows/s (${Math.round(run.records / s)} orders/s), status ${run.status}, quarantined ${run.quarantined}`,
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
  const rows = await writeOrdersCsv(file);
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
