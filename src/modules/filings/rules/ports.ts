/**
 * Ports Crossgate knows: UN/LOCODE, IANA time zone, and (for US ports) the CBP Schedule D port code.
 * Source: UNECE UN/LOCODE 2024-2; CBP Schedule D (district/port codes); IANA tz database.
 * An unknown but well-formed LOCODE is accepted with a warning (checkpoint PORT_KNOWN).
 */
export interface PortInfo {
  locode: string;
  name: string;
  timeZone: string;
  /** CBP Schedule D port code (US ports only). */
  cbp?: string;
  /** EU customs office of first entry (COL reference) for ICS2, where Crossgate uses one. */
  euOffice?: string;
  /** UK location-of-goods code (CDS), where Crossgate uses one. */
  ukLocation?: string;
  kind: 'sea' | 'air' | 'multi';
}

export const PORTS_VERSION = 'ports@2026-11';

export const PORTS: readonly PortInfo[] = [
  { locode: 'CNSZX', name: 'Shenzhen', timeZone: 'Asia/Shanghai', kind: 'multi' },
  { locode: 'CNYTN', name: 'Yantian', timeZone: 'Asia/Shanghai', kind: 'sea' },
  { locode: 'CNSHK', name: 'Shekou', timeZone: 'Asia/Shanghai', kind: 'sea' },
  { locode: 'CNSHA', name: 'Shanghai', timeZone: 'Asia/Shanghai', kind: 'multi' },
  { locode: 'CNNGB', name: 'Ningbo', timeZone: 'Asia/Shanghai', kind: 'sea' },
  { locode: 'CNCAN', name: 'Guangzhou', timeZone: 'Asia/Shanghai', kind: 'multi' },
  { locode: 'HKHKG', name: 'Hong Kong', timeZone: 'Asia/Hong_Kong', kind: 'multi' },
  { locode: 'USLAX', name: 'Los Angeles', timeZone: 'America/Los_Angeles', cbp: '2704', kind: 'multi' },
  { locode: 'USLGB', name: 'Long Beach', timeZone: 'America/Los_Angeles', cbp: '2709', kind: 'sea' },
  { locode: 'USNYC', name: 'New York/Newark', timeZone: 'America/New_York', cbp: '4601', kind: 'sea' },
  { locode: 'USJFK', name: 'New York JFK Airport', timeZone: 'America/New_York', cbp: '4701', kind: 'air' },
  { locode: 'USORD', name: "Chicago O'Hare", timeZone: 'America/Chicago', cbp: '3901', kind: 'air' },
  { locode: 'USSEA', name: 'Seattle', timeZone: 'America/Los_Angeles', cbp: '3001', kind: 'multi' },
  { locode: 'USSAV', name: 'Savannah', timeZone: 'America/New_York', cbp: '1703', kind: 'sea' },
  { locode: 'USHOU', name: 'Houston', timeZone: 'America/Chicago', cbp: '5301', kind: 'multi' },
  { locode: 'USMIA', name: 'Miami', timeZone: 'America/New_York', cbp: '5201', kind: 'multi' },
  {
    locode: 'DEFRA',
    name: 'Frankfurt am Main',
    timeZone: 'Europe/Berlin',
    euOffice: 'DE003302',
    kind: 'air',
  },
  { locode: 'DEHAM', name: 'Hamburg', timeZone: 'Europe/Berlin', euOffice: 'DE004851', kind: 'sea' },
  { locode: 'DELEJ', name: 'Leipzig/Halle', timeZone: 'Europe/Berlin', euOffice: 'DE008601', kind: 'air' },
  { locode: 'NLRTM', name: 'Rotterdam', timeZone: 'Europe/Amsterdam', euOffice: 'NL000396', kind: 'sea' },
  {
    locode: 'NLAMS',
    name: 'Amsterdam Schiphol',
    timeZone: 'Europe/Amsterdam',
    euOffice: 'NL000854',
    kind: 'air',
  },
  { locode: 'BELGG', name: 'Liège', timeZone: 'Europe/Brussels', euOffice: 'BEBRU000', kind: 'air' },
  { locode: 'BEANR', name: 'Antwerp', timeZone: 'Europe/Brussels', euOffice: 'BEANR000', kind: 'sea' },
  {
    locode: 'FRCDG',
    name: 'Paris Charles de Gaulle',
    timeZone: 'Europe/Paris',
    euOffice: 'FR002970',
    kind: 'air',
  },
  {
    locode: 'GBLHR',
    name: 'London Heathrow',
    timeZone: 'Europe/London',
    ukLocation: 'GBAULHRLHRLHR',
    kind: 'air',
  },
  {
    locode: 'GBEMA',
    name: 'East Midlands Airport',
    timeZone: 'Europe/London',
    ukLocation: 'GBAUEMAEMAEMA',
    kind: 'air',
  },
  {
    locode: 'GBFXT',
    name: 'Felixstowe',
    timeZone: 'Europe/London',
    ukLocation: 'GBAUFXTFXTFXT',
    kind: 'sea',
  },
  {
    locode: 'GBLGP',
    name: 'London Gateway',
    timeZone: 'Europe/London',
    ukLocation: 'GBAULGPLGPLGP',
    kind: 'sea',
  },
  { locode: 'GBLON', name: 'London', timeZone: 'Europe/London', ukLocation: 'GBAULONLONLON', kind: 'multi' },
];

const byLocode = new Map(PORTS.map((p) => [p.locode, p]));

export function port(locode: string | null | undefined): PortInfo | undefined {
  return locode ? byLocode.get(locode.toUpperCase()) : undefined;
}

/** Time zone of a port; for unknown ports a country default, else UTC. */
export function portTimeZone(locode: string | null | undefined, country?: string): string {
  const p = port(locode);
  if (p) return p.timeZone;
  const fallback: Record<string, string> = {
    US: 'America/New_York',
    CN: 'Asia/Shanghai',
    GB: 'Europe/London',
    DE: 'Europe/Berlin',
    NL: 'Europe/Amsterdam',
    FR: 'Europe/Paris',
    BE: 'Europe/Brussels',
  };
  return (country && fallback[country]) || 'UTC';
}
