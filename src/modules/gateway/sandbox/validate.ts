import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Reason } from '../gateway.types.ts';
import { RECORD_LENGTH } from '../transports/abi-records.ts';

/**
 * What the sandbox checks before it answers like an authority: the shape of each protocol's payload.
 * A failed check is a rejection with the authority's reasons, never a transport error.
 */
export interface Validation {
  /** The filer's reference (entry reference / LRN); undefined when it could not be read. */
  reference: string | undefined;
  reasons: Reason[];
}

const ACE_RECORDS = new Set(['10', '40', '90']);

/** ACE application records of one block: 80-character records, known record ids, a consistent summary. */
export function validateAceRecords(records: string[]): Validation {
  const reasons: Reason[] = [];
  let reference: string | undefined;
  let lines = 0;
  let total = 0;
  let summary: { lines: number; total: number } | undefined;
  records.forEach((r, i) => {
    const at = `record ${i + 1}`;
    if (r.length !== RECORD_LENGTH) {
      reasons.push({ code: 'A0101', text: `${at} is ${r.length} characters, not ${RECORD_LENGTH}` });
      return;
    }
    const id = r.slice(0, 2);
    if (!ACE_RECORDS.has(id)) {
      reasons.push({ code: 'A0102', text: `${at}: unknown record id ${JSON.stringify(id)}` });
      return;
    }
    if (id === '10') {
      if (i !== 0) reasons.push({ code: 'A0103', text: `${at}: the 10 record must come first` });
      reference = r.slice(2, 32).trim() || undefined;
      if (!reference) reasons.push({ code: 'A1001', text: '10 record: entry reference missing' });
      if (!/^\d{4}$/.test(r.slice(34, 38)))
        reasons.push({ code: 'A1002', text: '10 record: port code not 4 digits' });
      if (!/^\d{8}$/.test(r.slice(38, 46)))
        reasons.push({ code: 'A1003', text: '10 record: arrival date not YYYYMMDD' });
    } else if (id === '40') {
      lines += 1;
      if (!/^\d{10}$/.test(r.slice(5, 15)))
        reasons.push({ code: 'A4001', text: `${at}: HTS number must be 10 digits` });
      if (!/^[A-Z]{2}$/.test(r.slice(15, 17)))
        reasons.push({ code: 'A4002', text: `${at}: country of origin must be ISO alpha-2` });
      const value = r.slice(17, 29);
      if (!/^\d{12}$/.test(value))
        reasons.push({ code: 'A4003', text: `${at}: value must be 12 digits (cents)` });
      else total += Number(value);
      if (!r.slice(29, 69).trim()) reasons.push({ code: 'A4004', text: `${at}: description missing` });
    } else {
      summary = { lines: Number(r.slice(2, 5)), total: Number(r.slice(5, 19)) };
    }
  });
  if (records.length === 0) reasons.push({ code: 'A0104', text: 'block has no application records' });
  else if (records[0]?.slice(0, 2) !== '10')
    reasons.push({ code: 'A0103', text: 'block does not start with a 10 record' });
  if (lines === 0) reasons.push({ code: 'A4000', text: 'no 40 (line item) record' });
  if (!summary) reasons.push({ code: 'A9001', text: 'no 90 (summary) record' });
  else {
    if (summary.lines !== lines)
      reasons.push({ code: 'A9002', text: `90 record counts ${summary.lines} lines, block has ${lines}` });
    if (summary.total !== total)
      reasons.push({
        code: 'A9003',
        text: `90 record total ${summary.total} differs from the lines' ${total}`,
      });
  }
  return { reference, reasons };
}

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });

type Node = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return undefined;
};

function parseXml(xml: string, reasons: Reason[], code: string): Node | undefined {
  const ok = XMLValidator.validate(xml);
  if (ok !== true) {
    reasons.push({ code, text: `XML not well-formed: ${ok.err.msg} (line ${ok.err.line})` });
    return undefined;
  }
  return parser.parse(xml) as Node;
}

