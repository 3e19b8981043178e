import { type Selectable, sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { crossedLeads, planClocks } from './deadlines.ts';
import { filingsDeps } from './filings.deps.ts';
import type { FilingClockTable } from './filings.tables.ts';
import { getSettings } from './filing-settings.service.ts';
import { iso, loadFiling, splitDocument } from './filing.repository.ts';
import type { Filing, FilingTransport } from './model.ts';

// ------------------------------------------------------------------------------------------- clocks

export async function recomputeClocks(
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

export function clockOut(c: Selectable<FilingClockTable>) {
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
