import { type Selectable, sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { type Executor, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { hasPrefix } from '../../platform/ids.ts';
import { coreQueries } from '../core/index.ts';
import { BUILDER_VERSION, buildFiling, planFilings, type PlannedFiling } from './builders/builders.ts';
import type { BundleParty, FilingSettings, ShipmentBundle } from './builders/common.ts';
import {
  CHECKPOINT_REGISTRY_VERSION,
  validateFiling,
  type ValidationReport,
} from './checkpoints/registry.ts';
import { crossedLeads, planClocks } from './deadlines.ts';
import { encode, ENCODER_VERSION } from './encoders/index.ts';
import {
  noScreening,
  structuralTariffValidator,
  type PartyScreening,
  type TariffCodeValidator,
} from './filings.ports.ts';
import { formatEntryNumber } from './formats.ts';
import {
  canTransition,
  EDITABLE_STATUSES,
  type Filing,
  type FilingParty,
  type FilingStatus,
  type FilingTransport,
} from './model.ts';
import { DEFAULT_ALERT_LEADS_HOURS } from './rules/deadlines.ts';
import type { FilingClockTable } from './filings.tables.ts';

/** The ports this module calls out through; the composition root may replace the defaults. */
export interface FilingsDeps {
  tariff: TariffCodeValidator;
  screening: PartyScreening;
  alertLeadsHours: readonly number[];
}

export const filingsDeps: FilingsDeps = {
  tariff: structuralTariffValidator,
  screening: noScreening,
  alertLeadsHours: DEFAULT_ALERT_LEADS_HOURS,
};

/** Wires real implementations of the ports (tariff validator, screening) at start-up. */
export function configureFilings(deps: Partial<FilingsDeps>): void {
  Object.assign(filingsDeps, deps);
}

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

// ---------------------------------------------------------------------------------------- settings

export async function getSettings(
  ctx: AppContext,
  orgId: string,
  db: Executor = ctx.db,
): Promise<FilingSettings> {
  const row = await db
    .selectFrom('filing_settings')
    .select('settings')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return (row?.settings ?? {}) as FilingSettings;
}

export async function putSettings(ctx: AppContext, orgId: string, settings: FilingSettings, actor: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('filing_settings')
      .values({
        org_id: orgId,
        settings: JSON.stringify(settings),
        next_entry_seq: 1,
        updated_at: ctx.clock.now(),
      })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({ settings: JSON.stringify(settings), updated_at: ctx.clock.now() }),
      )
      .execute();
    await ctx.journal.append(tx, orgId, [
      { kind: 'filing.settings_changed', version: 1, actor, data: { keys: Object.keys(settings).sort() } },
    ]);
  });
  return settings;
}

/** Draws the next entry number for the filer code (row lock: concurrent draws never collide). */
async function drawEntryNumber(tx: Executor, orgId: string, filerCode: string): Promise<string> {
  const row = await tx
    .updateTable('filing_settings')
    .set({ next_entry_seq: sql`next_entry_seq + 1` })
    .where('org_id', '=', orgId)
    .returning('next_entry_seq')
    .executeTakeFirstOrThrow();
  return formatEntryNumber(filerCode, row.next_entry_seq - 1);
}

// ------------------------------------------------------------------------------------------ bundle

async function openParty(
  ctx: AppContext,
  orgId: string,
  row: {
    id: string;
    kind: string;
    is_person: boolean;
    name: string | null;
    name_sealed: string | null;
    address: unknown;
    address_sealed: string | null;
    country: string;
    tax_id_sealed: string | null;
    mid: string | null;
  },
): Promise<BundleParty> {
  const name = row.name ?? (row.name_sealed ? await ctx.cipher.open(orgId, row.name_sealed) : null);
  const address =
    (row.address as BundleParty['address']) ??
    (row.address_sealed
      ? (JSON.parse(await ctx.cipher.open(orgId, row.address_sealed)) as BundleParty['address'])
      : null);
  return {
    id: row.id,
    kind: row.kind,
    isPerson: row.is_person,
    name,
    address,
    country: row.country,
    taxId: row.tax_id_sealed ? await ctx.cipher.open(orgId, row.tax_id_sealed) : null,
    mid: row.mid,
  };
}

