import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal, parseAmount } from './money.ts';

describe('parseAmount', () => {
  it('normalises like decimal.js toFixed() for every plain decimal string', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    fc.assert(
      fc.property(
        fc.boolean(),
        digits(1, 20),
        fc.option(digits(1, 12), { nil: undefined }),
        (neg, int, frac) => {
          const s = `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`;
          assert.equal(parseAmount(s), new Decimal(s).toFixed(), s);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads thousands separators, numbers and surrounding spaces, and refuses what is not an amount', () => {
    assert.equal(parseAmount(' 1,234.50 '), '1234.5');
    assert.equal(parseAmount('-0.000'), '0');
    assert.equal(parseAmount('007'), '7');
    assert.equal(parseAmount(12.5), '12.5');
    assert.equal(parseAmount(-3), '-3');
    for (const bad of ['', '1.', '.5', '1e3', '12,34', 'abc', '1.2.3', '--1', '+1'])
      assert.equal(parseAmount(bad), null, bad);
  });
});
