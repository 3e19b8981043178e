import { field, record } from './transports/abi-records.ts';
import type { Regime } from './gateway.types.ts';

/**
 * Small, realistic payloads of each regime's shape, for the sandbox, the chaos test, the benchmarks
 * and `crossgate filings sample` — until the filings module's encoders are wired in. Values come from a
 * seeded generator, so the same seed gives the same payload.
 */
export interface SampleOptions {
  /** The filer's reference (becomes the LRN / entry reference); usually the filing id. */
  reference: string;
  seed?: number;
  lines?: number;
}

const GOODS = [
  { hs: '6109100010', description: 'T-SHIRTS, COTTON, KNITTED' },
  { hs: '8517620090', description: 'WIRELESS ROUTERS' },
  { hs: '4202920800', description: 'BACKPACKS, TEXTILE OUTER SURFACE' },
  { hs: '9503000090', description: 'TOYS, PLASTIC CONSTRUCTION SETS' },
  { hs: '3304990000', description: 'SKIN CARE PREPARATIONS' },
];
const ORIGINS = ['CN', 'VN', 'IN', 'TR', 'MX'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** ACE: CATAIR-style application records (10 header, 40 lines, 90 summary), 80 characters each. */
export function sampleAcePayload(opts: SampleOptions): string {
  const r = rng(opts.seed ?? 1);
  const n = opts.lines ?? 1 + Math.floor(r() * 3);
  const out = [record('10', field(opts.reference, 30), '01', '2704', '20261124', field('12-3456789', 10))];
  let total = 0;
  for (let i = 1; i <= n; i++) {
    const g = pick(r, GOODS);
    const cents = 1000 + Math.floor(r() * 50000);
    total += cents;
    out.push(
      record(
        '40',
        field(i, 3, 'right'),
        g.hs,
        pick(r, ORIGINS),
        field(cents, 12, 'right'),
        field(g.description, 40),
      ),
    );
  }
  out.push(record('90', field(n, 3, 'right'), field(total, 14, 'right')));
  return out.join('\n');
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** UK CDS: a WCO DMS declaration (import, H1-like) with its goods items. */
export function sampleCdsPayload(opts: SampleOptions): string {
  const r = rng(opts.seed ?? 1);
  const n = opts.lines ?? 1 + Math.floor(r() * 3);
  const items: string[] = [];
  for (let i = 1; i <= n; i++) {
    const g = pick(r, GOODS);
    items.push(
      `<GovernmentAgencyGoodsItem><SequenceNumeric>${i}</SequenceNumeric>` +
        `<Commodity><Description>${xmlEscape(g.description)}</Description>` +
        `<Classification><ID>${g.hs.slice(0, 8)}</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification></Commodity>` +
        `<Origin><CountryCode>${pick(r, ORIGINS)}</CountryCode></Origin>` +
        `<StatisticalValueAmount currencyID="GBP">${(10 + Math.floor(r() * 500)).toFixed(2)}</StatisticalValueAmount>` +
        '</GovernmentAgencyGoodsItem>',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" xmlns="urn:wco:datamodel:WCO:DEC-DMS:2">' +
    '<md:WCODataModelVersionCode>3.6</md:WCODataModelVersionCode><md:WCOTypeName>DEC</md:WCOTypeName>' +
    '<Declaration><FunctionCode>9</FunctionCode>' +
    `<FunctionalReferenceID>${xmlEscape(opts.reference)}</FunctionalReferenceID>` +
    '<TypeCode>IMZ</TypeCode><GoodsItemQuantity>' +
    n +
    '</GoodsItemQuantity>' +
    '<Declarant><ID>GB123456789000</ID></Declarant>' +
    `<GoodsShipment><Importer><ID>GB987654321000</ID></Importer>${items.join('')}</GoodsShipment>` +
    '</Declaration></md:MetaData>'
  );
}

/** EU ICS2: an entry summary declaration (house level, express/postal-like) with its goods items. */
export function sampleIcs2Payload(opts: SampleOptions): string {
  const r = rng(opts.seed ?? 1);
  const n = opts.lines ?? 1 + Math.floor(r() * 3);
  const items: string[] = [];
  for (let i = 1; i <= n; i++) {
    const g = pick(r, GOODS);
    items.push(
      `<GoodsItem><GoodsItemNumber>${i}</GoodsItemNumber>` +
        `<CommodityCode><HarmonizedSystemSubHeadingCode>${g.hs.slice(0, 6)}</HarmonizedSystemSubHeadingCode></CommodityCode>` +
        `<DescriptionOfGoods>${xmlEscape(g.description)}</DescriptionOfGoods>` +
        `<GrossMass>${(0.1 + r() * 5).toFixed(3)}</GrossMass></GoodsItem>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<ENS xmlns="urn:eu:ics2:ens:sandbox"><MessageType>IE3F32</MessageType>' +
    `<LRN>${xmlEscape(opts.reference)}</LRN>` +
    '<Declarant><IdentificationNumber>NL123456789B01</IdentificationNumber></Declarant>' +
    '<Carrier><IdentificationNumber>IE987654321000</IdentificationNumber></Carrier>' +
    `<ConsignmentHouseLevel><TransportDocumentNumber>HAWB${Math.floor(r() * 1e9)}</TransportDocumentNumber>${items.join('')}</ConsignmentHouseLevel>` +
    '</ENS>'
  );
}

export function samplePayload(regime: Regime, opts: SampleOptions): string {
  switch (regime) {
    case 'US-ACE':
      return sampleAcePayload(opts);
    case 'UK-CDS':
      return sampleCdsPayload(opts);
    case 'EU-ICS2':
      return sampleIcs2Payload(opts);
  }
}