/** Loads a shipment with its lines, order prices, products and the parties a filing needs. */
export async function loadBundle(
  ctx: AppContext,
  orgId: string,
  shipmentId: string,
): Promise<ShipmentBundle> {
  if (!hasPrefix(shipmentId, 'shipment')) throw notFound('Shipment', shipmentId);
  const s = await coreQueries.getShipment(ctx, orgId, shipmentId);
  const skus = [...new Set(s.lines.map((l) => l.sku))];
  const orderIds = [...new Set(s.lines.map((l) => l.orderId).filter((x): x is string => !!x))];
  const [products, orderLines, orders, carrier] = await Promise.all([
    skus.length
      ? ctx.db
          .selectFrom('products')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('sku', 'in', skus)
          .execute()
      : [],
    orderIds.length
      ? ctx.db
          .selectFrom('order_lines')
          .select(['order_id', 'sku', 'unit_price', 'title'])
          .where('org_id', '=', orgId)
          .where('order_id', 'in', orderIds)
          .orderBy('line_no', 'desc')
          .execute()
      : [],
    orderIds.length
      ? ctx.db
          .selectFrom('orders')
          .select(['id', 'currency', 'buyer_party_id'])
          .where('org_id', '=', orgId)
          .where('id', 'in', orderIds)
          .execute()
      : [],
    ctx.db
      .selectFrom('shipments')
      .select('carrier_party_id')
      .where('id', '=', shipmentId)
      .executeTakeFirstOrThrow(),
  ]);
  const productBySku = new Map(products.map((p) => [p.sku, p]));
  // The first order line of a SKU wins (rows come last-first): an order may repeat a SKU.
  const priceOf = new Map(orderLines.map((l) => [`${l.order_id}|${l.sku}`, l]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const buyerIds = [...new Set(orders.map((o) => o.buyer_party_id).filter((x): x is string => !!x))];
  const buyer = buyerIds.length === 1 ? buyerIds[0] : undefined;

  // Only the parties this filing can use: the org's sellers/importers/consignees, suppliers, buyer, carrier.
  const ids = [...products.map((p) => p.supplier_party_id), ...buyerIds, carrier.carrier_party_id].filter(
    (x): x is string => !!x,
  );
  const partyRows = await ctx.db
    .selectFrom('parties')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('kind', 'in', ['seller', 'importer', 'consignee']),
        ...(ids.length ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  const pick = (kind: string, country?: string) =>
    partyRows.find((p) => p.kind === kind && (!country || p.country === country));
  const seller = pick('seller');
  const importer = pick('importer', s.destinationCountry);
  const consignee = pick('consignee', s.destinationCountry);
  const wanted = new Set([...ids, ...[seller, importer, consignee].filter((p) => !!p).map((p) => p!.id)]);
  const parties: Record<string, BundleParty> = {};
  for (const row of partyRows.filter((p) => wanted.has(p.id)))
    parties[row.id] = await openParty(ctx, orgId, row);
  return {
    shipment: {
      id: s.id,
      reference: s.reference,
      mode: s.mode,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      originCountry: s.originCountry,
      destinationCountry: s.destinationCountry,
      originPort: s.originPort,
      destinationPort: s.destinationPort,
      etd: s.etd,
      eta: s.eta,
      grossWeightKg: s.grossWeightKg,
      packageCount: s.packageCount,
    },
    lines: s.lines.map((l) => {
      const p = productBySku.get(l.sku);
      const ol = l.orderId ? priceOf.get(`${l.orderId}|${l.sku}`) : undefined;
      const order = l.orderId ? orderById.get(l.orderId) : undefined;
      return {
        lineNo: l.lineNo,
        sku: l.sku,
        quantity: l.quantity,
        orderId: l.orderId,
        unitPrice: ol?.unit_price ?? null,
        currency: ol ? (order?.currency ?? null) : (p?.currency ?? null),
        title: ol?.title ?? p?.title ?? l.sku,
        product: p
          ? {
              description: p.description ?? p.title,
              hsCode: p.hs_code,
              originCountry: p.origin_country,
              weightKg: p.weight_kg,
              value: p.value,
              currency: p.currency,
              supplierPartyId: p.supplier_party_id,
            }
          : null,
      };
    }),
    parties,
    roles: {
      ...(seller ? { seller: seller.id } : {}),
      ...(importer ? { importer: importer.id } : {}),
      ...(consignee ? { consignee: consignee.id } : buyer ? { consignee: buyer } : {}),
      ...(buyer ? { buyer } : consignee ? { buyer: consignee.id } : {}),
      ...(carrier.carrier_party_id ? { carrier: carrier.carrier_party_id } : {}),
    },
    settings: await getSettings(ctx, orgId),
  };
}

// ------------------------------------------------------------------------------------- persistence

function splitDocument(f: Filing) {
  const { parties, ...rest } = f;
  return { document: rest, parties };
}

async function writeParties(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filingId: string,
  parties: FilingParty[],
) {
  await tx.deleteFrom('filing_parties').where('filing_id', '=', filingId).execute();
  if (!parties.length) return;
  const rows = [];
  for (const [idx, p] of parties.entries()) {
    const payload = JSON.stringify({ name: p.name ?? null, address: p.address ?? null, ids: p.ids });
    rows.push({
      filing_id: filingId,
      idx,
      org_id: orgId,
      role: p.role,
      party_ref: p.ref ?? null,
      party_id: p.partyId ?? null,
      is_person: p.isPerson,
      country: p.country,
      clear: p.isPerson ? null : payload,
      sealed: p.isPerson ? await ctx.cipher.seal(orgId, payload, p.partyId, tx) : null,
    });
  }
  await tx.insertInto('filing_parties').values(rows).execute();
}

async function writeLines(tx: Executor, orgId: string, filingId: string, f: Filing) {
  await tx.deleteFrom('filing_lines').where('filing_id', '=', filingId).execute();
  for (let i = 0; i < f.lines.length; i += 500) {
    const chunk = f.lines.slice(i, i + 500).map((l) => ({
      filing_id: filingId,
      line_no: l.lineNo,
      org_id: orgId,
      sku: l.sku,
      hs_code: l.hsCode,
      origin_country: l.originCountry,
      quantity: l.quantity,
      value: l.value,
      currency: l.currency,
      customs_value: l.customsValue,
      data: JSON.stringify(l),
    }));
    if (chunk.length) await tx.insertInto('filing_lines').values(chunk).execute();
  }
}

/** Loads a filing and re-assembles the canonical model (opening sealed party data). */
export async function loadFiling(ctx: AppContext, orgId: string, id: string, db: Executor = ctx.db) {
  if (!hasPrefix(id, 'filing')) throw notFound('Filing', id);
  const row = await db
    .selectFrom('filings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Filing', id);
  const partyRows = await db
    .selectFrom('filing_parties')
    .selectAll()
    .where('filing_id', '=', id)
    .orderBy('idx')
    .execute();
  const parties: FilingParty[] = [];
  for (const p of partyRows) {
    const data = (p.clear ?? JSON.parse(await ctx.cipher.open(orgId, p.sealed!, db))) as {
      name: string | null;
      address: FilingParty['address'] | null;
      ids: FilingParty['ids'];
    };
    parties.push({
      role: p.role as FilingParty['role'],
      ...(p.party_ref ? { ref: p.party_ref } : {}),
      ...(p.party_id ? { partyId: p.party_id } : {}),
      isPerson: p.is_person,
      ...(data.name ? { name: data.name } : {}),
      ...(data.address ? { address: data.address } : {}),
      country: p.country,
      ids: data.ids ?? {},
    });
  }
  const filing = { ...(row.document as unknown as Omit<Filing, 'parties'>), parties } as Filing;
  return { row, filing };
}

async function transition(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filingId: string,
  from: FilingStatus | null,
  to: FilingStatus,
  reasons: string[],
  actor: string,
) {
  await tx
    .insertInto('filing_status_history')
    .values({
      org_id: orgId,
      filing_id: filingId,
      from_status: from,
      to_status: to,
      reasons: JSON.stringify(reasons),
      actor,
      at: ctx.clock.now(),
    })
    .execute();
}

// ------------------------------------------------------------------------------------------- clocks

async function recomputeClocks(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filingId: string,
  f: Filing,
  variant: string,
) {
  const plans = planClocks({
    kind: f.kind,
    variant: variant as 'full' | 'placi' | '',
    mode: f.transport.mode,
    departure: f.transport.departure ?? null,
    arrival: f.transport.arrival ?? null,
    portOfLading: f.transport.portOfLading ?? null,
    portOfUnlading: f.transport.portOfUnlading ?? null,
    countryOfExport: f.transport.countryOfExport,
    destinationCountry: f.transport.destinationCountry,
    on: ctx.clock.now(),
  });
  const now = ctx.clock.now();
  const existing = await tx
    .selectFrom('filing_clocks')
    .selectAll()
    .where('filing_id', '=', filingId)
    .execute();
  for (const p of plans) {
    const old = existing.find((e) => e.clock === p.clock);
    const values = {
      due_at: p.dueAt,
      anchor: p.anchor,
      anchor_at: p.anchorAt,
      time_zone: p.timeZone,
      rule: p.rule,
      explanation: p.explanation,
      label: p.label,
      basis: p.basis,
      updated_at: now,
    };
    if (old) {
      // A clock already met stays met; an open one follows the new ETD/ETA.
      if (old.status === 'open' || old.status === 'missed')
        await tx
          .updateTable('filing_clocks')
          .set({ ...values, status: 'open' })
          .where('id', '=', old.id)
          .execute();
    } else {
      await tx
        .insertInto('filing_clocks')
        .values({
          id: ctx.ids.next('filingClock'),
          org_id: orgId,
          filing_id: filingId,
          shipment_id: f.shipmentId,
          regime: f.regime,
          kind: f.kind,
          clock: p.clock,
          status: 'open',
          met_at: null,
          created_at: now,
          ...values,
        })
        .execute();
    }
  }
  const gone = existing.filter((e) => !plans.some((p) => p.clock === e.clock)).map((e) => e.id);
  if (gone.length) await tx.deleteFrom('filing_clocks').where('id', 'in', gone).execute();
}

// -------------------------------------------------------------------------------------------- build

export interface BuildResult {
  shipmentId: string;
  filingId: string | null;
  kind: string;
  variant: string;
  outcome: 'created' | 'rebuilt' | 'skipped' | 'failed';
  reason?: string;
  status?: string;
}

/** Builds (or rebuilds, while still editable) every filing the shipment's destination requires. */
export async function buildForShipment(
  ctx: AppContext,
  orgId: string,
  shipmentId: string,
  actor: string,
): Promise<BuildResult[]> {
  const bundle = await loadBundle(ctx, orgId, shipmentId);
  const plans = planFilings(bundle);
  if (!plans.length)
    return [
      {
        shipmentId,
        filingId: null,
        kind: '-',
        variant: '',
        outcome: 'skipped',
        reason: `no regime for destination ${bundle.shipment.destinationCountry}`,
      },
    ];
  const out: BuildResult[] = [];
  for (const plan of plans) {
    try {
      out.push(await buildOne(ctx, orgId, bundle, plan, actor));
    } catch (err) {
      // Two builds of the same new filing raced: the loser sees the winner's row on a second try.
      if (!isUniqueViolation(err)) throw err;
      out.push(await buildOne(ctx, orgId, bundle, plan, actor));
    }
  }
  return out;
}

async function buildOne(
  ctx: AppContext,
  orgId: string,
  bundle: ShipmentBundle,
  plan: PlannedFiling,
  actor: string,
): Promise<BuildResult> {
  const base = { shipmentId: bundle.shipment.id, kind: plan.kind, variant: plan.variant };
  return ctx.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('filings')
      .select(['id', 'status', 'entry_number', 'reference', 'version'])
      .where('org_id', '=', orgId)
      .where('shipment_id', '=', bundle.shipment.id)
      .where('kind', '=', plan.kind)
      .where('variant', '=', plan.variant)
      .forUpdate()
      .executeTakeFirst();
    if (existing && !EDITABLE_STATUSES.includes(existing.status as FilingStatus))
      return {
        ...base,
        filingId: existing.id,
        outcome: 'skipped' as const,
        reason: `status ${existing.status}: amend it first`,
        status: existing.status,
      };
    const id = existing?.id ?? ctx.ids.next('filing');
    const reference = existing?.reference ?? `CG${id.slice(-16).toUpperCase()}`;
    let entryNumber = existing?.entry_number ?? undefined;
    if (plan.kind === 'us_entry' && !entryNumber && bundle.settings.filerCode)
      entryNumber = await drawEntryNumber(tx, orgId, bundle.settings.filerCode);
    const f = buildFiling(bundle, plan, {
      now: ctx.clock.now(),
      tariff: filingsDeps.tariff,
      reference,
      ...(entryNumber ? { entryNumber } : {}),
    });
    const { document } = splitDocument(f);
    const now = ctx.clock.now();
    const version = (existing?.version ?? 0) + 1;
    const status: FilingStatus =
      existing?.status === 'rejected' || existing?.status === 'amended' ? 'amended' : 'draft';
    if (existing) {
      await tx
        .updateTable('filings')
        .set({
          document: JSON.stringify(document),
          rule_version: f.ruleVersion,
          status,
          entry_number: entryNumber ?? null,
          check_summary: null,
          version,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await tx.deleteFrom('filing_check_results').where('filing_id', '=', id).execute();
    } else {
      await tx
        .insertInto('filings')
        .values({
          id,
          org_id: orgId,
          shipment_id: bundle.shipment.id,
          kind: plan.kind,
          variant: plan.variant,
          regime: f.regime,
          status,
          reference,
          entry_number: entryNumber ?? null,
          rule_version: f.ruleVersion,
          document: JSON.stringify(document),
          check_summary: null,
          version,
          created_at: now,
          updated_at: now,
          submitted_at: null,
        })
        .execute();
    }
    await writeLines(tx, orgId, id, f);
    await writeParties(ctx, tx, orgId, id, f.parties);
    if (existing?.status !== status)
      await transition(
        ctx,
        tx,
        orgId,
        id,
        (existing?.status as FilingStatus) ?? null,
        status,
        ['built'],
        actor,
      );
    await recomputeClocks(ctx, tx, orgId, id, f, plan.variant);
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'filing.built',
        version: 1,
        actor,
        subject: id,
        data: {
          shipmentId: bundle.shipment.id,
          kind: plan.kind,
          variant: plan.variant,
          filingVersion: version,
          ruleVersion: f.ruleVersion,
          lines: f.lines.length,
          decisions: f.decisions.map((d) => ({ rule: d.rule, outcome: d.outcome })),
        },
      },
    ]);
    return { ...base, filingId: id, outcome: existing ? ('rebuilt' as const) : ('created' as const), status };
  });
}

