import { Decimal } from '../../platform/money.ts';
import type { OrderRecord, PartyRecord } from '../core/index.ts';
import type { Rng } from './prng.ts';
import type { CatalogueItem } from './catalogue.generator.ts';
import {
  BASKET_SIZE_WEIGHTS,
  HOUR_WEIGHTS,
  ORDER_OUTCOMES,
  PLATFORMS,
  type Platform,
  type PlatformProfile,
  RETAIL_EVENTS,
  SUSPICIOUS,
  WEEKDAY_FACTOR,
} from './data/commerce.data.ts';
import {
  EMAIL_DOMAINS,
  type Market,
  MARKETS,
  MISMATCH_BILLING_COUNTRIES,
  RESHIPPER_ADDRESSES,
} from './data/people.data.ts';
import { FX_FROM_USD, standardVatRate, VAT_RULES } from './data/tax-rules.data.ts';

export const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 90;

export type SuspiciousPattern = 'reshipper' | 'country-mismatch' | 'velocity';

type Buyer = PartyRecord;
type ShipTo = OrderRecord['shipTo'];

export interface DraftLine {
  item: CatalogueItem;
  quantity: number;
  unitPrice: Decimal;
}

/** An order before shipping decides its status. */
export interface OrderDraft {
  platform: Platform;
  externalId: string;
  market: Market;
  buyer: Buyer;
  shipTo: ShipTo;
  orderedAt: Date;
  paidAt: Date;
  lines: DraftLine[];
  subtotal: Decimal;
  shipping: Decimal;
  tax: Decimal;
  /** The VAT rule applied (for the record of how the checkout computed tax). */
  taxBasis: 'none' | 'ioss' | 'uk-low-value' | 'above-threshold';
  paymentMethod: string;
  paymentRef: string;
  valueUsd: Decimal;
  weightKg: number;
  bulky: boolean;
  cancelled: boolean;
  pattern?: SuspiciousPattern;
}

/** Number of orders at a scale: 20,000 at scale 1. */
export function orderCount(scale: number): number {
  return Math.max(1, Math.round(20_000 * scale));
}

const BILLING_CITIES: Record<string, { city: string; postalCode: string }> = {
  NG: { city: 'Lagos', postalCode: '100001' },
  ID: { city: 'Jakarta', postalCode: '10110' },
  VN: { city: 'Hanoi', postalCode: '100000' },
  BR: { city: 'São Paulo', postalCode: '01310-100' },
  PH: { city: 'Manila', postalCode: '1000' },
  RO: { city: 'București', postalCode: '010011' },
  UA: { city: 'Kyiv', postalCode: '01001' },
  MY: { city: 'Kuala Lumpur', postalCode: '50450' },
};

const AMAZON_PREFIX: Record<string, string[]> = {
  US: ['111', '112', '113', '114'],
  GB: ['202', '203', '204', '205', '206'],
};
const AMAZON_EU_PREFIX = ['028', '171', '302', '303', '304', '305', '306', '402', '403', '404', '405', '406'];

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function postcode(rng: Rng, pattern: string): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '#') out += String(rng.int(0, 9));
    else if (ch === '@') out += 'ABDEFGHJLNPQRSTUWXYZ'[rng.int(0, 19)];
    else out += ch;
  }
  return out;
}

