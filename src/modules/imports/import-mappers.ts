import { Decimal } from 'decimal.js';
import type { ImportKind } from './imports.tables.ts';
import {
  FileFault,
  RAW_LIMIT,
  rowFault,
  type CsvRow,
  type JsonDoc,
  type RowFault,
} from './import-sources.ts';

/**
 * Mappers from source rows to canonical record inputs (validated afterwards with the zod schemas in
 * core.records.ts). Each candidate knows how to point a zod issue path back at the source row and
 * column, so a quarantine record says "row 14, column quantity" rather than "lines.2.quantity".
 */
export type CsvFamily = 'csv' | 'shopify' | 'amazon';

export interface Candidate {
  type: 'candidate';
  rowNumber: number;
  /** Source rows this record was assembled from. */
  rows: number;
  raw: string;
  rawLength: number;
  input: unknown;
  locate(path: ReadonlyArray<PropertyKey>): { rowNumber: number; field: string };
}

export interface MapperOptions {
  /**
   * A stable, non-reversible reference for a person known only by email (Shopify exports carry no customer
   * id); the service passes a keyed blind index so no email is stored in clear as a party reference.
   */
  personRef(email: string): string;
}

/** Largest number of rows one record (an order's line rows) may span. */
export const MAX_GROUP_ROWS = 10_000;

type Cells = Record<string, string | undefined>;
type Obj = Record<string, unknown>;

// --- column maps (canonical dotted path -> source column) --------------------------------------------------

/** Generic orders CSV: order-level columns (repeated or left empty on the order's further line rows). */
export const ORDER_CSV_COLUMNS: Record<string, string> = {
  platform: 'platform',
  externalId: 'order_id',
  orderedAt: 'ordered_at',
  paidAt: 'paid_at',
  currency: 'currency',
  subtotal: 'subtotal',
  shipping: 'shipping',
  tax: 'tax',
  total: 'total',
  status: 'status',
  paymentMethod: 'payment_method',
  'buyer.externalRef': 'buyer_id',
  'buyer.name': 'buyer_name',
  'buyer.email': 'buyer_email',
  'buyer.country': 'buyer_country',
  'shipTo.name': 'ship_to_name',
  'shipTo.line1': 'ship_to_line1',
  'shipTo.line2': 'ship_to_line2',
  'shipTo.city': 'ship_to_city',
  'shipTo.region': 'ship_to_region',
  'shipTo.postalCode': 'ship_to_postal_code',
  'shipTo.country': 'ship_to_country',
};
export const ORDER_LINE_CSV_COLUMNS: Record<string, string> = {
  lineNo: 'line_no',
  sku: 'sku',
  title: 'title',
  quantity: 'quantity',
  unitPrice: 'unit_price',
  total: 'line_total',
};
const ORDER_CSV_REQUIRED = [
  'order_id',
  'ordered_at',
  'currency',
  'subtotal',
  'total',
  'ship_to_country',
  'sku',
  'title',
  'quantity',
  'unit_price',
];

export const PRODUCT_CSV_COLUMNS: Record<string, string> = {
  sku: 'sku',
  title: 'title',
  description: 'description',
  categoryPath: 'category_path',
  originCountry: 'origin_country',
  hsCode: 'hs_code',
  value: 'value',
  currency: 'currency',
  weightKg: 'weight_kg',
  'supplier.externalRef': 'supplier_id',
  'supplier.name': 'supplier_name',
  'supplier.country': 'supplier_country',
};
const PRODUCT_CSV_REQUIRED = ['sku', 'title'];
/** Product columns named `attr_<name>` become attributes[<name>]. */
export const ATTRIBUTE_PREFIX = 'attr_';

export const SHIPMENT_CSV_COLUMNS: Record<string, string> = {
  reference: 'reference',
  mode: 'mode',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  originCountry: 'origin_country',
  destinationCountry: 'destination_country',
  originPort: 'origin_port',
  destinationPort: 'destination_port',
  etd: 'etd',
  eta: 'eta',
  atd: 'atd',
  ata: 'ata',
  status: 'status',
  grossWeightKg: 'gross_weight_kg',
  packageCount: 'package_count',
};
export const SHIPMENT_LINE_CSV_COLUMNS: Record<string, string> = {
  lineNo: 'line_no',
  orderPlatform: 'order_platform',
  orderExternalId: 'order_id',
  sku: 'sku',
  quantity: 'quantity',
};
const SHIPMENT_CSV_REQUIRED = ['reference', 'mode', 'origin_country', 'destination_country'];

