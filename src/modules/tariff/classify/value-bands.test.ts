import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitsBands, listingVoltage, valueBands, voltageBands } from './value-bands.ts';
import { toUsd } from './ruleset.ts';

describe('value bands in tariff text', () => {
  it('reads per-article bands in dollars and cents, per pair and per dozen', () => {
    assert.deepEqual(valueBands(['Valued not over $3/pair']), [{ notOver: 3 }]);
    assert.deepEqual(valueBands(['Valued over $6.50 but not over $12/pair']), [{ over: 6.5, notOver: 12 }]);
    assert.deepEqual(valueBands(['Toy jewelry valued not over 8 cents per piece']), [{ notOver: 0.08 }]);
    const [dozen] = valueBands(['Valued over 20 cents per dozen pieces or parts']);
    assert.ok(Math.abs(dozen!.over! - 0.2 / 12) < 1e-9);
  });
  it('ignores bands per kilogram or liter', () => {
    assert.deepEqual(valueBands(['Valued over $1/liter', 'valued over $2 per kg']), []);
  });
  it('says whether a price fits every band on the path', () => {
    const bands = valueBands(['Valued over $3 but not over $6.50/pair', 'Other']);
    assert.equal(fitsBands(bands, 5), true);
    assert.equal(fitsBands(bands, 3), false);
    assert.equal(fitsBands([], 5), undefined);
  });
  it('converts listing prices with the dated indicative rates', () => {
    assert.equal(toUsd(100, 'CNY'), 14);
    assert.equal(toUsd(100, 'XXX'), undefined);
  });
});

describe('voltage bands', () => {
  it('reads "not exceeding", "exceeding" and ranges, in V and kV', () => {
    assert.deepEqual(voltageBands(['for a voltage not exceeding 1,000 V']), [{ notOver: 1000 }]);
    assert.deepEqual(voltageBands(['For a voltage exceeding 1,000 V']), [{ over: 1000 }]);
    assert.deepEqual(voltageBands(['voltage exceeding 60 V but not exceeding 1,000 V']), [
      { over: 60, notOver: 1000 },
    ]);
  });
  it('finds the highest voltage a listing states', () => {
    assert.equal(listingVoltage('Glass fuse 5x20mm 250V 2A'), 250);
    assert.equal(listingVoltage('DC 12V to 5V buck converter'), 12);
    assert.equal(listingVoltage('10kV insulator'), 10_000);
    assert.equal(listingVoltage('Model V8 earphones'), undefined);
  });
});
