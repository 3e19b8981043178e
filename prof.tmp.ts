import crypto from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createAppContext } from './src/app/context.ts';
import { loadConfig } from './src/platform/config.ts';
import { createOrganisation } from './src/modules/identity/index.ts';
const BASE='postgres://postgres@127.0.0.1:5432/postgres';
const name = `cg_prof_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: BASE }); await admin.connect(); await admin.query(`create database ${name}`);
const url = new URL(BASE); url.pathname = `/${name}`;
const ctx = await createAppContext({ config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }), ephemeral: true, migrate: true, poolSize: 4 });
const org = await createOrganisation(ctx, { slug: 'bench', name: 'B', country: 'CN' });
const recs = (from: number) => Array.from({ length: 10000 }, (_, k) => ({ kind: 'order.imported', version: 1, actor: 'system:bench', subject: `ord_${from+k}`, data: { platform: 'shopify', externalId: `#${from + k}`, total: '12.5', currency: 'USD', lines: 3, country: 'US' } }));
for (let b = 0; b < 5; b++) {
  const t = performance.now();
  await ctx.db.transaction().execute((tx) => (ctx.journal as any).appendEntries(tx, org.id, recs(b * 10000)));
  console.log('append 10k ms', Math.round(performance.now() - t));
}
// JS-only cost
const { encodeLeaf, identityHashOf } = await import('./src/modules/journal/leaf.ts');
const { hashLeaf } = await import('./src/modules/journal/merkle.ts');
let t = performance.now();
for (const r of recs(0)) { const j = JSON.stringify(r.data); const d = JSON.parse(j); identityHashOf({ log: 'x', kind: r.kind, version: 1, subject: r.subject, data: d }); hashLeaf(encodeLeaf({ log: 'x', index: 1, id: 'jnl_x', kind: r.kind, version: 1, actor: r.actor, subject: r.subject, data: d, at: 'x' })); }
console.log('js 10k ms', Math.round(performance.now() - t));
const ids = Array.from({length: 10000}, () => ctx.ids.next('journalEntry'));
t = performance.now(); for (let i=0;i<10000;i++) ctx.ids.next('journalEntry'); console.log('ids 10k ms', Math.round(performance.now()-t));
await ctx.database.close(); await new Promise(r=>setTimeout(r,200)); await admin.query(`drop database ${name} with (force)`); await admin.end();
