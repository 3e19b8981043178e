import type { Clock } from '../../platform/clock.ts';

/**
 * A per-endpoint circuit breaker: after `failureThreshold` consecutive failures it opens and refuses
 * calls for `cooldownMs`; then it lets `halfOpenProbes` calls through; one success closes it, a failure
 * opens it again. Written here rather than taken from opossum because the outbox needs the breaker's
 * *state* (to release claimed rows with a retry time) rather than a wrapped function with its own
 * timeouts, and the whole thing is forty lines.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  halfOpenProbes: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 5_000, halfOpenProbes: 1 };

export class CircuitBreaker {
  private readonly opts: BreakerOptions;
  private readonly clock: Clock;
  private failures = 0;
  private openedAt: number | undefined;
  private probesInFlight = 0;
  private halfOpen = false;

  constructor(clock: Clock, opts: Partial<BreakerOptions> = {}) {
    this.clock = clock;
    this.opts = { ...DEFAULT_BREAKER, ...opts };
  }

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    if (this.halfOpen || this.clock.now().getTime() - this.openedAt >= this.opts.cooldownMs)
      return 'half_open';
    return 'open';
  }

  /** When an open breaker lets a probe through. */
  get retryAt(): Date | undefined {
    return this.openedAt === undefined ? undefined : new Date(this.openedAt + this.opts.cooldownMs);
  }

  /** Asks to make a call; true = go ahead (and report the outcome with success() or failure()). */
  tryAcquire(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'open') return false;
    this.halfOpen = true;
    if (this.probesInFlight >= this.opts.halfOpenProbes) return false;
    this.probesInFlight += 1;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.halfOpen = false;
    this.probesInFlight = 0;
  }

  failure(): void {
    if (this.halfOpen) {
      this.trip();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.opts.failureThreshold) this.trip();
  }

  private trip(): void {
    this.openedAt = this.clock.now().getTime();
    this.halfOpen = false;
    this.probesInFlight = 0;
    this.failures = 0;
  }
}

/** One breaker per endpoint key, created on first use. */
export class CircuitBreakers {
  private readonly map = new Map<string, CircuitBreaker>();
  private readonly clock: Clock;
  private readonly opts: Partial<BreakerOptions>;

  constructor(clock: Clock, opts: Partial<BreakerOptions> = {}) {
    this.clock = clock;
    this.opts = opts;
  }

  get(key: string): CircuitBreaker {
    let b = this.map.get(key);
    if (!b) {
      b = new CircuitBreaker(this.clock, this.opts);
      this.map.set(key, b);
    }
    return b;
  }

  entries(): Array<[string, CircuitBreaker]> {
    return [...this.map.entries()];
  }
}
