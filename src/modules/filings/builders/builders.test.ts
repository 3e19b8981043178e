import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFiling, planFilings } from './builders.ts';
import {
  fixtureTariff,
  euAirBundle,
  ukLowBundle,
  ukStandardBundle,
  usAirBundle,
  usOceanBundle,
} from '../test/fixtures.ts';
import type { ShipmentBundle } from './common.ts';

const opts = (now = '2026-11-02T09:00:00Z') => ({
  now: new Date(now),
  tariff: fixtureTariff,
  reference: 'REF1',
});
const build = (b: ShipmentBundle, kind: string, now?: string) => {
  const plan = planFilings(b).find((p) => p.kind === kind)!;
  return buildFiling(b, plan, opts(now));
};

describe('filing builders', () => {
  it('plans ISF + entry for US ocean, ENS PLACI + full + H7 for EU air, CDS for the UK', () => {
    assert.deepEqual(
      planFilings(usOceanBundle()).map((p) => p.kind),
      ['us_isf', 'us_entry'],
    );
    assert.deepEqual(
      planFilings(usAirBundle()).map((p) => p.kind),
      ['us_entry'],
    );
    assert.deepEqual(
      planFilings(euAirBundle()).map((p) => `${p.kind}/${p.variant}`),
      ['eu_ens/placi', 'eu_ens/full', 'eu_h7/'],
    );
    assert.deepEqual(
      planFilings(ukLowBundle()).map((p) => p.kind),
      ['uk_cds'],
    );
  });

  it('turns a $402 shipment into a type 11 entry and says Section 321 is gone', () => {
    const f = build(usAirBundle(), 'us_entry');
    assert.equal(f.header.entryType, '11');
    const d = f.decisions.find((x) => x.outcome === 'no Section 321 / type 86');
    assert.ok(d);
    assert.match(d.rule, /^US\.SECTION_321@2025-08-29$/);
    assert.deepEqual(
      f.header.fees.map((x) => [x.code, x.amount]),
      [['499', '2.69']],
    );
  });

  it('would have allowed Section 321 before 2025-08-29 (the rule is dated)', () => {
    const f = build(usAirBundle(), 'us_entry', '2025-08-01T00:00:00Z');
    assert.ok(!f.decisions.some((x) => x.outcome === 'no Section 321 / type 86'));
    assert.match(f.ruleVersion, /US\.SECTION_321@2016-03-10/);
  });

  it('computes MPF (within min/max) and HMF for a formal ocean entry', () => {
    const f = build(usOceanBundle(), 'us_entry');
    assert.equal(f.header.entryType, '01');
    assert.equal(f.header.totalCustomsValue, '22000.00');
    // 22,000 × 0.3464% = 76.208 → 76.21 (between 33.58 and 651.50); HMF 22,000 × 0.125% = 27.50
    assert.deepEqual(
      f.header.fees.map((x) => [x.code, x.amount]),
      [
        ['499', '76.21'],
        ['501', '27.50'],
      ],
    );
    const big = usOceanBundle();
    big.lines[0]!.quantity = 40_000;
    assert.equal(build(big, 'us_entry').header.fees[0]!.amount, '651.50');
  });

  it('flags lines that need partner agency data', () => {
    const b = usAirBundle();
    b.lines[0]!.product!.hsCode = '9503000073';
    const f = build(b, 'us_entry');
    assert.deepEqual(f.lines[0]!.pga, ['CP']);
    assert.ok(f.decisions.some((d) => d.reason.includes('line 1: CP')));
  });

  it('charges €3 per item category on IOSS parcels from 2026-07-01, and gives relief before', () => {
    const after = build(euAirBundle(), 'eu_h7');
    assert.deepEqual(
      after.header.fees.map((x) => [x.code, x.amount]),
      [['A00', '6.00']],
    );
    const before = build(euAirBundle(), 'eu_h7', '2026-06-30T12:00:00Z');
    assert.deepEqual(before.header.fees, []);
    assert.ok(before.decisions.some((d) => d.outcome === 'duty relief'));
  });

  it('applies the £135 rule to a £78 parcel and import VAT to a £4,000 consignment', () => {
    const low = build(ukLowBundle(), 'uk_cds');
    assert.equal(low.header.lowValue, true);
    assert.equal(low.header.additionalDeclarationType, 'D');
    assert.deepEqual(low.header.fees, []);
    const std = build(ukStandardBundle(), 'uk_cds');
    assert.equal(std.header.lowValue, false);
    assert.deepEqual(
      std.header.fees.map((x) => [x.code, x.amount]),
      [['B00', '800.00']],
    );
  });

  it('converts foreign-currency invoices with the dated reference rate and records it', () => {
    const b = usAirBundle();
    for (const l of b.lines) l.currency = 'CNY';
    const f = build(b, 'us_entry');
    assert.equal(f.header.invoiceCurrency, 'CNY');
    assert.ok(f.header.exchangeRate);
    assert.match(f.ruleVersion, /FX\.REFERENCE@/);
    assert.equal(f.lines[0]!.customsValue, '50.56'); // 15 × 24 CNY = 360 CNY / 7.12
  });

  it('constructs a MID when the manufacturer has none, and says so', () => {
    const b = usOceanBundle();
    b.parties.pty_factory = { ...b.parties.pty_factory!, mid: null };
    const f = build(b, 'us_entry');
    assert.equal(f.parties.find((p) => p.role === 'manufacturer')!.ids.mid, 'CNDONSUN1288DON');
    assert.ok(f.decisions.some((d) => d.rule.endsWith('#mid')));
  });

  it('builds a 50-line filing deterministically', () => {
    const b = usOceanBundle();
    b.lines = Array.from({ length: 50 }, (_, i) => ({ ...b.lines[i % 3]!, lineNo: i + 1, sku: `SKU-${i}` }));
    const a = build(b, 'us_entry');
    assert.equal(a.lines.length, 50);
    assert.deepEqual(build(b, 'us_entry'), a);
  });
});
