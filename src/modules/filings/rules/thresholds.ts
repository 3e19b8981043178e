import type { DatedRule } from './dated.ts';

/** Value thresholds that decide which declaration a consignment needs. Amounts are decimal strings. */

export const US_DE_MINIMIS: DatedRule<{ amount: string; currency: 'USD'; available: boolean }>[] = [
  {
    id: 'US.SECTION_321',
    version: '2016-03-10',
    validFrom: '2016-03-10',
    validTo: '2025-08-29',
    source: '19 U.S.C. 1321 as amended by the Trade Facilitation and Trade Enforcement Act of 2015',
    value: { amount: '800', currency: 'USD', available: true },
  },
  {
    id: 'US.SECTION_321',
    version: '2025-08-29',
    validFrom: '2025-08-29',
    source:
      'Executive Order 14324 (2025-07-30) suspending duty-free de minimis treatment for all countries from 2025-08-29; CBP CSMS guidance: ACE rejects type 86 entries and Section 321 manifests. Statutory repeal from 2027-07-01 (P.L. 119-21).',
    value: { amount: '0', currency: 'USD', available: false },
  },
];

export const US_INFORMAL_ENTRY_LIMIT: DatedRule<{ amount: string; currency: 'USD' }>[] = [
  {
    id: 'US.INFORMAL_ENTRY_LIMIT',
    version: '2012-07-23',
    validFrom: '2012-07-23',
    source: '19 CFR 143.21(a) (raised to $2,500 by CBP final rule, 77 FR 37047, 2012-06-20)',
    value: { amount: '2500', currency: 'USD' },
  },
];

export const EU_LOW_VALUE: DatedRule<{
  amount: string;
  currency: 'EUR';
  /** Flat customs duty per item category on low-value consignments from IOSS sellers; null = duty relief. */
  dutyPerItemCategory: string | null;
}>[] = [
  {
    id: 'EU.LOW_VALUE_CONSIGNMENT',
    version: '2021-07-01',
    validFrom: '2021-07-01',
    validTo: '2026-07-01',
    source:
      'Council Directive (EU) 2017/2455 (IOSS, €150 intrinsic value); Regulation (EC) 1186/2009 art. 23 (duty relief ≤ €150); Delegated Regulation (EU) 2015/2446 Annex B data set H7',
    value: { amount: '150', currency: 'EUR', dutyPerItemCategory: null },
  },
  {
    id: 'EU.LOW_VALUE_CONSIGNMENT',
    version: '2026-07-01',
    validFrom: '2026-07-01',
    source:
      'Council agreement of 2025-12-12 on a flat €3 customs duty per item category for consignments ≤ €150 from 2026-07-01 until the EU customs data hub (about 2028); H7 data set unchanged',
    note: '"Item category" is read as a distinct tariff subheading (HS-6) in the consignment; confirm against the implementing act.',
    value: { amount: '150', currency: 'EUR', dutyPerItemCategory: '3' },
  },
];

export const UK_LOW_VALUE: DatedRule<{ amount: string; currency: 'GBP' }>[] = [
  {
    id: 'UK.LOW_VALUE_CONSIGNMENT',
    version: '2021-01-01',
    validFrom: '2021-01-01',
    source:
      'HMRC, VAT and overseas goods sold directly to customers in the UK (£135 consignment rule: VAT charged at point of sale, customs duty relief up to £135 except excise goods and gifts); Taxation (Cross-border Trade) Act 2018',
    note: 'A reform of the low-value regime is planned by 2029; not in force.',
    value: { amount: '135', currency: 'GBP' },
  },
];

/** Indicative exchange rates used only when a line's currency differs from the regime's (a rate feed replaces this). */
export const REFERENCE_FX: DatedRule<Record<string, string>>[] = [
  {
    id: 'FX.REFERENCE',
    version: '2026-11-01',
    validFrom: '2026-01-01',
    source:
      'Indicative cross rates, 2026 (placeholder for the customs exchange rate feed: CBP certified rates, ECB/EU customs monthly rates, HMRC monthly rates)',
    note: 'Not an official customs rate; the gateway work replaces it with the published monthly rates.',
    value: { USD: '1', EUR: '0.86', GBP: '0.76', CNY: '7.12', HKD: '7.79', JPY: '152' },
  },
];
