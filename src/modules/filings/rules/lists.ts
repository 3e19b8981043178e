/**
 * Reference lists the checkpoints use. Each list names its source; changing a list means bumping
 * CHECKPOINT_REGISTRY_VERSION (checkpoints/registry.ts).
 */

/** EU member states (ICS2 also covers NO and CH, which run ICS2 under agreements). Source: TEU; EU customs territory (UCC art. 4). */
export const EU_MEMBER_STATES = [
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
] as const;
export const ICS2_COUNTRIES = [...EU_MEMBER_STATES, 'NO', 'CH'] as const;

/**
 * Descriptions customs authorities reject as too vague (CBP ISF/entry guidance; EU ICS2 "list of
 * unacceptable terms" in the ICS2 guidance on cargo description, 2023).
 */
export const VAGUE_DESCRIPTIONS = [
  'accessories',
  'apparel',
  'consolidated',
  'daily necessities',
  'electronics',
  'equipment',
  'fak',
  'freight of all kinds',
  'general cargo',
  'gift',
  'gifts',
  'goods',
  'household goods',
  'items',
  'machinery',
  'merchandise',
  'misc',
  'miscellaneous',
  'novelties',
  'parts',
  'personal effects',
  'samples',
  'said to contain',
  'spare parts',
  'stc',
  'stuff',
  'sundries',
  'tools',
  'toys',
] as const;

/** HS chapters/headings of excise goods (alcohol 22.03–22.08, tobacco 24, mineral oils 27.10). */
export const EXCISE_PREFIXES = ['2203', '2204', '2205', '2206', '2207', '2208', '24', '2710'] as const;

/**
 * Partner government agency flags by HTS prefix (US). Each flag names the data the PGA message set
 * needs. Source: CBP ACE PGA Message Set / CATAIR PGA appendix; agency flag tables (FD1/FD2 FDA,
 * EP1/EP5 EPA, FC FCC via PGA, AL1/AL2 APHIS Lacey Act, CPSC eFiling effective 2026-07-08).
 */
export const PGA_FLAGS: ReadonlyArray<{ prefix: string; agency: string; flag: string; needs: string }> = [
  { prefix: '16', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '17', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '18', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '19', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '20', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '21', agency: 'FDA', flag: 'FD2', needs: 'FDA product code and prior notice confirmation' },
  { prefix: '3304', agency: 'FDA', flag: 'FD1', needs: 'FDA product code (cosmetics)' },
  { prefix: '9018', agency: 'FDA', flag: 'FD1', needs: 'FDA product code and device listing' },
  { prefix: '3808', agency: 'EPA', flag: 'EP5', needs: 'EPA pesticide registration / notice of arrival' },
  { prefix: '8517', agency: 'FCC', flag: 'FC', needs: 'FCC ID / equipment authorization' },
  { prefix: '8528', agency: 'FCC', flag: 'FC', needs: 'FCC ID / equipment authorization' },
  {
    prefix: '4418',
    agency: 'APHIS',
    flag: 'AL2',
    needs: 'Lacey Act declaration (genus, species, harvest country)',
  },
  {
    prefix: '9403',
    agency: 'APHIS',
    flag: 'AL1',
    needs: 'Lacey Act declaration (genus, species, harvest country)',
  },
  {
    prefix: '9503',
    agency: 'CPSC',
    flag: 'CP',
    needs: "CPSC eFiling certificate (children's product certificate)",
  },
];
