// The benchmarks' data set: deterministic generated orders written as a generic orders CSV (streamed).
import fs from 'node:fs';
import { orderRecord, type OrderRecord } from '../src/modules/core/index.ts';
import { orderCsvHeader, orderToCsvRows } from '../src/modules/imports/import-serialise.ts';

const COUNTRIES = ['US', 'DE', 'GB', 'FR', 'CA', 'AU', 'JP', 'NL', 'IT', 'ES'];
const SKUS = Array.from({ length: 400 }, (_, i) => `SKU-${String(i).padStart(4, '0')}`);

/** Small deterministic PRNG (mulberry32) so every run imports the same file. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `orders` generated orders (1 to 3 lines each, 60,000 buyers) as a generic orders CSV; returns the row count. */
export async function writeOrdersCsv(file: string, orders: number): Promise<number> {
  const rnd = prng(42);
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${orderCsvHeader().join(',')}\n`);
  let rows = 0;
  let buf: string[] = [];
  for (let i = 0; i < orders; i++) {
    const n = rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3;
    const lines = Array.from({ length: n }, (_, j) => {
      const qty = 1 + Math.floor(rnd() * 4);
      const price = (5 + Math.floor(rnd() * 9000) / 100).toFixed(2);
      return {
        lineNo: j + 1,
        sku: SKUS[Math.floor(rnd() * SKUS.length)]!,
        title: `Product ${j}`,
        quantity: qty,
        unitPrice: price,
        total: (Number(price) * qty).toFixed(2),
      };
    });
    const subtotal = lines.reduce((s, l) => s + Number(l.total), 0).toFixed(2);
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    const buyer = Math.floor(rnd() * 60_000);
    const o = orderRecord.parse({
      platform: 'shop',
      externalId: `B-${i}`,
      buyer: {
        kind: 'buyer',
        externalRef: `cust-${buyer}`,
        isPerson: true,
        name: `Buyer ${buyer}`,
        email: `buyer${buyer}@example.com`,
        country,
      },
      shipTo: {
        name: `Buyer ${buyer}`,
        line1: `${i} Main Street`,
        city: 'Springfield',
        postalCode: '12345',
        country,
      },
      currency: 'USD',
      subtotal,
      shipping: '5',
      tax: '0',
      total: (Number(subtotal) + 5).toFixed(2),
      status: 'paid',
      orderedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      lines,
    }) as OrderRecord;
    buf.push(...orderToCsvRows(o));
    rows += n;
    if (buf.length >= 2000) {
      await write(`${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) await write(`${buf.join('\n')}\n`);
  await new Promise<void>((r) => out.end(r));
  return rows;
}
