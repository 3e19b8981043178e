import crypto from 'node:crypto';
import type { Decimal } from '../../platform/money.ts';
import {
  type OrderRecord,
  type PartyRecord,
  type ProductRecord,
  type ShipmentRecord,
  shipmentRecord,
} from '../core/index.ts';
import { Rng } from './prng.ts';
import { type CatalogueItem, generateCatalogue, productCount } from './catalogue.generator.ts';
import { generateOrders, orderCount, type OrderDraft, type SuspiciousPattern } from './orders.generator.ts';
import { type OrderStatus, planShipments, type ShipmentPlan } from './shipments.generator.ts';
import { STALE_HTS } from './data/catalogue.data.ts';
import { SUPPLIERS } from './data/suppliers.data.ts';
import type { DemoPlanted } from './demo.tables.ts';

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

  const orders = drafts.map((o) => toOrderRecord(o, shipping.status.get(o)!));
  const shipments = shipping.shipments.map((s) => shipmentRecord.parse(s.record));
  const patterns: Record<SuspiciousPattern, string[]> = {
    reshipper: [],
    'country-mismatch': [],
    velocity: [],
  };
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

/** What the generator planted for later features to find (stored with the load, served by the API). */
export function plantedFacts(d: DemoDataset): DemoPlanted {
  const risky = new Set(SUPPLIERS.filter((s) => s.risk === 'uflpa-region').map((s) => s.code));
  return {
    suspiciousOrders: d.patterns,
    missingHsCode: d.catalogue.filter((i) => i.hsState === 'missing').map((i) => i.record.sku),
    staleHsCode: d.catalogue
      .filter((i) => i.hsState === 'stale')
      .map((i) => ({
        sku: i.record.sku,
        code: i.record.hsCode!,
        replacedBy: STALE_HTS[i.record.hsCode!]!.replacedBy,
      })),
    forcedLabourRiskRegion: d.catalogue.filter((i) => risky.has(i.supplierCode)).map((i) => i.record.sku),
    lateShipments: d.plans.filter((p) => p.late).map((p) => p.record.reference),
  };
}

/** A decimal as the canonical records normalise it (no trailing zeros). */
const amount = (d: Decimal) => d.toDecimalPlaces(2).toFixed();

/**
 * The canonical order record of a draft, built directly in the shape `orderRecord.parse` produces
 * (a test holds the two equal): parsing 20,000 generated orders through zod would double the
 * generation time for no gain.
 */
export function toOrderRecord(o: OrderDraft, status: OrderStatus): OrderRecord {
  return {
    platform: o.platform,
    externalId: o.externalId,
    buyer: o.buyer,
    shipTo: o.shipTo,
    currency: o.market.currency,
    subtotal: amount(o.subtotal),
    shipping: amount(o.shipping),
    tax: amount(o.tax),
    total: amount(o.subtotal.plus(o.shipping).plus(o.tax)),
    paymentMethod: o.paymentMethod,
    paymentRef: o.paymentRef,
    status,
    orderedAt: o.orderedAt,
    paidAt: o.paidAt,
    lines: o.lines.map((l, i) => ({
      lineNo: i + 1,
      sku: l.item.record.sku,
      title: l.item.record.title,
      quantity: l.quantity,
      unitPrice: amount(l.unitPrice),
      total: amount(l.unitPrice.times(l.quantity)),
    })),
  };
}

/**
 * SHA-256 over the records (products, orders, shipments): equal hashes mean equal data. Records are
 * built field by field in a fixed order, so plain JSON (dates as ISO strings) is canonical here.
 */
export function datasetHash(d: Pick<DemoDataset, 'products' | 'orders' | 'shipments'>): string {
  const h = crypto.createHash('sha256');
  for (const part of [d.products, d.orders, d.shipments])
    for (const r of part) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}
