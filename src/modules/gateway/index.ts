import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { AppContext } from '../../platform/context.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { invalid } from '../../platform/errors.ts';
import { metricsRegistry } from '../../platform/http/metrics.ts';
import type { Module } from '../../platform/module.ts';
import { loadGatewayEnv, workerSettings, type WorkerSettings } from './gateway.config.ts';
import { bindQueueMetrics } from './gateway.metrics.ts';
import { gatewayMigrations } from './gateway.migrations.ts';
import { filingStatuses, outboxSummary } from './gateway.queries.ts';
import { gatewayRoutes } from './gateway.routes.ts';
import { ENVIRONMENTS, FILING_STATUSES, REGIMES, type Regime } from './gateway.types.ts';
import { configureEndpoint, listEndpoints } from './endpoints.service.ts';
import { requeueDead } from './outbox.service.ts';
import { parseFaults } from './sandbox/faults.ts';
import { DEFAULT_SANDBOX_OPTIONS, SANDBOX_DEFAULT_PORT, startSandbox } from './sandbox/sandbox.server.ts';
import { LocalSecretStore, type SecretStore } from './secrets.ts';
import { queueSampleFilings, submitFiling, submitReady } from './submit.service.ts';
import { OutboxWorker } from './worker.ts';
import './gateway.tables.ts';

definePermissions({
  'gateway:read': {
    description: 'See filing transmission status, the outbox and gateway alerts',
    minLevel: 'viewer',
    roles: ['filer', 'auditor'],
  },
  'gateway:submit': {
    description: 'Queue filings for transmission to customs',
    minLevel: 'operator',
    roles: ['filer'],
  },
  'gateway:manage': {
    description: 'Configure customs endpoints and requeue dead letters',
    minLevel: 'admin',
  },
});

let secretStore: SecretStore | undefined;
/** The secret store for customs credentials (local by default; replace with setSecretStore). */
export function gatewaySecrets(ctx: AppContext): SecretStore {
  secretStore ??= new LocalSecretStore(ctx.config.homeDir);
  return secretStore;
}
export function setSecretStore(store: SecretStore): void {
  secretStore = store;
}

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/crossgate.js');

