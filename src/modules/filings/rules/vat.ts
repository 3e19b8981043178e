import type { DatedRule } from './dated.ts';

export const UK_IMPORT_VAT: DatedRule<{ standardRate: string }>[] = [
  {
    id: 'UK.IMPORT_VAT',
    version: '2011-01-04',
    validFrom: '2011-01-04',
    source:
      'Value Added Tax Act 1994 s.2 (standard rate 20% from 2011-01-04); HMRC tax type B00 (import VAT)',
    value: { standardRate: '0.20' },
  },
];
