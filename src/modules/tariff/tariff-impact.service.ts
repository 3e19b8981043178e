import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { formatCode } from './hts-format.ts';
import { validateUsCode } from './code-validation.ts';
import { type TariffChange, diffSchedules, summariseChanges } from './tariff-diff.ts';
import { getRevision, loadSchedule } from './tariff.service.ts';
import type { TariffAlertKind } from './tariff.tables.ts';

export interface DiffResult {
  id: string;
  from: { id: string; label: string };
  to: { id: string; label: string };
  summary: Record<string, number>;
  changes: TariffChange[];
}

/** Computes (or returns the stored) diff between two revisions. */
export async function revisionDiff(ctx: AppContext, fromId: string, toId: string): Promise<DiffResult> {
  const [from, to] = await Promise.all([getRevision(ctx, fromId), getRevision(ctx, toId)]);
  const stored = await ctx.db
    .selectFrom('tariff_diffs')
    .selectAll()
    .where('from_revision_id', '=', from.id)
    .where('to_revision_id', '=', to.id)
    .executeTakeFirst();
  const refs = { from: { id: from.id, label: from.label }, to: { id: to.id, label: to.label } };
  if (stored) {
    const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
    return { id: stored.id, ...refs, summary: parse(stored.summary), changes: parse(stored.changes) };
  }
  const changes = diffSchedules(await loadSchedule(ctx, from.id), await loadSchedule(ctx, to.id));
  const summary = summariseChanges(changes);
  const id = ctx.ids.next('tariffDiff');
  await ctx.db
    .insertInto('tariff_diffs')
    .values({
      id,
      from_revision_id: from.id,
      to_revision_id: to.id,
      summary: JSON.stringify(summary),
      changes: JSON.stringify(changes),
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['from_revision_id', 'to_revision_id']).doNothing())
    .execute();
  return { id, ...refs, summary, changes };
}

export interface TariffAlert {
  id: string;
  productId: string;
  sku: string;
  kind: TariffAlertKind;
  code: string;
  oldText: string | null;
  newText: string | null;
  suggestedCodes: string[];
  status: 'open' | 'acknowledged';
  createdAt: string;
}

/**
 * Raises, for one organisation, an alert per product whose US code the change from `fromId` to `toId`
 * affects: deleted (with the codes that replace it), no longer declarable, re-described, duty changed,
 * moved. Old and new text go with each alert. Idempotent per (diff, product, kind). Journalled.
 */
