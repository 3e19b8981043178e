import { Decimal } from '../../../platform/money.ts';
import { partyOf, type Filing, type FilingParty } from '../model.ts';

/**
 * CATAIR-style fixed-width records for ACE: 80-character ASCII records, each starting with a 2-character
 * record id, fields left-justified (alphanumeric) or right-justified zero-filled (numeric). Record ids
 * follow the CATAIR chapters (Entry Summary 10/11/20/30/40/50/89/90, ISF SF10/SF20/SF30); positions are
 * Crossgate's and documented in the module README until certification with CBP fixes them.
 */
type Field = [value: string | number | undefined, width: number, align?: 'L' | 'R'];

export function record(id: string, fields: Field[]): string {
  let s = id;
  for (const [v, w, align] of fields) {
    const raw = ascii(String(v ?? '')).slice(0, w);
    s += align === 'R' ? raw.padStart(w, '0') : raw.padEnd(w, ' ');
  }
  if (s.length > 80) throw new Error(`record ${id} is ${s.length} characters`);
  return s.padEnd(80, ' ');
}

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '?')
    .toUpperCase();
}

const cents = (v: string) => new Decimal(v).times(100).toFixed(0);
const dollars = (v: string) => new Decimal(v).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
const yymmdd = (iso?: string) => (iso ? iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) : '');
const MOT: Record<string, string> = {
  ocean: '11',
  air: '40',
  road: '30',
  rail: '20',
  postal: '50',
  express: '40',
};
const ROLE: Record<string, string> = {
  seller: 'SE',
  buyer: 'BY',
  importer_of_record: 'IM',
  consignee: 'CN',
  manufacturer: 'MF',
  ship_to: 'ST',
  stuffing_location: 'LG',
  consolidator: 'CS',
};

function partyRecords(id: string, p: FilingParty): string[] {
  return [
    record(id, [
      [ROLE[p.role] ?? 'ZZ', 2],
      [p.name, 35],
      [p.ids.ior ?? p.ids.mid ?? '', 15],
      [p.country, 2],
      [p.ref ?? '', 24],
    ]),
    record(`${id.slice(0, 1)}${Number(id.slice(1)) + 1}`, [
      [p.address?.line1, 35],
      [p.address?.city, 19],
      [p.address?.postalCode, 9],
      [p.address?.country, 2],
      [p.address?.region, 3],
    ]),
  ];
}

/** ISF-10 (application SF): header, the parties, one record per line. */
export function encodeIsf(f: Filing): string {
  const lines: string[] = [];
  lines.push(
    record('SF', [
      ['10', 2],
      ['A', 1],
      ['01', 2], // ISF-10
      [f.header.reference, 22],
      [f.header.bondType === 'single' ? '9' : '8', 1],
      [f.transport.carrierCode, 4],
      [f.transport.masterBill, 16],
      [f.transport.portOfLading, 5],
      [f.transport.portOfUnlading, 5],
      [yymmdd(f.transport.departure), 6],
      [f.lines.length, 3, 'R'],
    ]),
  );
  const order = [
    'seller',
    'buyer',
    'importer_of_record',
    'consignee',
    'ship_to',
    'stuffing_location',
    'consolidator',
    'manufacturer',
  ];
  for (const role of order)
    for (const p of f.parties.filter((x) => x.role === role)) lines.push(...partyRecords('S2', p));
  for (const l of f.lines)
    lines.push(
      record('SF', [
        ['30', 2],
        [l.lineNo, 3, 'R'],
        [l.hsCode, 10],
        [l.originCountry, 2],
        [l.manufacturerRef ?? '', 30],
      ]),
    );
  lines.push(
    record('SF', [
      ['99', 2],
      [lines.length + 1, 5, 'R'],
    ]),
  );
  return `${lines.join('\n')}\n`;
}

/** Cargo release + entry summary (CBP Form 7501 data elements). */
export function encodeEntry(f: Filing): string {
  const out: string[] = [];
  const entryNo = (f.header.entryNumber ?? '').replace(/-/g, '');
  const ior = partyOf(f, 'importer_of_record');
  const consignee = partyOf(f, 'consignee');
  out.push(
    record('10', [
      ['A', 1],
      [f.header.filerCode, 3],
      [entryNo.slice(3), 8],
      [f.header.entryType, 2],
      [f.transport.portOfEntry, 4],
      [MOT[f.transport.mode], 2],
      [f.header.reference, 22],
      [yymmdd(f.transport.arrival), 6],
      [f.header.bondType === 'single' ? '9' : f.header.bondType ? '8' : '0', 1],
      [yymmdd(f.header.declarationDate), 6],
    ]),
  );
  out.push(
    record('20', [
      [ior?.ids.ior, 12],
      [consignee?.ids.ior ?? ior?.ids.ior, 12],
      [ior?.name, 35],
      [consignee?.address?.region, 2],
    ]),
  );
  out.push(
    record('30', [
      [f.transport.carrierCode, 4],
      [f.transport.conveyance, 20],
      [f.transport.voyage, 5],
      [f.transport.masterBill, 16],
      [f.transport.portOfLading, 5],
      [f.transport.countryOfExport, 2],
      [yymmdd(f.transport.departure), 6],
      [f.transport.grossWeightKg ? dollars(f.transport.grossWeightKg) : '', 10, 'R'],
    ]),
  );
  for (const l of f.lines) {
    const mid = l.manufacturerRef ? partyOf(f, 'manufacturer', l.manufacturerRef)?.ids.mid : undefined;
    out.push(
      record('40', [
        [l.lineNo, 3, 'R'],
        [l.originCountry, 2],
        [mid, 15],
        [l.relatedParty ? 'Y' : 'N', 1],
        [l.pga.join(','), 12],
        [l.grossWeightKg ? dollars(l.grossWeightKg) : '0', 10, 'R'],
      ]),
    );
    out.push(
      record('50', [
        [l.hsCode, 10],
        [dollars(l.customsValue), 12, 'R'],
        [l.tariffQuantity ? cents(l.tariffQuantity) : '', 12, 'R'],
        [l.tariffUnit, 3],
        [l.description, 40],
      ]),
    );
  }
  out.push(
    record(
      '89',
      f.header.fees.flatMap((x): Field[] => [
        [x.code, 3],
        [cents(x.amount), 11, 'R'],
      ]),
    ),
  );
  out.push(
    record('90', [
      [dollars(f.header.totalCustomsValue), 12, 'R'],
      [cents(f.header.fees.reduce((a, x) => a.plus(x.amount), new Decimal(0)).toFixed(2)), 11, 'R'],
      [f.lines.length, 3, 'R'],
    ]),
  );
  return `${out.join('\n')}\n`;
}
