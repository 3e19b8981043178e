/**
 * VAT facts the demo's checkout uses, as dated data. A simplification of the real regimes for a demo:
 * EU sales of consignments whose intrinsic value is at most €150 charge the destination's standard
 * VAT at checkout (IOSS; marketplaces are deemed suppliers, the Shopify store uses its own IOSS
 * number); above €150 nothing is charged at checkout and import VAT is due at the border. UK
 * consignments up to £135 charge UK VAT at the point of sale; above it, import VAT at the border.
 * US sales tax is collected and remitted by the marketplaces outside the seller's order data, so US
 * orders carry no tax here.
 */
export interface DatedRate {
  country: string;
  /** Decimal fraction, e.g. "0.19". */
  rate: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

export interface Threshold {
  amount: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

const EU_RATES_SOURCE =
  'European Commission, VAT rates applied in the Member States of the EU (2026 edition)';
const UK_SOURCE = 'HMRC, VAT rates on different goods and services (gov.uk), standard rate';

export const VAT_RULES = {
  version: 'demo-vat-2026-11',
  iossCeiling: {
    amount: '150',
    currency: 'EUR',
    validFrom: '2021-07-01',
    validTo: null,
    source: 'Council Directive (EU) 2017/2455, Art. 369l; Implementing Regulation (EU) 2017/2459 (IOSS)',
  } satisfies Threshold,
  ukConsignmentThreshold: {
    amount: '135',
    currency: 'GBP',
    validFrom: '2021-01-01',
    validTo: null,
    source:
      'HMRC, VAT and overseas goods sold directly to customers in the UK (goods in consignments ≤ £135)',
  } satisfies Threshold,
  standardRates: [
    { country: 'AT', rate: '0.20', validFrom: '1984-01-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'BE', rate: '0.21', validFrom: '1996-01-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'DE', rate: '0.16', validFrom: '2020-07-01', validTo: '2020-12-31', source: EU_RATES_SOURCE },
    { country: 'DE', rate: '0.19', validFrom: '2021-01-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'ES', rate: '0.21', validFrom: '2012-09-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'FR', rate: '0.20', validFrom: '2014-01-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'IE', rate: '0.21', validFrom: '2020-09-01', validTo: '2021-02-28', source: EU_RATES_SOURCE },
    { country: 'IE', rate: '0.23', validFrom: '2021-03-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'IT', rate: '0.22', validFrom: '2013-10-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'NL', rate: '0.21', validFrom: '2012-10-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'PL', rate: '0.23', validFrom: '2011-01-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'SE', rate: '0.25', validFrom: '1990-07-01', validTo: null, source: EU_RATES_SOURCE },
    { country: 'GB', rate: '0.20', validFrom: '2011-01-04', validTo: null, source: UK_SOURCE },
  ] satisfies DatedRate[],
};

/** The standard VAT rate in force in `country` on `at` (UTC date), or undefined when none is known. */
export function standardVatRate(country: string, at: Date): DatedRate | undefined {
  const day = at.toISOString().slice(0, 10);
  return VAT_RULES.standardRates.find(
    (r) => r.country === country && r.validFrom <= day && (r.validTo === null || day <= r.validTo),
  );
}

/** Demo reference exchange rates (USD → currency), fixed for the demo window. */
export const FX_FROM_USD = {
  version: 'demo-fx-2026-11',
  source: 'Rounded illustrative rates for the demo; not market data',
  rates: { USD: '1', EUR: '0.86', GBP: '0.75' } as Record<string, string>,
};
