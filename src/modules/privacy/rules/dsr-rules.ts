/**
 * Data-subject request deadlines and legal holds as dated, sourced data.
 * A deadline is `days` calendar days, or `months` calendar months, from receipt.
 */
export interface DsrDeadline {
  id: string;
  regime: string;
  name: string;
  days?: number;
  months?: number;
  /** How far the deadline may be extended when the request is complex (informational). */
  extension: string;
  validFrom: string;
  validTo?: string;
  source: string;
}

export const DSR_DEADLINES: DsrDeadline[] = [
  {
    id: 'gdpr-art12',
    regime: 'gdpr',
    name: 'GDPR: without undue delay and within one month',
    months: 1,
    extension:
      'two further months for complex or numerous requests, telling the person within the first month',
    validFrom: '2018-05-25',
    source: 'GDPR Art. 12(3)',
  },
  {
    id: 'uk-gdpr-art12',
    regime: 'uk_gdpr',
    name: 'UK GDPR: within one month',
    months: 1,
    extension: 'two further months for complex requests',
    validFrom: '2021-01-01',
    source: 'UK GDPR Art. 12(3)',
  },
  {
    id: 'ccpa-45d',
    regime: 'ccpa',
    name: 'CCPA: within 45 calendar days',
    days: 45,
    extension: 'one further 45 days when reasonably necessary, with notice',
    validFrom: '2020-01-01',
    source: 'Cal. Civ. Code 1798.130(a)(2); CCPA Regulations 11 CCR 7021',
  },
  {
    id: 'pipl-15d',
    regime: 'pipl',
    name: 'PIPL: timely; national standard GB/T 35273-2020 sets 15 working days (taken as 21 calendar days)',
    days: 21,
    extension: 'none stated',
    validFrom: '2021-11-01',
    source: 'PIPL Art. 50; GB/T 35273-2020 §8.7',
  },
  {
    id: 'ru-152fz-10wd',
    regime: '152fz',
    name: '152-FZ: 10 working days (taken as 14 calendar days)',
    days: 14,
    extension: '5 working days with a reasoned notice',
    validFrom: '2022-09-01',
    source: '152-FZ Art. 14(3), 20 as amended by 266-FZ',
  },
  {
    id: 'dpdp-90d',
    regime: 'dpdp',
    name: 'DPDP: grievances answered within 90 days',
    days: 90,
    extension: 'none stated',
    validFrom: '2025-11-13',
    source: 'DPDP Rules 2025, rule 14(3)',
  },
];

export interface LegalHold {
  id: string;
  /** What the hold keeps. */
  records: string;
  years: number;
  validFrom: string;
  source: string;
}

/**
 * Customs records (entries, filings, the orders and shipments behind them, the consignee on them) are
 * kept 5 years from the date of entry; erasure of a consignee's personal data waits until then.
 */
export const LEGAL_HOLDS: LegalHold[] = [
  {
    id: 'customs-records-5y',
    records:
      'customs records: orders shipped across a border, their shipments and filings, and the consignee named on them',
    years: 5,
    validFrom: '2026-01-01',
    source:
      '19 CFR 163.4(a) (5 years from entry); EU UCC Art. 51 (at least 3 years); PRODUCT.md §3.5 (5-year retention)',
  },
];

export function deadlineRule(regime: string, at: Date): DsrDeadline | undefined {
  const day = at.toISOString().slice(0, 10);
  return DSR_DEADLINES.find(
    (d) => d.regime === regime && d.validFrom <= day && (d.validTo === undefined || day < d.validTo),
  );
}

export function dueDate(rule: DsrDeadline, received: Date): Date {
  const d = new Date(received);
  if (rule.months !== undefined) {
    const day = d.getUTCDate();
    d.setUTCMonth(d.getUTCMonth() + rule.months, 1);
    // Same day next month, or its last day when shorter (31 Jan -> 28/29 Feb).
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  if (rule.days !== undefined) d.setUTCDate(d.getUTCDate() + rule.days);
  return d;
}
