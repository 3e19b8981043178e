import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { orderRecord, type OrderRecord } from '../core/index.ts';
import { ordersToAmazonTsv, ordersToCsv, ordersToShopifyCsv, toNdjson } from './import-serialise.ts';
import { parseAll, plain, testPersonRef } from './import-testing.ts';
import { IMPORT_FORMATS, IMPORT_KINDS } from './imports.tables.ts';

// Text that survives every format (no tab or line break: Amazon reports do not quote).
const flatText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.'"&()/#+-]{0,40}[A-Za-z0-9)]$/),
  fc.constantFrom('Müller & Söhne', 'Ødegaard', '東京都 渋谷区', 'José "Pepe" Núñez', 'Lamp, 12" shade'),
);
// CSV can also carry quoted line breaks.
const csvText = fc.oneof(flatText, fc.constantFrom('Line one\nline two', 'a\r\nb, "c"'));
const sku = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{2,15}$/);
const orderId = fc.stringMatching(/^#?[A-Z0-9][A-Z0-9-]{3,18}$/);
const amount = fc.integer({ min: 0, max: 5_000_000 }).map((c) => new Decimal(c).div(100).toFixed());
const country = fc.constantFrom('US', 'DE', 'GB', 'CN', 'FR', 'JP', 'CA', 'AU', 'BR', 'IN');
const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD');
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000).toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}[a-z0-9]$/), fc.constantFrom('example.com', 'example.de'))
  .filter(([l]) => !l.includes('..'))
  .map(([l, d]) => `${l}@${d}`);
const postal = fc.stringMatching(/^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/);

