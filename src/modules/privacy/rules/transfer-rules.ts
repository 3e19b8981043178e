/**
 * Cross-border transfer and residency rules as dated, sourced data (PRODUCT.md §3.6, §5).
 *
 * A rule set is a list of regimes; a regime applies to data leaving one of its `origins` and holds
 * clauses evaluated in order: the first clause whose conditions all match decides for that regime.
 * Every regime that applies must allow the transfer. A transfer from a country with no regime on file
 * is denied (deny by default) with an explanation naming the gap.
 *
 * Bands are `lower <= volume < upper`; limits are compared with `undefined`, never by truthiness.
 * Summaries of law here are engineering encodings for screening transfers, not legal advice; each
 * clause names its source so a reviewer can check it.
 */

export const CATEGORIES = ['contact', 'order_history', 'payment', 'government_id', 'employee'] as const;
export type DataCategory = (typeof CATEGORIES)[number];

export const PURPOSES = [
  'customs_clearance',
  'delivery',
  'payment',
  'customer_support',
  'marketing',
  'analytics',
  'hr',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const BASES = [
  'none_required',
  'consent',
  'contract_necessity',
  'standard_contract',
  'certification',
  'security_assessment',
  'adequacy',
  'notification',
  'security_requirements',
] as const;
export type TransferBasis = (typeof BASES)[number];

export interface ClauseWhen {
  categories?: DataCategory[];
  purposes?: Purpose[];
  /** Destination in (or not in) these countries / named groups (e.g. `@EEA`). */
  toIn?: string[];
  toNotIn?: string[];
  /** People whose data went to this destination in the current calendar year, this transfer included. */
  volumeAtLeast?: number;
  volumeBelow?: number;
}

export interface Clause {
  id: string;
  when: ClauseWhen;
  /** allow: basis given; deny: never; requires: allowed only if the caller claims one of `bases` as in place. */
  outcome: 'allow' | 'deny' | 'requires';
  basis?: TransferBasis;
  bases?: TransferBasis[];
  explanation: string;
  duties?: string[];
  source: string;
}

export interface Regime {
  id: string;
  name: string;
  /** Countries (ISO 3166-1 alpha-2) or groups whose outbound data this regime governs. */
  origins: string[];
  /** Localisation duty that holds whatever the transfer decision is. */
  localisation?: string;
  clauses: Clause[];
}

export interface TransferRuleSet {
  version: string;
  validFrom: string;
  validTo?: string;
  groups: Record<string, string[]>;
  regimes: Regime[];
}

const EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
];

const CONTRACT_PURPOSES: Purpose[] = ['customs_clearance', 'delivery', 'payment', 'customer_support'];

