/**
 * How the demo exporter sells: its sales channels with their share per market, price level, shipping
 * policy and payment methods; the weekly rhythm of orders and the retail events that lift them.
 */
export type Platform = 'shopify' | 'amazon' | 'ebay' | 'temu' | 'aliexpress' | 'tiktok';

export interface PlatformProfile {
  name: Platform;
  /** Share of orders per destination market (missing market = not sold there). */
  share: Record<string, number>;
  /** Multiplier on the catalogue's USD list price. */
  priceLevel: number;
  /** Shipping charged below the free-shipping threshold (in order currency units). */
  shippingFee: number;
  freeShippingOver: number;
  paymentMethods: Array<{ method: string; weight: number }>;
  /** Share of buyers who come back for another order. */
  repeatRate: number;
}

const ALL_EU = ['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'SE', 'IE', 'BE', 'AT'];
const each = (countries: string[], w: number) => Object.fromEntries(countries.map((c) => [c, w]));

export const PLATFORMS: PlatformProfile[] = [
  {
    name: 'amazon',
    share: { US: 34, GB: 32, ...each(ALL_EU, 28), PL: 18, SE: 18 },
    priceLevel: 1.1,
    shippingFee: 5.99,
    freeShippingOver: 35,
    paymentMethods: [{ method: 'amazon_pay', weight: 1 }],
    repeatRate: 0.2,
  },
  {
    name: 'shopify',
    share: { US: 22, GB: 20, ...each(ALL_EU, 16) },
    priceLevel: 1,
    shippingFee: 4.99,
    freeShippingOver: 49,
    paymentMethods: [
      { method: 'card', weight: 6 },
      { method: 'paypal', weight: 3 },
      { method: 'shop_pay', weight: 2 },
      { method: 'klarna', weight: 1 },
    ],
    repeatRate: 0.25,
  },
  {
    name: 'temu',
    share: { US: 14, GB: 14, ...each(ALL_EU, 16), PL: 22 },
    priceLevel: 0.8,
    shippingFee: 0,
    freeShippingOver: 0,
    paymentMethods: [
      { method: 'card', weight: 5 },
      { method: 'paypal', weight: 2 },
      { method: 'apple_pay', weight: 2 },
    ],
    repeatRate: 0.3,
  },
  {
    name: 'aliexpress',
    share: { US: 6, GB: 8, ...each(ALL_EU, 18), ES: 26, FR: 22, PL: 26, NL: 20 },
    priceLevel: 0.8,
    shippingFee: 1.99,
    freeShippingOver: 10,
    paymentMethods: [
      { method: 'card', weight: 6 },
      { method: 'paypal', weight: 2 },
      { method: 'alipay', weight: 1 },
    ],
    repeatRate: 0.15,
  },
  {
    name: 'ebay',
    share: { US: 10, GB: 14, DE: 10, FR: 4, IT: 6, ES: 4, IE: 6, AT: 6 },
    priceLevel: 0.95,
    shippingFee: 3.99,
    freeShippingOver: 30,
    paymentMethods: [
      { method: 'card', weight: 4 },
      { method: 'paypal', weight: 3 },
      { method: 'google_pay', weight: 1 },
    ],
    repeatRate: 0.12,
  },
  {
    name: 'tiktok',
    share: { US: 14, GB: 12, DE: 8, FR: 8, IT: 8, ES: 8, IE: 8 },
    priceLevel: 0.9,
    shippingFee: 3.99,
    freeShippingOver: 25,
    paymentMethods: [
      { method: 'card', weight: 5 },
      { method: 'paypal', weight: 2 },
      { method: 'apple_pay', weight: 2 },
    ],
    repeatRate: 0.1,
  },
];

/** Relative order volume by UTC weekday (0 = Sunday): Sunday evening and Monday are busiest. */
export const WEEKDAY_FACTOR = [1.12, 1.08, 1.0, 0.98, 0.96, 0.9, 0.86];

/** Share of a day's orders by local hour (0–23): a morning bump, lunch, and an evening peak. */
export const HOUR_WEIGHTS = [
  1.2, 0.7, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.4, 3.0, 3.3, 3.6, 4.0, 4.1, 3.9, 3.8, 4.0, 4.4, 5.0, 5.8, 6.3,
  6.2, 4.9, 2.8,
];

/** Retail events by calendar day (month 1–12), with a volume lift and, optionally, the platforms it lifts. */
export const RETAIL_EVENTS: Array<{
  name: string;
  month: number;
  days: number[];
  lift: number;
  platforms?: string[];
}> = [
  { name: 'Back to school', month: 8, days: [24, 25, 26, 27, 28, 29, 30, 31], lift: 1.12 },
  { name: 'Labor Day sales', month: 9, days: [5, 6, 7], lift: 1.15 },
  { name: 'Prime Big Deal Days', month: 10, days: [7, 8], lift: 1.9, platforms: ['amazon'] },
  { name: 'Halloween', month: 10, days: [25, 26, 27, 28], lift: 1.1 },
  {
    name: "Singles' Day (11.11)",
    month: 11,
    days: [10, 11, 12],
    lift: 2.2,
    platforms: ['aliexpress', 'temu', 'tiktok'],
  },
  {
    name: 'Early Black Friday',
    month: 11,
    days: [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28],
    lift: 1.3,
  },
];

/** Order lines per basket: weights for 1, 2, 3, 4, 5 lines. */
export const BASKET_SIZE_WEIGHTS = [66, 20, 8, 4, 2];

/** Shares of order outcomes that do not follow from shipping. */
export const ORDER_OUTCOMES = { cancelledBeforeDispatch: 0.02, refundedAfterDelivery: 0.025 };

/** Suspicious patterns per 10,000 orders, for the fraud features to find. */
export const SUSPICIOUS = {
  reshipperClustersPer10k: 4,
  reshipperClusterSize: [6, 10] as [number, number],
  countryMismatchPer10k: 35,
  velocityBurstsPer10k: 3,
  velocityBurstSize: [5, 8] as [number, number],
};