export async function raiseImpactAlerts(
  ctx: AppContext,
  orgId: string,
  fromId: string,
  toId: string,
  actor = 'system:tariff',
): Promise<{ diffId: string; alerts: number }> {
  const diff = await revisionDiff(ctx, fromId, toId);
  const to = await loadSchedule(ctx, toId);
  const byCode = new Map<string, TariffChange[]>();
  for (const c of diff.changes) {
    const list = byCode.get(c.code) ?? [];
    list.push(c);
    byCode.set(c.code, list);
  }
  const products = await ctx.db
    .selectFrom('products')
    .select(['id', 'sku', 'hs_code'])
    .where('org_id', '=', orgId)
    .where('hs_code', 'is not', null)
    .execute();
  const rows: Array<{
    productId: string;
    kind: TariffAlertKind;
    code: string;
    old: string | null;
    new: string | null;
    suggested: string[];
  }> = [];
  for (const p of products) {
    const code = (p.hs_code ?? '').replace(/\D/g, '');
    if (!code) continue;
    // Changes on the line itself or on any numbered ancestor (a heading's rate applies to its lines).
    const relevant = [code, code.slice(0, 8), code.slice(0, 6), code.slice(0, 4)].flatMap(
      (c) => byCode.get(c) ?? [],
    );
    for (const c of relevant) {
      const fmt = (t?: { description: string; general?: string }) =>
        t
          ? t.general !== undefined
            ? `${t.description} — general ${t.general || '(none)'}`
            : t.description
          : null;
      if (c.kind === 'deleted' && c.code === code) {
        const v = validateUsCode(to, code);
        rows.push({
          productId: p.id,
          kind: 'code_deleted',
          code,
          old: fmt(c.old),
          new: v.message,
          suggested: v.alternatives.map((a) => a.code),
        });
      } else if (c.kind === 'moved' && c.code === code) {
        rows.push({
          productId: p.id,
          kind: 'code_moved',
          code,
          old: fmt(c.old),
          new: `${fmt(c.new)} (now ${formatCode(c.to ?? '')})`,
          suggested: c.to && c.to.length === 10 ? [c.to] : [],
        });
      } else if (c.kind === 'rerated') {
        rows.push({
          productId: p.id,
          kind: 'duty_changed',
          code,
          old: fmt(c.old),
          new: fmt(c.new),
          suggested: [],
        });
      } else if (c.kind === 'redescribed') {
        rows.push({
          productId: p.id,
          kind: 'code_redescribed',
          code,
          old: fmt(c.old),
          new: fmt(c.new),
          suggested: [],
        });
      }
    }
    if (!to.byCode.has(code) && !relevant.some((c) => c.kind === 'deleted' || c.kind === 'moved')) {
      const v = validateUsCode(to, code);
      if (!v.valid && v.problem === 'not_declarable')
        rows.push({
          productId: p.id,
          kind: 'code_not_declarable',
          code,
          old: null,
          new: v.message,
          suggested: v.alternatives.map((a) => a.code),
        });
    }
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const k = `${r.productId}|${r.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  let inserted = 0;
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    for (const r of unique) {
      const res = await tx
        .insertInto('tariff_alerts')
        .values({
          id: ctx.ids.next('alert'),
          org_id: orgId,
          diff_id: diff.id,
          product_id: r.productId,
          kind: r.kind,
          code: r.code,
          old_text: r.old,
          new_text: r.new,
          suggested_codes: JSON.stringify(r.suggested),
          status: 'open',
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['org_id', 'diff_id', 'product_id', 'kind']).doNothing())
        .executeTakeFirst();
      inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    if (inserted > 0)
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'tariff.impact_assessed',
          version: 1,
          actor,
          subject: diff.id,
          data: { from: diff.from.id, to: diff.to.id, alerts: inserted, products: products.length },
        },
      ]);
  });
  return { diffId: diff.id, alerts: inserted };
}

export async function listAlerts(
  ctx: AppContext,
  orgId: string,
  opts: { status?: 'open' | 'acknowledged' } = {},
): Promise<TariffAlert[]> {
  let q = ctx.db
    .selectFrom('tariff_alerts as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .select([
      'a.id',
      'a.product_id',
      'p.sku',
      'a.kind',
      'a.code',
      'a.old_text',
      'a.new_text',
      'a.suggested_codes',
      'a.status',
      'a.created_at',
    ])
    .where('a.org_id', '=', orgId);
  if (opts.status) q = q.where('a.status', '=', opts.status);
  const rows = await q.orderBy('a.id').execute();
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    sku: r.sku,
    kind: r.kind,
    code: r.code,
    oldText: r.old_text,
    newText: r.new_text,
    suggestedCodes: typeof r.suggested_codes === 'string' ? JSON.parse(r.suggested_codes) : r.suggested_codes,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** A user has seen an alert (and acted on it, or decided not to). Journalled. */
export async function acknowledgeAlert(
  ctx: AppContext,
  orgId: string,
  id: string,
  actor: string,
): Promise<TariffAlert> {
  await ctx.db.transaction().execute(async (tx) => {
    const upd = await tx
      .updateTable('tariff_alerts')
      .set({ status: 'acknowledged' })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) === 0) {
      const exists = await tx
        .selectFrom('tariff_alerts')
        .select('status')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) throw notFound('Alert', id);
      return;
    }
    await ctx.journal.append(tx, orgId, [
      { kind: 'tariff.alert_acknowledged', version: 1, actor, subject: id, data: { alert: id } },
    ]);
  });
  const all = await listAlerts(ctx, orgId);
  return all.find((a) => a.id === id)!;
}
