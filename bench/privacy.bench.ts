// Privacy and access benchmarks (docs/benchmarks.md, "Privacy and access"):
//   1. bulk AES-256-GCM throughput per core (target >= 1 GB/s; the ACE paper quotes 500 MB/s)
//   2. small-field seal + open rate (target >= 200,000 fields/s/core): the raw node:crypto floor (one
//      createCipheriv + createDecipheriv per field, nothing else), the real EnvelopeFieldCipher per field,
//      and per record (sealRecord/openRecord: a party's five fields as one message, ADR 0007)
//   3. authorisation cost per request: the permission check, and resolving a credential to an actor
// Run: npm run bench privacy
import crypto from 'node:crypto';
import { createAppContext, closeAppContext } from '../src/app/context.ts';
import { loadConfig } from '../src/platform/config.ts';
import { can, type Actor } from '../src/platform/auth/permissions.ts';
import {
  authenticateToken,
  createApiKey,
  createOrganisation,
  createUser,
  login,
} from '../src/modules/identity/index.ts';
import { issueClientToken } from '../src/modules/identity/oauth.service.ts';
import '../src/app/modules.ts';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
/**
 * CPU seconds of this process (user + system) over `fn`: "per core" figures divide by CPU time, not wall
 * time, so they hold on a shared machine (as `openssl speed` does); wall-clock figures are printed too.
 */
async function timed(fn: () => unknown | Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000 };
}

// 1. Bulk throughput: one GCM stream over 256 MiB fed in chunks (as a file or export would be).
{
  const key = crypto.createSecretKey(crypto.randomBytes(32));
  const total = 256 * 2 ** 20;
  for (const chunk of [16 * 1024, 1024 * 1024]) {
    const buf = crypto.randomBytes(chunk);
    const rates: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = await timed(() => {
        const c = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
        for (let done = 0; done < total; done += chunk) c.update(buf);
        c.final();
      });
      rates.push(total / 1e6 / t.cpu);
      wall.push(total / 1e6 / t.wall);
    }
    console.log(
      `bulk AES-256-GCM encrypt, ${chunk / 1024} KiB chunks: median ${fmt(median(rates))} MB/s per core-second (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))}); wall ${fmt(median(wall))} MB/s`,
    );
  }
  // Decryption with authentication, same stream.
  const chunk = 1024 * 1024;
  const buf = crypto.randomBytes(chunk);
  const iv = crypto.randomBytes(12);
  const enc = crypto.createCipheriv('aes-256-gcm', key, iv);
  const cts: Buffer[] = [];
  for (let done = 0; done < total; done += chunk) cts.push(enc.update(buf));
  enc.final();
  const tag = enc.getAuthTag();
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = await timed(() => {
      const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
      d.setAuthTag(tag);
      for (const ct of cts) d.update(ct);
      d.final();
    });
    rates.push(total / 1e6 / t.cpu);
  }
  console.log(
    `bulk AES-256-GCM decrypt+verify, 1 MiB chunks: median ${fmt(median(rates))} MB/s per core-second`,
  );
}

const ctx = await createAppContext({
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  ephemeral: true,
  migrate: true,
});
const org = await createOrganisation(ctx, { slug: 'bench', name: 'Bench', country: 'CN' });

