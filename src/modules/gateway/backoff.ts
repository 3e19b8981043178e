/**
 * Retry policy for the outbox: exponential backoff with jitter, capped. The paper's setting (3 retries,
 * 10 s apart) is `{ maxAttempts: 4, baseDelayMs: 10_000, factor: 1, jitter: 0 }`; the default doubles
 * the delay and spreads retries ±50% so a recovering endpoint is not hit by every worker at once.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (3 retries = 4 attempts). */
  maxAttempts: number;
  baseDelayMs: number;
  /** Growth per attempt: 1 = fixed delay, 2 = doubling. */
  factor: number;
  maxDelayMs: number;
  /** Fraction of the delay drawn at random on either side (0 = none, 0.5 = ±50%). */
  jitter: number;
}

export const PAPER_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 10_000,
  factor: 1,
  maxDelayMs: 10_000,
  jitter: 0,
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 10_000,
  factor: 2,
  maxDelayMs: 300_000,
  jitter: 0.5,
};

/** Delay before the next attempt, after `attemptsMade` (≥ 1) attempts failed. */
export function retryDelayMs(policy: RetryPolicy, attemptsMade: number, random: () => number = Math.random) {
  const n = Math.max(1, attemptsMade);
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (n - 1));
  const j = Math.min(1, Math.max(0, policy.jitter));
  const jittered = raw * (1 - j + 2 * j * random());
  return Math.max(0, Math.round(Math.min(policy.maxDelayMs, jittered)));
}

/** True when another attempt is allowed after `attemptsMade` attempts. */
export function mayRetry(policy: RetryPolicy, attemptsMade: number): boolean {
  return attemptsMade < policy.maxAttempts;
}