/** Shopify "Export orders" CSV (one row per line item; order fields on the first row of each order). */
export const SHOPIFY_COLUMNS: Record<string, string> = {
  externalId: 'Name',
  'buyer.email': 'Email',
  'buyer.name': 'Billing Name',
  'buyer.country': 'Billing Country',
  'buyer.externalRef': 'Email',
  status: 'Financial Status',
  paidAt: 'Paid at',
  currency: 'Currency',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  tax: 'Taxes',
  total: 'Total',
  orderedAt: 'Created at',
  paymentMethod: 'Payment Method',
  paymentRef: 'Payment Reference',
  'shipTo.name': 'Shipping Name',
  'shipTo.line1': 'Shipping Address1',
  'shipTo.line2': 'Shipping Address2',
  'shipTo.city': 'Shipping City',
  'shipTo.region': 'Shipping Province',
  'shipTo.postalCode': 'Shipping Zip',
  'shipTo.country': 'Shipping Country',
};
export const SHOPIFY_LINE_COLUMNS: Record<string, string> = {
  quantity: 'Lineitem quantity',
  title: 'Lineitem name',
  unitPrice: 'Lineitem price',
  total: 'Lineitem price',
  sku: 'Lineitem sku',
  lineNo: 'Lineitem name',
};
const SHOPIFY_REQUIRED = [
  'Name',
  'Currency',
  'Subtotal',
  'Total',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem sku',
  'Shipping Country',
];

/** Amazon "All Orders" / flat-file order report (tab-separated, one row per item). */
export const AMAZON_COLUMNS: Record<string, string> = {
  externalId: 'amazon-order-id',
  orderedAt: 'purchase-date',
  status: 'order-status',
  currency: 'currency',
  subtotal: 'item-price',
  shipping: 'shipping-price',
  tax: 'item-tax',
  total: 'item-price',
  'shipTo.city': 'ship-city',
  'shipTo.region': 'ship-state',
  'shipTo.postalCode': 'ship-postal-code',
  'shipTo.country': 'ship-country',
};
export const AMAZON_LINE_COLUMNS: Record<string, string> = {
  sku: 'sku',
  title: 'product-name',
  quantity: 'quantity',
  unitPrice: 'item-price',
  total: 'item-price',
  lineNo: 'sku',
};
const AMAZON_REQUIRED = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'product-name',
  'sku',
  'quantity',
  'currency',
  'item-price',
  'ship-country',
];

/** True when a CSV header is a Shopify orders export. */
export function looksLikeShopify(header: readonly string[]): boolean {
  return (
    header.includes('Name') && header.includes('Lineitem quantity') && header.includes('Financial Status')
  );
}

// --- helpers --------------------------------------------------------------------------------------------

function setPath(obj: Obj, keys: readonly string[], value: unknown): void {
  if (value === undefined) return;
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Obj;
  }
  o[keys[keys.length - 1]!] = value;
}

/** Each column map as [path split at dots, column] pairs, made once (every row is mapped through it). */
const compiledColumns = new WeakMap<Record<string, string>, Array<[string[], string]>>();

function fromColumns(cells: Cells, columns: Record<string, string>): Obj {
  let compiled = compiledColumns.get(columns);
  if (!compiled) {
    compiled = Object.entries(columns).map(([path, col]) => [path.split('.'), col]);
    compiledColumns.set(columns, compiled);
  }
  const out: Obj = {};
  for (const [keys, col] of compiled) setPath(out, keys, cells[col]);
  return out;
}

/** A whole number, or the text itself so validation can say what was wrong with it. */
function int(s: string | undefined): number | string | undefined {
  if (s === undefined) return undefined;
  return /^[+-]?\d{1,15}$/.test(s) ? Number(s) : s;
}

function decimalOf(s: string | undefined): Decimal | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/,(?=\d{3}(\D|$))/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : undefined;
}

function product(qty: string | undefined, price: string | undefined): string | undefined {
  const q = decimalOf(qty);
  const p = decimalOf(price);
  return q && p ? q.times(p).toFixed() : undefined;
}

function rawOf(rows: readonly CsvRow[]): { raw: string; rawLength: number } {
  let rawLength = 0;
  const parts: string[] = [];
  let kept = 0;
  for (const r of rows) {
    rawLength += r.raw.length + (rawLength ? 1 : 0);
    if (kept < RAW_LIMIT) {
      parts.push(r.raw.slice(0, RAW_LIMIT - kept));
      kept += r.raw.length + 1;
    }
  }
  return { raw: parts.join('\n').slice(0, RAW_LIMIT), rawLength };
}

