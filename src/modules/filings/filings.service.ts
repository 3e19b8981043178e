import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { type Executor, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { buildFiling, planFilings, type PlannedFiling } from './builders/builders.ts';
import type { ShipmentBundle } from './builders/common.ts';
import { CHECKPOINT_REGISTRY_VERSION, validateFiling } from './checkpoints/registry.ts';
import { clockOut, recomputeClocks } from './deadline-clocks.service.ts';
import { encode, ENCODER_VERSION } from './encoders/index.ts';
import { drawEntryNumber } from './filing-settings.service.ts';
import { iso, loadFiling, splitDocument, transition, writeLines, writeParties } from './filing.repository.ts';
import { filingsDeps, tariffValidator } from './filings.deps.ts';
import type { TariffCodeValidator } from './filings.ports.ts';
import { canTransition, EDITABLE_STATUSES, type Filing, type FilingStatus } from './model.ts';
import { loadBundle } from './shipment-bundle.ts';

/**
 * The filing workflow: build from a shipment, check against the checkpoints, record status changes,
 * encode for the gateway, and the hand edits a filer makes in between. Every state change and its
 * journal entry are written in one transaction.
 */

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
  const tariff = await tariffValidator(ctx);
  for (const plan of plans) {
    try {
      out.push(await buildOne(ctx, orgId, bundle, plan, actor, tariff));
    } catch (err) {
      // Two builds of the same new filing raced: the loser sees the winner's row on a second try.
      if (!isUniqueViolation(err)) throw err;
      out.push(await buildOne(ctx, orgId, bundle, plan, actor, tariff));
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
  tariff: TariffCodeValidator,
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
      tariff,
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
    tariff: await tariffValidator(ctx),
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

// ------------------------------------------------------------------------------------ for the gateway

/**
 * A filing's wire payload with what the gateway needs to queue it (status, earliest open deadline), read
 * through the caller's transaction so the filing is queued in the same transaction that submits it.
 */
export async function encodeForTransport(ctx: AppContext, orgId: string, filingId: string, db: Executor) {
  const { row, filing } = await loadFiling(ctx, orgId, filingId, db);
  const clock = await db
    .selectFrom('filing_clocks')
    .select('due_at')
    .where('org_id', '=', orgId)
    .where('filing_id', '=', filingId)
    .where('status', '=', 'open')
    .orderBy('due_at')
    .executeTakeFirst();
  return {
    ...encodeLoaded(filingId, row.version, filing),
    status: row.status as FilingStatus,
    deadlineAt: clock ? new Date(clock.due_at) : null,
  };
}

/** Validated filings of the given kinds, oldest first: what `filings submit --all` sends. */
export async function listReadyFilings(db: Executor, orgId: string, kinds: string[]): Promise<string[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .selectFrom('filings')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['validated', 'amended'])
    .where('kind', 'in', kinds as never[])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
