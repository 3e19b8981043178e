import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { metricsRegistry, prom } from '../../platform/http/metrics.ts';

/**
 * Gateway metrics on /metrics (the service) and on a worker's --metrics-port. Counters and latency
 * histograms are per process (scrape every worker); queue gauges are read from the database at scrape
 * time, so any one process reports the whole outbox.
 */
export const attemptsTotal = new prom.Counter({
  name: 'crossgate_gateway_attempts_total',
  help: 'Transmission attempts by endpoint and outcome (ok, retryable, fatal)',
  labelNames: ['endpoint', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const requestSeconds = new prom.Histogram({
  name: 'crossgate_gateway_request_duration_seconds',
  help: 'Duration of one request to an authority endpoint',
  labelNames: ['endpoint'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const submitToAckSeconds = new prom.Histogram({
  name: 'crossgate_gateway_submit_to_ack_seconds',
  help: 'From enqueue to the authority final acknowledgement',
  labelNames: ['regime'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

export const messagesTotal = new prom.Counter({
  name: 'crossgate_gateway_messages_total',
  help: 'Authority messages by disposition and handling (applied, stale, duplicate, unmatched)',
  labelNames: ['disposition', 'handling'] as const,
  registers: [metricsRegistry],
});

export const deadLettersTotal = new prom.Counter({
  name: 'crossgate_gateway_dead_letters_total',
  help: 'Submissions moved to the dead letter by this process',
  labelNames: ['regime'] as const,
  registers: [metricsRegistry],
});

export const circuitState = new prom.Gauge({
  name: 'crossgate_gateway_circuit_open',
  help: '1 while the circuit of an endpoint is open or half-open, else 0',
  labelNames: ['endpoint'] as const,
  registers: [metricsRegistry],
});

let source: AppContext | undefined;

/** Queue gauges read the database of `ctx` at scrape time. Call once per process. */
export function bindQueueMetrics(ctx: AppContext): void {
  source = ctx;
}

async function queueStats(ctx: AppContext) {
  const r = await sql<{
    state: string;
    n: number | string;
    oldest: Date | string | null;
  }>`select state, count(*) as n, min(enqueued_at) as oldest from gateway_outbox
      where state in ('pending', 'retry', 'sending', 'transmitted', 'dead') group by state`.execute(ctx.db);
  return r.rows;
}

new prom.Gauge({
  name: 'crossgate_gateway_outbox_depth',
  help: 'Submissions by outbox state (pending, retry, sending, transmitted = awaiting acknowledgement, dead)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    if (!source) return;
    for (const row of await queueStats(source).catch(() => [])) this.set({ state: row.state }, Number(row.n));
  },
});

new prom.Gauge({
  name: 'crossgate_gateway_outbox_oldest_age_seconds',
  help: 'Age of the oldest submission not yet transmitted',
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    if (!source) return;
    const ctx = source;
    const rows = await queueStats(ctx).catch(() => []);
    const unsent = rows.filter((r) => ['pending', 'retry', 'sending'].includes(r.state) && r.oldest);
    const oldest = Math.min(...unsent.map((r) => new Date(r.oldest!).getTime()));
    this.set(Number.isFinite(oldest) ? Math.max(0, (ctx.clock.now().getTime() - oldest) / 1000) : 0);
  },
});

new prom.Gauge({
  name: 'crossgate_gateway_open_alerts',
  help: 'Unresolved gateway alerts by kind (dead_letter, deadline_near)',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    if (!source) return;
    const rows = await source.db
      .selectFrom('gateway_alerts')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('resolved_at', 'is', null)
      .groupBy('kind')
      .execute()
      .catch(() => []);
    for (const r of rows) this.set({ kind: r.kind }, Number(r.n));
  },
});
