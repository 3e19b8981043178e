import type { DatedRule } from './dated.ts';

/** US user fees on entries (19 CFR 24.23 / 24.24). */
export interface UsFeeSchedule {
  mpf: { rate: string; min: string; max: string; informal: string };
  hmf: { rate: string; modes: string[] };
}

export const US_FEES: DatedRule<UsFeeSchedule>[] = [
  {
    id: 'US.USER_FEES',
    version: 'FY2025',
    validFrom: '2024-10-01',
    validTo: '2025-10-01',
    source:
      'CBP, Customs User Fees to be Adjusted for Inflation in Fiscal Year 2025 (Federal Register notice, 2024); 19 CFR 24.23(b), 24.24',
    note: 'MPF minimum/maximum and informal fee as recalled from the FY2025 notice; verify before production use.',
    value: {
      mpf: { rate: '0.003464', min: '32.71', max: '634.62', informal: '2.62' },
      hmf: { rate: '0.00125', modes: ['ocean'] },
    },
  },
  {
    id: 'US.USER_FEES',
    version: 'FY2026',
    validFrom: '2025-10-01',
    validTo: '2026-10-01',
    source:
      'CBP, Customs User Fees to be Adjusted for Inflation in Fiscal Year 2026 (Federal Register notice, 2025); 19 CFR 24.23(b) (MPF 0.3464%), 19 CFR 24.24 (HMF 0.125%, ocean only)',
    note: 'MPF minimum/maximum and the informal (automated) fee are from the FY2026 notice as recalled, not re-checked against the Federal Register text here: verify before production use.',
    value: {
      mpf: { rate: '0.003464', min: '33.58', max: '651.50', informal: '2.69' },
      hmf: { rate: '0.00125', modes: ['ocean'] },
    },
  },
  {
    id: 'US.USER_FEES',
    version: 'FY2027',
    validFrom: '2026-10-01',
    validTo: '2027-10-01',
    source:
      '19 CFR 24.23(b), 24.24; FY2027 inflation adjustment not yet loaded: FY2026 amounts carried forward',
    note: 'Carry-forward of FY2026 figures until the FY2027 notice is entered; MPF rate and HMF rate are statutory and unchanged.',
    value: {
      mpf: { rate: '0.003464', min: '33.58', max: '651.50', informal: '2.69' },
      hmf: { rate: '0.00125', modes: ['ocean'] },
    },
  },
];

/** CATAIR user fee class codes. */
export const US_FEE_CODES = { mpf: '499', hmf: '501' } as const;
