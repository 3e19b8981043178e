import { partyRecord, type PartyRecord } from '../../core/index.ts';

/**
 * The demo exporter's own trading set-up, all fictional: the selling company in Shenzhen, and in each
 * destination market the importer of record / consignee (its own subsidiary or a fulfilment partner),
 * plus the customs identifiers a filer would hold. Without these, every filing's checkpoints would
 * (correctly) fail for a missing seller, consignee or importer.
 */
export const DEMO_SELLER: PartyRecord = partyRecord.parse({
  kind: 'seller',
  externalRef: 'brightway-cn',
  isPerson: false,
  name: 'Shenzhen Brightway Trading Co Ltd',
  address: {
    line1: '88 Xixiang Avenue, Bao An District',
    city: 'Shenzhen',
    region: 'Guangdong',
    postalCode: '518102',
    country: 'CN',
  },
  country: 'CN',
  region: 'Guangdong',
  taxId: '91440300MA5FDEMO01',
});

interface Market {
  country: string;
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  taxId: string;
}

/** One importer of record and consignee per destination the demo ships to. */
const MARKETS: Market[] = [
  {
    country: 'US',
    name: 'Brightway Trading USA LLC',
    line1: '1200 S Milliken Ave',
    city: 'Ontario',
    postalCode: '91761',
    taxId: '88-123456700',
  },
  {
    country: 'GB',
    name: 'Brightway Trading UK Ltd',
    line1: 'Unit 4, Anglia Park',
    city: 'Felixstowe',
    postalCode: 'IP11 3SX',
    taxId: 'GB123456789000',
  },
  {
    country: 'DE',
    name: 'Brightway Europe BV Zweigniederlassung',
    line1: 'Am Flughafen 12',
    city: 'Frankfurt am Main',
    postalCode: '60549',
    taxId: 'DE123456789',
  },
  {
    country: 'NL',
    name: 'Brightway Europe BV',
    line1: 'Venrayseweg 120',
    city: 'Venlo',
    postalCode: '5928 RH',
    taxId: 'NL123456789',
  },
  {
    country: 'FR',
    name: 'Brightway Europe BV Succursale',
    line1: '5 Rue de la Logistique',
    city: 'Roissy-en-France',
    postalCode: '95700',
    taxId: 'FR12345678901',
  },
  {
    country: 'IT',
    name: 'Brightway Europe BV Sede Secondaria',
    line1: 'Via Malpensa 7',
    city: 'Milano',
    postalCode: '20121',
    taxId: 'IT12345678901',
  },
  {
    country: 'ES',
    name: 'Brightway Europe BV Sucursal',
    line1: 'Calle Logistica 3',
    city: 'Madrid',
    postalCode: '28042',
    taxId: 'ESB12345678',
  },
  {
    country: 'AT',
    name: 'Brightway Europe BV c/o Fulfilment Wien',
    line1: 'Lager Strasse 1',
    city: 'Wien',
    postalCode: '1230',
    taxId: 'ATU12345678',
  },
  {
    country: 'BE',
    name: 'Brightway Europe BV c/o Fulfilment Liege',
    line1: 'Rue de l Aeroport 2',
    city: 'Liege',
    postalCode: '4460',
    taxId: 'BE0123456789',
  },
  {
    country: 'IE',
    name: 'Brightway Europe BV c/o Fulfilment Dublin',
    line1: 'Airside Park 9',
    city: 'Dublin',
    postalCode: 'K67 X2Y3',
    taxId: 'IE1234567T',
  },
  {
    country: 'PL',
    name: 'Brightway Europe BV Oddzial',
    line1: 'ul. Logistyczna 4',
    city: 'Warszawa',
    postalCode: '02-146',
    taxId: 'PL1234567890',
  },
  {
    country: 'SE',
    name: 'Brightway Europe BV Filial',
    line1: 'Logistikvagen 6',
    city: 'Stockholm',
    postalCode: '190 45',
    taxId: 'SE123456789001',
  },
];

export const DEMO_MARKET_PARTIES: PartyRecord[] = MARKETS.flatMap((m) =>
  (['importer', 'consignee'] as const).map((kind) =>
    partyRecord.parse({
      kind,
      externalRef: `brightway-${m.country.toLowerCase()}`,
      isPerson: false,
      name: m.name,
      address: { line1: m.line1, city: m.city, postalCode: m.postalCode, country: m.country },
      country: m.country,
      taxId: m.taxId,
    }),
  ),
);

/** Customs identifiers of the demo filer (fictional, in the real formats). */
export const DEMO_FILING_SETTINGS = {
  filerCode: 'B7Q',
  bondType: 'continuous' as const,
  iossNumber: 'IM5280000123',
  euEori: 'NL123456789',
  gbEori: 'GB123456789000',
  gbVatNumber: 'GB123456789',
  relatedParties: true,
};
