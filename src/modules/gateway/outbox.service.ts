import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { AppContext, JournalRecord } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { applyMessages } from './acks.service.ts';
import { mayRetry, retryDelayMs, type RetryPolicy } from './backoff.ts';
import { activeEnvironment } from './endpoints.service.ts';
import { notifySinks } from './gateway.ports.ts';
import { attemptsTotal, deadLettersTotal } from './gateway.metrics.ts';
import type { Selectable } from 'kysely';
import type { GatewayOutboxTable } from './gateway.tables.ts';
import { REGIMES, SUBMISSION_KINDS, type Regime, type SubmissionKind } from './gateway.types.ts';
import { transactionRef } from './transports/transaction-ref.ts';
import type { SendOutcome } from './transports/transport.ts';

/** Wakes in-process workers at once when a submission is queued (PostgreSQL workers use NOTIFY). */
export const outboxSignal = new EventEmitter();
export const NOTIFY_CHANNEL = 'crossgate_gateway_outbox';

export interface EnqueueInput {
  orgId: string;
  filingId: string;
  regime: Regime;
  payload: string;
  idempotencyKey: string;
  kind?: SubmissionKind | undefined;
  deadlineAt?: Date | string | null | undefined;
  /** Who queued it (user id, API key id or `system:<process>`). */
  actor?: string | undefined;
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Queues a submission in the caller's transaction — the same one that marks the filing submitted — so
 * a filing is never marked submitted without being queued, nor queued without being marked. The
 * payload is sealed (it names parties). Queuing the same idempotency key again returns the existing
 * submission. On PGlite, seal once for the organisation before opening the transaction (the cipher
 * creates the organisation's data key on first use, outside the transaction).
 */
export async function enqueueSubmission(
  ctx: AppContext,
  tx: Executor,
  input: EnqueueInput,
): Promise<{ id: string; created: boolean }> {
  if (!(REGIMES as readonly string[]).includes(input.regime))
    throw invalid(`regime must be one of ${REGIMES.join(', ')}`);
  const kind = input.kind ?? 'original';
  if (!(SUBMISSION_KINDS as readonly string[]).includes(kind))
    throw invalid(`kind must be one of ${SUBMISSION_KINDS.join(', ')}`);
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey))
    throw invalid('idempotencyKey must be 1-64 characters of A-Z a-z 0-9 . _ : -');
  if (!input.payload.trim()) throw invalid('payload is empty');
  const existing = await tx
    .selectFrom('gateway_outbox')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };

  const now = ctx.clock.now();
  const id = ctx.ids.next('outbox');
  const environment = await activeEnvironment(tx, input.orgId, input.regime);
  const sha = crypto.createHash('sha256').update(input.payload).digest('hex');
  const deadline = input.deadlineAt ? new Date(input.deadlineAt) : null;
  await tx
    .insertInto('gateway_outbox')
    .values({
      id,
      org_id: input.orgId,
      filing_id: input.filingId,
      regime: input.regime,
      kind,
      idempotency_key: input.idempotencyKey,
      transaction_ref: transactionRef(input.regime, input.idempotencyKey),
      payload_sealed: await ctx.cipher.seal(input.orgId, input.payload),
      payload_sha256: sha,
      environment,
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      deadline_at: deadline,
      enqueued_at: now,
      updated_at: now,
    })
    .execute();
  const status = {
    regime: input.regime,
    status: 'queued' as const,
    reasons: '[]',
    last_seq: 0,
    outbox_id: id,
    updated_at: now,
  };
  await tx
    .insertInto('gateway_filing_status')
    .values({ org_id: input.orgId, filing_id: input.filingId, authority_ref: null, ...status })
    .onConflict((oc) => oc.columns(['org_id', 'filing_id']).doUpdateSet(status))
    .execute();
  await notifySinks(ctx, tx, input.orgId, input.filingId, 'queued', [], null);
  await ctx.journal.append(tx, input.orgId, [
    {
      kind: 'gateway.submission_queued',
      version: 1,
      actor: input.actor ?? 'system:gateway',
      subject: input.filingId,
      data: {
        submissionId: id,
        regime: input.regime,
        kind,
        idempotencyKey: input.idempotencyKey,
        environment,
        payloadSha256: sha,
        deadlineAt: deadline?.toISOString() ?? null,
      },
    },
  ]);
  if (ctx.database.dialect === 'postgres') await sql`select pg_notify(${NOTIFY_CHANNEL}, '')`.execute(tx);
  outboxSignal.emit('queued');
  return { id, created: true };
}

