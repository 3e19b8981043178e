import { z } from 'zod';
import { AppError, issuesFromZod } from '../../platform/errors.ts';
import type { RetryPolicy } from './backoff.ts';
import type { BreakerOptions } from './circuit-breaker.ts';

/**
 * The gateway's own settings (environment variables, validated when a worker starts). The retry
 * defaults follow DEFAULT_RETRY_POLICY; the paper's "3 retries, 10 s apart" is
 * MAX_ATTEMPTS=4, RETRY_BASE_MS=10000, RETRY_FACTOR=1, RETRY_JITTER=0.
 */
const num = (def: number, describe: string) =>
  z.coerce.number().nonnegative().default(def).describe(describe);
const bool = (def: boolean, describe: string) =>
  z
    .enum(['true', 'false'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true')
    .describe(describe);

export const gatewayConfigSchema = z.object({
  CROSSGATE_GATEWAY_MAX_ATTEMPTS: num(4, 'Attempts per submission, the first included'),
  CROSSGATE_GATEWAY_RETRY_BASE_MS: num(10_000, 'Delay before the first retry'),
  CROSSGATE_GATEWAY_RETRY_FACTOR: num(2, 'Backoff growth per attempt (1 = fixed)'),
  CROSSGATE_GATEWAY_RETRY_MAX_MS: num(300_000, 'Longest delay between attempts'),
  CROSSGATE_GATEWAY_RETRY_JITTER: num(0.5, 'Random spread of each delay (0-1)'),
  CROSSGATE_GATEWAY_TIMEOUT_MS: num(10_000, 'Deadline of one request to an authority'),
  CROSSGATE_GATEWAY_CONCURRENCY: num(16, 'Requests in flight per worker'),
  CROSSGATE_GATEWAY_BATCH: num(50, 'Submissions claimed per round (and per ABI batch)'),
  CROSSGATE_GATEWAY_POLL_MS: num(200, 'Idle poll interval of a worker (woken earlier by NOTIFY)'),
  CROSSGATE_GATEWAY_BREAKER_THRESHOLD: num(5, 'Consecutive failures that open an endpoint circuit'),
  CROSSGATE_GATEWAY_BREAKER_COOLDOWN_MS: num(5_000, 'How long an open circuit refuses calls'),
  CROSSGATE_GATEWAY_DEADLINE_WARN_MIN: num(60, 'Alert when a filing is unsent this close to its deadline'),
  CROSSGATE_GATEWAY_EMBEDDED_WORKER: bool(true, '`crossgate serve` runs a worker in-process'),
  CROSSGATE_GATEWAY_SPAWN_SANDBOX: bool(
    true,
    '`crossgate start` spawns the customs sandbox when it is not running',
  ),
});

export type GatewayEnv = z.infer<typeof gatewayConfigSchema>;

export interface WorkerSettings {
  retry: RetryPolicy;
  breaker: Partial<BreakerOptions>;
  timeoutMs: number;
  concurrency: number;
  batch: number;
  pollMs: number;
  deadlineWarnMs: number;
  /** Lease on a claimed row; a worker that dies releases its rows when the lease ends. */
  leaseMs: number;
}

export function loadGatewayEnv(env: Record<string, string | undefined> = process.env): GatewayEnv {
  const picked: Record<string, string> = {};
  for (const k of Object.keys(gatewayConfigSchema.shape)) if (env[k]) picked[k] = env[k]!;
  const r = gatewayConfigSchema.safeParse(picked);
  if (!r.success) {
    const issues = issuesFromZod(r.error);
    throw new AppError(
      'invalid',
      `Invalid gateway configuration: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      {
        issues,
      },
    );
  }
  return r.data;
}

export function workerSettings(env: GatewayEnv, overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  const timeoutMs = overrides.timeoutMs ?? env.CROSSGATE_GATEWAY_TIMEOUT_MS;
  return {
    retry: {
      maxAttempts: Math.max(1, env.CROSSGATE_GATEWAY_MAX_ATTEMPTS),
      baseDelayMs: env.CROSSGATE_GATEWAY_RETRY_BASE_MS,
      factor: Math.max(1, env.CROSSGATE_GATEWAY_RETRY_FACTOR),
      maxDelayMs: env.CROSSGATE_GATEWAY_RETRY_MAX_MS,
      jitter: Math.min(1, env.CROSSGATE_GATEWAY_RETRY_JITTER),
    },
    breaker: {
      failureThreshold: Math.max(1, env.CROSSGATE_GATEWAY_BREAKER_THRESHOLD),
      cooldownMs: env.CROSSGATE_GATEWAY_BREAKER_COOLDOWN_MS,
    },
    timeoutMs,
    concurrency: Math.max(1, env.CROSSGATE_GATEWAY_CONCURRENCY),
    batch: Math.max(1, env.CROSSGATE_GATEWAY_BATCH),
    pollMs: Math.max(10, env.CROSSGATE_GATEWAY_POLL_MS),
    deadlineWarnMs: env.CROSSGATE_GATEWAY_DEADLINE_WARN_MIN * 60_000,
    // two token-refreshing calls plus margin
    leaseMs: 2 * timeoutMs + 5_000,
    ...overrides,
  };
}