export const TRANSFER_RULES: TransferRuleSet[] = [
  {
    version: 'transfer-rules-2026.11',
    validFrom: '2026-01-01',
    groups: {
      EEA,
      // Commission adequacy decisions (GDPR Art. 45). US: only recipients certified under the EU-US
      // Data Privacy Framework (decision 2023/1795); callers claim `adequacy` for those.
      EU_ADEQUATE: ['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY'],
      // UK adequacy regulations ("data bridges"), incl. the EEA.
      UK_ADEQUATE: [...EEA, 'AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'UY'],
      // Parties to Convention 108 are adequate under 152-FZ Art. 12; the RKN order adds others.
      RU_ADEQUATE: [
        ...EEA.filter((c) => !['LI'].includes(c)),
        'GB',
        'CH',
        'AR',
        'UY',
        'MX',
        'TN',
        'MA',
        'SN',
        'CV',
        'MU',
        'AM',
        'AZ',
        'GE',
        'RS',
        'ME',
        'MK',
        'BA',
        'AL',
        'MD',
        'UA',
        'TR',
        'AD',
        'MC',
        'SM',
        'JP',
        'KZ',
        'KG',
        'MN',
        'PE',
        'CR',
        'AO',
        'BJ',
        'GA',
        'ML',
        'NE',
        'QA',
        'SG',
        'MY',
        'IL',
        'KR',
        'NZ',
        'CA',
      ],
      // 28 CFR Part 202 (DOJ bulk sensitive data rule): countries of concern.
      US_COUNTRIES_OF_CONCERN: ['CN', 'HK', 'MO', 'RU', 'IR', 'KP', 'CU', 'VE'],
    },
    regimes: [
      {
        id: 'cn-pipl',
        name: 'China: PIPL, DSL and the CAC Provisions on Promoting and Regulating Cross-Border Data Flows',
        origins: ['CN'],
        clauses: [
          {
            id: 'cn-contract-necessity',
            when: { purposes: CONTRACT_PURPOSES, categories: ['contact', 'order_history', 'payment'] },
            outcome: 'allow',
            basis: 'contract_necessity',
            explanation:
              'Exempt from security assessment, standard contract and certification: the transfer is necessary to perform a contract the individual is party to (cross-border shopping, delivery, payment).',
            duties: [
              'Tell the individual the recipient, purpose, categories and how to exercise rights (PIPL Art. 39)',
              'Keep a personal information protection impact assessment (PIPL Art. 55)',
            ],
            source:
              'CAC Provisions on Promoting and Regulating Cross-Border Data Flows (2024-03-22), Art. 5(1)',
          },
          {
            id: 'cn-hr',
            when: { purposes: ['hr'], categories: ['employee', 'contact'] },
            outcome: 'allow',
            basis: 'contract_necessity',
            explanation:
              'Exempt: employee data transferred for cross-border HR management under lawful labour rules.',
            duties: ['Separate consent and notice to employees (PIPL Art. 39)'],
            source: 'CAC Provisions (2024-03-22), Art. 5(2)',
          },
          {
            id: 'cn-sensitive-security-assessment',
            when: { categories: ['government_id', 'payment'], volumeAtLeast: 10_000 },
            outcome: 'requires',
            bases: ['security_assessment'],
            explanation:
              'Sensitive personal information of 10,000 or more people since 1 January needs a CAC security assessment.',
            source: 'CAC Provisions (2024-03-22), Art. 7(2)',
          },
          {
            id: 'cn-sensitive-contract',
            when: { categories: ['government_id', 'payment'], volumeBelow: 10_000 },
            outcome: 'requires',
            bases: ['standard_contract', 'certification'],
            explanation:
              'Sensitive personal information of fewer than 10,000 people since 1 January needs a filed standard contract or a certification.',
            duties: ['Separate consent (PIPL Art. 29, 39)', 'Impact assessment (PIPL Art. 55)'],
            source: 'CAC Provisions (2024-03-22), Art. 8(2)',
          },
          {
            id: 'cn-small-volume',
            when: { volumeBelow: 100_000 },
            outcome: 'allow',
            basis: 'none_required',
            explanation:
              'Exempt: non-sensitive personal information of fewer than 100,000 people since 1 January, by a processor that is not a critical information infrastructure operator.',
            duties: ['Notice and separate consent (PIPL Art. 39)', 'Impact assessment (PIPL Art. 55)'],
            source: 'CAC Provisions (2024-03-22), Art. 5(4)',
          },
          {
            id: 'cn-mid-volume',
            when: { volumeAtLeast: 100_000, volumeBelow: 1_000_000 },
            outcome: 'requires',
            bases: ['standard_contract', 'certification'],
            explanation:
              'Non-sensitive personal information of 100,000 to 1,000,000 people since 1 January needs a filed standard contract or a certification.',
            source: 'CAC Provisions (2024-03-22), Art. 8(1); Measures on the Standard Contract (2023-06-01)',
          },
          {
            id: 'cn-large-volume',
            when: { volumeAtLeast: 1_000_000 },
            outcome: 'requires',
            bases: ['security_assessment'],
            explanation:
              'Personal information of 1,000,000 or more people since 1 January needs a CAC security assessment.',
            source:
              'CAC Provisions (2024-03-22), Art. 7(2); Measures for Security Assessment of Outbound Data Transfers (2022)',
          },
        ],
      },
      {
        id: 'ru-152fz',
        name: 'Russia: Federal Law 152-FZ on Personal Data',
        origins: ['RU'],
        localisation:
          'Recording, systematisation, accumulation, storage, updating and retrieval of personal data of Russian citizens must use databases located in Russia; a transfer abroad is a copy, not the primary record (152-FZ Art. 18(5)).',
        clauses: [
          {
            id: 'ru-adequate',
            when: { toIn: ['@RU_ADEQUATE'] },
            outcome: 'requires',
            bases: ['notification'],
            explanation:
              'Transfer to a country with adequate protection is allowed once Roskomnadzor has been notified of cross-border transfers.',
            duties: ["Assess the recipient's protection measures before notifying (Art. 12(5))"],
            source: '152-FZ Art. 12 as amended by 266-FZ (in force 2023-03-01)',
          },
          {
            id: 'ru-not-adequate',
            when: { toNotIn: ['@RU_ADEQUATE'] },
            outcome: 'requires',
            bases: ['notification'],
            explanation:
              'Transfer to a country without adequate protection needs a prior notification to Roskomnadzor and may start only after the 10 working days in which it can be restricted.',
            duties: ['Wait 10 working days after notifying before transferring (Art. 12(6))'],
            source: '152-FZ Art. 12(4)-(6) as amended by 266-FZ',
          },
        ],
      },
      {
        id: 'eu-gdpr',
        name: 'EU/EEA: GDPR Chapter V',
        origins: ['@EEA'],
        clauses: [
          {
            id: 'eu-internal',
            when: { toIn: ['@EEA'] },
            outcome: 'allow',
            basis: 'none_required',
            explanation: 'Within the EEA personal data flows freely.',
            source: 'GDPR Art. 1(3)',
          },
          {
            id: 'eu-adequacy',
            when: { toIn: ['@EU_ADEQUATE'] },
            outcome: 'allow',
            basis: 'adequacy',
            explanation: 'The destination has a Commission adequacy decision.',
            source: 'GDPR Art. 45; Commission adequacy decisions',
          },
          {
            id: 'eu-contract-derogation',
            when: { purposes: ['customs_clearance', 'delivery'], categories: ['contact', 'order_history'] },
            outcome: 'allow',
            basis: 'contract_necessity',
            explanation:
              'The transfer is necessary to perform the sales contract with the individual (delivery to them, their customs clearance); the derogation covers occasional, necessary transfers only.',
            duties: [
              'Record the derogation used; use SCCs instead for systematic transfers (EDPB Guidelines 2/2018)',
            ],
            source: 'GDPR Art. 49(1)(b)',
          },
          {
            id: 'eu-safeguards',
            when: {},
            outcome: 'requires',
            bases: ['standard_contract', 'adequacy', 'consent'],
            explanation:
              'No adequacy decision for the destination: Standard Contractual Clauses (with a transfer impact assessment), a DPF certification of a US recipient, or explicit consent is needed.',
            duties: ['Transfer impact assessment (Schrems II, C-311/18)'],
            source: 'GDPR Art. 46(2)(c), Art. 49(1)(a); Decision (EU) 2021/914',
          },
        ],
      },
      {
        id: 'uk-gdpr',
        name: 'United Kingdom: UK GDPR and the Data Protection Act 2018',
        origins: ['GB'],
        clauses: [
          {
            id: 'uk-adequacy',
            when: { toIn: ['@UK_ADEQUATE'] },
            outcome: 'allow',
            basis: 'adequacy',
            explanation: 'The destination is covered by UK adequacy regulations.',
            source: 'UK GDPR Art. 45; DPA 2018 s.17A',
          },
          {
            id: 'uk-contract-derogation',
            when: { purposes: ['customs_clearance', 'delivery'], categories: ['contact', 'order_history'] },
            outcome: 'allow',
            basis: 'contract_necessity',
            explanation: 'Necessary to perform the contract with the individual (occasional transfers).',
            source: 'UK GDPR Art. 49(1)(b)',
          },
          {
            id: 'uk-safeguards',
            when: {},
            outcome: 'requires',
            bases: ['standard_contract', 'consent'],
            explanation:
              'Needs the International Data Transfer Agreement (or the EU SCCs with the UK Addendum).',
            duties: ['Transfer risk assessment'],
            source: 'UK GDPR Art. 46; ICO IDTA (in force 2022-03-21)',
          },
        ],
      },
      {
        id: 'us-doj-bulk-data',
        name: 'United States: DOJ rule on bulk sensitive personal data (28 CFR Part 202)',
        origins: ['US'],
        clauses: [
          {
            id: 'us-bulk-financial',
            when: {
              toIn: ['@US_COUNTRIES_OF_CONCERN'],
              categories: ['payment'],
              volumeAtLeast: 10_000,
            },
            outcome: 'requires',
            bases: ['security_requirements'],
            explanation:
              'Bulk personal financial data (10,000+ US persons in 12 months) to a country of concern: data brokerage is prohibited, vendor agreements only under the CISA security requirements.',
            source: '28 CFR 202.205, 202.401 (in force 2025-04-08)',
          },
          {
            id: 'us-bulk-identifiers',
            when: {
              toIn: ['@US_COUNTRIES_OF_CONCERN'],
              categories: ['contact', 'government_id', 'order_history'],
              volumeAtLeast: 100_000,
            },
            outcome: 'requires',
            bases: ['security_requirements'],
            explanation:
              'Bulk covered personal identifiers (100,000+ US persons in 12 months) to a country of concern: only under the CISA security requirements, never as data brokerage.',
            source: '28 CFR 202.205, 202.401',
          },
          {
            id: 'us-below-bulk',
            when: {},
            outcome: 'allow',
            basis: 'none_required',
            explanation:
              'Below the bulk thresholds or not to a country of concern: no federal transfer restriction.',
            source: '28 CFR 202.205',
          },
        ],
      },
      {
        id: 'us-ca-ccpa',
        name: 'California: CCPA as amended by the CPRA',
        origins: ['US'],
        clauses: [
          {
            id: 'ca-service-provider',
            when: { purposes: [...CONTRACT_PURPOSES, 'hr'] },
            outcome: 'allow',
            basis: 'contract_necessity',
            explanation:
              'No localisation or transfer restriction; disclosing to a service provider or contractor for a business purpose is not a sale.',
            duties: [
              'Written contract with the recipient limiting use to the business purpose (Cal. Civ. Code 1798.100(d), 1798.140(ag))',
            ],
            source: 'Cal. Civ. Code 1798.100, 1798.140',
          },
          {
            id: 'ca-sale-or-sharing',
            when: { purposes: ['marketing', 'analytics'] },
            outcome: 'requires',
            bases: ['consent', 'contract_necessity'],
            explanation:
              'Disclosure for marketing or analytics can be a sale or sharing: honour opt-outs and have a contract with the third party.',
            duties: ['Offer "Do Not Sell or Share" and honour opt-out signals (1798.120, 1798.135)'],
            source: 'Cal. Civ. Code 1798.115, 1798.120',
          },
        ],
      },
      {
        id: 'in-dpdp',
        name: 'India: Digital Personal Data Protection Act 2023',
        origins: ['IN'],
        clauses: [
          {
            id: 'in-payment-localisation',
            when: { categories: ['payment'] },
            outcome: 'requires',
            bases: ['contract_necessity'],
            explanation:
              'Payment system data must be stored only in India; processing abroad is allowed for the payment itself if the data is deleted abroad and returned within one business day.',
            duties: ['Delete the foreign copy and store only in India within one business day'],
            source: 'RBI circular DPSS.CO.OD No.2785/06.08.005/2017-18 (2018-04-06) and its FAQ (2019-06-26)',
          },
          {
            id: 'in-not-restricted',
            when: {},
            outcome: 'allow',
            basis: 'none_required',
            explanation:
              'Transfers are allowed to any country the Central Government has not restricted by notification; none is restricted in the rules on file.',
            duties: ["Re-check the Government's restricted-country notifications (s.16(1))"],
            source: 'DPDP Act 2023 s.16; DPDP Rules 2025',
          },
        ],
      },
    ],
  },
];