function orderArb(text: fc.Arbitrary<string>) {
  return fc
    .record({
      platform: fc.constantFrom('woocommerce', 'etsy', 'shopify'),
      externalId: orderId,
      buyer: fc.option(
        fc.record({
          externalRef: fc.stringMatching(/^[a-z0-9-]{3,20}$/),
          name: text,
          email: fc.option(email, { nil: undefined }),
          country,
        }),
        { nil: undefined },
      ),
      shipTo: fc.record({
        name: fc.option(text, { nil: undefined }),
        line1: fc.option(text, { nil: undefined }),
        line2: fc.option(text, { nil: undefined }),
        city: fc.option(text, { nil: undefined }),
        region: fc.option(fc.stringMatching(/^[A-Z]{2,3}$/), { nil: undefined }),
        postalCode: fc.option(postal, { nil: undefined }),
        country,
      }),
      currency,
      shipping: amount,
      tax: amount,
      status: fc.constantFrom('paid', 'pending', 'refunded', 'partially_refunded', 'shipped'),
      paymentMethod: fc.option(fc.constantFrom('stripe', 'PayPal Express Checkout', 'Shopify Payments'), {
        nil: undefined,
      }),
      paymentRef: fc.option(fc.stringMatching(/^[a-z0-9.]{4,20}$/), { nil: undefined }),
      orderedAt: instant,
      paidAt: fc.option(instant, { nil: undefined }),
      lines: fc.array(
        fc.record({ sku, title: text, quantity: fc.integer({ min: 1, max: 500 }), unitPrice: amount }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((o) => {
      const lines = o.lines.map((l, i) => ({
        ...l,
        lineNo: i + 1,
        total: new Decimal(l.unitPrice).times(l.quantity).toFixed(),
      }));
      const subtotal = lines.reduce((s, l) => s.plus(l.total), new Decimal(0));
      return {
        ...o,
        buyer: o.buyer && { ...o.buyer, kind: 'buyer' as const, isPerson: true },
        lines,
        subtotal: subtotal.toFixed(),
        total: subtotal.plus(o.shipping).plus(o.tax).toFixed(),
      };
    })
    .map((o) => orderRecord.safeParse(o))
    .filter((r) => r.success)
    .map((r) => r.data as OrderRecord);
}

const uniqueOrders = (text: fc.Arbitrary<string>) =>
  fc.uniqueArray(orderArb(text), { minLength: 1, maxLength: 5, selector: (o) => o.externalId });

/** What each format can carry of a canonical order. */
function forCsv(o: OrderRecord): OrderRecord {
  return orderRecord.parse({ ...(plain(o) as object), paymentRef: undefined }) as OrderRecord;
}
function forShopify(o: OrderRecord): OrderRecord {
  const p = plain(o) as Record<string, unknown> & { buyer?: { email?: string } };
  const buyer = o.buyer?.email
    ? {
        kind: 'buyer',
        isPerson: true,
        externalRef: `shopify:${testPersonRef(o.buyer.email.toLowerCase())}`,
        name: o.buyer.name,
        email: o.buyer.email,
        country: o.buyer.country,
      }
    : undefined;
  return orderRecord.parse({ ...p, platform: 'shopify', buyer }) as OrderRecord;
}
function forAmazon(o: OrderRecord): OrderRecord {
  const p = plain(o) as Record<string, unknown>;
  return orderRecord.parse({
    ...p,
    platform: 'amazon',
    buyer: undefined,
    paymentMethod: undefined,
    paymentRef: undefined,
    paidAt: undefined,
    shipTo: {
      city: o.shipTo.city,
      region: o.shipTo.region,
      postalCode: o.shipTo.postalCode,
      country: o.shipTo.country,
    },
  }) as OrderRecord;
}

const chunk = fc.integer({ min: 1, max: 300 });

describe('order files parse back to the records they were written from', () => {
  it('generic orders CSV (one row per line, quoted commas, quotes and line breaks)', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueOrders(csvText), chunk, async (orders, size) => {
        const expected = orders.map(forCsv);
        const r = await parseAll(ordersToCsv(expected), 'csv', 'orders', size);
        assert.deepEqual(r.quarantined, []);
        assert.equal(r.fatal, undefined);
        assert.deepEqual(plain(r.records), plain(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('NDJSON and JSON arrays of canonical records', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueOrders(csvText), chunk, async (orders, size) => {
        const nd = await parseAll(toNdjson(orders), 'ndjson', 'orders', size);
        assert.deepEqual(plain(nd.records), plain(orders));
        const js = await parseAll(JSON.stringify(orders, null, size % 3), 'json', 'orders', size);
        assert.deepEqual(js.quarantined, []);
        assert.deepEqual(plain(js.records), plain(orders));
      }),
      { numRuns: 40 },
    );
  });

  it('Shopify orders export (order fields on the first row only, apostrophe zip codes)', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueOrders(csvText), chunk, async (orders, size) => {
        const expected = orders.map(forShopify);
        const r = await parseAll(ordersToShopifyCsv(expected), 'shopify', 'orders', size);
        assert.deepEqual(r.quarantined, []);
        assert.deepEqual(plain(r.records), plain(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('Amazon order report (TSV, item-price is the line total)', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueOrders(flatText), chunk, async (orders, size) => {
        const expected = orders.map(forAmazon);
        const r = await parseAll(ordersToAmazonTsv(expected), 'amazon', 'orders', size);
        assert.deepEqual(r.quarantined, []);
        assert.deepEqual(plain(r.records), plain(expected));
      }),
      { numRuns: 40 },
    );
  });
});

describe('garbage never throws: it is quarantined', () => {
  const garbage = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 400 }),
    fc
      .array(fc.constantFrom(',', '"', '\n', '\r', '\t', '[', ']', '{', '}', 'a', '1', ':', '\\'), {
        maxLength: 200,
      })
      .map((a) => a.join('')),
    fc.uint8Array({ maxLength: 400 }),
  );

  it('for every format and kind, every row read ends as a record or a quarantine entry', async () => {
    await fc.assert(
      fc.asyncProperty(
        garbage,
        fc.constantFrom(...IMPORT_FORMATS),
        fc.constantFrom(...IMPORT_KINDS),
        chunk,
        async (data, format, kind, size) => {
          const k = format === 'shopify' || format === 'amazon' ? 'orders' : kind;
          const r = await parseAll(data, format, k, size);
          // Grouped CSV rows and skipped blank rows make this an inequality for the CSV family.
          if (format === 'json' || format === 'ndjson')
            assert.equal(r.records.length + r.quarantined.length, r.rows);
          else assert.ok(r.rowsAccounted <= r.rows);
          for (const q of r.quarantined) assert.ok(q.reason.length > 0 && q.field.length > 0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a line noise CSV with a valid header quarantines every row with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ maxLength: 60 }).filter((s) => !/[\r\n"]/.test(s)),
          { minLength: 1, maxLength: 20 },
        ),
        async (lines) => {
          const body = lines.filter((l) => l.replaceAll(',', '').trim() !== '');
          const r = await parseAll(`sku,title,value\n${body.join('\n')}\n`, 'csv', 'products');
          assert.equal(r.fatal, undefined);
          assert.equal(r.records.length + r.quarantined.length, body.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