/** UK CDS: a WCO DMS declaration with function code, LRN, type code and at least one goods item. */
export function validateCdsDeclaration(xml: string): Validation {
  const reasons: Reason[] = [];
  const doc = parseXml(xml, reasons, 'CDS10001');
  if (!doc) return { reference: undefined, reasons };
  const dec = (doc.MetaData as Node | undefined)?.Declaration as Node | undefined;
  if (!dec)
    return { reference: undefined, reasons: [{ code: 'CDS10002', text: 'MetaData/Declaration missing' }] };
  const reference = text(dec.FunctionalReferenceID);
  if (!reference) reasons.push({ code: 'CDS12001', text: 'Declaration/FunctionalReferenceID (LRN) missing' });
  else if (reference.length > 35) reasons.push({ code: 'CDS12002', text: 'LRN longer than 35 characters' });
  if (!text(dec.FunctionCode)) reasons.push({ code: 'CDS12003', text: 'Declaration/FunctionCode missing' });
  const type = text(dec.TypeCode);
  if (!type || !/^[A-Z]{2}[A-Z]$/.test(type))
    reasons.push({ code: 'CDS12004', text: 'Declaration/TypeCode missing or malformed' });
  if (!text((dec.Declarant as Node | undefined)?.ID))
    reasons.push({ code: 'CDS12005', text: 'Declarant/ID (EORI) missing' });
  const shipment = dec.GoodsShipment as Node | undefined;
  const items = asArray(shipment?.GovernmentAgencyGoodsItem) as Node[];
  if (items.length === 0)
    reasons.push({ code: 'CDS12010', text: 'GoodsShipment has no GovernmentAgencyGoodsItem' });
  items.forEach((item, i) => {
    const cls = asArray((item.Commodity as Node | undefined)?.Classification) as Node[];
    const code = cls.map((c) => text(c.ID)).find(Boolean);
    if (!code || !/^\d{8}$/.test(code))
      reasons.push({ code: 'CDS12011', text: `goods item ${i + 1}: commodity code must be 8 digits` });
    if (!text((item.Commodity as Node | undefined)?.Description))
      reasons.push({ code: 'CDS12012', text: `goods item ${i + 1}: description missing` });
  });
  const declared = text(dec.GoodsItemQuantity);
  if (declared && Number(declared) !== items.length)
    reasons.push({
      code: 'CDS12013',
      text: `GoodsItemQuantity ${declared} differs from ${items.length} goods items`,
    });
  return { reference, reasons };
}

/** EU ICS2: an ENS with LRN, declarant and carrier, and goods items with a 6-digit HS code. */
export function validateIcs2Ens(xml: string): Validation {
  const reasons: Reason[] = [];
  const doc = parseXml(xml, reasons, 'ICS001');
  if (!doc) return { reference: undefined, reasons };
  const ens = doc.ENS as Node | undefined;
  if (!ens) return { reference: undefined, reasons: [{ code: 'ICS002', text: 'root element ENS missing' }] };
  const reference = text(ens.LRN);
  if (!reference) reasons.push({ code: 'ICS101', text: 'LRN missing' });
  if (!text((ens.Declarant as Node | undefined)?.IdentificationNumber))
    reasons.push({ code: 'ICS102', text: 'Declarant/IdentificationNumber (EORI) missing' });
  if (!text((ens.Carrier as Node | undefined)?.IdentificationNumber))
    reasons.push({ code: 'ICS103', text: 'Carrier/IdentificationNumber missing' });
  const house = ens.ConsignmentHouseLevel as Node | undefined;
  if (!text(house?.TransportDocumentNumber))
    reasons.push({ code: 'ICS104', text: 'house transport document missing' });
  const items = asArray(house?.GoodsItem) as Node[];
  if (items.length === 0) reasons.push({ code: 'ICS110', text: 'no GoodsItem' });
  items.forEach((item, i) => {
    const hs = text((item.CommodityCode as Node | undefined)?.HarmonizedSystemSubHeadingCode);
    if (!hs || !/^\d{6}$/.test(hs))
      reasons.push({ code: 'ICS111', text: `goods item ${i + 1}: HS code must be 6 digits` });
    const desc = text(item.DescriptionOfGoods);
    if (!desc || desc.length < 3)
      reasons.push({
        code: 'ICS112',
        text: `goods item ${i + 1}: description of goods missing or too vague`,
      });
  });
  return { reference, reasons };
}
