import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import type { AppContext, JournalRecord } from '../../platform/context.ts';
import { applyMessages } from './acks.service.ts';
import { CircuitBreakers } from './circuit-breaker.ts';
import type { WorkerSettings } from './gateway.config.ts';
import { circuitState, requestSeconds } from './gateway.metrics.ts';
import type { Environment, Regime } from './gateway.types.ts';
import { resolveEndpoint } from './endpoints.service.ts';
import {
  claimDue,
  deadLetterExhausted,
  NOTIFY_CHANNEL,
  outboxSignal,
  recordOutcomes,
  recoverExpiredLeases,
  releaseClaims,
  scanDeadlines,
  withTxRetry,
  type ClaimedRow,
} from './outbox.service.ts';
import type { SecretStore } from './secrets.ts';
import { createTransport } from './transports/index.ts';
import type { CustomsTransport, SendOutcome } from './transports/transport.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A sleep that another part of the worker can cut short. */
class Waker {
  private pending: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let t: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(t);
        if (this.pending === done) this.pending = undefined;
        resolve();
      };
      t = setTimeout(done, ms);
      this.pending = done;
    });
  }

  wake(): void {
    this.pending?.();
  }
}

type Recorded = Parameters<typeof recordOutcomes>[1][number];

/**
 * Group commit for attempt outcomes: while one recording transaction runs, outcomes that arrive queue
 * up and go into the next one together. Every transaction takes the organisation's journal lock and
 * an fsync at commit; grouping keeps throughput from being one commit per filing, without delaying a
 * lone outcome at all.
 */
class GroupRecorder {
  private queue: Array<{ items: Recorded[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private running = false;
  private readonly flushFn: (items: Recorded[]) => Promise<void>;

  constructor(flush: (items: Recorded[]) => Promise<void>) {
    this.flushFn = flush;
  }

  record(items: Recorded[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length) {
      const group = this.queue;
      this.queue = [];
      try {
        await this.flushFn(group.flatMap((g) => g.items));
        for (const g of group) g.resolve();
      } catch (e) {
        for (const g of group) g.reject(e);
      }
    }
    this.running = false;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) {
      const t = items[i++]!;
      await fn(t);
    }
  });
  await Promise.all(lanes);
}

export interface WorkerOptions {
  settings: WorkerSettings;
  secrets: SecretStore;
  id?: string;
  /** Long-poll wait of a notification pull. */
  pullWaitMs?: number;
  deadlineScanEveryMs?: number;
}

/**
 * The outbox worker: claims due submissions (SKIP LOCKED, so any number of workers run side by side on
 * PostgreSQL), sends them through the endpoint's transport behind a per-endpoint circuit breaker,
 * records every attempt and answer with its journal entry, retries with backoff or dead-letters, pulls
 * acknowledgements for endpoints with filings awaiting one, and raises deadline alerts.
 */
export class OutboxWorker {
  readonly id: string;
  private readonly ctx: AppContext;
  private readonly opts: Required<WorkerOptions>;
  private readonly breakers: CircuitBreakers;
  private readonly transports = new Map<string, { transport: CustomsTransport; at: number }>();
  private stopped = true;
  private loops: Promise<void>[] = [];
  /** Wakes the send loop when a submission is queued (in-process signal or NOTIFY). */
  private readonly sendWake = new Waker();
  private readonly recorder: GroupRecorder;
  private listener: pg.Client | undefined;
  private readonly onQueued = () => this.sendWake.wake();
  private lastDeadlineScan = 0;
  private lastLeaseScan = 0;
  /** Wakes the pull loop when this worker hands a submission over (its acknowledgement is due). */
  private readonly pullWake = new Waker();

  constructor(ctx: AppContext, opts: WorkerOptions) {
    this.ctx = ctx;
    this.id = opts.id ?? `worker:${os.hostname()}:${process.pid}:${crypto.randomBytes(2).toString('hex')}`;
    this.opts = { pullWaitMs: 1000, deadlineScanEveryMs: 30_000, id: this.id, ...opts };
    this.breakers = new CircuitBreakers(ctx.clock, opts.settings.breaker);
    this.recorder = new GroupRecorder((items) => recordOutcomes(ctx, items, opts.settings.retry));
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    outboxSignal.on('queued', this.onQueued);
    if (this.ctx.database.dialect === 'postgres' && this.ctx.config.DATABASE_URL) {
      try {
        this.listener = new pg.Client({ connectionString: this.ctx.config.DATABASE_URL });
        this.listener.on('notification', this.onQueued);
        this.listener.on('error', () => undefined);
        await this.listener.connect();
        await this.listener.query(`listen ${NOTIFY_CHANNEL}`);
      } catch (err) {
        this.ctx.logger.warn({ err }, 'gateway worker: LISTEN failed, polling only');
      }
    }
    this.loops = [this.sendLoop(), this.pullLoop()];
    this.ctx.logger.info({ worker: this.id }, 'gateway worker started');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    outboxSignal.off('queued', this.onQueued);
    this.sendWake.wake();
    this.pullWake.wake();
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
    this.ctx.logger.info({ worker: this.id }, 'gateway worker stopped');
  }

