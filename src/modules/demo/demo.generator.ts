import crypto from 'node:crypto';
import {
  type OrderRecord,
  orderRecord,
  type PartyRecord,
  type ProductRecord,
  type ShipmentRecord,
  shipmentRecord,
} from '../core/index.ts';
import { Rng } from './prng.ts';
import { type CatalogueItem, generateCatalogue, productCount } from './catalogue.generator.ts';
import { generateOrders, orderCount, type OrderDraft, type SuspiciousPattern } from './orders.generator.ts';
import { planShipments, type ShipmentPlan } from './shipments.generator.ts';

export interface DemoSpec {
  seed: number;
  scale: number;
  /** The end of the 90-day window: the moment the demo is "now". */
  now: Date;
}

/** The generated demo company: canonical records ready for ingest, plus what the generator knows. */
export interface DemoDataset {
  spec: DemoSpec;
  products: ProductRecord[];
  suppliers: PartyRecord[];
  orders: OrderRecord[];
  shipments: ShipmentRecord[];
  /** Catalogue facts not in the records (HS state, bulky, popularity). */
  catalogue: CatalogueItem[];
  /** Order drafts, index-aligned with `orders` (market, pattern, value in USD…). */
  drafts: OrderDraft[];
  plans: ShipmentPlan[];
  /** Suspicious orders by pattern, as `platform|externalId`. */
  patterns: Record<SuspiciousPattern, string[]>;
}

export function validateSpec(spec: { seed: number; scale: number }): void {
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff)
    throw new RangeError('seed must be a whole number from 0 to 4294967295');
  if (!Number.isFinite(spec.scale) || spec.scale <= 0 || spec.scale > 50)
    throw new RangeError('scale must be greater than 0 and at most 50');
}

/**
 * Generates the demo exporter deterministically: the same seed, scale and `now` give the same records
 * (ids are assigned later, at ingest). Each part draws from its own stream (`Rng.fork`).
 */
export function generateDemo(spec: DemoSpec): DemoDataset {
  validateSpec(spec);
  const root = new Rng(spec.seed);
  const catalogue = generateCatalogue(root.fork('catalogue'), productCount(spec.scale));
  const drafts = generateOrders(root.fork('orders'), catalogue.items, orderCount(spec.scale), spec.now);
  const shipping = planShipments(root.fork('shipments'), drafts, spec.scale, spec.now);

  const orders = drafts.map((o) =>
    orderRecord.parse({
      platform: o.platform,
      externalId: o.externalId,
      buyer: o.buyer,
      shipTo: o.shipTo,
      currency: o.market.currency,
      subtotal: o.subtotal.toFixed(2),
      shipping: o.shipping.toFixed(2),
      tax: o.tax.toFixed(2),
      total: o.subtotal.plus(o.shipping).plus(o.tax).toFixed(2),
      paymentMethod: o.paymentMethod,
      paymentRef: o.paymentRef,
      status: shipping.status.get(o),
      orderedAt: o.orderedAt,
      paidAt: o.paidAt,
      lines: o.lines.map((l, i) => ({
        lineNo: i + 1,
        sku: l.item.record.sku,
        title: l.item.record.title,
        quantity: l.quantity,
        unitPrice: l.unitPrice.toFixed(2),
        total: l.unitPrice.times(l.quantity).toFixed(2),
      })),
    }),
  );
  const shipments = shipping.shipments.map((s) => shipmentRecord.parse(s.record));
  const patterns: Record<SuspiciousPattern, string[]> = { reshipper: [], 'country-mismatch': [], velocity: [] };
  for (const o of drafts) if (o.pattern) patterns[o.pattern].push(`${o.platform}|${o.externalId}`);
  return {
    spec,
    products: catalogue.items.map((i) => i.record),
    suppliers: catalogue.suppliers,
    orders,
    shipments,
    catalogue: catalogue.items,
    drafts,
    plans: shipping.shipments,
    patterns,
  };
}

/** Canonical JSON (sorted keys, ISO dates) for hashing records. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** SHA-256 over the records (products, orders, shipments): equal hashes mean equal data. */
export function datasetHash(d: Pick<DemoDataset, 'products' | 'orders' | 'shipments'>): string {
  const h = crypto.createHash('sha256');
  for (const part of [d.products, d.orders, d.shipments]) for (const r of part) h.update(canonical(r)).update('\n');
  return h.digest('hex');
}
