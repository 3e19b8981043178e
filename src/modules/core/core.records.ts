import i18nCountries from 'i18n-iso-countries';
import { z } from 'zod';
import { isCurrency, parseAmount } from '../../platform/money.ts';
import { PARTY_KINDS, TRANSPORT_MODES } from './core.tables.ts';

/**
 * Canonical records: the validated shape every importer (CSV, NDJSON, JSON, Shopify, Amazon) and the
 * demo generator produce, and the only input the ingest service accepts. A zod failure here becomes a
 * quarantine record naming the field and the reason.
 */
export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-Z]{2}$/.test(s) && i18nCountries.isValid(s), {
    message: 'is not an ISO 3166-1 alpha-2 country code',
  });

export const currencyCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCurrency, { message: 'is not an ISO 4217 currency code' });

/**
 * A decimal amount given as a string or number, normalised to a decimal string, that fits a
 * `numeric(integerDigits + scale, scale)` column and is not negative. The database would round extra
 * decimal places away silently and refuse a value too large for the whole batch; here each is a
 * quarantine reason naming the field. One transform for all of it: importers run it for every amount
 * of every row.
 */
function amountFitting(integerDigits: number, scale: number) {
  const tooLarge = `is too large (at most ${integerDigits} digits before the decimal point)`;
  const tooPrecise = `has more than ${scale} decimal places`;
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const parsed = parseAmount(v);
    let problem: string | undefined;
    if (parsed === null) problem = `"${String(v).slice(0, 40)}" is not a decimal amount`;
    else if (parsed.charCodeAt(0) === 45 /* - */) problem = 'must not be negative';
    else {
      const dot = parsed.indexOf('.');
      if (dot >= 0 && parsed.length - dot - 1 > scale) problem = tooPrecise;
      else if ((dot < 0 ? parsed.length : dot) > integerDigits) problem = tooLarge;
    }
    if (problem === undefined) return parsed as string;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}
/** Money, as stored: numeric(18,4). */
export const nonNegativeAmount = amountFitting(14, 4);
/** A product's weight in kg, as stored: numeric(12,4). */
const productWeight = amountFitting(8, 4);
/** A shipment's gross weight in kg, as stored: numeric(12,3). */
const shipmentWeight = amountFitting(9, 3);

/** The largest value of an `integer` column (line numbers, quantities, package counts). */
const INT4_MAX = 2_147_483_647;
const tooLarge = { message: `is too large (at most ${INT4_MAX.toLocaleString('en')})` };
const lineNo = z.number().int().positive().max(INT4_MAX, tooLarge);
const quantity = z
  .number()
  .int()
  .positive({ message: 'must be a positive whole number' })
  .max(INT4_MAX, tooLarge);

/** ISO 8601 timestamp (with offset or Z) or a plain date (taken as UTC midnight). */
export const timestamp = z.union([z.string(), z.date()]).transform((v, ctx) => {
  if (v instanceof Date) return v;
  const s = v.trim();
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s);
  const d = ok
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s.replace(' ', 'T'))
    : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 40)}" is not an ISO 8601 date or timestamp` });
    return z.NEVER;
  }
  return d;
});

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s === '' ? undefined : s));

export const addressRecord = z.object({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: countryCode,
});
export type AddressRecord = z.infer<typeof addressRecord>;

export const partyRecord = z.object({
  kind: z.enum(PARTY_KINDS),
  externalRef: text(200),
  isPerson: z.boolean().default(false),
  name: text(300),
  address: addressRecord.optional(),
  country: countryCode,
  region: optionalText(100),
  email: z.string().trim().email().optional(),
  phone: optionalText(40),
  taxId: optionalText(40),
  mid: optionalText(15),
});
export type PartyRecord = z.infer<typeof partyRecord>;

export const productRecord = z.object({
  sku: text(100),
  title: text(500),
  description: optionalText(5000),
  attributes: z.record(z.string(), z.string()).default({}),
  categoryPath: optionalText(500),
  originCountry: countryCode.optional(),
  hsCode: z
    .string()
    .trim()
    .transform((s) => s.replace(/[.\s]/g, ''))
    .refine((s) => /^\d{4,10}$/.test(s), { message: 'must be 4 to 10 digits' })
    .optional(),
  value: nonNegativeAmount.optional(),
  currency: currencyCode.optional(),
  weightKg: productWeight.optional(),
  supplier: partyRecord.optional(),
});
export type ProductRecord = z.infer<typeof productRecord>;

export const orderLineRecord = z.object({
  lineNo,
  sku: text(100),
  title: text(500),
  quantity,
  unitPrice: nonNegativeAmount,
  total: nonNegativeAmount,
});

export const orderRecord = z.object({
  platform: text(40),
  externalId: text(100),
  buyer: partyRecord.optional(),
  shipTo: addressRecord.extend({ name: optionalText(300) }),
  currency: currencyCode,
  subtotal: nonNegativeAmount,
  shipping: nonNegativeAmount.default('0'),
  tax: nonNegativeAmount.default('0'),
  total: nonNegativeAmount,
  paymentMethod: optionalText(60),
  paymentRef: optionalText(200),
  status: text(40).default('paid'),
  orderedAt: timestamp,
  paidAt: timestamp.optional(),
  lines: z.array(orderLineRecord).min(1, { message: 'an order needs at least one line' }),
});
export type OrderRecord = z.infer<typeof orderRecord>;
export type OrderRecordInput = z.input<typeof orderRecord>;

export const shipmentLineRecord = z.object({
  lineNo,
  orderPlatform: optionalText(40),
  orderExternalId: optionalText(100),
  sku: text(100),
  quantity,
});

export const shipmentRecord = z.object({
  reference: text(100),
  mode: z.enum(TRANSPORT_MODES),
  carrier: optionalText(100),
  trackingNumber: optionalText(100),
  originCountry: countryCode,
  destinationCountry: countryCode,
  originPort: optionalText(10),
  destinationPort: optionalText(10),
  etd: timestamp.optional(),
  eta: timestamp.optional(),
  atd: timestamp.optional(),
  ata: timestamp.optional(),
  status: text(40).default('planned'),
  grossWeightKg: shipmentWeight.optional(),
  packageCount: z.number().int().nonnegative().max(INT4_MAX, tooLarge).optional(),
  lines: z.array(shipmentLineRecord).default([]),
});
export type ShipmentRecord = z.infer<typeof shipmentRecord>;
