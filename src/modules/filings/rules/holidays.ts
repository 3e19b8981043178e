import type { DatedRule } from './dated.ts';

/**
 * US federal holidays as observed (a holiday on Saturday is observed the Friday before, on Sunday the
 * Monday after). CBP working days exclude Saturdays, Sundays and these dates (19 CFR 101.1 "working day").
 */
export const US_FEDERAL_HOLIDAYS: DatedRule<string[]>[] = [
  {
    id: 'US.FEDERAL_HOLIDAYS',
    version: '2025-2027',
    validFrom: '2025-01-01',
    validTo: '2028-01-01',
    source: '5 U.S.C. 6103; U.S. Office of Personnel Management, Federal Holidays (observed dates) 2025–2027',
    value: [
      '2025-01-01',
      '2025-01-20',
      '2025-02-17',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-10-13',
      '2025-11-11',
      '2025-11-27',
      '2025-12-25',
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-31',
    ],
  },
];