/** Weighted pick over a fixed list with precomputed cumulative weights (fast for the catalogue). */
class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[];
  constructor(items: readonly T[], weight: (t: T) => number) {
    this.items = items;
    let acc = 0;
    this.cumulative = items.map((t) => {
      acc += weight(t);
      return acc;
    });
  }
  pick(rng: Rng): T {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const HOUR_TABLE = new WeightedTable(
  HOUR_WEIGHTS.map((_, h) => h),
  (h) => HOUR_WEIGHTS[h]!,
);
const MARKET_TABLE = new WeightedTable(MARKETS, (m) => m.share);

interface Person {
  first: string;
  last: string;
  address: ShipTo;
  email: string;
  phone: string | undefined;
}

function newPerson(rng: Rng, market: Market): Person {
  const first = rng.pick(market.firstNames);
  const last = rng.pick(market.lastNames);
  const city = rng.pick(market.cities);
  const n = market.country === 'US' ? rng.int(100, 9899) : rng.int(1, 180);
  const line1 = market.lineFormat.replace('{n}', String(n)).replace('{s}', rng.pick(market.streets));
  const line2 = rng.chance(0.15)
    ? market.country === 'US'
      ? `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C', 'D'])}`
      : market.country === 'GB' || market.country === 'IE'
        ? `Flat ${rng.int(1, 24)}`
        : undefined
    : undefined;
  const email = `${ascii(first)}.${ascii(last)}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`;
  const phone: string | undefined =
    market.phone === 'us'
      ? `+1 ${rng.pick(['212', '310', '312', '415', '512', '617', '702', '305', '206'])} 555 01${rng.digits(2)}`
      : market.phone === 'gb'
        ? `+44 7700 900${rng.digits(3)}`
        : undefined;
  return {
    first,
    last,
    email,
    phone,
    address: {
      name: `${first} ${last}`,
      line1,
      line2,
      city: city.city,
      region: city.region,
      postalCode: postcode(rng, city.postcode),
      country: market.country,
    },
  };
}

function customerId(rng: Rng, platform: Platform, person: Person): string {
  switch (platform) {
    case 'amazon':
      return `A${rng.alnum(13)}`;
    case 'shopify':
      return rng.digits(13).replace(/^0/, '7');
    case 'ebay':
      return `${ascii(person.first).slice(0, 6)}_${ascii(person.last).slice(0, 4)}${rng.int(10, 9999)}`;
    case 'temu':
      return `U${rng.digits(12)}`;
    case 'aliexpress':
      return `${rng.pick(['cn', 'es', 'fr', 'us', 'pl'])}${rng.digits(10)}`;
    case 'tiktok':
      return `7${rng.digits(18)}`;
  }
}

function buyerOf(platform: Platform, custId: string, person: Person, billing?: ShipTo): Buyer {
  const { name: _name, ...address } = billing ?? person.address;
  return {
    kind: 'buyer',
    externalRef: `${platform}:${custId}`,
    isPerson: true,
    name: `${person.first} ${person.last}`,
    address,
    country: address.country,
    region: address.region,
    email: person.email,
    phone: person.phone,
    taxId: undefined,
    mid: undefined,
  };
}

function paymentRef(rng: Rng, method: string): string {
  switch (method) {
    case 'amazon_pay':
      return `P01-${rng.digits(7)}-${rng.digits(7)}`;
    case 'paypal':
      return rng.alnum(17);
    case 'alipay':
      return `2026${rng.digits(24)}`;
    case 'klarna':
      return `kl_${rng.alnum(8).toLowerCase()}-${rng.alnum(4).toLowerCase()}-${rng.alnum(12).toLowerCase()}`;
    default:
      return `ch_${rng.alnum(24)}`;
  }
}

/** Price in the order currency: the USD list price at the platform's level, converted and charm-priced. */
const priceCache = new WeakMap<CatalogueItem, Map<string, Decimal>>();
function localPrice(item: CatalogueItem, platform: PlatformProfile, currency: string): Decimal {
  let byKey = priceCache.get(item);
  if (!byKey) {
    byKey = new Map();
    priceCache.set(item, byKey);
  }
  const key = `${platform.name}|${currency}`;
  let price = byKey.get(key);
  if (!price) {
    price = computeLocalPrice(item, platform, currency);
    byKey.set(key, price);
  }
  return price;
}

function computeLocalPrice(item: CatalogueItem, platform: PlatformProfile, currency: string): Decimal {
  const v = item.priceUsd.times(platform.priceLevel).times(FX_FROM_USD.rates[currency]!);
  const whole = v.floor();
  return (whole.lt(1) ? new Decimal(0) : whole).plus(v.minus(whole).gte(0.5) ? '0.99' : '0.49');
}

function eventLift(day: Date, platform?: string): number {
  let lift = 1;
  for (const e of RETAIL_EVENTS) {
    if (e.month !== day.getUTCMonth() + 1 || !e.days.includes(day.getUTCDate())) continue;
    if (!e.platforms) lift *= e.lift;
    else if (platform === undefined) lift *= 1 + (e.lift - 1) * 0.3;
    else if (e.platforms.includes(platform)) lift *= e.lift;
  }
  return lift;
}

/** Daily order counts over the window: weekly rhythm, a gentle upward trend, retail events. */
export function dailyCounts(total: number, windowStart: Date): number[] {
  const weights: number[] = [];
  for (let d = 0; d < WINDOW_DAYS; d++) {
    const mid = new Date(windowStart.getTime() + d * DAY_MS + DAY_MS / 2);
    weights.push(WEEKDAY_FACTOR[mid.getUTCDay()]! * (0.85 + (0.3 * d) / (WINDOW_DAYS - 1)) * eventLift(mid));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let carried = 0;
  let assigned = 0;
  for (const w of weights) {
    carried += (total * w) / sum;
    const upTo = Math.round(carried);
    counts.push(upTo - assigned);
    assigned = upTo;
  }
  return counts;
}

interface Pricing {
  subtotal: Decimal;
  shipping: Decimal;
  tax: Decimal;
  taxBasis: OrderDraft['taxBasis'];
}

/** Subtotal, shipping and VAT by the dated rules (IOSS ≤ €150, UK ≤ £135, none for the US). */
export function priceOrder(
  lines: DraftLine[],
  market: Market,
  platform: PlatformProfile,
  at: Date,
  freeShipping = false,
): Pricing {
  const subtotal = lines.reduce((s, l) => s.plus(l.unitPrice.times(l.quantity)), new Decimal(0));
  const shipping =
    freeShipping || subtotal.gte(platform.freeShippingOver)
      ? new Decimal(0)
      : new Decimal(platform.shippingFee);
  let tax = new Decimal(0);
  let taxBasis: OrderDraft['taxBasis'] = 'none';
  const rate = standardVatRate(market.country, at);
  if (rate && market.country === 'GB') {
    if (subtotal.lte(VAT_RULES.ukConsignmentThreshold.amount)) {
      tax = subtotal.plus(shipping).times(rate.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      taxBasis = 'uk-low-value';
    } else taxBasis = 'above-threshold';
  } else if (rate && market.currency === 'EUR') {
    if (subtotal.lte(VAT_RULES.iossCeiling.amount)) {
      tax = subtotal.plus(shipping).times(rate.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      taxBasis = 'ioss';
    } else taxBasis = 'above-threshold';
  }
  return { subtotal, shipping, tax, taxBasis };
}

interface Context {
  rng: Rng;
  items: CatalogueItem[];
  table: WeightedTable<CatalogueItem>;
}

function basket(c: Context, size: number, pickFrom?: CatalogueItem[]): CatalogueItem[] {
  const chosen: CatalogueItem[] = [];
  for (let tries = 0; chosen.length < size && tries < size * 4; tries++) {
    const it = pickFrom ? c.rng.pick(pickFrom) : c.table.pick(c.rng);
    if (!chosen.includes(it)) chosen.push(it);
  }
  return chosen;
}

function quantityFor(rng: Rng, item: CatalogueItem): number {
  if (item.bulky) return rng.chance(0.9) ? 1 : 2;
  const r = rng.next();
  const cheap = item.priceUsd.lt(10);
  if (r < (cheap ? 0.68 : 0.82)) return 1;
  if (r < (cheap ? 0.88 : 0.95)) return 2;
  if (r < 0.98) return 3;
  return rng.int(4, 6);
}

function draftOrder(
  c: Context,
  o: {
    market: Market;
    platform: PlatformProfile;
    at: Date;
    person: Person;
    custId: string;
    items: CatalogueItem[];
    quantity?: (item: CatalogueItem) => number;
    billing?: ShipTo;
    shipTo?: ShipTo;
    paymentMethod?: string;
    pattern?: SuspiciousPattern;
  },
): OrderDraft {
  const { rng } = c;
  const currency = o.market.currency;
  const lines: DraftLine[] = o.items.map((item) => ({
    item,
    quantity: o.quantity ? o.quantity(item) : quantityFor(rng, item),
    unitPrice: localPrice(item, o.platform, currency),
  }));
  const rate = new Decimal(FX_FROM_USD.rates[currency]!);
  const goods = lines.reduce((s, l) => s.plus(l.unitPrice.times(l.quantity)), new Decimal(0));
  const valueUsd = goods.div(rate).toDecimalPlaces(2);
  const pricing = priceOrder(lines, o.market, o.platform, o.at, valueUsd.gte(150));
  const method = o.paymentMethod ?? rng.weighted(o.platform.paymentMethods, (m) => m.weight).method;
  return {
    platform: o.platform.name,
    externalId: '',
    market: o.market,
    buyer: buyerOf(o.platform.name, o.custId, o.person, o.billing),
    shipTo: o.shipTo ?? o.person.address,
    orderedAt: o.at,
    paidAt: new Date(o.at.getTime() + rng.int(4, 240) * 1000),
    lines,
    ...pricing,
    paymentMethod: method,
    paymentRef: paymentRef(rng, method),
    valueUsd,
    weightKg: lines.reduce((s, l) => s + l.item.weightKg * l.quantity, 0),
    bulky: lines.some((l) => l.item.bulky),
    cancelled: rng.chance(ORDER_OUTCOMES.cancelledBeforeDispatch),
    ...(o.pattern ? { pattern: o.pattern } : {}),
  };
}

function timeInDay(rng: Rng, dayStart: number, utcOffset: number, windowStart: number, now: number): Date {
  for (let tries = 0; tries < 8; tries++) {
    const hour = HOUR_TABLE.pick(rng);
    const t = dayStart + (hour - utcOffset) * 3_600_000 + rng.int(0, 3_599) * 1000;
    if (t >= windowStart && t < now) return new Date(t);
  }
  return new Date(Math.min(now - 1, Math.max(windowStart, dayStart + rng.int(0, DAY_MS - 1))));
}

const marketByCountry = new Map(MARKETS.map((m) => [m.country, m]));
const platformByName = new Map(PLATFORMS.map((p) => [p.name, p]));

/**
 * The orders of the 90 days before `now`, oldest first, with external ids in each platform's format.
 * Includes a small share of suspicious patterns (see SUSPICIOUS) tagged in `pattern`.
 */
export function generateOrders(rng: Rng, items: CatalogueItem[], count: number, now: Date): OrderDraft[] {
  const c: Context = { rng, items, table: new WeightedTable(items, (i) => i.popularity) };
  const nowMs = now.getTime();
  const windowStart = nowMs - WINDOW_DAYS * DAY_MS;
  const per10k = (x: number) => (count >= 100 ? Math.max(1, Math.round((count / 10_000) * x)) : 0);
  const reshipClusters = per10k(SUSPICIOUS.reshipperClustersPer10k);
  const bursts = per10k(SUSPICIOUS.velocityBurstsPer10k);
  const mismatches = per10k(SUSPICIOUS.countryMismatchPer10k);
  const clusterSizes = Array.from({ length: reshipClusters }, () =>
    rng.int(SUSPICIOUS.reshipperClusterSize[0], SUSPICIOUS.reshipperClusterSize[1]),
  );
  const burstSizes = Array.from({ length: bursts }, () =>
    rng.int(SUSPICIOUS.velocityBurstSize[0], SUSPICIOUS.velocityBurstSize[1]),
  );
  const planted = [...clusterSizes, ...burstSizes].reduce((a, b) => a + b, 0);
  const regular = Math.max(1, count - planted);

  const drafts: OrderDraft[] = [];
  const pools = new Map<string, Array<{ person: Person; custId: string }>>();
  const days = dailyCounts(regular, new Date(windowStart));
  days.forEach((n, d) => {
    const dayStart = windowStart + d * DAY_MS;
    const mid = new Date(dayStart + DAY_MS / 2);
    const platformsOf = new Map(
      MARKETS.map((m) => [
        m.country,
        new WeightedTable(
          PLATFORMS.filter((p) => p.share[m.country]),
          (p) => p.share[m.country]! * eventLift(mid, p.name),
        ),
      ]),
    );
    for (let k = 0; k < n; k++) {
      const market = MARKET_TABLE.pick(rng);
      const platform = platformsOf.get(market.country)!.pick(rng);
      const city = market.cities[0]!;
      const at = timeInDay(rng, dayStart, city.utc, windowStart, nowMs);
      const poolKey = `${platform.name}|${market.country}`;
      const pool = pools.get(poolKey) ?? [];
      pools.set(poolKey, pool);
      let who: { person: Person; custId: string };
      if (pool.length > 0 && rng.chance(platform.repeatRate)) who = rng.pick(pool);
      else {
        const person = newPerson(rng, market);
        who = { person, custId: customerId(rng, platform.name, person) };
        pool.push(who);
      }
      const size = rng.weighted([1, 2, 3, 4, 5], (s) => BASKET_SIZE_WEIGHTS[s - 1]!);
      drafts.push(draftOrder(c, { market, platform, at, ...who, items: basket(c, size) }));
    }
  });

  // Country mismatch: the card's billing address is far from the ship-to country.
  const candidates = drafts.filter((o) => o.paymentMethod === 'card' && !o.cancelled);
  for (let i = 0; i < mismatches && candidates.length > 0; i++) {
    const o = rng.pick(candidates);
    if (o.pattern) continue;
    const billingCountry = rng.pick(MISMATCH_BILLING_COUNTRIES);
    const b = BILLING_CITIES[billingCountry]!;
    const [first = '', last = ''] = o.buyer.name.split(' ');
    const custId = customerId(rng, o.platform, {
      first,
      last,
      email: '',
      phone: undefined,
      address: o.shipTo,
    });
    o.buyer = {
      ...o.buyer,
      externalRef: `${o.platform}:${custId}`,
      country: billingCountry,
      region: undefined,
      address: {
        line1: `${rng.int(1, 300)} ${rng.pick(['Market Road', 'Central Avenue', 'Harbour Street'])}`,
        line2: undefined,
        city: b.city,
        region: undefined,
        postalCode: b.postalCode,
        country: billingCountry,
      },
    };
    o.pattern = 'country-mismatch';
  }

  // Reshipper clusters: several new accounts send high-value electronics to one forwarding address.
  const electronics = items.filter((i) => i.family.specialty === 'electronics' && i.priceUsd.gte(15));
  const hot = electronics.length ? electronics : items;
  for (const size of clusterSizes) {
    const addr = rng.pick(RESHIPPER_ADDRESSES);
    const market = marketByCountry.get(addr.country)!;
    const start = windowStart + rng.int(2 * 86_400, (WINDOW_DAYS - 4) * 86_400) * 1000;
    for (let k = 0; k < size; k++) {
      const platform = platformByName.get(rng.pick(['amazon', 'ebay', 'shopify'] as const))!;
      const person = newPerson(rng, market);
      const at = new Date(Math.min(nowMs - 1, start + rng.int(0, 2 * 86_399) * 1000));
      drafts.push(
        draftOrder(c, {
          market,
          platform,
          at,
          person,
          custId: customerId(rng, platform.name, person),
          items: basket(c, rng.int(1, 2), hot),
          quantity: () => rng.int(2, 5),
          shipTo: { name: `${person.first} ${person.last}`, line2: undefined, region: undefined, ...addr },
          pattern: 'reshipper',
        }),
      );
    }
  }

  // Velocity bursts: one new account places many small card orders within an hour (card testing).
  const cheap = items.filter((i) => i.priceUsd.lt(12));
  for (const size of burstSizes) {
    const market = rng.weighted(MARKETS, (m) => m.share);
    const platform = platformByName.get('shopify')!;
    const person = newPerson(rng, market);
    const custId = customerId(rng, 'shopify', person);
    const start = windowStart + rng.int(86_400, (WINDOW_DAYS - 3) * 86_400) * 1000;
    for (let k = 0; k < size; k++) {
      const at = new Date(Math.min(nowMs - 1, start + rng.int(0, 3_599) * 1000));
      drafts.push(
        draftOrder(c, {
          market,
          platform,
          at,
          person,
          custId,
          items: basket(c, 1, cheap.length ? cheap : items),
          quantity: () => 1,
          paymentMethod: 'card',
          pattern: 'velocity',
        }),
      );
    }
  }

  drafts.sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime());
  assignExternalIds(rng, drafts);
  return drafts;
}

function assignExternalIds(rng: Rng, drafts: OrderDraft[]): void {
  const seen = new Set<string>();
  let shopifySeq = 20_412;
  for (const o of drafts) {
    let id = '';
    do {
      switch (o.platform) {
        case 'shopify':
          id = `#${shopifySeq++}`;
          break;
        case 'amazon':
          id = `${rng.pick(AMAZON_PREFIX[o.market.country] ?? AMAZON_EU_PREFIX)}-${rng.digits(7)}-${rng.digits(7)}`;
          break;
        case 'ebay':
          id = `${rng.int(10, 27)}-${rng.digits(5)}-${rng.digits(5)}`;
          break;
        case 'temu':
          id = `PO-211-${rng.digits(17)}`;
          break;
        case 'aliexpress':
          id = `81${rng.digits(14)}`;
          break;
        case 'tiktok':
          id = `57${rng.digits(16)}`;
          break;
      }
    } while (seen.has(`${o.platform}|${id}`));
    seen.add(`${o.platform}|${id}`);
    o.externalId = id;
  }
}
