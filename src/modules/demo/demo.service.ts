import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { createOrganisation, createUser, findOrganisation } from '../identity/index.ts';
import {
  type IngestOutcome,
  type IngestResult,
  ingestOrders,
  ingestProducts,
  ingestShipments,
  upsertParties,
} from '../core/index.ts';
import { getFilingSettings, putFilingSettings } from '../filings/index.ts';
import { DEMO_FILING_SETTINGS, DEMO_MARKET_PARTIES, DEMO_SELLER } from './data/trading.data.ts';
import { datasetHash, generateDemo, plantedFacts, validateSpec } from './demo.generator.ts';
import type { DemoPlanted } from './demo.tables.ts';
import './demo.tables.ts';

/** The demo sign-in printed by `npm start`. Demo only: a real deployment creates its own users. */
export const DEMO_LOGIN = { email: 'demo@crossgate.dev', password: 'crossgate-demo-2026' } as const;
export const DEMO_ORG = {
  slug: 'demo',
  name: 'Shenzhen Brightway Trading Co., Ltd.',
  country: 'CN',
} as const;
const ACTOR = 'system:demo';

/** Records per ingest call (one transaction and one journal entry each). */
export const BATCH = { products: 1000, orders: 2000, shipments: 100 } as const;

export interface DemoOptions {
  seed: number;
  scale: number;
  /** Organisation slug to load into (created when absent). Default `demo`. */
  org?: string;
  progress?: (message: string) => void;
}

export type OutcomeCounts = Record<IngestOutcome, number>;

export interface DemoSummary {
  organisation: string;
  seed: number;
  scale: number;
  /** The end of the demo's 90-day window (the first load's "now"). */
  anchor: string;
  createdOrganisation: boolean;
  products: OutcomeCounts;
  parties: { suppliers: number; buyers: number; trading: number };
  orders: OutcomeCounts;
  shipments: OutcomeCounts;
  recordsHash: string;
}

function tally(into: OutcomeCounts, r: IngestResult): void {
  for (const o of r.outcomes) into[o]++;
}

async function inBatches<T>(
  what: string,
  items: T[],
  size: number,
  run: (batch: T[]) => Promise<IngestResult>,
  counts: OutcomeCounts,
  say: (message: string) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    tally(counts, await run(items.slice(i, i + size)));
    say(`${what} ${Math.min(items.length, i + size)}/${items.length}`);
  }
}

