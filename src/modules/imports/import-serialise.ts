import { Decimal } from 'decimal.js';
import type { OrderRecord } from '../core/index.ts';
import {
  AMAZON_COLUMNS,
  AMAZON_LINE_COLUMNS,
  ORDER_CSV_COLUMNS,
  ORDER_LINE_CSV_COLUMNS,
  SHOPIFY_COLUMNS,
  SHOPIFY_LINE_COLUMNS,
} from './import-mappers.ts';

/**
 * Writers for the import formats: the inverse of the mappers, for templates, tests (round trips) and the
 * benchmark's generated files. They write what the format can hold (an Amazon report has no buyer).
 */
export function csvCell(v: string | number | undefined | null): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const iso = (d: Date | undefined) => d?.toISOString();

function get(o: unknown, path: string): string | undefined {
  let v: unknown = o;
  for (const k of path.split('.'))
    v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k];
  if (v === undefined || v === null) return undefined;
  return v instanceof Date ? v.toISOString() : String(v);
}

/** Generic orders CSV: one row per line, order fields repeated on every row. */
export function orderCsvHeader(): string[] {
  return [...new Set([...Object.values(ORDER_CSV_COLUMNS), ...Object.values(ORDER_LINE_CSV_COLUMNS)])];
}

export function orderToCsvRows(o: OrderRecord): string[] {
  const header = orderCsvHeader();
  return o.lines.map((l) => {
    const cells: Record<string, string | undefined> = {};
    for (const [path, col] of Object.entries(ORDER_CSV_COLUMNS)) cells[col] = get(o, path);
    for (const [path, col] of Object.entries(ORDER_LINE_CSV_COLUMNS)) cells[col] = get(l, path);
    cells.ordered_at = iso(o.orderedAt);
    cells.paid_at = iso(o.paidAt);
    return header.map((h) => csvCell(cells[h])).join(',');
  });
}

export function ordersToCsv(orders: OrderRecord[]): string {
  return `${[orderCsvHeader().join(','), ...orders.flatMap(orderToCsvRows)].join('\n')}\n`;
}

export function toNdjson(records: unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Shopify's timestamp layout: "2026-10-01 10:00:00 +0000". */
function shopifyTime(d: Date | undefined): string | undefined {
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} +0000` : undefined;
}

const SHOPIFY_HEADER = [
  ...new Set([
    ...Object.values(SHOPIFY_COLUMNS),
    ...Object.values(SHOPIFY_LINE_COLUMNS),
    'Fulfillment Status',
    'Cancelled at',
    'Id',
  ]),
];

/** Shopify orders export: order fields on the first row of each order only, as Shopify writes them. */
export function ordersToShopifyCsv(orders: OrderRecord[]): string {
  const rows = [SHOPIFY_HEADER.map(csvCell).join(',')];
  for (const o of orders) {
    o.lines.forEach((l, i) => {
      const c: Record<string, string | undefined> = { Name: o.externalId };
      if (i === 0) {
        for (const [path, col] of Object.entries(SHOPIFY_COLUMNS)) c[col] ??= get(o, path);
        c.Email = o.buyer?.email;
        c['Created at'] = shopifyTime(o.orderedAt);
        c['Paid at'] = shopifyTime(o.paidAt);
        if (o.shipTo.postalCode && /^\d/.test(o.shipTo.postalCode))
          c['Shipping Zip'] = `'${o.shipTo.postalCode}`;
      } else c.Email = o.buyer?.email;
      c['Lineitem quantity'] = String(l.quantity);
      c['Lineitem name'] = l.title;
      c['Lineitem price'] = l.unitPrice;
      c['Lineitem sku'] = l.sku;
      rows.push(SHOPIFY_HEADER.map((h) => csvCell(c[h])).join(','));
    });
  }
  return `${rows.join('\n')}\n`;
}

const AMAZON_HEADER = [
  ...new Set([
    ...Object.values(AMAZON_COLUMNS),
    ...Object.values(AMAZON_LINE_COLUMNS),
    'merchant-order-id',
    'shipping-tax',
    'sales-channel',
  ]),
];

/** Amazon order report (TSV): one row per item; item-price is the line total; tax and shipping on row 1. */
export function ordersToAmazonTsv(orders: OrderRecord[]): string {
  const rows = [AMAZON_HEADER.join('\t')];
  for (const o of orders) {
    o.lines.forEach((l, i) => {
      const c: Record<string, string | undefined> = {
        'amazon-order-id': o.externalId,
        'purchase-date': o.orderedAt.toISOString(),
        'order-status': o.status,
        currency: o.currency,
        'ship-city': o.shipTo.city,
        'ship-state': o.shipTo.region,
        'ship-postal-code': o.shipTo.postalCode,
        'ship-country': o.shipTo.country,
        'product-name': l.title,
        sku: l.sku,
        quantity: String(l.quantity),
        'item-price': new Decimal(l.unitPrice).times(l.quantity).toFixed(),
        'item-tax': i === 0 ? o.tax : '0',
        'shipping-price': i === 0 ? o.shipping : '0',
        'shipping-tax': '0',
        'sales-channel': 'Amazon.com',
      };
      rows.push(AMAZON_HEADER.map((h) => c[h] ?? '').join('\t'));
    });
  }
  return `${rows.join('\n')}\n`;
}
