import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fillDays } from '../../dashboard/src/lib/series.ts';

describe('fillDays (orders-per-day chart)', () => {
  it('fills the days without orders with zero, across a month end', () => {
    const filled = fillDays(
      [
        { day: '2026-10-30', orders: 3 },
        { day: '2026-11-02', orders: 1 },
      ],
      'orders',
    );
    assert.deepEqual(filled, [
      { day: '2026-10-30', orders: 3 },
      { day: '2026-10-31', orders: 0 },
      { day: '2026-11-01', orders: 0 },
      { day: '2026-11-02', orders: 1 },
    ]);
  });

  it('returns nothing for no data', () => {
    assert.deepEqual(fillDays([], 'orders'), []);
  });

  it('keeps every input day and its count, yields consecutive days, and adds only zeros', () => {
    const dayArb = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(dayArb, fc.nat(50)), { selector: ([d]) => d.getTime(), maxLength: 30 }),
        (pairs) => {
          const input = pairs
            .sort(([a], [b]) => a.getTime() - b.getTime())
            .map(([d, n]) => ({ day: d.toISOString().slice(0, 10), orders: n }));
          const out = fillDays(input, 'orders');
          const byDay = new Map(out.map((d) => [d.day, d.orders]));
          for (const d of input) assert.equal(byDay.get(d.day), d.orders);
          for (let i = 1; i < out.length; i++)
            assert.equal(Date.parse(out[i]!.day) - Date.parse(out[i - 1]!.day), 86_400_000);
          const total = (xs: Array<{ orders: number }>) => xs.reduce((s, d) => s + d.orders, 0);
          assert.equal(total(out), total(input));
        },
      ),
    );
  });
});