function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** Finds the column for a dotted path: exact, else the longest mapped prefix, else the path itself. */
function columnFor(columns: Record<string, string>, path: string): string | undefined {
  if (columns[path]) return columns[path];
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const c = columns[parts.slice(0, n).join('.')];
    if (c) return c;
  }
  return undefined;
}

/** Shopify writes "2026-10-01 10:00:00 -0400"; canonical is ISO 8601. */
export function shopifyTimestamp(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?) ?([+-]\d{2}):?(\d{2})$/.exec(s);
  return m ? `${m[1]}T${m[2]}${m[3]}:${m[4]}` : s;
}

// --- assemblers -----------------------------------------------------------------------------------------

export interface Assembler {
  push(row: CsvRow): Array<Candidate | RowFault>;
  end(): Array<Candidate | RowFault>;
  /**
   * Reading stopped early: the record being assembled may be missing rows, so it is quarantined rather
   * than imported.
   */
  abandon(stoppedAtRow: number): RowFault[];
}

interface Layout {
  required: string[];
  columns: Record<string, string>;
  lineColumns?: Record<string, string>;
  /** Column whose value groups consecutive rows into one record; none = one row per record. */
  groupBy?: string;
  build(rows: CsvRow[], cells: Cells[]): { input: Obj; lineRows: number[] };
}

function layoutFor(
  format: CsvFamily,
  kind: ImportKind,
  header: readonly string[],
  opts: MapperOptions,
): Layout {
  if (format === 'shopify') return shopifyLayout(opts);
  if (format === 'amazon') return amazonLayout();
  if (kind === 'orders') return ordersLayout(header);
  if (kind === 'products') return productsLayout(header);
  return shipmentsLayout();
}

function ordersLayout(header: readonly string[]): Layout {
  const hasBuyerCountry = header.includes('buyer_country');
  return {
    required: ORDER_CSV_REQUIRED,
    columns: hasBuyerCountry
      ? ORDER_CSV_COLUMNS
      : { ...ORDER_CSV_COLUMNS, 'buyer.country': ORDER_CSV_COLUMNS['shipTo.country']! },
    lineColumns: ORDER_LINE_CSV_COLUMNS,
    groupBy: 'order_id',
    build(_rows, cells) {
      const first = cells[0]!;
      const o = fromColumns(first, ORDER_CSV_COLUMNS);
      o.platform ??= 'csv';
      o.shipTo ??= {};
      const buyer = o.buyer as Obj | undefined;
      if (buyer?.externalRef !== undefined) {
        buyer.kind = 'buyer';
        buyer.isPerson = true;
        buyer.country ??= first.ship_to_country;
      } else delete o.buyer;
      o.lines = cells.map((c, i) => ({
        lineNo: int(c.line_no) ?? i + 1,
        sku: c.sku,
        title: c.title,
        quantity: int(c.quantity),
        unitPrice: c.unit_price,
        total: c.line_total ?? product(c.quantity, c.unit_price),
      }));
      return { input: o, lineRows: cells.map((_, i) => i) };
    },
  };
}

function productsLayout(header: readonly string[]): Layout {
  const attrs = header.filter((h) => h.startsWith(ATTRIBUTE_PREFIX));
  return {
    required: PRODUCT_CSV_REQUIRED,
    columns: {
      ...PRODUCT_CSV_COLUMNS,
      ...Object.fromEntries(attrs.map((a) => [`attributes.${a.slice(5)}`, a])),
    },
    build(_rows, cells) {
      const c = cells[0]!;
      const p = fromColumns(c, PRODUCT_CSV_COLUMNS);
      const supplier = p.supplier as Obj | undefined;
      if (supplier?.externalRef !== undefined) {
        supplier.kind = 'supplier';
        supplier.isPerson = false;
      } else delete p.supplier;
      const attributes: Record<string, string> = {};
      for (const a of attrs) {
        const v = c[a];
        if (v !== undefined) attributes[a.slice(ATTRIBUTE_PREFIX.length)] = v;
      }
      p.attributes = attributes;
      return { input: p, lineRows: [] };
    },
  };
}