  private async sendLoop(): Promise<void> {
    while (!this.stopped) {
      let n = 0;
      try {
        n = await this.sendOnce();
        const now = Date.now();
        if (now - this.lastDeadlineScan >= this.opts.deadlineScanEveryMs) {
          this.lastDeadlineScan = now;
          await scanDeadlines(this.ctx, this.opts.settings.deadlineWarnMs);
        }
      } catch (err) {
        this.ctx.logger.error({ err, worker: this.id }, 'gateway worker: send round failed');
        await sleep(this.opts.settings.pollMs);
      }
      if (n === 0 && !this.stopped) await this.sendWake.sleep(this.opts.settings.pollMs);
    }
  }

  private async pullLoop(): Promise<void> {
    while (!this.stopped) {
      let pulled = false;
      try {
        pulled = await this.pullOnce();
      } catch (err) {
        this.ctx.logger.error({ err, worker: this.id }, 'gateway worker: pull round failed');
      }
      if (!pulled && !this.stopped) await this.pullWake.sleep(this.opts.settings.pollMs);
    }
  }

  private async transportFor(
    orgId: string,
    regime: Regime,
    environment: Environment,
  ): Promise<CustomsTransport> {
    const key = `${orgId}|${regime}|${environment}`;
    const hit = this.transports.get(key);
    // endpoint configuration is re-read every minute
    if (hit && Date.now() - hit.at < 60_000) return hit.transport;
    const cfg = await resolveEndpoint(
      this.ctx,
      this.opts.secrets,
      orgId,
      regime,
      environment,
      this.opts.settings.timeoutMs,
    );
    const transport = createTransport(cfg, this.ctx.clock);
    this.transports.set(key, { transport, at: Date.now() });
    return transport;
  }

