import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_POLICY, mayRetry, PAPER_RETRY_POLICY, retryDelayMs } from './backoff.ts';

describe('retry backoff', () => {
  it('waits 10 s between each of 3 retries under the paper policy', () => {
    assert.deepEqual(
      [1, 2, 3].map((n) => retryDelayMs(PAPER_RETRY_POLICY, n)),
      [10_000, 10_000, 10_000],
    );
    assert.equal(mayRetry(PAPER_RETRY_POLICY, 3), true);
    assert.equal(mayRetry(PAPER_RETRY_POLICY, 4), false);
  });

  it('doubles the delay and caps it', () => {
    const p = { ...DEFAULT_RETRY_POLICY, jitter: 0, baseDelayMs: 100, maxDelayMs: 500 };
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => retryDelayMs(p, n)),
      [100, 200, 400, 500, 500],
    );
  });

  it('spreads delays within the jitter band', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, jitter: 0.5 };
    assert.equal(
      retryDelayMs(p, 1, () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(p, 1, () => 0.999999),
      1500,
    );
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(p, 1)));
    assert.ok(seen.size > 10, 'random jitter gives different delays');
    for (const d of seen) assert.ok(d >= 500 && d <= 1500);
  });
});