function shipmentsLayout(): Layout {
  return {
    required: SHIPMENT_CSV_REQUIRED,
    columns: SHIPMENT_CSV_COLUMNS,
    lineColumns: SHIPMENT_LINE_CSV_COLUMNS,
    groupBy: 'reference',
    build(_rows, cells) {
      const s = fromColumns(cells[0]!, SHIPMENT_CSV_COLUMNS);
      s.packageCount = int(cells[0]!.package_count);
      const lineRows: number[] = [];
      const lines: Obj[] = [];
      cells.forEach((c, i) => {
        if (c.sku === undefined && c.quantity === undefined && c.order_id === undefined) return;
        lineRows.push(i);
        lines.push({
          lineNo: int(c.line_no) ?? lines.length + 1,
          orderPlatform: c.order_platform,
          orderExternalId: c.order_id,
          sku: c.sku,
          quantity: int(c.quantity),
        });
      });
      s.lines = lines;
      return { input: s, lineRows };
    },
  };
}

function shopifyLayout(opts: MapperOptions): Layout {
  return {
    required: SHOPIFY_REQUIRED,
    columns: SHOPIFY_COLUMNS,
    lineColumns: SHOPIFY_LINE_COLUMNS,
    groupBy: 'Name',
    build(_rows, cells) {
      const first = cells[0]!;
      const o = fromColumns(first, SHOPIFY_COLUMNS);
      o.platform = 'shopify';
      o.orderedAt = shopifyTimestamp(first['Created at']);
      o.paidAt = shopifyTimestamp(first['Paid at']);
      if (first['Cancelled at'] !== undefined) o.status = 'cancelled';
      const shipTo = (o.shipTo ?? {}) as Obj;
      o.shipTo = shipTo;
      // Shopify prefixes zip codes with an apostrophe so spreadsheets keep leading zeros.
      if (typeof shipTo.postalCode === 'string') shipTo.postalCode = shipTo.postalCode.replace(/^'/, '');
      const email = first.Email;
      if (email !== undefined) {
        o.buyer = {
          kind: 'buyer',
          externalRef: `shopify:${opts.personRef(email.toLowerCase())}`,
          isPerson: true,
          name: first['Billing Name'] ?? first['Shipping Name'],
          email,
          country: first['Billing Country'] ?? first['Shipping Country'],
        };
      } else delete o.buyer;
      o.lines = cells.map((c, i) => ({
        lineNo: i + 1,
        sku: c['Lineitem sku'],
        title: c['Lineitem name'],
        quantity: int(c['Lineitem quantity']),
        unitPrice: c['Lineitem price'],
        total: product(c['Lineitem quantity'], c['Lineitem price']) ?? c['Lineitem price'],
      }));
      return { input: o, lineRows: cells.map((_, i) => i) };
    },
  };
}

function amazonLayout(): Layout {
  /** Sum of a money column over the rows; a bad cell is passed through so validation names it. */
  const sum = (cells: Cells[], col: string, emptyIsZero: boolean): string | undefined => {
    let total = new Decimal(0);
    for (const c of cells) {
      const v = c[col];
      if (v === undefined) {
        if (emptyIsZero) continue;
        return undefined;
      }
      const d = decimalOf(v);
      if (!d) return v;
      total = total.plus(d);
    }
    return total.toFixed();
  };
  return {
    required: AMAZON_REQUIRED,
    columns: AMAZON_COLUMNS,
    lineColumns: AMAZON_LINE_COLUMNS,
    groupBy: 'amazon-order-id',
    build(_rows, cells) {
      const first = cells[0]!;
      const o = fromColumns(first, AMAZON_COLUMNS);
      o.platform = 'amazon';
      o.status = first['order-status']?.toLowerCase();
      const subtotal = sum(cells, 'item-price', false);
      const shipping = sum(cells, 'shipping-price', true);
      const itemTax = sum(cells, 'item-tax', true);
      const shippingTax = sum(cells, 'shipping-tax', true);
      const d = [subtotal, shipping, itemTax, shippingTax].map(decimalOf);
      o.subtotal = subtotal;
      o.shipping = shipping;
      o.tax = d[2] && d[3] ? d[2].plus(d[3]).toFixed() : d[2] ? shippingTax : itemTax;
      o.total = d.every((x) => x) ? d.reduce((a, b) => a!.plus(b!), new Decimal(0))!.toFixed() : subtotal;
      o.lines = cells.map((c, i) => {
        const price = decimalOf(c['item-price']);
        const qty = decimalOf(c.quantity);
        return {
          lineNo: i + 1,
          sku: c.sku,
          title: c['product-name'],
          quantity: int(c.quantity),
          unitPrice:
            price && qty && !qty.isZero() ? price.div(qty).toDecimalPlaces(4).toFixed() : c['item-price'],
          total: c['item-price'],
        };
      });
      return { input: o, lineRows: cells.map((_, i) => i) };
    },
  };
}

/**
 * Assembles CSV/TSV rows into candidates. Throws a FileFault when the header lacks a required column
 * (the file is in the wrong layout: nothing in it can be read).
 */
export function csvAssembler(
  format: CsvFamily,
  kind: ImportKind,
  headerRow: CsvRow,
  opts: MapperOptions,
): Assembler {
  const header = headerRow.cells.map((h) => h.trim());
  const layout = layoutFor(format, kind, header, opts);
  const missing = layout.required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new FileFault(
      `the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for ${format === 'csv' ? `${kind} CSV` : format} (found: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`,
      1,
      missing[0],
    );
  }
  let group: CsvRow[] = [];
  let groupCells: Cells[] = [];
  let groupKey: string | undefined;
  let overflow = 0;

  /** The row's cells by column name (trimmed; empty = absent), or undefined when every cell is empty. */
  const toCells = (row: CsvRow): Cells | undefined => {
    const c: Cells = {};
    let any = false;
    for (let i = 0; i < header.length; i++) {
      const v = row.cells[i]?.trim();
      if (v === '' || v === undefined) c[header[i]!] = undefined;
      else {
        c[header[i]!] = v;
        any = true;
      }
    }
    return any ? c : undefined;
  };

  const flush = (): Array<Candidate | RowFault> => {
    if (group.length === 0) return [];
    const rows = group;
    const cells = groupCells;
    group = [];
    groupCells = [];
    if (overflow) {
      const n = overflow;
      overflow = 0;
      return [
        rowFault(
          rows[0]!.rowNumber,
          layout.groupBy ?? '(row)',
          `${layout.groupBy} ${groupKey} spans more than ${MAX_GROUP_ROWS} rows (${n} more were skipped); split it`,
          rawOf(rows.slice(0, 10)).raw,
        ),
      ];
    }
    const { input, lineRows } = layout.build(rows, cells);
    const { raw, rawLength } = rawOf(rows);
    return [
      {
        type: 'candidate',
        rowNumber: rows[0]!.rowNumber,
        rows: rows.length,
        raw,
        rawLength,
        input,
        locate(path) {
          if (
            (path[0] === 'lines' || path[0] === 'items') &&
            typeof path[1] === 'number' &&
            layout.lineColumns
          ) {
            const rowIdx = lineRows[path[1]] ?? 0;
            const rest = pathKey(path.slice(2));
            return {
              rowNumber: rows[rowIdx]!.rowNumber,
              field: columnFor(layout.lineColumns, rest) ?? pathKey(path),
            };
          }
          const key = pathKey(path);
          return { rowNumber: rows[0]!.rowNumber, field: columnFor(layout.columns, key) ?? key };
        },
      },
    ];
  };

  return {
    push(row) {
      if (row.cells.length !== header.length) {
        return [
          rowFault(
            row.rowNumber,
            '(row)',
            `has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header has ${header.length}`,
            row.raw,
          ),
        ];
      }
      const cells = toCells(row);
      if (!cells) return [];
      if (!layout.groupBy) {
        group = [row];
        groupCells = [cells];
        return flush();
      }
      const key = cells[layout.groupBy];
      if (key === undefined)
        return [
          rowFault(row.rowNumber, layout.groupBy, `is empty; every row needs its ${layout.groupBy}`, row.raw),
        ];
      const out = key !== groupKey ? flush() : [];
      groupKey = key;
      if (group.length >= MAX_GROUP_ROWS) {
        overflow++;
        return out;
      }
      group.push(row);
      groupCells.push(cells);
      return out;
    },
    end() {
      return flush();
    },
    abandon(stoppedAtRow) {
      if (group.length === 0) return [];
      const rows = group;
      group = [];
      groupCells = [];
      return [
        rowFault(
          rows[0]!.rowNumber,
          layout.groupBy ?? '(row)',
          `reading stopped at row ${stoppedAtRow} before ${layout.groupBy} ${groupKey} was complete; not imported`,
          rawOf(rows).raw,
        ),
      ];
    },
  };
}

/** NDJSON and JSON records are canonical records as they are; issue paths are already field names. */
export function jsonCandidate(doc: JsonDoc): Candidate {
  return {
    type: 'candidate',
    rowNumber: doc.rowNumber,
    rows: 1,
    raw: doc.raw.slice(0, RAW_LIMIT),
    rawLength: doc.raw.length,
    input: doc.value,
    locate: (path) => ({ rowNumber: doc.rowNumber, field: pathKey(path) || '(row)' }),
  };
}
