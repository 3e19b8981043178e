import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Reason } from './gateway.types.ts';

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

/** Counts by status and the latest filings (the gateway's own projection). */
export async function filingStatuses(
  ctx: AppContext,
  orgId: string,
  opts: { status?: string | undefined; limit?: number; after?: string | undefined } = {},
) {
  const counts = await ctx.db
    .selectFrom('gateway_filing_status')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('status')
    .execute();
  let q = ctx.db
    .selectFrom('gateway_filing_status as f')
    .innerJoin('gateway_outbox as o', 'o.id', 'f.outbox_id')
    .select([
      'f.filing_id',
      'f.regime',
      'f.status',
      'f.reasons',
      'f.authority_ref',
      'f.updated_at',
      'o.id as submission_id',
      'o.kind',
      'o.attempts',
      'o.state',
      'o.environment',
      'o.dead_reason',
    ])
    .where('f.org_id', '=', orgId)
    .orderBy('f.filing_id')
    .limit(opts.limit ?? 100);
  if (opts.status) q = q.where('f.status', '=', opts.status as never);
  if (opts.after) q = q.where('f.filing_id', '>', opts.after);
  const rows = await q.execute();
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Record<string, number>,
    filings: rows.map((r) => ({
      filingId: r.filing_id,
      regime: r.regime,
      status: r.status,
      reasons: r.reasons as Reason[],
      authorityRef: r.authority_ref,
      submissionId: r.submission_id,
      kind: r.kind,
      attempts: r.attempts,
      outboxState: r.state,
      environment: r.environment,
      deadReason: r.dead_reason,
      updatedAt: iso(r.updated_at)!,
    })),
  };
}

export async function filingDetail(ctx: AppContext, orgId: string, filingId: string) {
  const status = await ctx.db
    .selectFrom('gateway_filing_status')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('filing_id', '=', filingId)
    .executeTakeFirst();
  if (!status) throw notFound('Filing', filingId);
  const submissions = await ctx.db
    .selectFrom('gateway_outbox')
    .select([
      'id',
      'kind',
      'regime',
      'environment',
      'idempotency_key',
      'state',
      'attempts',
      'last_error',
      'dead_reason',
      'authority_ref',
      'conversation_id',
      'deadline_at',
      'enqueued_at',
      'transmitted_at',
      'completed_at',
    ])
    .where('org_id', '=', orgId)
    .where('filing_id', '=', filingId)
    .orderBy('enqueued_at')
    .execute();
  const ids = submissions.map((s) => s.id);
  const attempts = ids.length
    ? await ctx.db
        .selectFrom('gateway_attempts')
        .select([
          'outbox_id',
          'attempt_no',
          'worker',
          'started_at',
          'latency_ms',
          'outcome',
          'http_status',
          'error',
          'endpoint',
        ])
        .where('org_id', '=', orgId)
        .where('outbox_id', 'in', ids)
        .orderBy('started_at')
        .execute()
    : [];
  const messages = await ctx.db
    .selectFrom('gateway_messages')
    .select([
      'message_id',
      'outbox_id',
      'disposition',
      'seq',
      'authority_ref',
      'reasons',
      'via',
      'applied',
      'received_at',
    ])
    .where('org_id', '=', orgId)
    .where('filing_id', '=', filingId)
    .orderBy('received_at')
    .execute();
  return {
    filingId,
    regime: status.regime,
    status: status.status,
    reasons: status.reasons as Reason[],
    authorityRef: status.authority_ref,
    submissions: submissions.map((s) => ({
      id: s.id,
      kind: s.kind,
      regime: s.regime,
      environment: s.environment,
      idempotencyKey: s.idempotency_key,
      state: s.state,
      attempts: s.attempts,
      lastError: s.last_error,
      deadReason: s.dead_reason,
      authorityRef: s.authority_ref,
      conversationId: s.conversation_id,
      deadlineAt: iso(s.deadline_at),
      enqueuedAt: iso(s.enqueued_at)!,
      transmittedAt: iso(s.transmitted_at),
      completedAt: iso(s.completed_at),
    })),
    attempts: attempts.map((a) => ({
      submissionId: a.outbox_id,
      attempt: a.attempt_no,
      worker: a.worker,
      startedAt: iso(a.started_at)!,
      latencyMs: a.latency_ms,
      outcome: a.outcome,
      httpStatus: a.http_status,
      error: a.error,
      endpoint: a.endpoint,
    })),
    messages: messages.map((m) => ({
      messageId: m.message_id,
      submissionId: m.outbox_id,
      disposition: m.disposition,
      seq: m.seq,
      authorityRef: m.authority_ref,
      reasons: m.reasons as Reason[],
      via: m.via,
      applied: m.applied,
      receivedAt: iso(m.received_at)!,
    })),
  };
}

/** Outbox health for one organisation: depth by state, age of the oldest unsent, dead letters. */
export async function outboxSummary(ctx: AppContext, orgId: string, opts: { deadLimit?: number } = {}) {
  const byState = await ctx.db
    .selectFrom('gateway_outbox')
    .select([
      'state',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.min('enqueued_at').as('oldest'),
    ])
    .where('org_id', '=', orgId)
    .groupBy('state')
    .execute();
  const depth: Record<string, number> = {
    pending: 0,
    retry: 0,
    sending: 0,
    transmitted: 0,
    done: 0,
    dead: 0,
  };
  let oldest: number | undefined;
  for (const r of byState) {
    depth[r.state] = Number(r.n);
    if (['pending', 'retry', 'sending'].includes(r.state) && r.oldest) {
      const t = new Date(r.oldest).getTime();
      oldest = oldest === undefined ? t : Math.min(oldest, t);
    }
  }
  const dead = await ctx.db
    .selectFrom('gateway_outbox')
    .select(['id', 'filing_id', 'regime', 'attempts', 'dead_reason', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('state', '=', 'dead')
    .orderBy('updated_at', 'desc')
    .limit(opts.deadLimit ?? 50)
    .execute();
  const alerts = await ctx.db
    .selectFrom('gateway_alerts')
    .select(['id', 'kind', 'subject', 'message', 'created_at'])
    .where('org_id', '=', orgId)
    .where('resolved_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  const now = ctx.clock.now().getTime();
  return {
    depth,
    queued: depth.pending! + depth.retry! + depth.sending!,
    oldestUnsentAt: oldest === undefined ? null : new Date(oldest).toISOString(),
    oldestUnsentAgeSeconds: oldest === undefined ? null : Math.max(0, Math.round((now - oldest) / 1000)),
    deadLetters: dead.map((d) => ({
      submissionId: d.id,
      filingId: d.filing_id,
      regime: d.regime,
      attempts: d.attempts,
      reason: d.dead_reason,
      at: iso(d.updated_at)!,
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      subject: a.subject,
      message: a.message,
      at: iso(a.created_at)!,
    })),
  };
}
