import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import i18nCountries from 'i18n-iso-countries';
import { Decimal } from '../../platform/money.ts';
import { orderRecord, productRecord, shipmentRecord } from '../core/index.ts';
import { type DemoDataset, datasetHash, generateDemo, plantedFacts } from './demo.generator.ts';
import { Rng } from './prng.ts';
import { generateCatalogue } from './catalogue.generator.ts';
import { manufacturerId, SUPPLIERS } from './data/suppliers.data.ts';
import { STALE_HTS } from './data/catalogue.data.ts';
import { LANES } from './data/logistics.data.ts';
import { standardVatRate, VAT_RULES } from './data/tax-rules.data.ts';
import { DAY_MS } from './orders.generator.ts';
import { allocateDepartures, s10CheckDigit } from './shipments.generator.ts';

const NOW = new Date('2026-11-21T12:00:00Z');
const key = (platform: string, externalId: string) => `${platform}|${externalId}`;
const share = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length / xs.length;
/** JSON with sorted keys and without undefined members, to compare records regardless of key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

describe('demo generator: determinism', () => {
  it('produces the same records for the same seed and scale, and different ones for another seed', () => {
    const a = generateDemo({ seed: 7, scale: 0.05, now: NOW });
    const b = generateDemo({ seed: 7, scale: 0.05, now: NOW });
    const c = generateDemo({ seed: 8, scale: 0.05, now: NOW });
    assert.equal(datasetHash(a), datasetHash(b));
    assert.notEqual(datasetHash(a), datasetHash(c));
    assert.deepEqual(a.orders.slice(0, 3), b.orders.slice(0, 3));
  });

  it('scales products (at least 20), orders and shipments', () => {
    const tiny = generateDemo({ seed: 1, scale: 0.02, now: NOW });
    assert.equal(tiny.products.length, 20);
    assert.equal(tiny.orders.length, 400);
    assert.ok(tiny.shipments.length >= 3 && tiny.shipments.length <= 6, `${tiny.shipments.length} shipments`);
    const departures = (s: number) =>
      [...allocateDepartures(Math.round(300 * s)).values()].reduce((x, y) => x + y);
    assert.equal(departures(1), 300);
    assert.equal(departures(10), 3000);
  });

  it('rejects a bad seed or scale', () => {
    assert.throws(() => generateDemo({ seed: -1, scale: 1, now: NOW }), /seed/);
    assert.throws(() => generateDemo({ seed: 1, scale: 0, now: NOW }), /scale/);
  });
});

describe('demo generator: realism invariants (scale 0.25)', () => {
  let d: DemoDataset;
  before(() => {
    d = generateDemo({ seed: 42, scale: 0.25, now: NOW });
  });

  it('builds records exactly as the canonical schemas parse them', () => {
    for (const o of d.orders) assert.equal(canonical(orderRecord.parse(o)), canonical(o));
    for (const p of d.products) productRecord.parse(p);
    for (const s of d.shipments) shipmentRecord.parse(s);
  });

  it('adds up every order: lines, subtotal, shipping, tax and total', () => {
    for (const o of d.orders) {
      for (const l of o.lines)
        assert.equal(new Decimal(l.unitPrice).times(l.quantity).toFixed(2), new Decimal(l.total).toFixed(2));
      const lines = o.lines.reduce((s, l) => s.plus(l.total), new Decimal(0));
      assert.equal(lines.toFixed(2), new Decimal(o.subtotal).toFixed(2), o.externalId);
      const sum = new Decimal(o.subtotal).plus(o.shipping).plus(o.tax);
      assert.equal(sum.toFixed(2), new Decimal(o.total).toFixed(2), o.externalId);
    }
  });

  it('charges VAT by the dated rules: IOSS up to €150, UK up to £135, none for the US', () => {
    let ioss = 0;
    let above = 0;
    for (const o of d.orders) {
      const country = o.shipTo.country;
      const rate = standardVatRate(country, o.orderedAt);
      const base = new Decimal(o.subtotal).plus(o.shipping);
      if (country === 'US') assert.equal(new Decimal(o.tax).toFixed(2), '0.00');
      else {
        const limit =
          country === 'GB' ? VAT_RULES.ukConsignmentThreshold.amount : VAT_RULES.iossCeiling.amount;
        const expected = new Decimal(o.subtotal).lte(limit)
          ? base.times(rate!.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          : new Decimal(0);
        assert.equal(new Decimal(o.tax).toFixed(2), expected.toFixed(2), `${country} ${o.externalId}`);
        if (expected.isZero()) above++;
        else ioss++;
      }
    }
    assert.ok(ioss > 100 && above > 0, `${ioss} taxed, ${above} above the threshold`);
  });

  it('charges in the destination currency', () => {
    const expected: Record<string, string> = { US: 'USD', GB: 'GBP' };
    for (const o of d.orders) assert.equal(o.currency, expected[o.shipTo.country] ?? 'EUR');
  });

  it('sells only catalogue SKUs, with their titles', () => {
    const titles = new Map(d.products.map((p) => [p.sku, p.title]));
    for (const o of d.orders) for (const l of o.lines) assert.equal(titles.get(l.sku), l.title);
  });

  it('dates every order inside the 90 days before now, paid after it was placed', () => {
    const start = NOW.getTime() - 90 * DAY_MS;
    for (const o of d.orders) {
      assert.ok(o.orderedAt.getTime() >= start && o.orderedAt < NOW, o.orderedAt.toISOString());
      assert.ok(o.paidAt! >= o.orderedAt);
    }
    const days = new Set(d.orders.map((o) => o.orderedAt.toISOString().slice(0, 10)));
    assert.ok(days.size >= 89, `${days.size} distinct days`);
  });

  it('uses valid ISO country codes and fictional contact details', () => {
    for (const o of d.orders) {
      assert.ok(i18nCountries.isValid(o.shipTo.country));
      assert.ok(i18nCountries.isValid(o.buyer!.country));
      assert.equal(o.buyer!.isPerson, true);
      assert.match(o.buyer!.email!, /@(example\.(com|net|org)|mail\.example|inbox\.example)$/);
      if (o.buyer!.phone) assert.match(o.buyer!.phone, /^\+1 \d{3} 555 01\d\d$|^\+44 7700 900\d{3}$/);
    }
    for (const p of d.products) assert.ok(i18nCountries.isValid(p.originCountry!));
  });

  it('puts every shipment line on an existing order to the same destination, with its SKU and quantity', () => {
    const orders = new Map(d.orders.map((o) => [key(o.platform, o.externalId), o]));
    const shipped = new Set<string>();
    for (const s of d.shipments) {
      assert.ok(s.lines.length > 0, s.reference);
      for (const l of s.lines) {
        const o = orders.get(key(l.orderPlatform!, l.orderExternalId!));
        assert.ok(o, `${s.reference} refers to a missing order`);
        assert.equal(o.shipTo.country, s.destinationCountry);
        assert.ok(o.lines.some((ol) => ol.sku === l.sku && ol.quantity === l.quantity));
        assert.notEqual(o.status, 'cancelled');
        shipped.add(key(o.platform, o.externalId));
      }
    }
    for (const o of d.orders)
      if (['shipped', 'delivered', 'refunded'].includes(o.status))
        assert.ok(
          shipped.has(key(o.platform, o.externalId)),
          `${o.status} order ${o.externalId} is on no shipment`,
        );
  });

  it('keeps shipment milestones consistent with the mode and now', () => {
    const lane = new Map(LANES.map((l) => [`${l.destination}|${l.mode}`, l]));
    for (const s of d.shipments) {
      const l = lane.get(`${s.destinationCountry}|${s.mode}`)!;
      assert.ok(l, `${s.reference} has no lane`);
      assert.equal(s.originPort, l.originPort);
      assert.ok(l.destinationPorts.includes(s.destinationPort!));
      assert.match(s.originPort!, /^[A-Z]{2}[A-Z2-9]{3}$/);
      const transit = (s.eta!.getTime() - s.etd!.getTime()) / DAY_MS;
      assert.ok(
        transit >= l.transitDays[0] && transit <= l.transitDays[1],
        `${s.reference} transit ${transit}`,
      );
      if (s.atd) assert.ok(s.atd >= s.etd! && s.atd <= NOW);
      if (s.ata) assert.ok(s.atd && s.ata > s.atd && s.ata <= NOW);
      if (s.status === 'planned') assert.ok(s.etd! > NOW && !s.atd);
      if (s.status === 'in_transit') assert.ok(s.atd && !s.ata && s.eta! >= NOW);
      if (s.status === 'delayed') assert.ok(!s.ata && (s.eta! < NOW || !s.atd));
    }
    const statuses = new Set(d.shipments.map((s) => s.status));
    for (const st of ['planned', 'arrived', 'delivered']) assert.ok(statuses.has(st), `no ${st}`);
    assert.ok(
      d.plans.some((p) => p.late),
      'no late shipment',
    );
  });

  it('mixes destinations, platforms, modes and statuses roughly as designed', () => {
    const o = d.orders;
    const us = share(o, (x) => x.shipTo.country === 'US');
    const gb = share(o, (x) => x.shipTo.country === 'GB');
    const eu = share(o, (x) => x.currency === 'EUR');
    assert.ok(us > 0.45 && us < 0.6, `US ${us}`);
    assert.ok(gb > 0.09 && gb < 0.18, `GB ${gb}`);
    assert.ok(eu > 0.25 && eu < 0.42, `EU ${eu}`);
    assert.ok(new Set(o.map((x) => x.shipTo.country)).size >= 10);
    const platforms = ['amazon', 'shopify', 'temu', 'aliexpress', 'ebay', 'tiktok'];
    for (const p of platforms) assert.ok(share(o, (x) => x.platform === p) > 0.04, p);
    assert.ok(share(o, (x) => x.platform === 'amazon') > share(o, (x) => x.platform === 'ebay'));
    const modes = d.shipments.map((s) => s.mode);
    for (const m of ['air', 'express', 'ocean', 'postal']) assert.ok(modes.includes(m as never), m);
    assert.ok(share(modes, (m) => m === 'air') > 0.3);
    const delivered = share(o, (x) => x.status === 'delivered' || x.status === 'refunded');
    assert.ok(delivered > 0.6 && delivered < 0.9, `delivered ${delivered}`);
    for (const st of ['paid', 'shipped', 'refunded', 'cancelled'])
      assert.ok(
        o.some((x) => x.status === st),
        st,
      );
    const multi = share(o, (x) => x.lines.length > 1);
    assert.ok(multi > 0.2 && multi < 0.5, `multi-line ${multi}`);
  });

  it('has a weekly rhythm: Sundays busier than Saturdays', () => {
    const byDay = [0, 0, 0, 0, 0, 0, 0];
    for (const o of d.orders) byDay[o.orderedAt.getUTCDay()]!++;
    assert.ok(byDay[0]! > byDay[6]!, byDay.join(','));
  });

  it('plants the suspicious patterns the fraud features look for', () => {
    const orders = new Map(d.orders.map((o) => [key(o.platform, o.externalId), o]));
    const resh = d.patterns.reshipper.map((k) => orders.get(k)!);
    const byAddress = new Map<string, Set<string>>();
    for (const o of resh) {
      const a = `${o.shipTo.line1}|${o.shipTo.postalCode}`;
      byAddress.set(a, (byAddress.get(a) ?? new Set()).add(o.buyer!.externalRef));
    }
    assert.ok(
      [...byAddress.values()].some((buyers) => buyers.size >= 5),
      'no address with many accounts',
    );
    const mismatch = d.patterns['country-mismatch'].map((k) => orders.get(k)!);
    assert.ok(mismatch.length > 0);
    for (const o of mismatch) assert.notEqual(o.buyer!.country, o.shipTo.country);
    const burst = d.patterns.velocity.map((k) => orders.get(k)!);
    const byBuyer = new Map<string, Date[]>();
    for (const o of burst)
      byBuyer.set(o.buyer!.externalRef, [...(byBuyer.get(o.buyer!.externalRef) ?? []), o.orderedAt]);
    const spans = [...byBuyer.values()].map((ts) => ({
      n: ts.length,
      span: Math.max(...ts.map(Number)) - Math.min(...ts.map(Number)),
    }));
    assert.ok(
      spans.some((s) => s.n >= 5 && s.span <= 3_600_000),
      JSON.stringify(spans),
    );
    const planted = plantedFacts(d);
    assert.deepEqual(planted.suspiciousOrders, d.patterns);
    const skus = new Set(d.products.map((p) => p.sku));
    for (const sku of [...planted.missingHsCode, ...planted.forcedLabourRiskRegion]) assert.ok(skus.has(sku));
    for (const s of planted.staleHsCode)
      assert.equal(d.products.find((p) => p.sku === s.sku)!.hsCode, s.code);
    const refs = new Set(d.shipments.map((s) => s.reference));
    assert.ok(planted.lateShipments.length > 0 && planted.lateShipments.every((r) => refs.has(r)));
    const suspicious = resh.length + mismatch.length + burst.length;
    assert.ok(suspicious / d.orders.length < 0.02, 'suspicious share should stay small');
  });
});

describe('demo catalogue (scale 1)', () => {
  const { items, suppliers } = generateCatalogue(new Rng(1).fork('catalogue'), 500);

  it('covers many HS chapters with 10-digit codes, a few missing and a few stale', () => {
    const chapters = new Set(items.filter((i) => i.record.hsCode).map((i) => i.record.hsCode!.slice(0, 2)));
    for (const ch of ['33', '39', '42', '61', '62', '64', '69', '71', '73', '82', '85', '94', '95'])
      assert.ok(chapters.has(ch), `chapter ${ch}`);
    for (const i of items) if (i.hsState === 'current') assert.match(i.record.hsCode!, /^\d{10}$/);
    const missing = items.filter((i) => i.hsState === 'missing');
    const stale = items.filter((i) => i.hsState === 'stale');
    assert.ok(missing.length >= 5 && missing.length <= 40, `${missing.length} missing`);
    assert.ok(stale.length >= 1 && stale.length <= 25, `${stale.length} stale`);
    for (const s of stale) assert.ok(STALE_HTS[s.record.hsCode!]);
    for (const m of missing) assert.equal(m.record.hsCode, undefined);
  });

  it('has unique SKUs, USD values, weights and mostly Chinese origin', () => {
    assert.equal(new Set(items.map((i) => i.record.sku)).size, items.length);
    for (const i of items) {
      assert.equal(i.record.currency, 'USD');
      assert.ok(Number(i.record.value) > 0 && Number(i.record.weightKg) > 0);
      assert.ok(i.record.title.length > 10 && i.record.description!.length > i.record.title.length);
      assert.ok(i.record.categoryPath);
    }
    const cn = share(items, (i) => i.record.originCountry === 'CN');
    assert.ok(cn > 0.85 && cn < 1, `CN ${cn}`);
    const apparel = items.filter(
      (i) => i.record.hsCode?.startsWith('61') || i.record.hsCode?.startsWith('62'),
    );
    for (const a of apparel)
      assert.ok(a.record.attributes.construction && a.record.attributes.gender, a.record.sku);
  });

  it('sources from several provinces, one in Xinjiang', () => {
    const regions = new Set(suppliers.map((s) => s.region));
    for (const r of ['Guangdong', 'Zhejiang', 'Jiangsu', 'Fujian', 'Shandong', 'Xinjiang'])
      assert.ok(regions.has(r), r);
    assert.ok(items.some((i) => i.record.supplier?.region === 'Xinjiang'));
  });
});

describe('identifiers', () => {
  it('derives the CBP MID from name, street number and city', () => {
    assert.equal(
      manufacturerId({
        country: 'CN',
        name: 'Shenzhen Brightway Trading Co., Ltd.',
        line1: '1234 Bantian Road',
        city: 'Shenzhen',
      }),
      'CNSHEBRI1234SHE',
    );
    assert.equal(
      manufacturerId({
        country: 'VN',
        name: 'The Saigon-Star Shoe Company',
        line1: 'Lot 5, 12345 Road 7',
        city: 'Binh Duong',
      }),
      'VNSAISHO1234BIN',
    );
    for (const s of SUPPLIERS) assert.match(manufacturerId(s), /^[A-Z]{2}[A-Z0-9]{6}\d{1,4}[A-Z]{3}$/);
  });

  it('computes UPU S10 check digits', () => {
    assert.equal(s10CheckDigit('47312482'), 9);
  });

  it('formats tracking numbers by carrier', () => {
    const d = generateDemo({ seed: 3, scale: 0.2, now: NOW });
    for (const s of d.shipments) {
      const t = s.trackingNumber!;
      if (s.carrier === 'DHL Express') assert.match(t, /^\d{10}$/);
      if (s.carrier?.startsWith('FedEx')) assert.match(t, /^\d{12}$/);
      if (s.carrier?.startsWith('UPS')) assert.match(t, /^1Z[A-Z0-9]{16}$/);
      if (s.mode === 'air') {
        const m = /^(\d{3})-(\d{7})(\d)$/.exec(t);
        assert.ok(m, t);
        assert.equal(Number(m[2]) % 7, Number(m[3]));
      }
      if (s.mode === 'postal') {
        const m = /^[A-Z]{2}(\d{8})(\d)CN$/.exec(t);
        assert.ok(m, t);
        assert.equal(s10CheckDigit(m[1]!), Number(m[2]));
      }
    }
  });
});