export type ClaimedRow = Selectable<GatewayOutboxTable>;

/**
 * Claims due submissions for `worker`: pending or retry rows whose time has come. `FOR UPDATE SKIP
 * LOCKED` lets any number of workers claim side by side without waiting on each other; the attempt is
 * counted at claim time, so a worker that dies mid-send still uses up an attempt.
 */
export async function claimDue(
  ctx: AppContext,
  worker: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedRow[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await ctx.db
    .updateTable('gateway_outbox')
    .set((eb) => ({
      state: 'sending',
      attempts: eb('attempts', '+', 1),
      lease_until: leaseUntil,
      locked_by: worker,
      updated_at: now,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('gateway_outbox')
        .select('id')
        .where('state', 'in', ['pending', 'retry'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows;
}

/**
 * Takes back rows whose lease ran out (their worker died or hung mid-send): they go back to `retry`
 * at once, and the lost attempt is recorded (attempt row with outcome `lost`, journal entry), so the
 * journal accounts for every attempt even across SIGKILL. The authority may have received the lost
 * attempt; the idempotency key makes the retry safe.
 */
export async function recoverExpiredLeases(ctx: AppContext, worker: string, limit = 200): Promise<number> {
  const now = ctx.clock.now();
  const rows = await withTxRetry(ctx, async (tx) => {
    const r = await sql<{
      id: string;
      org_id: string;
      filing_id: string;
      attempts: number;
      lost_worker: string | null;
      started_at: Date;
    }>`with lost as (
         select id, locked_by, updated_at from gateway_outbox
          where state = 'sending' and lease_until < ${now}
          order by lease_until limit ${limit} for update skip locked)
       update gateway_outbox o
          set state = 'retry', next_attempt_at = ${now}, lease_until = null, locked_by = null,
              last_error = 'worker lost during the attempt (lease expired)', updated_at = ${now}
         from lost where o.id = lost.id
       returning o.id, o.org_id, o.filing_id, o.attempts, lost.locked_by as lost_worker, lost.updated_at as started_at`.execute(
      tx,
    );
    const byOrg = new Map<string, JournalRecord[]>();
    for (const row of r.rows) {
      await tx
        .insertInto('gateway_attempts')
        .values({
          id: ctx.ids.next('submissionAttempt'),
          org_id: row.org_id,
          outbox_id: row.id,
          attempt_no: row.attempts,
          worker: row.lost_worker ?? 'unknown',
          started_at: row.started_at,
          latency_ms: Math.max(0, now.getTime() - new Date(row.started_at).getTime()),
          outcome: 'lost',
          http_status: null,
          error: 'worker lost during the attempt (lease expired)',
          endpoint: 'unknown',
        })
        .execute();
      const list = byOrg.get(row.org_id) ?? [];
      list.push({
        kind: 'gateway.attempt',
        version: 1,
        actor: `system:${worker}`,
        subject: row.filing_id,
        data: {
          submissionId: row.id,
          attempt: row.attempts,
          outcome: 'lost',
          worker: row.lost_worker,
          error: 'worker lost during the attempt (lease expired)',
          next: 'retry',
        },
      });
      byOrg.set(row.org_id, list);
    }
    for (const [orgId, records] of [...byOrg.entries()].sort(([a], [b]) => a.localeCompare(b)))
      await ctx.journal.append(tx, orgId, records);
    return r.rows;
  });
  if (rows.length) ctx.logger.warn({ recovered: rows.length, worker }, 'gateway: took back expired leases');
  return rows.length;
}

/** Gives claimed rows back without counting an attempt (the endpoint's circuit is open). */
export async function releaseClaims(ctx: AppContext, worker: string, ids: string[], retryAt: Date) {
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('gateway_outbox')
    .set((eb) => ({
      state: 'retry',
      attempts: eb('attempts', '-', 1),
      next_attempt_at: retryAt,
      lease_until: null,
      locked_by: null,
      updated_at: ctx.clock.now(),
    }))
    .where('id', 'in', ids)
    .where('locked_by', '=', worker)
    .where('state', '=', 'sending')
    .execute();
}

export interface AttemptInfo {
  worker: string;
  startedAt: Date;
  latencyMs: number;
  endpoint: string;
}

/** Retries a transaction that lost a deadlock or serialization race (PostgreSQL 40P01 / 40001). */
export async function withTxRetry<T>(ctx: AppContext, fn: (tx: Executor) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await ctx.db.transaction().execute(fn);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (i < 4 && (code === '40P01' || code === '40001')) continue;
      throw e;
    }
  }
}

/**
 * Records the outcome of one attempt in one transaction: the attempt row, the outbox state (transmitted,
 * retry with backoff, or dead letter with an alert), the acknowledgements that came with the answer,
 * and the journal entries for all of it. A row no longer leased to this worker (its lease ran out, or an
 * acknowledgement already completed it) keeps its state; the attempt is still recorded.
 */
export async function recordOutcomes(
  ctx: AppContext,
  results: Array<{ row: ClaimedRow; outcome: SendOutcome; info: AttemptInfo }>,
  policy: RetryPolicy,
): Promise<void> {
  const byOrg = new Map<string, typeof results>();
  for (const r of results) byOrg.set(r.row.org_id, [...(byOrg.get(r.row.org_id) ?? []), r]);
  for (const [orgId, items] of byOrg) {
    items.sort((a, b) => a.row.transaction_ref.localeCompare(b.row.transaction_ref));
    await withTxRetry(ctx, async (tx) => {
      const journal: JournalRecord[] = [];
      const now = ctx.clock.now();
      for (const { row, outcome, info } of items) {
        const actor = `system:${info.worker}`;
        attemptsTotal.inc({ endpoint: info.endpoint, outcome: outcome.outcome });
        await tx
          .insertInto('gateway_attempts')
          .values({
            id: ctx.ids.next('submissionAttempt'),
            org_id: orgId,
            outbox_id: row.id,
            attempt_no: row.attempts,
            worker: info.worker,
            started_at: info.startedAt,
            latency_ms: Math.round(info.latencyMs),
            outcome: outcome.outcome,
            http_status: outcome.httpStatus ?? null,
            error: outcome.outcome === 'ok' ? null : outcome.error.slice(0, 500),
            endpoint: info.endpoint,
          })
          .execute();
        const leased = (q: ReturnType<typeof tx.updateTable<'gateway_outbox'>>) =>
          q.where('id', '=', row.id).where('state', '=', 'sending').where('locked_by', '=', info.worker);
        let next: string;
        let nextAttemptAt: Date | null = null;
        let deadReason: string | null = null;
        if (outcome.outcome === 'ok') {
          next = 'transmitted';
          await leased(
            tx.updateTable('gateway_outbox').set({
              state: 'transmitted',
              transmitted_at: now,
              conversation_id: outcome.conversationId ?? null,
              authority_ref: outcome.authorityRef ?? null,
              last_error: null,
              lease_until: null,
              locked_by: null,
              updated_at: now,
            }),
          ).execute();
          if (outcome.messages.length === 0)
            await tx
              .updateTable('gateway_filing_status')
              .set({ status: 'transmitted', updated_at: now })
              .where('org_id', '=', orgId)
              .where('filing_id', '=', row.filing_id)
              .where('outbox_id', '=', row.id)
              .where('status', '=', 'queued')
              .execute();
        } else if (outcome.outcome === 'retryable' && mayRetry(policy, row.attempts)) {
          next = 'retry';
          nextAttemptAt = new Date(now.getTime() + retryDelayMs(policy, row.attempts));
          await leased(
            tx.updateTable('gateway_outbox').set({
              state: 'retry',
              next_attempt_at: nextAttemptAt,
              last_error: outcome.error.slice(0, 500),
              lease_until: null,
              locked_by: null,
              updated_at: now,
            }),
          ).execute();
        } else {
          next = 'dead';
          deadReason =
            outcome.outcome === 'fatal'
              ? `permanent failure: ${outcome.error}`
              : `gave up after ${row.attempts} attempts: ${outcome.error}`;
          const moved = await leased(
            tx.updateTable('gateway_outbox').set({
              state: 'dead',
              dead_reason: deadReason.slice(0, 500),
              last_error: outcome.error.slice(0, 500),
              lease_until: null,
              locked_by: null,
              updated_at: now,
            }),
          ).executeTakeFirst();
          if (Number(moved.numUpdatedRows) > 0)
            journal.push(...(await deadLetter(ctx, tx, row, deadReason, actor)));
        }
        journal.push({
          kind: 'gateway.attempt',
          version: 1,
          actor,
          subject: row.filing_id,
          data: {
            submissionId: row.id,
            attempt: row.attempts,
            endpoint: info.endpoint,
            outcome: outcome.outcome,
            httpStatus: outcome.httpStatus ?? null,
            latencyMs: Math.round(info.latencyMs),
            error: outcome.outcome === 'ok' ? null : outcome.error.slice(0, 500),
            conversationId: outcome.outcome === 'ok' ? (outcome.conversationId ?? null) : null,
            messageIds: outcome.outcome === 'ok' ? outcome.messages.map((m) => m.messageId) : [],
            next,
            nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
          },
        });
        if (outcome.outcome === 'ok' && outcome.messages.length)
          await applyMessages(ctx, tx, orgId, outcome.messages, 'response', actor, journal);
      }
      await ctx.journal.append(tx, orgId, journal);
    });
  }
}

/** Dead-letters rows whose last lease ran out (their worker died on the last attempt). */
export async function deadLetterExhausted(
  ctx: AppContext,
  rows: ClaimedRow[],
  worker: string,
): Promise<void> {
  for (const row of rows) {
    await withTxRetry(ctx, async (tx) => {
      const reason = `gave up after ${row.attempts - 1} attempts: ${row.last_error ?? 'no answer'}`;
      const moved = await tx
        .updateTable('gateway_outbox')
        .set({
          state: 'dead',
          attempts: row.attempts - 1,
          dead_reason: reason,
          lease_until: null,
          locked_by: null,
          updated_at: ctx.clock.now(),
        })
        .where('id', '=', row.id)
        .where('locked_by', '=', worker)
        .where('state', '=', 'sending')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return;
      await ctx.journal.append(tx, row.org_id, await deadLetter(ctx, tx, row, reason, `system:${worker}`));
    });
  }
}

async function deadLetter(
  ctx: AppContext,
  tx: Executor,
  row: ClaimedRow,
  reason: string,
  actor: string,
): Promise<JournalRecord[]> {
  const now = ctx.clock.now();
  deadLettersTotal.inc({ regime: row.regime });
  await tx
    .updateTable('gateway_filing_status')
    .set({
      status: 'dead_letter',
      reasons: JSON.stringify([{ code: 'DEAD_LETTER', text: reason }]),
      updated_at: now,
    })
    .where('org_id', '=', row.org_id)
    .where('filing_id', '=', row.filing_id)
    .where('outbox_id', '=', row.id)
    .where('status', 'in', ['queued', 'transmitted'])
    .execute();
  await notifySinks(
    ctx,
    tx,
    row.org_id,
    row.filing_id,
    'dead_letter',
    [{ code: 'DEAD_LETTER', text: reason }],
    null,
  );
  const alertId = ctx.ids.next('alert');
  await tx
    .insertInto('gateway_alerts')
    .values({
      id: alertId,
      org_id: row.org_id,
      kind: 'dead_letter',
      subject: row.id,
      message: `Filing ${row.filing_id} (${row.regime}) is in the dead letter: ${reason}`.slice(0, 1000),
      created_at: now,
      resolved_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'subject']).doUpdateSet({ resolved_at: null, created_at: now }),
    )
    .execute();
  ctx.logger.warn(
    { submissionId: row.id, filingId: row.filing_id, regime: row.regime, alert: 'dead_letter' },
    'submission dead-lettered',
  );
  return [
    {
      kind: 'gateway.dead_lettered',
      version: 1,
      actor,
      subject: row.filing_id,
      data: {
        submissionId: row.id,
        regime: row.regime,
        attempts: row.attempts,
        reason: reason.slice(0, 500),
      },
    },
    {
      kind: 'gateway.alert_raised',
      version: 1,
      actor,
      subject: row.id,
      data: { alert: 'dead_letter', filingId: row.filing_id },
    },
  ];
}

/** Puts a dead-lettered submission back in the queue (after the cause is fixed). */
export async function requeueDead(ctx: AppContext, orgId: string, submissionId: string, actor: string) {
  return withTxRetry(ctx, async (tx) => {
    const now = ctx.clock.now();
    const r = await tx
      .updateTable('gateway_outbox')
      .set({ state: 'retry', attempts: 0, next_attempt_at: now, dead_reason: null, updated_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', submissionId)
      .where('state', '=', 'dead')
      .returning(['filing_id'])
      .executeTakeFirst();
    if (!r) return false;
    await tx
      .updateTable('gateway_alerts')
      .set({ resolved_at: now })
      .where('org_id', '=', orgId)
      .where('kind', '=', 'dead_letter')
      .where('subject', '=', submissionId)
      .execute();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'gateway.submission_requeued',
        version: 1,
        actor,
        subject: r.filing_id,
        data: { submissionId },
      },
    ]);
    outboxSignal.emit('queued');
    return true;
  });
}

/** Raises `deadline_near` alerts for submissions still unsent within `warnMs` of their deadline. */
export async function scanDeadlines(ctx: AppContext, warnMs: number): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('gateway_outbox')
    .select(['id', 'org_id', 'filing_id', 'regime', 'deadline_at'])
    .where('state', 'in', ['pending', 'retry', 'sending', 'dead'])
    .where('deadline_at', 'is not', null)
    .where('deadline_at', '<=', new Date(now.getTime() + warnMs))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('gateway_alerts')
            .select('gateway_alerts.id')
            .whereRef('gateway_alerts.org_id', '=', 'gateway_outbox.org_id')
            .whereRef('gateway_alerts.subject', '=', 'gateway_outbox.id')
            .where('gateway_alerts.kind', '=', 'deadline_near'),
        ),
      ),
    )
    .limit(500)
    .execute();
  let raised = 0;
  for (const r of rows) {
    await withTxRetry(ctx, async (tx) => {
      const deadline = new Date(r.deadline_at!);
      const inserted = await tx
        .insertInto('gateway_alerts')
        .values({
          id: ctx.ids.next('alert'),
          org_id: r.org_id,
          kind: 'deadline_near',
          subject: r.id,
          message: `Filing ${r.filing_id} (${r.regime}) is not yet transmitted; its deadline is ${deadline.toISOString()}`,
          created_at: now,
          resolved_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return;
      raised += 1;
      ctx.logger.warn(
        { submissionId: r.id, filingId: r.filing_id, alert: 'deadline_near' },
        'filing deadline near',
      );
      await ctx.journal.append(tx, r.org_id, [
        {
          kind: 'gateway.alert_raised',
          version: 1,
          actor: 'system:gateway',
          subject: r.id,
          data: { alert: 'deadline_near', filingId: r.filing_id, deadlineAt: deadline.toISOString() },
        },
      ]);
    });
  }
  return raised;
}
