import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes, randomInto } from './random.ts';

describe('pooled CSPRNG', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    // 20,000 IVs of 12 bytes: almost four refills of the 64 KiB pool.
    for (let i = 0; i < 20_000; i++) {
      const iv = randomBytes(12).toString('hex');
      assert.ok(!seen.has(iv), `repeated at ${i}`);
      seen.add(iv);
    }
  });

  it('writes exactly the asked range, and serves requests larger than the pool', () => {
    const out = Buffer.alloc(40);
    randomInto(out, 8, 16);
    assert.ok(out.subarray(0, 8).every((b) => b === 0));
    assert.ok(out.subarray(24).every((b) => b === 0));
    assert.ok(out.subarray(8, 24).some((b) => b !== 0));
    const big = randomBytes(200_000);
    assert.equal(big.length, 200_000);
    // A large draw is random throughout, not a pool's worth followed by zeros.
    assert.ok(big.subarray(150_000, 150_064).some((b) => b !== 0));
  });
});
