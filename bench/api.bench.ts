// API read latency under load: the service runs in a child process (`crossgate serve` on a free port on
// 127.0.0.1, PGlite home in a temp dir, loaded with orders); this process drives it with autocannon and
// an API key, then prints p50/p99 latency and throughput for GET /api/orders (a page) and one order.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createAppContext, closeAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createApiKey, createOrganisation } from '../src/modules/identity/index.ts';
import { runImport } from '../src/modules/imports/index.ts';
import { writeOrdersCsv } from './orders-csv.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 20_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Loads the orders through the importer (as a user would), then makes a viewer API key. */
async function load(home: string, dir: string): Promise<{ key: string; orderId: string }> {
  const ctx = await createAppContext({
    config: loadConfig({ CROSSGATE_HOME: home, LOG_LEVEL: 'silent' }),
    migrate: true,
  });
  try {
    const org = await createOrganisation(ctx, { slug: 'bench', name: 'Bench Ltd', country: 'CN' });
    const file = path.join(dir, 'orders.csv');
    await writeOrdersCsv(file, ORDERS);
    const run = await runImport(ctx, {
      orgId: org.id,
      actor: 'system:bench',
      fileName: file,
      kind: 'orders',
      source: fs.createReadStream(file),
    });
    if (run.status !== 'succeeded') throw new Error(`loading failed: ${JSON.stringify(run)}`);
    const first = await ctx.db
      .selectFrom('orders')
      .select('id')
      .where('org_id', '=', org.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { key } = await createApiKey(ctx, org.id, { name: 'bench', level: 'viewer' }, 'system:bench');
    return { key, orderId: first.id };
  } finally {
    await closeAppContext(ctx);
  }
}

async function startServer(home: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/crossgate.js'), 'serve', '--port', '0'], {
    env: { ...process.env, CROSSGATE_HOME: home, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function run(title: string, url: string, key: string) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { authorization: `Bearer ${key}` },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  }).then((r) => {
    const ok = r.non2xx === 0 && r.errors === 0;
    console.log(
      `${title}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${Math.round(r.requests.average)} req/s, ${r.requests.total} requests${ok ? '' : `, NON-2XX ${r.non2xx}, errors ${r.errors}`}`,
    );
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-api-'));
try {
  const home = path.join(dir, 'home');
  const { key, orderId } = await load(home, dir);
  console.log(
    `data: ${ORDERS} orders in PGlite (${home}); autocannon ${CONNECTIONS} connections x ${DURATION} s per endpoint`,
  );
  const server = await startServer(home);
  try {
    await run('GET /api/orders?limit=50', `${server.url}/api/orders?limit=50`, key);
    await run('GET /api/orders/:id', `${server.url}/api/orders/${orderId}`, key);
  } finally {
    await server.stop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
