import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { filingSource } from './gateway.ports.ts';
import { enqueueSubmission } from './outbox.service.ts';
import { REGIMES, type Regime } from './gateway.types.ts';
import { samplePayload } from './sample-payloads.ts';

/**
 * Submits a filing: loads its payload from the wired FilingSource and queues it in one transaction.
 * Queuing is idempotent per idempotency key, so submitting twice queues once.
 */
export async function submitFiling(ctx: AppContext, orgId: string, filingId: string, actor: string) {
  const source = filingSource();
  if (!source)
    throw new AppError(
      'unavailable',
      'No filings module is wired to the gateway; queue sample filings with `crossgate filings sample`',
    );
  await ctx.cipher.seal(orgId, '');
  return ctx.db.transaction().execute(async (tx) => {
    const f = await source.load(ctx, tx, orgId, filingId);
    const r = await enqueueSubmission(ctx, tx, {
      orgId,
      filingId,
      regime: f.regime,
      payload: f.payload,
      idempotencyKey: f.idempotencyKey,
      kind: f.kind,
      deadlineAt: f.deadlineAt ?? null,
      actor,
    });
    return { filingId, submissionId: r.id, queued: r.created };
  });
}

export async function submitReady(ctx: AppContext, orgId: string, actor: string) {
  const source = filingSource();
  if (!source?.ready)
    throw new AppError(
      'unavailable',
      'No filings module is wired to the gateway (nothing lists ready filings)',
    );
  const ids = await source.ready(ctx.db, orgId);
  const out = [];
  for (const id of ids) out.push(await submitFiling(ctx, orgId, id, actor));
  return out;
}

/**
 * Queues `count` sample filings (realistic small payloads of each regime's shape) — for the demo, the
 * chaos test and the benchmarks, until the filings module provides real ones.
 */
export async function queueSampleFilings(
  ctx: AppContext,
  orgId: string,
  opts: { count: number; regimes?: readonly Regime[]; deadlineInMs?: number; actor?: string; seed?: number },
): Promise<Array<{ filingId: string; submissionId: string; regime: Regime }>> {
  const regimes = opts.regimes?.length ? opts.regimes : REGIMES;
  await ctx.cipher.seal(orgId, '');
  const out: Array<{ filingId: string; submissionId: string; regime: Regime }> = [];
  const chunk = 100;
  for (let start = 0; start < opts.count; start += chunk) {
    const made = await ctx.db.transaction().execute(async (tx) => {
      const part = [];
      for (let i = start; i < Math.min(opts.count, start + chunk); i++) {
        const regime = regimes[i % regimes.length]!;
        const filingId = ctx.ids.next('filing');
        const r = await enqueueSubmission(ctx, tx, {
          orgId,
          filingId,
          regime,
          payload: samplePayload(regime, { reference: filingId, seed: (opts.seed ?? 1) * 100_003 + i }),
          idempotencyKey: `${filingId}:1`,
          deadlineAt:
            opts.deadlineInMs === undefined ? null : new Date(ctx.clock.now().getTime() + opts.deadlineInMs),
          actor: opts.actor,
        });
        part.push({ filingId, submissionId: r.id, regime });
      }
      return part;
    });
    out.push(...made);
  }
  return out;
}