/** Finds or creates the organisation and its demo owner; returns it with whether it was created. */
async function ensureOrganisation(ctx: AppContext, slug: string) {
  let org = await findOrganisation(ctx, slug);
  let created = false;
  if (!org) {
    try {
      org = await createOrganisation(ctx, { ...DEMO_ORG, slug });
      created = true;
    } catch (err) {
      // Another process created it meanwhile: use theirs.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      org = await findOrganisation(ctx, slug);
      if (!org) throw err;
    }
  }
  const hasUser = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', org.id)
    .limit(1)
    .executeTakeFirst();
  if (!hasUser) {
    try {
      await createUser(
        ctx,
        org.id,
        { email: DEMO_LOGIN.email, name: 'Demo Owner', password: DEMO_LOGIN.password, level: 'owner' },
        ACTOR,
      );
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return { org, created };
}

/**
 * The exporter's own parties (seller; importer and consignee per market) and its filer identifiers, so
 * the demo's filings can pass their checkpoints. Settings already changed by a user are left alone.
 */
async function setUpTrading(ctx: AppContext, orgId: string): Promise<void> {
  await ctx.db
    .transaction()
    .execute((tx) => upsertParties(ctx, tx, orgId, [DEMO_SELLER, ...DEMO_MARKET_PARTIES]));
  const current = await getFilingSettings(ctx, orgId);
  if (Object.keys(current).length === 0) await putFilingSettings(ctx, orgId, DEMO_FILING_SETTINGS, ACTOR);
}

/**
 * Loads the demo company: organisation and owner (when absent), then catalogue, orders and shipments
 * through the core ingest service in batches. The 90-day window ends at the first load's clock time,
 * kept in `demo_datasets`, so loading again with the same seed and scale changes nothing.
 */
export async function loadDemo(ctx: AppContext, opts: DemoOptions): Promise<DemoSummary> {
  try {
    validateSpec(opts);
  } catch (err) {
    throw invalid(err instanceof Error ? err.message : String(err));
  }
  const say = opts.progress ?? (() => {});
  const { org, created } = await ensureOrganisation(ctx, opts.org ?? DEMO_ORG.slug);
  // The window's end is fixed by the first load and recorded before ingest, so a load that stops
  // half-way, or a later one, produces the same records.
  await ctx.db
    .insertInto('demo_datasets')
    .values({
      org_id: org.id,
      seed: opts.seed,
      scale: opts.scale,
      anchor_at: new Date(Math.floor(ctx.clock.now().getTime() / 1000) * 1000),
      records_hash: '',
      loaded_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  const { anchor_at } = await ctx.db
    .selectFrom('demo_datasets')
    .select('anchor_at')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const now = new Date(anchor_at);

  say(`generating demo data (seed ${opts.seed}, scale ${opts.scale})`);
  const data = generateDemo({ seed: opts.seed, scale: opts.scale, now });
  const recordsHash = datasetHash(data);
  const zero = (): OutcomeCounts => ({ created: 0, updated: 0, unchanged: 0 });
  const summary: DemoSummary = {
    organisation: org.slug,
    seed: opts.seed,
    scale: opts.scale,
    anchor: now.toISOString(),
    createdOrganisation: created,
    products: zero(),
    parties: {
      suppliers: data.suppliers.length,
      buyers: new Set(data.orders.map((o) => o.buyer?.externalRef).filter(Boolean)).size,
      trading: 1 + DEMO_MARKET_PARTIES.length,
    },
    orders: zero(),
    shipments: zero(),
    recordsHash,
  };
  const ingest = { actor: ACTOR };
  const o = org.id;
  await setUpTrading(ctx, o);
  await inBatches(
    'products',
    data.products,
    BATCH.products,
    (b) => ingestProducts(ctx, o, b, ingest),
    summary.products,
    say,
  );
  await inBatches(
    'orders',
    data.orders,
    BATCH.orders,
    (b) => ingestOrders(ctx, o, b, ingest),
    summary.orders,
    say,
  );
  await inBatches(
    'shipments',
    data.shipments,
    BATCH.shipments,
    (b) => ingestShipments(ctx, o, b, ingest),
    summary.shipments,
    say,
  );
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('demo_datasets')
      .set({
        seed: opts.seed,
        scale: opts.scale,
        records_hash: recordsHash,
        planted: JSON.stringify(plantedFacts(data)),
        loaded_at: ctx.clock.now(),
      })
      .where('org_id', '=', org.id)
      .execute();
    const { organisation: _o, createdOrganisation: _c, ...facts } = summary;
    await ctx.journal.append(tx, org.id, [
      { kind: 'demo.loaded', version: 1, actor: ACTOR, subject: org.id, data: facts },
    ]);
  });
  return summary;
}

export interface DemoDatasetInfo {
  seed: number;
  scale: number;
  anchor: string;
  loadedAt: string;
  recordsHash: string;
  planted: DemoPlanted;
}

/** The demo loaded into an organisation: seed, scale, window and what was planted; not found if none. */
export async function getDemoDataset(ctx: AppContext, orgId: string): Promise<DemoDatasetInfo> {
  const row = await ctx.db
    .selectFrom('demo_datasets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('records_hash', '!=', '')
    .executeTakeFirst();
  if (!row) throw notFound('No demo data has been loaded into this organisation');
  return {
    seed: Number(row.seed),
    scale: Number(row.scale),
    anchor: new Date(row.anchor_at).toISOString(),
    loadedAt: new Date(row.loaded_at).toISOString(),
    recordsHash: row.records_hash,
    planted: row.planted,
  };
}
