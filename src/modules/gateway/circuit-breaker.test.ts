import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FixedClock } from '../../platform/clock.ts';
import { CircuitBreaker } from './circuit-breaker.ts';

describe('circuit breaker', () => {
  it('opens after consecutive failures and refuses calls until the cooldown ends', () => {
    const clock = new FixedClock('2026-11-21T10:00:00Z');
    const b = new CircuitBreaker(clock, { failureThreshold: 3, cooldownMs: 1000 });
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    assert.equal(b.state, 'closed', 'a success resets the count');
    b.failure();
    assert.equal(b.state, 'open');
    assert.equal(b.tryAcquire(), false);
    assert.equal(b.retryAt?.toISOString(), '2026-11-21T10:00:01.000Z');
    clock.advance(1000);
    assert.equal(b.tryAcquire(), true, 'one probe when half-open');
    assert.equal(b.tryAcquire(), false, 'only one probe at a time');
  });

  it('closes on a successful probe and re-opens on a failed one', () => {
    const clock = new FixedClock('2026-11-21T10:00:00Z');
    const b = new CircuitBreaker(clock, { failureThreshold: 1, cooldownMs: 500 });
    b.failure();
    clock.advance(500);
    assert.ok(b.tryAcquire());
    b.failure();
    assert.equal(b.state, 'open');
    clock.advance(500);
    assert.ok(b.tryAcquire());
    b.success();
    assert.equal(b.state, 'closed');
    assert.ok(b.tryAcquire());
  });
});