/**
 * Builds filings for many shipments. Every shipment ends in a recorded outcome: a shipment that cannot
 * be built (unknown id, bad data) is reported as `failed` with the reason, and the others go on.
 */
export async function buildMany(
  ctx: AppContext,
  orgId: string,
  shipmentIds: string[],
  actor: string,
): Promise<BuildResult[]> {
  const out: BuildResult[] = [];
  for (const id of shipmentIds) {
    try {
      out.push(...(await buildForShipment(ctx, orgId, id, actor)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({
        shipmentId: id,
        filingId: null,
        kind: '-',
        variant: '',
        outcome: 'failed',
        reason: err.message,
      });
    }
  }
  return out;
}

/** Builds (or rebuilds drafts of) the filings of every shipment of the organisation. */
export async function buildAll(ctx: AppContext, orgId: string, actor: string): Promise<BuildResult[]> {
  const ships = await ctx.db
    .selectFrom('shipments')
    .select('id')
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  return buildMany(
    ctx,
    orgId,
    ships.map((s) => s.id),
    actor,
  );
}
// -------------------------------------------------------------------------------------------- check

async function priceHistory(ctx: AppContext, orgId: string, skus: string[]) {
  if (!skus.length) return new Map();
  const rows = await ctx.db
    .selectFrom('order_lines as ol')
    .innerJoin('orders as o', 'o.id', 'ol.order_id')
    .select((eb) => [
      'ol.sku',
      'o.currency',
      sql<string>`percentile_cont(0.5) within group (order by ol.unit_price)`.as('median'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('ol.org_id', '=', orgId)
    .where('ol.sku', 'in', skus)
    .groupBy(['ol.sku', 'o.currency'])
    .execute();
  const m = new Map<string, { median: string; currency: string; samples: number }>();
  for (const r of rows) {
    const cur = m.get(r.sku);
    if (!cur || Number(r.n) > cur.samples)
      m.set(r.sku, { median: Number(r.median).toFixed(2), currency: r.currency, samples: Number(r.n) });
  }
  return m;
}

/** Runs every checkpoint on a filing, stores the failures, and moves draft ⇄ validated. */
export async function checkFiling(ctx: AppContext, orgId: string, id: string, actor: string) {
  const { row, filing } = await loadFiling(ctx, orgId, id);
  const clocks = await ctx.db
    .selectFrom('filing_clocks')
    .select(['clock', 'due_at'])
    .where('filing_id', '=', id)
    .where('status', 'in', ['open', 'missed'])
    .execute();
  const report = validateFiling(filing, {
    now: ctx.clock.now(),
    tariff: filingsDeps.tariff,
    screening: filingsDeps.screening,
    priceHistory: await priceHistory(ctx, orgId, [...new Set(filing.lines.map((l) => l.sku))]),
    deadlines: ['draft', 'validated', 'amended'].includes(row.status)
      ? clocks.map((c) => ({ clock: c.clock, dueAt: new Date(c.due_at).toISOString() }))
      : [],
  });
  const summary = {
    registryVersion: report.registryVersion,
    ran: report.ran,
    passed: report.passed,
    errors: report.errors,
    warnings: report.warnings,
    ok: report.ok,
    checkedAt: ctx.clock.now().toISOString(),
  };
  let status = row.status as FilingStatus;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('filing_check_results').where('filing_id', '=', id).execute();
    const failed = report.results.filter((r) => r.outcome === 'fail');
    if (failed.length)
      await tx
        .insertInto('filing_check_results')
        .values(
          failed.map((r) => ({
            filing_id: id,
            code: r.code,
            org_id: orgId,
            severity: r.severity,
            category: r.category,
            outcome: r.outcome,
            message: r.message,
            fix: r.fix,
            findings: JSON.stringify(r.findings),
            registry_version: CHECKPOINT_REGISTRY_VERSION,
            checked_at: ctx.clock.now(),
          })),
        )
        .execute();
    let next: FilingStatus = status;
    if (report.ok && (status === 'draft' || status === 'amended')) next = 'validated';
    if (!report.ok && status === 'validated') next = 'draft';
    if (next !== status) {
      await transition(
        ctx,
        tx,
        orgId,
        id,
        status,
        next,
        report.ok ? ['all error checkpoints pass'] : failed.map((r) => r.code),
        actor,
      );
      status = next;
    }
    await tx
      .updateTable('filings')
      .set({ check_summary: JSON.stringify(summary), status, updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .execute();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'filing.checked',
        version: 1,
        actor,
        subject: id,
        data: { ...summary, status, failed: failed.map((r) => r.code) },
      },
    ]);
  });
  return { filingId: id, status, ...summary, results: report.results };
}

export async function checkAll(ctx: AppContext, orgId: string, actor: string) {
  const rows = await ctx.db
    .selectFrom('filings')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['draft', 'validated', 'amended'])
    .orderBy('id')
    .execute();
  const out = [];
  for (const r of rows) {
    const { results: _r, ...rest } = await checkFiling(ctx, orgId, r.id, actor);
    out.push(rest);
  }
  return out;
}

// ------------------------------------------------------------------------------------------- status

/**
 * Records a status change reported by the gateway or a user (submitted, accepted, rejected, held,
 * released, amended, withdrawn). Pass `tx` to join the caller's transaction (the gateway's outbox).
 */
export async function recordFilingStatus(
  ctx: AppContext,
  orgId: string,
  filingId: string,
  status: FilingStatus,
  reasons: string[],
  actor: string,
  tx?: Executor,
) {
  const run = async (db: Executor) => {
    const row = await db
      .selectFrom('filings')
      .select(['id', 'status', 'kind'])
      .where('org_id', '=', orgId)
      .where('id', '=', filingId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Filing', filingId);
    const from = row.status as FilingStatus;
    if (from === status) return { filingId, status, changed: false };
    if (!canTransition(from, status))
      throw conflict(`A filing cannot go from ${from} to ${status}`, { from, to: status });
    const now = ctx.clock.now();
    await db
      .updateTable('filings')
      .set({ status, updated_at: now, ...(status === 'submitted' ? { submitted_at: now } : {}) })
      .where('id', '=', filingId)
      .execute();
    await transition(ctx, db, orgId, filingId, from, status, reasons, actor);
    if (status === 'submitted') {
      // Clocks stop when the filing leaves: in time = met, after the deadline = late.
      await db
        .updateTable('filing_clocks')
        .set({
          status: sql`case when due_at >= ${now} then 'met' else 'late' end`,
          met_at: now,
          updated_at: now,
        })
        .where('filing_id', '=', filingId)
        .where('status', 'in', ['open', 'missed'])
        .execute();
    }
    if (status === 'rejected') {
      // A rejected filing was not filed: its clocks run again (and the sweep marks them missed if due).
      await db
        .updateTable('filing_clocks')
        .set({ status: 'open', met_at: null, updated_at: now })
        .where('filing_id', '=', filingId)
        .where('status', 'in', ['met', 'late'])
        .execute();
    }
    if (status === 'withdrawn')
      await db
        .deleteFrom('filing_clocks')
        .where('filing_id', '=', filingId)
        .where('status', '=', 'open')
        .execute();
    await ctx.journal.append(db, orgId, [
      {
        kind: 'filing.status_changed',
        version: 1,
        actor,
        subject: filingId,
        data: { from, to: status, reasons },
      },
    ]);
    return { filingId, status, changed: true };
  };
  return tx ? run(tx) : ctx.db.transaction().execute(run);
}

// ------------------------------------------------------------------------------------------- encode

/** The wire payload for the gateway, with an idempotency key stable for one filing version. */
export async function encodeFiling(ctx: AppContext, orgId: string, filingId: string) {
  const { row, filing } = await loadFiling(ctx, orgId, filingId);
  return encodeLoaded(filingId, row.version, filing);
}

function encodeLoaded(filingId: string, version: number, filing: Filing) {
  const e = encode(filing);
  return {
    filingId,
    regime: e.regime,
    kind: e.kind,
    format: e.format,
    contentType: e.contentType,
    payload: e.payload,
    sha256: e.sha256,
    encoder: ENCODER_VERSION,
    idempotencyKey: `${filingId}:v${version}:${e.sha256.slice(0, 16)}`,
  };
}

// ----------------------------------------------------------------------------------- transport patch

export interface TransportPatch {
  conveyance?: string;
  voyage?: string;
  carrierCode?: string;
  masterBill?: string;
  houseBill?: string;
  containers?: string[];
}

/**
 * A hand edit of an editable filing: `edit` changes the canonical model in place and returns what to
 * journal; the filing gets a new version and, if it was validated, goes back to draft (re-check).
 */
async function editFiling<T>(
  ctx: AppContext,
  orgId: string,
  id: string,
  actor: string,
  journalKind: string,
  edit: (f: Filing, tx: Executor) => Promise<{ journal: Record<string, unknown>; result: T }>,
) {
  return ctx.db.transaction().execute(async (tx) => {
    const { row, filing } = await loadFiling(ctx, orgId, id, tx);
    if (!EDITABLE_STATUSES.includes(row.status as FilingStatus))
      throw conflict(`The filing is ${row.status}: amend it before changing it`);
    const { journal, result } = await edit(filing, tx);
    const next: FilingStatus = row.status === 'validated' ? 'draft' : (row.status as FilingStatus);
    await tx
      .updateTable('filings')
      .set({
        document: JSON.stringify(splitDocument(filing).document),
        status: next,
        version: row.version + 1,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    if (next !== row.status)
      await transition(ctx, tx, orgId, id, row.status as FilingStatus, next, [journalKind], actor);
    await ctx.journal.append(tx, orgId, [
      { kind: journalKind, version: 1, actor, subject: id, data: journal },
    ]);
    return { filingId: id, status: next, ...result };
  });
}

/** Adds transport details the shipment record lacks (flight, vessel, containers); back to draft. */
export async function patchTransport(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: TransportPatch,
  actor: string,
) {
  return editFiling(ctx, orgId, id, actor, 'filing.transport_changed', async (f) => {
    f.transport = { ...f.transport, ...patch };
    return { journal: { fields: Object.keys(patch).sort() }, result: { transport: f.transport } };
  });
}

/** Supplies partner-agency data for one line (e.g. the FDA product code for an FD2-flagged line). */
export async function patchLinePga(
  ctx: AppContext,
  orgId: string,
  id: string,
  lineNo: number,
  pgaData: Record<string, string>,
  actor: string,
) {
  return editFiling(ctx, orgId, id, actor, 'filing.pga_changed', async (f, tx) => {
    const line = f.lines.find((l) => l.lineNo === lineNo);
    if (!line) throw notFound('Filing line', String(lineNo));
    const unknown = Object.keys(pgaData).filter((k) => !line.pga.includes(k));
    if (unknown.length)
      throw invalid(`Line ${lineNo} is not flagged for ${unknown.join(', ')}`, [
        { field: 'pgaData', message: `flags on the line: ${line.pga.join(', ') || 'none'}` },
      ]);
    line.pgaData = { ...(line.pgaData ?? {}), ...pgaData };
    await tx
      .updateTable('filing_lines')
      .set({ data: JSON.stringify(line) })
      .where('filing_id', '=', id)
      .where('line_no', '=', lineNo)
      .execute();
    return {
      journal: { lineNo, flags: Object.keys(pgaData).sort() },
      result: { lineNo, pga: line.pga, pgaData: line.pgaData },
    };
  });
}

// ---------------------------------------------------------------------------------------- listings

export async function listFilings(
  ctx: AppContext,
  orgId: string,
  opts: {
    limit: number;
    cursor?: string | undefined;
    status?: string | undefined;
    kind?: string | undefined;
    shipmentId?: string | undefined;
  },
) {
  let q = ctx.db
    .selectFrom('filings')
    .select([
      'id',
      'shipment_id',
      'kind',
      'variant',
      'regime',
      'status',
      'reference',
      'entry_number',
      'check_summary',
      'version',
      'updated_at',
    ])
    .where('org_id', '=', orgId);
  if (opts.cursor) q = q.where('id', '>', opts.cursor);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.shipmentId) q = q.where('shipment_id', '=', opts.shipmentId);
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  return rows.map((r) => {
    const s = r.check_summary as { errors?: number; warnings?: number } | null;
    return {
      id: r.id,
      shipmentId: r.shipment_id,
      kind: r.kind,
      variant: r.variant,
      regime: r.regime,
      status: r.status,
      reference: r.reference,
      entryNumber: r.entry_number,
      errors: s?.errors ?? null,
      warnings: s?.warnings ?? null,
      version: r.version,
      updatedAt: iso(r.updated_at)!,
    };
  });
}

/**
 * Records that `actor` read the personal data (natural persons' names and addresses) of a filing, as
 * the access model asks for every read of personal data. Nothing personal goes into the entry.
 */
async function journalPersonalRead(
  ctx: AppContext,
  orgId: string,
  f: Filing,
  id: string,
  actor: string,
  via: string,
) {
  const roles = f.parties.filter((p) => p.isPerson).map((p) => p.role);
  if (!roles.length) return;
  await ctx.db
    .transaction()
    .execute((tx) =>
      ctx.journal.append(tx, orgId, [
        { kind: 'filing.personal_data_read', version: 1, actor, subject: id, data: { via, roles } },
      ]),
    );
}

/** The wire payload for a person (API/CLI), with the read of personal data journaled. */
export async function readPayload(ctx: AppContext, orgId: string, id: string, actor: string) {
  const { row, filing } = await loadFiling(ctx, orgId, id);
  await journalPersonalRead(ctx, orgId, filing, id, actor, 'payload');
  return encodeLoaded(id, row.version, filing);
}

/** One filing with its canonical document, checkpoint failures, clocks and status history. */
export async function getFilingDetail(ctx: AppContext, orgId: string, id: string, actor: string) {
  const { row, filing } = await loadFiling(ctx, orgId, id);
  await journalPersonalRead(ctx, orgId, filing, id, actor, 'detail');
  const [checks, clocks, history] = await Promise.all([
    ctx.db
      .selectFrom('filing_check_results')
      .selectAll()
      .where('filing_id', '=', id)
      .orderBy('code')
      .execute(),
    ctx.db.selectFrom('filing_clocks').selectAll().where('filing_id', '=', id).orderBy('due_at').execute(),
    ctx.db
      .selectFrom('filing_status_history')
      .selectAll()
      .where('filing_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    checkSummary: row.check_summary,
    filing,
    checks: checks.map((c) => ({
      code: c.code,
      severity: c.severity,
      category: c.category,
      message: c.message,
      fix: c.fix,
      findings: c.findings,
    })),
    clocks: clocks.map(clockOut),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reasons: h.reasons,
      actor: h.actor,
      at: iso(h.at)!,
    })),
  };
}

function clockOut(c: Selectable<FilingClockTable>) {
  return {
    id: c.id,
    filingId: c.filing_id,
    shipmentId: c.shipment_id,
    regime: c.regime,
    kind: c.kind,
    clock: c.clock,
    label: c.label,
    basis: c.basis,
    dueAt: iso(c.due_at)!,
    status: c.status,
    timeZone: c.time_zone,
    rule: c.rule,
    explanation: c.explanation,
    metAt: iso(c.met_at),
  };
}

// ---------------------------------------------------------------------------------------- deadlines

/**
 * The deadline sweep: re-computes the clocks of shipments whose ETD/ETA changed, marks clocks
 * missed once their deadline passes unfiled, and raises each alert lead (48 h, 24 h, 4 h, overdue)
 * once. Runs on a schedule under `crossgate serve` and before the deadline listings.
 */
export async function sweepDeadlines(ctx: AppContext, orgId: string, leadsOverride?: readonly number[]) {
  const leads =
    leadsOverride ?? (await getSettings(ctx, orgId)).alertLeadsHours ?? filingsDeps.alertLeadsHours;
  const now = ctx.clock.now();
  // 1. ETD/ETA moved: clocks anchored on the old times are re-planned.
  const moved = await ctx.db
    .selectFrom('filings as f')
    .innerJoin('shipments as s', 's.id', 'f.shipment_id')
    .select([
      'f.id',
      'f.variant',
      's.etd',
      's.eta',
      sql<string | null>`f.document->'transport'->>'departure'`.as('departure'),
      sql<string | null>`f.document->'transport'->>'arrival'`.as('arrival'),
    ])
    .where('f.org_id', '=', orgId)
    .where('f.status', 'in', ['draft', 'validated', 'amended', 'rejected'])
    .execute();
  let recomputed = 0;
  for (const m of moved) {
    const etd = iso(m.etd) ?? undefined;
    const eta = iso(m.eta) ?? undefined;
    // Compared on the stored document first, so unchanged filings are not loaded (nor their parties opened).
    if ((m.departure ?? undefined) === etd && (m.arrival ?? undefined) === eta) continue;
    const { filing } = await loadFiling(ctx, orgId, m.id);
    const transport = { ...filing.transport, departure: etd, arrival: eta } as FilingTransport;
    const next = { ...filing, transport };
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('filings')
        .set({ document: JSON.stringify(splitDocument(next).document), updated_at: now })
        .where('id', '=', m.id)
        .execute();
      await recomputeClocks(ctx, tx, orgId, m.id, next, m.variant);
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'filing.clocks_recomputed',
          version: 1,
          actor: 'system:deadlines',
          subject: m.id,
          data: { etd: etd ?? null, eta: eta ?? null },
        },
      ]);
    });
    recomputed++;
  }
  // 2. Missed clocks and alerts.
  const open = await ctx.db
    .selectFrom('filing_clocks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .execute();
  let raised = 0;
  await ctx.db.transaction().execute(async (tx) => {
    for (const c of open) {
      const due = iso(c.due_at)!;
      for (const lead of crossedLeads(due, now, leads)) {
        const r = await tx
          .insertInto('filing_alerts')
          .values({
            id: ctx.ids.next('alert'),
            org_id: orgId,
            clock_id: c.id,
            filing_id: c.filing_id,
            lead,
            due_at: due,
            raised_at: now,
            message:
              lead === 'overdue'
                ? `${c.label}: overdue since ${due}`
                : `${c.label}: due within ${lead} (${due})`,
          })
          .onConflict((oc) => oc.constraint('filing_alerts_once').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) raised++;
      }
      if (Date.parse(due) < now.getTime())
        await tx
          .updateTable('filing_clocks')
          .set({ status: 'missed', updated_at: now })
          .where('id', '=', c.id)
          .execute();
    }
    if (raised)
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'filing.deadline_alerts',
          version: 1,
          actor: 'system:deadlines',
          data: { raised, at: now.toISOString() },
        },
      ]);
  });
  return { recomputed, alertsRaised: raised, openClocks: open.length };
}