// 2. Small fields: seal + open of typical personal-data values through the real cipher (keys cached).
{
  const values = [
    'Zhang Wei',
    '88 Nanshan Road, Shenzhen 518000',
    '+86 138 0013 8000',
    'wei.zhang@mail.example',
    '91440300MA5F123456',
  ];
  await ctx.cipher.open(org.id, await ctx.cipher.seal(org.id, 'warm-up'));
  const n = 100_000;
  const plains = values.map((v) => Buffer.from(v));

  // Three measures, interleaved run by run so that each run of each sees the same machine load:
  // the floor (node:crypto alone, one message per field: fixed key object, AAD, IVs from a buffer),
  // the envelope cipher per field, and per record (a party's five fields as one message, opened whole).
  const key = crypto.createSecretKey(crypto.randomBytes(32));
  const aad = crypto.randomBytes(16);
  const ivs = crypto.randomBytes(12 * n);
  const party = {
    name: values[0] as string,
    address: values[1] as string,
    phone: values[2] as string,
    email: values[3] as string,
    taxId: values[4] as string,
  };
  const records = n / 5;
  const floor: number[] = [];
  const rates: number[] = [];
  const wall: number[] = [];
  const sealedOnly: number[] = [];
  const recRates: number[] = [];
  const recWall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const tf = await timed(() => {
      for (let i = 0; i < n; i++) {
        const iv = ivs.subarray(i * 12, i * 12 + 12);
        const c = crypto.createCipheriv('aes-256-gcm', key, iv);
        c.setAAD(aad);
        const ct = c.update(plains[i % 5] as Buffer);
        c.final();
        const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
        d.setAAD(aad);
        d.setAuthTag(c.getAuthTag());
        d.update(ct);
        d.final();
      }
    });
    floor.push(n / tf.cpu);

    const sealed: string[] = new Array(n);
    const ts = await timed(async () => {
      for (let i = 0; i < n; i++) sealed[i] = await ctx.cipher.seal(org.id, values[i % 5] as string);
    });
    const to = await timed(async () => {
      for (let i = 0; i < n; i++) await ctx.cipher.open(org.id, sealed[i] as string);
    });
    rates.push(n / (ts.cpu + to.cpu));
    wall.push(n / (ts.wall + to.wall));
    sealedOnly.push(n / ts.cpu);

    const rec: string[] = new Array(records);
    const rs = await timed(async () => {
      for (let i = 0; i < records; i++) rec[i] = await ctx.cipher.sealRecord(org.id, party);
    });
    const ro = await timed(async () => {
      for (let i = 0; i < records; i++) await ctx.cipher.openRecord(org.id, rec[i] as string);
    });
    recRates.push(records / (rs.cpu + ro.cpu));
    recWall.push(records / (rs.wall + ro.wall));
  }
  const range = (xs: number[], k = 1) => `min ${fmt(k * Math.min(...xs))}, max ${fmt(k * Math.max(...xs))}`;
  console.log(
    `small fields, raw node:crypto floor (createCipheriv + createDecipheriv per field, nothing else): median ${fmt(median(floor))} fields/s per core-second (${range(floor)})`,
  );
  console.log(
    `small fields, EnvelopeFieldCipher seal + open per field (org key): median ${fmt(median(rates))} fields/s per core-second (${range(rates)}; seal alone ${fmt(median(sealedOnly))}/s; ${((100 * median(rates)) / median(floor)).toFixed(0)}% of the floor); wall ${fmt(median(wall))}/s`,
  );
  console.log(
    `sealed records (5 fields per message), sealRecord + openRecord: median ${fmt(median(recRates))} records/s = ${fmt(5 * median(recRates))} fields/s per core-second (${range(recRates, 5)}); wall ${fmt(5 * median(recWall))} fields/s`,
  );

  // Per-subject keys as the importer uses them: 10,000 buyers prepared in batches, 2 fields each.
  const { envelope } = await import('../src/modules/privacy/index.ts');
  const buyers = Array.from({ length: 10_000 }, (_, i) => `shopify:buyer:${i}`);
  const prep = await timed(() => envelope(ctx).prepareSubjects(org.id, buyers));
  const seal = await timed(async () => {
    for (const b of buyers) {
      await ctx.cipher.seal(org.id, 'Li Na', b);
      await ctx.cipher.seal(org.id, '12 Binhai Avenue, Shenzhen', b);
    }
  });
  console.log(
    `subject keys: prepare 10,000 new buyer keys in batches: ${fmt(10_000 / prep.wall)} keys/s wall; then seal under them ${fmt(20_000 / seal.cpu)} fields/s per core-second`,
  );
}

// 3. Authorisation cost.
{
  const actor: Actor = { kind: 'user', id: 'usr_x', orgId: org.id, level: 'operator', roles: ['filer'] };
  const n = 2_000_000;
  let ok = 0;
  const t = await timed(() => {
    for (let i = 0; i < n; i++) if (can(actor, i & 1 ? 'orders:read' : 'privacy:dsr')) ok++;
  });
  const ns = (t.cpu * 1e9) / n;
  console.log(`permission check can(): ${ns.toFixed(0)} ns per call (${ok} allowed)`);

  await createUser(ctx, org.id, {
    email: 'bench@mail.example',
    name: 'Bench',
    password: 'bench-password-123',
    level: 'operator',
  });
  const { token } = await login(ctx, { email: 'bench@mail.example', password: 'bench-password-123' });
  const { id, key } = await createApiKey(ctx, org.id, { name: 'bench', level: 'viewer' }, 'bench');
  const jwt = await issueClientToken(ctx, {
    grantType: 'client_credentials',
    clientId: id,
    clientSecret: key.slice(`cgk_${id}_`.length),
  });
  if ('error' in jwt) throw new Error(jwt.error);
  for (const [label, cred] of [
    ['session token', token],
    ['API key', key],
    ['OAuth JWT', jwt.access_token],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = performance.now();
      const a = await authenticateToken(ctx, cred);
      if (!a) throw new Error(`${label} did not authenticate`);
      times.push((performance.now() - s) * 1000);
    }
    console.log(
      `resolve ${label} to an actor (embedded PGlite): median ${median(times).toFixed(0)} µs, p99 ${pct(times, 0.99).toFixed(0)} µs`,
    );
  }
}
await closeAppContext(ctx);