  /** One claim-and-send round; returns the number of submissions handled. */
  async sendOnce(): Promise<number> {
    const { settings } = this.opts;
    if (Date.now() - this.lastLeaseScan >= 1000) {
      this.lastLeaseScan = Date.now();
      await recoverExpiredLeases(this.ctx, this.id);
    }
    const rows = await claimDue(this.ctx, this.id, settings.batch, settings.leaseMs);
    if (rows.length === 0) return 0;
    const exhausted = rows.filter((r) => r.attempts > settings.retry.maxAttempts);
    if (exhausted.length) await deadLetterExhausted(this.ctx, exhausted, this.id);
    const groups = new Map<string, ClaimedRow[]>();
    for (const r of rows) {
      if (r.attempts > settings.retry.maxAttempts) continue;
      const k = `${r.org_id}|${r.regime}|${r.environment}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const chunks: Array<{ rows: ClaimedRow[]; transport: CustomsTransport | Error }> = [];
    for (const group of groups.values()) {
      const first = group[0]!;
      let transport: CustomsTransport | Error;
      try {
        transport = await this.transportFor(first.org_id, first.regime, first.environment);
      } catch (e) {
        transport = e as Error;
      }
      const size = transport instanceof Error ? group.length : transport.maxBatch;
      for (let i = 0; i < group.length; i += size) chunks.push({ rows: group.slice(i, i + size), transport });
    }
    await pool(chunks, settings.concurrency, (c) => this.sendChunk(c.rows, c.transport));
    return rows.length;
  }

  private async sendChunk(rows: ClaimedRow[], transport: CustomsTransport | Error): Promise<void> {
    const startedAt = this.ctx.clock.now();
    if (transport instanceof Error) {
      const outcome: SendOutcome = {
        outcome: 'fatal',
        error: `endpoint configuration: ${transport.message}`,
      };
      const info = { worker: this.id, startedAt, latencyMs: 0, endpoint: 'unconfigured' };
      await this.recorder.record(rows.map((row) => ({ row, outcome, info })));
      return;
    }
    const breaker = this.breakers.get(transport.endpoint);
    if (!breaker.tryAcquire()) {
      await releaseClaims(
        this.ctx,
        this.id,
        rows.map((r) => r.id),
        breaker.retryAt ?? new Date(startedAt.getTime() + 1000),
      );
      return;
    }
    const items: Array<{ row: ClaimedRow; payload: string | Error }> = [];
    for (const row of rows) {
      try {
        items.push({ row, payload: await this.ctx.cipher.open(row.org_id, row.payload_sealed) });
      } catch (e) {
        items.push({ row, payload: e as Error });
      }
    }
    const sendable = items.filter(
      (i): i is { row: ClaimedRow; payload: string } => typeof i.payload === 'string',
    );
    const t0 = performance.now();
    const outcomes = sendable.length
      ? await transport.send(
          sendable.map(({ row, payload }) => ({
            submissionId: row.id,
            filingId: row.filing_id,
            idempotencyKey: row.transaction_ref,
            kind: row.kind,
            payload,
          })),
        )
      : [];
    const latencyMs = performance.now() - t0;
    requestSeconds.observe({ endpoint: transport.endpoint }, latencyMs / 1000);
    const transportFailed = outcomes.some((o) => o.outcome === 'retryable');
    if (sendable.length) {
      if (transportFailed) breaker.failure();
      else breaker.success();
    }
    circuitState.set({ endpoint: transport.endpoint }, breaker.state === 'closed' ? 0 : 1);
    const results = [
      ...sendable.map((s, i) => ({ row: s.row, outcome: outcomes[i]! })),
      ...items
        .filter((i) => i.payload instanceof Error)
        .map((i) => ({
          row: i.row,
          outcome: {
            outcome: 'fatal',
            error: `payload cannot be opened: ${(i.payload as Error).message}`,
          } as SendOutcome,
        })),
    ];
    const info = { worker: this.id, startedAt, latencyMs, endpoint: transport.endpoint };
    await this.recorder.record(results.map((r) => ({ ...r, info })));
    if (outcomes.some((o) => o.outcome === 'ok')) this.pullWake.wake();
  }

  /** One pull round over every endpoint with filings awaiting an acknowledgement. */
  async pullOnce(waitMs = this.opts.pullWaitMs): Promise<boolean> {
    const watched = await sql<{ org_id: string; regime: Regime; environment: Environment }>`
      select distinct org_id, regime, environment from gateway_outbox
       where state in ('transmitted', 'retry')
          or (state = 'dead' and updated_at > ${new Date(this.ctx.clock.now().getTime() - 86_400_000)})
      union
      select distinct o.org_id, o.regime, o.environment from gateway_filing_status f
        join gateway_outbox o on o.id = f.outbox_id
       where f.status in ('held', 'referred', 'received')`.execute(this.ctx.db);
    if (watched.rows.length === 0) return false;
    await Promise.all(watched.rows.map((e) => this.pullEndpoint(e.org_id, e.regime, e.environment, waitMs)));
    return true;
  }

  private async pullEndpoint(orgId: string, regime: Regime, environment: Environment, waitMs: number) {
    const endpointKey = `${regime}|${environment}`;
    let transport: CustomsTransport;
    try {
      transport = await this.transportFor(orgId, regime, environment);
    } catch {
      await sleep(this.opts.settings.pollMs);
      return;
    }
    const cursor = await this.ctx.db
      .selectFrom('gateway_cursors')
      .select('position')
      .where('org_id', '=', orgId)
      .where('endpoint_key', '=', endpointKey)
      .executeTakeFirst();
    const position = Number(cursor?.position ?? 0);
    let result: Awaited<ReturnType<CustomsTransport['pull']>>;
    try {
      result = await transport.pull(position, waitMs);
    } catch (err) {
      this.ctx.logger.debug(
        { err: (err as Error).message, endpoint: transport.endpoint },
        'notification pull failed',
      );
      await sleep(this.opts.settings.pollMs);
      return;
    }
    if (result.messages.length === 0 && result.position === position) return;
    await withTxRetry(this.ctx, async (tx) => {
      const journal: JournalRecord[] = [];
      await applyMessages(this.ctx, tx, orgId, result.messages, 'pull', `system:${this.id}`, journal);
      const now = this.ctx.clock.now();
      await tx
        .insertInto('gateway_cursors')
        .values({ org_id: orgId, endpoint_key: endpointKey, position: result.position, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['org_id', 'endpoint_key']).doUpdateSet({
            position: sql`greatest(gateway_cursors.position, excluded.position)`,
            updated_at: now,
          }),
        )
        .execute();
      await this.ctx.journal.append(tx, orgId, journal);
    });
  }
}