/** Open clocks due within `withinHours` (and, with `overdue`, those already missed). */
export async function listDeadlines(
  ctx: AppContext,
  orgId: string,
  opts: { withinHours?: number; includeOverdue?: boolean },
) {
  const now = ctx.clock.now();
  let q = ctx.db.selectFrom('filing_clocks').selectAll().where('org_id', '=', orgId);
  if (opts.includeOverdue) q = q.where('status', 'in', ['open', 'missed']);
  else q = q.where('status', '=', 'open');
  if (opts.withinHours !== undefined)
    q = q.where('due_at', '<=', new Date(now.getTime() + opts.withinHours * 3_600_000));
  const rows = await q.orderBy('due_at').limit(1000).execute();
  return rows.map((c) => ({
    ...clockOut(c),
    hoursLeft: Math.round(((Date.parse(iso(c.due_at)!) - now.getTime()) / 3_600_000) * 10) / 10,
  }));
}

export async function listAlerts(ctx: AppContext, orgId: string, limit = 100) {
  const rows = await ctx.db
    .selectFrom('filing_alerts')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((a) => ({
    id: a.id,
    filingId: a.filing_id,
    lead: a.lead,
    dueAt: iso(a.due_at)!,
    raisedAt: iso(a.raised_at)!,
    message: a.message,
  }));
}