async function sandboxAnswers(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url.replace(/\/$/, '')}/_sandbox/health`, { signal: AbortSignal.timeout(500) });
    return r.ok;
  } catch {
    return false;
  }
}

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw invalid(`--${name} must be a non-negative number`);
  return n;
}

/** Resolves on SIGINT or SIGTERM (long-running commands stop cleanly; SIGKILL of course does not wait). */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function findOrCreate(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export const gatewayModule: Module = {
  name: 'gateway',
  migrations: gatewayMigrations,
  routes: async (app, ctx) => {
    bindQueueMetrics(ctx);
    await gatewayRoutes(gatewaySecrets(ctx))(app, ctx);
  },

  /** `crossgate serve`: an in-process worker (PGlite is single-process) and, for the demo, the sandbox. */
  async start(ctx) {
    const env = loadGatewayEnv();
    bindQueueMetrics(ctx);
    let child: ChildProcess | undefined;
    const url = new URL(ctx.config.CROSSGATE_CUSTOMS_URL);
    if (
      env.CROSSGATE_GATEWAY_SPAWN_SANDBOX &&
      ['127.0.0.1', 'localhost'].includes(url.hostname) &&
      !(await sandboxAnswers(url.origin))
    ) {
      child = spawn(process.execPath, [BIN, 'sandbox', '--port', url.port || String(SANDBOX_DEFAULT_PORT)], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      // the worker starts once the sandbox answers, so the first attempts do not meet a closed port
      for (let i = 0; i < 50 && !(await sandboxAnswers(url.origin)); i++)
        await new Promise((r) => setTimeout(r, 200));
      ctx.logger.info({ pid: child.pid, url: url.origin }, 'customs sandbox started');
    }
    let worker: OutboxWorker | undefined;
    if (env.CROSSGATE_GATEWAY_EMBEDDED_WORKER) {
      worker = new OutboxWorker(ctx, { settings: workerSettings(env), secrets: gatewaySecrets(ctx) });
      await worker.start();
    }
    return async () => {
      await worker?.stop();
      if (child && child.exitCode === null) child.kill('SIGTERM');
    };
  },

  commands(program, cli) {
    program
      .command('sandbox')
      .description('Run the customs sandbox (ACE ABI-style, UK CDS-style, ICS2-style) with fault injection')
      .option('--port <n>', 'port', String(SANDBOX_DEFAULT_PORT))
      .option('--host <host>', 'interface', '127.0.0.1')
      .option('--fail-rate <p>', 'share of requests that get a fault (0-1)', '0')
      .option(
        '--faults <list>',
        'faults to draw from: all, none, or latency,timeout,5xx,reset,duplicate,out_of_order,token_expiry',
        'all',
      )
      .option('--latency-ms <n>', 'added to every answer', '0')
      .option('--spike-ms <n>', 'extra delay of the latency fault', String(DEFAULT_SANDBOX_OPTIONS.spikeMs))
      .option('--hang-ms <n>', 'silence of the timeout fault', String(DEFAULT_SANDBOX_OPTIONS.hangMs))
      .option('--reject-rate <p>', 'share of valid filings rejected on a business rule', '0')
      .option('--hold-rate <p>', 'share of filings held for inspection (released later)', '0')
      .option('--referral-rate <p>', 'ICS2: share of ENS answered with a request for information', '0')
      .option(
        '--release-after-ms <n>',
        'when a held filing is released',
        String(DEFAULT_SANDBOX_OPTIONS.releaseAfterMs),
      )
      .option('--ack-delay-ms <n>', 'delay of the final notification', '0')
      .option('--token-ttl-s <n>', 'OAuth access-token lifetime', String(DEFAULT_SANDBOX_OPTIONS.tokenTtlS))
      .option('--state-file <path>', 'append what the sandbox accepted to this JSON-lines file')
      .option('--push-url <url>', 'CDS: POST notifications here too (signed)')
      .option(
        '--push-secret <secret>',
        'CDS: HMAC secret for pushed notifications (or CROSSGATE_SANDBOX_PUSH_SECRET)',
      )
      .action(
        cli.run(async (o: Record<string, string | undefined>) => {
          const sb = await startSandbox({
            port: num(o.port, 'port')!,
            host: o.host!,
            failRate: Math.min(1, num(o.failRate, 'fail-rate')!),
            faults: parseFaults(o.faults),
            latencyMs: num(o.latencyMs, 'latency-ms')!,
            spikeMs: num(o.spikeMs, 'spike-ms')!,
            hangMs: num(o.hangMs, 'hang-ms')!,
            rejectRate: num(o.rejectRate, 'reject-rate')!,
            holdRate: num(o.holdRate, 'hold-rate')!,
            referralRate: num(o.referralRate, 'referral-rate')!,
            doNotLoadRate: num(o.dnlRate, 'dnl-rate')!,
            releaseAfterMs: num(o.releaseAfterMs, 'release-after-ms')!,
            ackDelayMs: num(o.ackDelayMs, 'ack-delay-ms')!,
            tokenTtlS: num(o.tokenTtlS, 'token-ttl-s')!,
            stateFile: o.stateFile,
            pushUrl: o.pushUrl,
            pushSecret: o.pushSecret ?? process.env.CROSSGATE_SANDBOX_PUSH_SECRET,
          });
          process.stdout.write(
            `customs sandbox listening on ${sb.url} (admin: ${sb.url}/_sandbox/accepted)\n`,
          );
          await untilStopped();
          await sb.close();
        }),
      );

    program
      .command('worker')
      .description(
        'Process the customs outbox until stopped (run several on PostgreSQL; PGlite allows one process)',
      )
      .option('--concurrency <n>', 'requests in flight')
      .option('--batch <n>', 'submissions claimed per round')
      .option('--max-attempts <n>', 'attempts per submission, the first included')
      .option('--retry-base-ms <n>', 'delay before the first retry')
      .option('--retry-factor <n>', 'backoff growth per attempt (1 = fixed)')
      .option('--retry-max-ms <n>', 'longest delay')
      .option('--timeout-ms <n>', 'deadline of one request')
      .option('--poll-ms <n>', 'idle poll interval')
      .option('--breaker-cooldown-ms <n>', 'how long an open circuit refuses calls')
      .option('--metrics-port <n>', 'serve Prometheus metrics of this worker on this port')
      .action(
        cli.run(async (o: Record<string, string | undefined>) => {
          const ctx = await cli.context();
          const env = loadGatewayEnv();
          const pick = (k: string, name: string) => num(o[k], name);
          const settings: WorkerSettings = workerSettings({
            ...env,
            CROSSGATE_GATEWAY_CONCURRENCY:
              pick('concurrency', 'concurrency') ?? env.CROSSGATE_GATEWAY_CONCURRENCY,
            CROSSGATE_GATEWAY_BATCH: pick('batch', 'batch') ?? env.CROSSGATE_GATEWAY_BATCH,
            CROSSGATE_GATEWAY_MAX_ATTEMPTS:
              pick('maxAttempts', 'max-attempts') ?? env.CROSSGATE_GATEWAY_MAX_ATTEMPTS,
            CROSSGATE_GATEWAY_RETRY_BASE_MS:
              pick('retryBaseMs', 'retry-base-ms') ?? env.CROSSGATE_GATEWAY_RETRY_BASE_MS,
            CROSSGATE_GATEWAY_RETRY_FACTOR:
              pick('retryFactor', 'retry-factor') ?? env.CROSSGATE_GATEWAY_RETRY_FACTOR,
            CROSSGATE_GATEWAY_RETRY_MAX_MS:
              pick('retryMaxMs', 'retry-max-ms') ?? env.CROSSGATE_GATEWAY_RETRY_MAX_MS,
            CROSSGATE_GATEWAY_TIMEOUT_MS: pick('timeoutMs', 'timeout-ms') ?? env.CROSSGATE_GATEWAY_TIMEOUT_MS,
            CROSSGATE_GATEWAY_POLL_MS: pick('pollMs', 'poll-ms') ?? env.CROSSGATE_GATEWAY_POLL_MS,
            CROSSGATE_GATEWAY_BREAKER_COOLDOWN_MS:
              pick('breakerCooldownMs', 'breaker-cooldown-ms') ?? env.CROSSGATE_GATEWAY_BREAKER_COOLDOWN_MS,
          });
          bindQueueMetrics(ctx);
          let metrics: http.Server | undefined;
          const metricsPort = num(o.metricsPort, 'metrics-port');
          if (metricsPort !== undefined) {
            metrics = http.createServer(async (_req, res) => {
              res.writeHead(200, { 'content-type': metricsRegistry.contentType });
              res.end(await metricsRegistry.metrics());
            });
            await new Promise<void>((r) => metrics!.listen(metricsPort, ctx.config.HOST, () => r()));
          }
          const worker = new OutboxWorker(ctx, { settings, secrets: gatewaySecrets(ctx) });
          await worker.start();
          process.stdout.write(`${worker.id} processing the outbox (${ctx.database.dialect})\n`);
          if (ctx.database.dialect === 'pglite')
            process.stdout.write(
              'embedded database: this must be the only process using it (no `crossgate serve` alongside); set DATABASE_URL to run several workers\n',
            );
          await untilStopped();
          await worker.stop();
          metrics?.close();
        }),
      );

    const filings = findOrCreate(program, 'filings', 'Customs filings');
    // The filings module may own some of these names; then ours take the alternative (never a crash).
    const free = (name: string, alternative: string) =>
      filings.commands.some((c) => c.name() === name) ? alternative : name;
    filings
      .command(`${free('submit', 'transmit')} [filingId]`)
      .description('Queue a filing (or every ready one with --all) for transmission')
      .option('--all', 'every filing the filings module lists as ready')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (filingId: string | undefined, o: { all?: boolean; org?: string; json?: boolean }) => {
          if (!filingId && !o.all) throw invalid('Name a filing id or pass --all');
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          const rows = o.all
            ? await submitReady(ctx, org.id, 'system:cli')
            : [await submitFiling(ctx, org.id, filingId!, 'system:cli')];
          cli.print(rows, { json: o.json });
        }),
      );
    filings
      .command(free('status', 'transmission'))
      .description('Filings by transmission status: counts, then the list')
      .option('--status <status>', `only this status: ${FILING_STATUSES.join(', ')}`)
      .option('--limit <n>', 'rows to list', '50')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (o: { status?: string; limit: string; org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          if (o.status && !(FILING_STATUSES as readonly string[]).includes(o.status))
            throw invalid(`--status must be one of ${FILING_STATUSES.join(', ')}`);
          const r = await filingStatuses(ctx, org.id, { status: o.status, limit: Number(o.limit) || 50 });
          if (o.json) {
            process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
            return;
          }
          cli.print(
            Object.entries(r.counts).map(([status, count]) => ({ status, count })),
            {},
          );
          process.stdout.write('\n');
          cli.print(
            r.filings.map((f) => ({ ...f, reasons: f.reasons.map((x) => `${x.code} ${x.text}`).join('; ') })),
            {
              columns: ['filingId', 'regime', 'status', 'authorityRef', 'attempts', 'outboxState', 'reasons'],
            },
          );
        }),
      );
    filings
      .command(free('sample', 'sample-transmissions'))
      .description('Queue sample filings of each regime (demo, chaos test, benchmarks)')
      .option('--count <n>', 'how many', '10')
      .option('--regime <regime>', `one of ${REGIMES.join(', ')} (default: all, in turn)`)
      .option('--deadline-min <n>', 'transmission deadline in minutes from now')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(async (o: { count: string; regime?: string; deadlineMin?: string; org?: string }) => {
          if (o.regime && !(REGIMES as readonly string[]).includes(o.regime))
            throw invalid(`--regime must be one of ${REGIMES.join(', ')}`);
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          const deadline = num(o.deadlineMin, 'deadline-min');
          const made = await queueSampleFilings(ctx, org.id, {
            count: num(o.count, 'count') ?? 10,
            regimes: o.regime ? [o.regime as Regime] : undefined,
            deadlineInMs: deadline === undefined ? undefined : deadline * 60_000,
            actor: 'system:cli',
          });
          process.stdout.write(`queued ${made.length} sample filings\n`);
        }),
      );

    const gateway = program.command('gateway').description('Customs endpoints per regime and environment');
    gateway
      .command('endpoints')
      .description('List the configured endpoints (secret names only)')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (o: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          cli.print(await listEndpoints(ctx, org.id), { json: o.json });
        }),
      );
    gateway
      .command('endpoint-set')
      .description('Configure (and with --active, switch to) an endpoint; the secret is named, not given')
      .requiredOption('--regime <regime>', REGIMES.join(' | '))
      .requiredOption('--environment <env>', ENVIRONMENTS.join(' | '))
      .requiredOption('--url <url>', 'base URL of the authority (or sandbox)')
      .requiredOption('--client-id <id>', 'OAuth client id / ABI filer code')
      .option('--secret-ref <name>', 'name of the client secret in the secret store')
      .option('--webhook-secret-ref <name>', 'name of the push-notification HMAC secret')
      .option('--active', 'file in this environment from now on')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(
          async (o: {
            regime: string;
            environment: string;
            url: string;
            clientId: string;
            secretRef?: string;
            webhookSecretRef?: string;
            active?: boolean;
            org?: string;
          }) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, o.org);
            const r = await configureEndpoint(ctx, org.id, 'system:cli', {
              regime: o.regime,
              environment: o.environment,
              baseUrl: o.url,
              clientId: o.clientId,
              secretRef: o.secretRef,
              webhookSecretRef: o.webhookSecretRef,
              active: o.active,
            });
            process.stdout.write(`${r.id}: ${r.regime} ${r.environment}${r.active ? ' (active)' : ''}\n`);
          },
        ),
      );

    const outbox = program
      .command('outbox')
      .description('The customs outbox: depth by state, oldest unsent, dead letters, alerts')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (o: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          const s = await outboxSummary(ctx, org.id);
          if (o.json) {
            process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
            return;
          }
          cli.print(
            [{ ...s.depth, queued: s.queued, oldestUnsentAgeSeconds: s.oldestUnsentAgeSeconds ?? '' }],
            {},
          );
          process.stdout.write(`\ndead letters (${s.depth.dead}):\n`);
          cli.print(s.deadLetters, { columns: ['submissionId', 'filingId', 'regime', 'attempts', 'reason'] });
          process.stdout.write(`\nopen alerts (${s.alerts.length}):\n`);
          cli.print(s.alerts, { columns: ['kind', 'subject', 'message', 'at'] });
        }),
      );
    outbox
      .command('requeue <submissionId>')
      .description('Put a dead-lettered submission back in the queue')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(async (id: string, o: { org?: string }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, o.org);
          if (!(await requeueDead(ctx, org.id, id, 'system:cli')))
            throw invalid(`${id} is not a dead letter`);
          process.stdout.write(`requeued ${id}\n`);
        }),
      );
  },
};

export { enqueueSubmission, type EnqueueInput } from './outbox.service.ts';
export { addFilingStatusSink, setFilingSource } from './gateway.ports.ts';
export type { FilingSource, FilingStatusSink, FilingToSubmit } from './gateway.ports.ts';
export type { FilingStatus, Reason, Regime, SubmissionKind } from './gateway.types.ts';
export { OutboxWorker } from './worker.ts';
export { startSandbox } from './sandbox/sandbox.server.ts';