/** Share of closed clocks met in time, per regime (met / (met + late + missed)). */
export async function timeliness(ctx: AppContext, orgId: string) {
  const rows = await ctx.db
    .selectFrom('filing_clocks')
    .select((eb) => ['regime', 'status', eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['regime', 'status'])
    .execute();
  const by = new Map<string, { met: number; late: number; missed: number; open: number }>();
  for (const r of rows) {
    const e = by.get(r.regime) ?? { met: 0, late: 0, missed: 0, open: 0 };
    e[r.status as 'met'] = Number(r.n);
    by.set(r.regime, e);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([regime, e]) => {
      const closed = e.met + e.late + e.missed;
      return { regime, ...e, onTimeRate: closed ? Math.round((e.met / closed) * 1000) / 1000 : null };
    });
}

/** Dashboard: what is due in the next 24 h, what is overdue, which checkpoints fail most. */
export async function dashboard(ctx: AppContext, orgId: string) {
  await sweepDeadlines(ctx, orgId);
  const [due, all, failing, rate, byStatus] = await Promise.all([
    listDeadlines(ctx, orgId, { withinHours: 24 }),
    listDeadlines(ctx, orgId, { includeOverdue: true }),
    ctx.db
      .selectFrom('filing_check_results')
      .select((eb) => ['code', 'severity', 'message', 'fix', eb.fn.countAll<number>().as('filings')])
      .where('org_id', '=', orgId)
      .groupBy(['code', 'severity', 'message', 'fix'])
      .orderBy('filings', 'desc')
      .limit(50)
      .execute(),
    timeliness(ctx, orgId),
    ctx.db
      .selectFrom('filings')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .groupBy('status')
      .execute(),
  ]);
  return {
    dueNext24h: due.filter((d) => d.hoursLeft >= 0),
    overdue: all.filter((d) => d.status === 'missed' || d.hoursLeft < 0),
    failingCheckpoints: failing.map((f) => ({ ...f, filings: Number(f.filings) })),
    timeliness: rate,
    filingsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
  };
}

export { BUILDER_VERSION, invalid };
export type { ValidationReport };
