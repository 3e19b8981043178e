import { Decimal } from '../../../platform/money.ts';
import {
  isCountry,
  isCurrency,
  isContainerNumber,
  isAirWaybill,
  isIataAirline,
  isIsoDate,
  isLocode,
  isPostalCode,
  isScac,
} from '../formats.ts';
import { partyOf, type Filing, type FilingLine } from '../model.ts';
import type { TariffCodeCheck } from '../filings.ports.ts';
import { VAGUE_DESCRIPTIONS } from '../rules/lists.ts';
import { port } from '../rules/ports.ts';
import { ALL, check, hours, lineRule, partyRule, rule } from './helpers.ts';
import type { CheckContext, Checkpoint } from './types.ts';

const HS_LENGTH = { us_isf: 6, us_entry: 10, eu_ens: 6, eu_h7: 6, uk_cds: 10 } as const;
const NAME_MAX = { us_isf: 35, us_entry: 35, eu_ens: 70, eu_h7: 70, uk_cds: 70 } as const;
const MAX_LINES = 999;
const vague = new Set<string>(VAGUE_DESCRIPTIONS);
const AIR = new Set(['air', 'express', 'postal']);
const TRANSIT_DAYS: Record<string, [number, number]> = {
  air: [0, 10],
  express: [0, 30],
  postal: [0, 45],
  ocean: [3, 90],
  road: [0, 20],
  rail: [2, 60],
};
const WHOLE_UNITS = new Set(['NO', 'PCS', 'PRS', 'DPR', 'GRS', 'DOZ'].filter((u) => u !== 'DOZ'));

/** The tariff's answer for a line's code, or null when the code is not digits enough to ask. */
function tariffOf(l: FilingLine, f: Filing, ctx: CheckContext): TariffCodeCheck | null {
  if (!/^\d{6,}$/.test(l.hsCode)) return null;
  return ctx.tariff.validate({
    code: l.hsCode,
    destination: f.transport.destinationCountry,
    date: f.header.declarationDate,
  });
}

/** Checks every regime shares: the lines, the parties, the transport, the clock. */
export const commonChecks: Checkpoint[] = [
  rule(
    {
      code: 'GEN.REFERENCE',
      kinds: ALL,
      category: 'format',
      field: 'header.reference',
      message: 'The local reference number is missing or not 1–22 letters, digits, - or _',
      fix: 'Rebuild the filing; the reference is generated from the shipment',
    },
    (f) => /^[A-Za-z0-9_-]{1,22}$/.test(f.header.reference),
  ),
  rule(
    {
      code: 'GEN.SHIPMENT_REFERENCE',
      kinds: ALL,
      category: 'completeness',
      field: 'shipmentReference',
      message: 'The filing names no shipment reference',
      fix: 'Give the shipment a reference (booking or order number) and rebuild',
    },
    (f) => f.shipmentReference.trim().length > 0,
  ),
  rule(
    {
      code: 'GEN.LINES_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'lines',
      message: 'The filing has no goods lines',
      fix: 'Add shipment lines (SKU and quantity) to the shipment and rebuild',
    },
    (f) => f.lines.length > 0,
  ),
  rule(
    {
      code: 'GEN.LINES_MAX',
      kinds: ALL,
      category: 'format',
      field: 'lines',
      message: `A declaration carries at most ${MAX_LINES} goods lines`,
      fix: 'Split the shipment into several filings',
    },
    (f) => f.lines.length <= MAX_LINES,
  ),
  rule(
    {
      code: 'GEN.LINE_NUMBERS',
      kinds: ALL,
      category: 'consistency',
      field: 'lines',
      message: 'Line numbers must run 1, 2, 3… without gaps or repeats',
      fix: 'Rebuild the filing so the lines are renumbered',
    },
    (f) => f.lines.every((l, i) => l.lineNo === i + 1),
  ),
  lineRule(
    {
      code: 'LINE.DESCRIPTION_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'description',
      message: 'A goods line has no description',
      fix: 'Give the product a title or customs description in the catalogue',
    },
    (l) => (l.description.trim() ? null : 'empty description'),
  ),
  lineRule(
    {
      code: 'LINE.DESCRIPTION_SPECIFIC',
      kinds: ALL,
      category: 'format',
      field: 'description',
      message: 'A goods description is a term customs reject as too vague (e.g. "gift", "parts", "goods")',
      fix: 'Describe what the goods are, what they are made of and what they are for',
    },
    (l) => (vague.has(l.description.trim().toLowerCase()) ? `"${l.description}" is too vague` : null),
  ),
  lineRule(
    {
      code: 'LINE.DESCRIPTION_LENGTH',
      severity: 'warning',
      kinds: ALL,
      category: 'format',
      field: 'description',
      message: 'A goods description is shorter than 10 characters: too short to identify the goods',
      fix: 'Use the customs description from the catalogue rather than a short code',
    },
    (l) => (l.description.trim() && l.description.trim().length < 10 ? `"${l.description}"` : null),
  ),
  lineRule(
    {
      code: 'LINE.DESCRIPTION_CHARSET',
      kinds: ALL,
      category: 'format',
      field: 'description',
      message: 'A goods description has characters the wire format cannot carry (only Latin characters)',
      fix: 'Give the product an English customs description',
    },
    (l) => (/^[\u0020-\u007E\u00A0-\u00FF]*$/.test(l.description) ? null : 'non-Latin characters'),
  ),
  lineRule(
    {
      code: 'LINE.HS_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'hsCode',
      message: 'A goods line has no tariff code',
      fix: 'Classify the product (crossgate classify) and rebuild',
    },
    (l) => (l.hsCode ? null : 'no HS/HTS code'),
  ),
  lineRule(
    {
      code: 'LINE.HS_DIGITS',
      kinds: ALL,
      category: 'format',
      field: 'hsCode',
      message: 'A tariff code has characters other than digits',
      fix: 'Store tariff codes as digits only (8471.30.01.00 → 8471300100)',
    },
    (l) => (l.hsCode && !/^\d+$/.test(l.hsCode) ? l.hsCode : null),
  ),
  lineRule(
    {
      code: 'LINE.HS_LENGTH',
      kinds: ALL,
      category: 'format',
      field: 'hsCode',
      message:
        'A tariff code is shorter than the regime requires (US entry and UK: 10 digits; ISF, ENS, H7: at least 6)',
      fix: 'Classify to the full national line for this destination',
    },
    (l, f) =>
      l.hsCode && l.hsCode.length < HS_LENGTH[f.kind] ? `${l.hsCode} has ${l.hsCode.length} digits` : null,
  ),
  lineRule(
    {
      code: 'LINE.HS_CHAPTER',
      kinds: ALL,
      category: 'tariff',
      field: 'hsCode',
      message: 'A tariff code is in a chapter that does not exist (00, 77 is reserved, above 99)',
      fix: 'Check the classification: the first two digits are the HS chapter',
    },
    (l) => {
      if (!/^\d{2}/.test(l.hsCode)) return null;
      const ch = Number(l.hsCode.slice(0, 2));
      return ch === 0 || ch === 77 ? `chapter ${l.hsCode.slice(0, 2)}` : null;
    },
  ),
  lineRule(
    {
      code: 'LINE.HS_PRIMARY_CHAPTER',
      kinds: ALL,
      category: 'tariff',
      field: 'hsCode',
      message: 'Chapters 98 and 99 hold special and additional provisions, not a primary classification',
      fix: 'Classify the goods in chapters 01–97; declare chapter 98/99 numbers in addition',
    },
    (l) => (/^9[89]/.test(l.hsCode) ? l.hsCode : null),
  ),
  lineRule(
    {
      code: 'LINE.HS_VALID_ON_DATE',
      kinds: ALL,
      category: 'tariff',
      field: 'hsCode',
      message: "A tariff code is not valid in the destination's tariff on the declaration date",
      fix: 'Re-classify against the current tariff revision',
    },
    (l, f, ctx) => {
      const r = tariffOf(l, f, ctx);
      return !r || r.valid ? null : `${l.hsCode}: ${r.message}`;
    },
  ),
  lineRule(
    {
      code: 'LINE.HS_DECLARABLE',
      kinds: ['us_entry', 'uk_cds'],
      category: 'tariff',
      field: 'hsCode',
      message: 'A tariff code is a heading, not a declarable line',
      fix: 'Choose the statistical suffix (the indented 10-digit line) under the heading',
    },
    (l, f, ctx) => {
      const r = tariffOf(l, f, ctx);
      return r?.valid && !r.declarable ? `${l.hsCode}: ${r.message}` : null;
    },
  ),
  lineRule(
    {
      code: 'LINE.ORIGIN_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'originCountry',
      message: 'A goods line has no country of origin',
      fix: 'Set the country of origin on the product (where it was made, not shipped from)',
    },
    (l) => (l.originCountry ? null : 'no origin'),
  ),
  lineRule(
    {
      code: 'LINE.ORIGIN_VALID',
      kinds: ALL,
      category: 'format',
      field: 'originCountry',
      message: 'A country of origin is not an ISO 3166-1 alpha-2 code',
      fix: 'Use the two-letter ISO code, e.g. CN, VN, DE',
    },
    (l) => (l.originCountry && !isCountry(l.originCountry) ? l.originCountry : null),
  ),
  lineRule(
    {
      code: 'LINE.ORIGIN_NOT_DESTINATION',
      severity: 'warning',
      kinds: ALL,
      category: 'regulatory',
      field: 'originCountry',
      message: 'Goods originating in the destination country are returned goods and need their own treatment',
      fix: 'Check the origin; for returned goods use the returned-goods provision (US 9801, EU/UK returned goods relief)',
    },
    (l, f) => (l.originCountry === f.transport.destinationCountry ? l.originCountry : null),
  ),
  lineRule(
    {
      code: 'LINE.QUANTITY_POSITIVE',
      kinds: ALL,
      category: 'quantity',
      field: 'quantity',
      message: 'A goods line quantity is not a whole number above zero',
      fix: 'Correct the quantity on the shipment line',
    },
    (l) => (Number.isInteger(l.quantity) && l.quantity > 0 ? null : String(l.quantity)),
  ),
  lineRule(
    {
      code: 'LINE.VALUE_POSITIVE',
      kinds: ['us_entry', 'eu_h7', 'uk_cds', 'us_isf'],
      category: 'value',
      field: 'value',
      message: 'A goods line has no value or a value of zero; free goods still need a declared value',
      fix: 'Declare the transaction value, or for free samples the value of identical goods',
    },
    (l) => (/^\d+(\.\d+)?$/.test(l.value) && new Decimal(l.value).gt(0) ? null : `value ${l.value}`),
  ),
  lineRule(
    {
      code: 'LINE.CURRENCY_VALID',
      kinds: ALL,
      category: 'format',
      field: 'currency',
      message: 'A line currency is not an ISO 4217 code',
      fix: 'Use a three-letter currency code such as USD, EUR, CNY',
    },
    (l) => (isCurrency(l.currency) ? null : l.currency),
  ),
  lineRule(
    {
      code: 'LINE.CUSTOMS_VALUE_CONSISTENT',
      kinds: ALL,
      category: 'consistency',
      field: 'customsValue',
      message: "A line's customs value does not match its value in the declaration currency",
      fix: 'Rebuild the filing so values are converted again',
    },
    (l, f) =>
      l.currency === f.header.regimeCurrency && !new Decimal(l.customsValue || '0').eq(l.value || '0')
        ? `${l.customsValue} ≠ ${l.value}`
        : null,
  ),
  lineRule(
    {
      code: 'LINE.NET_WEIGHT_PRESENT',
      kinds: ['us_entry', 'eu_ens', 'uk_cds'],
      category: 'completeness',
      field: 'netWeightKg',
      message: 'A goods line has no weight above zero',
      fix: 'Set the unit weight (kg) on the product',
    },
    (l) => (l.netWeightKg && new Decimal(l.netWeightKg).gt(0) ? null : 'no weight'),
  ),
  lineRule(
    {
      code: 'LINE.NET_LE_GROSS',
      kinds: ALL,
      category: 'consistency',
      field: 'netWeightKg',
      message: "A line's net weight exceeds its gross weight",
      fix: 'Net weight excludes packaging, so it cannot exceed the gross weight',
    },
    (l) =>
      l.netWeightKg && l.grossWeightKg && new Decimal(l.netWeightKg).gt(l.grossWeightKg)
        ? `${l.netWeightKg} > ${l.grossWeightKg}`
        : null,
  ),
  lineRule(
    {
      code: 'LINE.UNDERVALUED',
      severity: 'warning',
      kinds: ['us_entry', 'eu_h7', 'uk_cds'],
      category: 'value',
      field: 'value',
      message: "A line's unit value is under half the SKU's median selling price: possible undervaluation",
      fix: 'Declare the price actually paid; explain discounts on the invoice',
    },
    (l, _f, ctx) => {
      const h = ctx.priceHistory.get(l.sku);
      if (!h || h.samples < 3 || h.currency !== l.currency || l.quantity <= 0) return null;
      const unit = new Decimal(l.value || '0').div(l.quantity);
      return unit.lt(new Decimal(h.median).div(2))
        ? `unit ${unit.toFixed(2)} vs median ${h.median} ${h.currency}`
        : null;
    },
  ),
  lineRule(
    {
      code: 'LINE.OVERVALUED',
      severity: 'warning',
      kinds: ['us_entry', 'eu_h7', 'uk_cds'],
      category: 'value',
      field: 'value',
      message:
        "A line's unit value is over three times the SKU's median selling price: likely a typing error",
      fix: 'Check the unit price and quantity on the order line',
    },
    (l, _f, ctx) => {
      const h = ctx.priceHistory.get(l.sku);
      if (!h || h.samples < 3 || h.currency !== l.currency || l.quantity <= 0) return null;
      const unit = new Decimal(l.value || '0').div(l.quantity);
      return unit.gt(new Decimal(h.median).times(3)) ? `unit ${unit.toFixed(2)} vs median ${h.median}` : null;
    },
  ),
  check(
    {
      code: 'LINE.DUPLICATE',
      severity: 'warning',
      kinds: ALL,
      category: 'consistency',
      message: 'Two lines have the same SKU, tariff code and origin; customs expect them merged',
      fix: 'Merge the lines (sum quantities and values)',
    },
    (f) => {
      const seen = new Map<string, number>();
      return f.lines.flatMap((l, i) => {
        const k = `${l.sku}|${l.hsCode}|${l.originCountry}`;
        const first = seen.get(k);
        seen.set(k, first ?? l.lineNo);
        return first === undefined
          ? []
          : [{ field: `lines.${i}`, detail: `line ${l.lineNo} repeats line ${first}` }];
      });
    },
  ),
  lineRule(
    {
      code: 'QTY.TARIFF_UNIT_PRESENT',
      kinds: ['us_entry', 'uk_cds'],
      category: 'quantity',
      field: 'tariffUnit',
      message: 'A line has no quantity in the unit the tariff asks for',
      fix: 'Rebuild once the tariff line is known; the unit comes from the tariff',
    },
    (l, f, ctx) => {
      const units = tariffOf(l, f, ctx)?.unitsOfQuantity ?? [];
      return units.length && units[0] !== 'X' && !l.tariffUnit ? `tariff asks for ${units.join('/')}` : null;
    },
  ),
  lineRule(
    {
      code: 'QTY.TARIFF_UNIT_MATCHES',
      kinds: ['us_entry', 'uk_cds'],
      category: 'quantity',
      field: 'tariffUnit',
      message: "A line's quantity unit is not the tariff line's unit of quantity",
      fix: 'Report the quantity in the unit printed in the tariff (e.g. DOZ, KG, NO)',
    },
    (l, f, ctx) => {
      if (!l.tariffUnit) return null;
      const units = tariffOf(l, f, ctx)?.unitsOfQuantity ?? [];
      return units.length && !units.includes(l.tariffUnit)
        ? `${l.tariffUnit}, tariff: ${units.join('/')}`
        : null;
    },
  ),
  lineRule(
    {
      code: 'QTY.TARIFF_QUANTITY_PRESENT',
      kinds: ['us_entry', 'uk_cds'],
      category: 'quantity',
      field: 'tariffQuantity',
      message: 'A line names a tariff unit but no quantity in it',
      fix: 'For KG units set the product weight; otherwise the piece count is used',
    },
    (l) =>
      l.tariffUnit && l.tariffUnit !== 'X' && !(l.tariffQuantity && new Decimal(l.tariffQuantity).gt(0))
        ? `no quantity in ${l.tariffUnit}`
        : null,
  ),
  lineRule(
    {
      code: 'QTY.KG_MATCHES_WEIGHT',
      kinds: ['us_entry', 'uk_cds'],
      category: 'quantity',
      field: 'tariffQuantity',
      message: 'A quantity in KG differs from the line net weight',
      fix: 'The KG quantity is the net weight of the goods on the line',
    },
    (l) =>
      l.tariffUnit === 'KG' &&
      l.tariffQuantity &&
      l.netWeightKg &&
      !new Decimal(l.tariffQuantity).eq(l.netWeightKg)
        ? `${l.tariffQuantity} kg vs net ${l.netWeightKg} kg`
        : null,
  ),
  lineRule(
    {
      code: 'QTY.WHOLE_UNITS',
      kinds: ['us_entry', 'uk_cds'],
      category: 'quantity',
      field: 'tariffQuantity',
      message: 'A count unit (NO, PCS, PRS) has a fractional quantity',
      fix: 'Counts are whole numbers; check the unit of quantity',
    },
    (l) =>
      l.tariffUnit && WHOLE_UNITS.has(l.tariffUnit) && l.tariffQuantity && !/^\d+$/.test(l.tariffQuantity)
        ? `${l.tariffQuantity} ${l.tariffUnit}`
        : null,
  ),
  rule(
    {
      code: 'HDR.TOTALS_MATCH_LINES',
      kinds: ALL,
      category: 'consistency',
      field: 'header.totalValue',
      message: 'Header totals differ from the sum of the lines',
      fix: 'Rebuild the filing; totals are computed from the lines',
    },
    (f) =>
      f.lines.reduce((a, l) => a.plus(l.value || '0'), new Decimal(0)).eq(f.header.totalValue || '0') &&
      f.lines
        .reduce((a, l) => a.plus(l.customsValue || '0'), new Decimal(0))
        .eq(f.header.totalCustomsValue || '0'),
  ),
  rule(
    {
      code: 'HDR.SINGLE_CURRENCY',
      kinds: ALL,
      category: 'consistency',
      field: 'lines.currency',
      message: 'Lines are invoiced in more than one currency',
      fix: 'Split the shipment by invoice, or convert the invoice into one currency',
    },
    (f) => new Set(f.lines.map((l) => l.currency)).size <= 1,
  ),
  rule(
    {
      code: 'HDR.EXCHANGE_RATE',
      kinds: ALL,
      category: 'completeness',
      field: 'header.exchangeRate',
      message: 'The invoice is in a foreign currency but no exchange rate is declared',
      fix: 'Rebuild the filing so the customs exchange rate of the day is applied',
    },
    (f) =>
      f.header.invoiceCurrency === f.header.regimeCurrency ||
      (!!f.header.exchangeRate && new Decimal(f.header.exchangeRate).gt(0)),
  ),
  rule(
    {
      code: 'HDR.DECLARATION_DATE',
      kinds: ALL,
      category: 'format',
      field: 'header.declarationDate',
      message: 'The declaration date is not a valid calendar date',
      fix: 'Rebuild the filing',
    },
    (f) => /^\d{4}-\d{2}-\d{2}$/.test(f.header.declarationDate) && isIsoDate(f.header.declarationDate),
  ),
  rule(
    {
      code: 'HDR.FEES_CURRENCY',
      kinds: ALL,
      category: 'consistency',
      field: 'header.fees',
      message: 'A duty or fee line is not in the currency of the declaration',
      fix: 'Rebuild the filing so duties and fees are computed again',
    },
    (f) => f.header.fees.every((x) => x.currency === f.header.regimeCurrency),
  ),
  check(
    {
      code: 'PARTY.SCREENING',
      kinds: ALL,
      category: 'screening',
      message: 'A party matches a denied-party list',
      fix: 'Stop the shipment and have compliance review the match; record the decision',
    },
    (f, ctx) =>
      f.parties.flatMap((p, i) =>
        ctx.screening.screen(p).map((h) => ({
          field: `parties.${i}`,
          detail: `${p.role} matches ${h.matchedName} on ${h.list} (${h.score})`,
        })),
      ),
  ),
  rule(
    {
      code: 'PARTY.CONSIGNEE_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'parties.consignee',
      message: 'No consignee',
      fix: "Add a consignee party for the destination, or link the order's buyer",
    },
    (f) => !!partyOf(f, 'consignee'),
  ),
  rule(
    {
      code: 'PARTY.CONSIGNEE_IN_DESTINATION',
      severity: 'warning',
      kinds: ALL,
      category: 'consistency',
      field: 'parties.consignee.country',
      message: 'The consignee is not in the destination country',
      fix: 'Check the consignee; goods in transit to a third country need a transit declaration instead',
    },
    (f) => {
      const c = partyOf(f, 'consignee');
      return !c || c.country === f.transport.destinationCountry;
    },
  ),
  rule(
    {
      code: 'PARTY.SELLER_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'parties.seller',
      message: 'No seller (consignor)',
      fix: 'Add the selling company as a party of kind seller',
    },
    (f) => !!partyOf(f, 'seller'),
  ),
  partyRule(
    {
      code: 'PARTY.NAME_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'name',
      message: 'A party has no name',
      fix: 'Complete the party in the party register',
    },
    (p) => (p.name?.trim() ? null : 'no name'),
  ),
  partyRule(
    {
      code: 'PARTY.NAME_LENGTH',
      kinds: ALL,
      category: 'format',
      field: 'name',
      message: 'A party name is longer than the regime allows (ACE 35, EU/UK 70 characters)',
      fix: 'Shorten the name (legal form abbreviations: Co., Ltd.)',
    },
    (p, f) => (p.name && p.name.length > NAME_MAX[f.kind] ? `${p.name.length} characters` : null),
  ),
  partyRule(
    {
      code: 'PARTY.ADDRESS_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'address',
      message: 'A party has no street, city or country',
      fix: 'Complete the party address',
      roles: [
        'seller',
        'buyer',
        'consignee',
        'manufacturer',
        'ship_to',
        'importer_of_record',
        'stuffing_location',
        'consolidator',
      ],
    },
    (p) =>
      p.address?.line1?.trim() && p.address.city?.trim() && p.address.country ? null : 'incomplete address',
  ),
  partyRule(
    {
      code: 'PARTY.POSTAL_CODE',
      kinds: ALL,
      category: 'format',
      field: 'address.postalCode',
      message: "A postal code does not fit its country's format",
      fix: 'Correct the postal code (US ZIP 12345 or 12345-6789, GB postcode, DE 5 digits, CN 6 digits)',
    },
    (p) =>
      p.address?.postalCode && !isPostalCode(p.address.country, p.address.postalCode)
        ? `${p.address.postalCode} (${p.address.country})`
        : null,
  ),
  partyRule(
    {
      code: 'PARTY.COUNTRY_VALID',
      kinds: ALL,
      category: 'format',
      field: 'country',
      message: 'A party country is not an ISO 3166-1 alpha-2 code',
      fix: 'Use the two-letter ISO code',
    },
    (p) => (isCountry(p.country) && (!p.address || isCountry(p.address.country)) ? null : p.country),
  ),
  rule(
    {
      code: 'TRN.UNLADING_PORT_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'transport.portOfUnlading',
      message: 'No port of unlading / arrival',
      fix: 'Set the destination port (UN/LOCODE) on the shipment',
    },
    (f) => !!f.transport.portOfUnlading,
  ),
  check(
    {
      code: 'TRN.PORT_FORMAT',
      kinds: ALL,
      category: 'format',
      message: 'A port is not a UN/LOCODE (country + 3 characters)',
      fix: 'Use UN/LOCODEs such as CNYTN, USLAX, DEFRA',
    },
    (f) =>
      (['portOfLading', 'portOfUnlading'] as const)
        .filter((k) => f.transport[k] && !isLocode(f.transport[k]!))
        .map((k) => ({ field: `transport.${k}`, detail: `${f.transport[k]}` })),
  ),
  check(
    {
      code: 'TRN.PORT_KNOWN',
      severity: 'warning',
      kinds: ALL,
      category: 'format',
      message: 'A port is not in Crossgate’s port table (time zone and customs codes unknown)',
      fix: 'Check the LOCODE; ask an administrator to add the port',
    },
    (f) =>
      (['portOfLading', 'portOfUnlading'] as const)
        .filter((k) => f.transport[k] && isLocode(f.transport[k]!) && !port(f.transport[k]))
        .map((k) => ({ field: `transport.${k}`, detail: `${f.transport[k]}` })),
  ),
  rule(
    {
      code: 'TRN.UNLADING_IN_DESTINATION',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.portOfUnlading',
      message: 'The port of unlading is not in the destination country',
      fix: 'Correct the destination port or the destination country',
    },
    (f) =>
      !f.transport.portOfUnlading ||
      f.transport.portOfUnlading.slice(0, 2) === f.transport.destinationCountry,
  ),
  rule(
    {
      code: 'TRN.LADING_IN_EXPORT_COUNTRY',
      severity: 'warning',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.portOfLading',
      message: 'The port of lading is not in the country of export',
      fix: 'If the goods are transhipped, the country of export is where they were last laden',
    },
    (f) => !f.transport.portOfLading || f.transport.portOfLading.slice(0, 2) === f.transport.countryOfExport,
  ),
  rule(
    {
      code: 'TRN.LADING_PORT_PRESENT',
      kinds: ['us_isf', 'eu_ens'],
      category: 'completeness',
      field: 'transport.portOfLading',
      message: 'No foreign port of lading / loading',
      fix: 'Set the origin port on the shipment',
    },
    (f) => !!f.transport.portOfLading,
  ),
  rule(
    {
      code: 'TRN.DEPARTURE_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'transport.departure',
      message: 'No estimated departure (ETD): deadlines cannot be computed',
      fix: 'Set the ETD on the shipment',
    },
    (f) => !!f.transport.departure,
  ),
  rule(
    {
      code: 'TRN.ARRIVAL_PRESENT',
      kinds: ALL,
      category: 'completeness',
      field: 'transport.arrival',
      message: 'No estimated arrival (ETA): deadlines cannot be computed',
      fix: 'Set the ETA on the shipment',
    },
    (f) => !!f.transport.arrival,
  ),
  check(
    {
      code: 'TRN.DATES_VALID',
      kinds: ALL,
      category: 'format',
      message: 'A transport date is not a valid ISO 8601 instant',
      fix: 'Correct the ETD/ETA (e.g. 2026-11-20T08:00:00Z)',
    },
    (f) =>
      (['departure', 'arrival'] as const)
        .filter((k) => f.transport[k] && !isIsoDate(f.transport[k]!))
        .map((k) => ({ field: `transport.${k}`, detail: `${f.transport[k]}` })),
  ),
  rule(
    {
      code: 'TRN.ARRIVAL_AFTER_DEPARTURE',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.arrival',
      message: 'The arrival is not after the departure',
      fix: 'Correct ETD/ETA on the shipment',
    },
    (f) =>
      !f.transport.departure ||
      !f.transport.arrival ||
      Date.parse(f.transport.arrival) > Date.parse(f.transport.departure),
  ),
  rule(
    {
      code: 'TRN.TRANSIT_PLAUSIBLE',
      severity: 'warning',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.arrival',
      message: 'The transit time is implausible for the mode of transport',
      fix: 'Check ETD/ETA and the mode (ocean 3–90 days, air up to 10)',
    },
    (f) => {
      if (!f.transport.departure || !f.transport.arrival) return true;
      const days = hours(Date.parse(f.transport.arrival) - Date.parse(f.transport.departure)) / 24;
      const [lo, hi] = TRANSIT_DAYS[f.transport.mode] ?? [0, 90];
      return days >= lo && days <= hi;
    },
  ),
  rule(
    {
      code: 'TRN.CARRIER_PRESENT',
      kinds: ['us_isf', 'eu_ens', 'uk_cds'],
      category: 'completeness',
      field: 'transport.carrierName',
      message: 'The filing names no carrier',
      fix: 'Set the carrier on the shipment',
    },
    (f) => !!(f.transport.carrierName || f.transport.carrierCode),
  ),
  rule(
    {
      code: 'TRN.SCAC_FORMAT',
      kinds: ['us_isf', 'us_entry'],
      category: 'format',
      field: 'transport.carrierCode',
      message: 'The ocean carrier code is not a SCAC (2–4 letters)',
      fix: 'Use the carrier’s Standard Carrier Alpha Code, e.g. MAEU, COSU',
      applies: (f) => f.transport.mode === 'ocean',
    },
    (f) => !!f.transport.carrierCode && isScac(f.transport.carrierCode),
  ),
  rule(
    {
      code: 'TRN.IATA_FORMAT',
      kinds: ['eu_ens'],
      category: 'format',
      field: 'transport.carrierCode',
      message: 'The air carrier code is not an IATA airline designator (2 characters)',
      fix: 'Use the airline designator, e.g. LH, CA, CX',
      applies: (f) => AIR.has(f.transport.mode),
    },
    (f) => !!f.transport.carrierCode && isIataAirline(f.transport.carrierCode),
  ),
  rule(
    {
      code: 'TRN.TRANSPORT_DOCUMENT',
      kinds: ['us_isf', 'us_entry', 'eu_ens', 'uk_cds'],
      category: 'completeness',
      field: 'transport.masterBill',
      message: 'No transport document number (bill of lading or air waybill)',
      fix: 'Set the bill of lading / AWB number as the shipment tracking number',
    },
    (f) => !!(f.transport.masterBill || f.transport.houseBill),
  ),
  rule(
    {
      code: 'TRN.AWB_CHECK_DIGIT',
      kinds: ['eu_ens', 'us_entry', 'uk_cds'],
      category: 'format',
      field: 'transport.masterBill',
      message: 'The air waybill number fails its check digit (serial mod 7)',
      fix: 'Retype the AWB: 3-digit airline prefix and 8 digits, e.g. 020-12345675',
      applies: (f) => f.transport.mode === 'air' && !!f.transport.masterBill,
    },
    (f) => isAirWaybill(f.transport.masterBill!),
  ),
  check(
    {
      code: 'TRN.CONTAINER_CHECK_DIGIT',
      kinds: ALL,
      category: 'format',
      message: 'A container number fails the ISO 6346 check digit',
      fix: 'Retype the container number (4 letters, 6 digits, check digit), e.g. CSQU3054383',
    },
    (f) =>
      f.transport.containers
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => !isContainerNumber(c))
        .map(({ c, i }) => ({ field: `transport.containers.${i}`, detail: c })),
  ),
  rule(
    {
      code: 'TRN.CONTAINERS_PRESENT',
      kinds: ['eu_ens'],
      category: 'completeness',
      field: 'transport.containers',
      message: 'A sea ENS for containerised cargo names no container',
      fix: 'Add the container numbers to the filing (PATCH /api/filings/{id}/transport)',
      applies: (f) => f.transport.mode === 'ocean',
    },
    (f) => f.transport.containers.length > 0,
  ),
  rule(
    {
      code: 'TRN.PACKAGES_PRESENT',
      kinds: ['eu_ens', 'eu_h7', 'uk_cds'],
      category: 'completeness',
      field: 'transport.packages',
      message: 'No number of packages',
      fix: 'Set the package count on the shipment',
    },
    (f) => (f.transport.packages ?? 0) > 0,
  ),
  rule(
    {
      code: 'TRN.GROSS_WEIGHT_PRESENT',
      kinds: ['eu_ens', 'uk_cds', 'us_entry'],
      category: 'completeness',
      field: 'transport.grossWeightKg',
      message: 'No gross weight for the consignment',
      fix: 'Set the gross weight (kg) on the shipment',
    },
    (f) => !!f.transport.grossWeightKg && new Decimal(f.transport.grossWeightKg).gt(0),
  ),
  rule(
    {
      code: 'TRN.GROSS_WEIGHT_COVERS_LINES',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.grossWeightKg',
      message: 'The consignment gross weight is less than the net weight of its lines',
      fix: 'Weigh again: the gross weight includes all packaging',
    },
    (f) =>
      !f.transport.grossWeightKg ||
      new Decimal(f.transport.grossWeightKg).gte(
        f.lines.reduce((a, l) => a.plus(l.netWeightKg ?? '0'), new Decimal(0)),
      ),
  ),
  rule(
    {
      code: 'TRN.EXPORT_COUNTRY_VALID',
      kinds: ALL,
      category: 'format',
      field: 'transport.countryOfExport',
      message: 'The country of export is not an ISO 3166-1 alpha-2 code',
      fix: 'Set the origin country on the shipment',
    },
    (f) => isCountry(f.transport.countryOfExport),
  ),
  rule(
    {
      code: 'TRN.EXPORT_NOT_DESTINATION',
      kinds: ALL,
      category: 'consistency',
      field: 'transport.countryOfExport',
      message: 'The country of export is the destination country: this is not an import',
      fix: 'Check the shipment’s origin and destination',
    },
    (f) => f.transport.countryOfExport !== f.transport.destinationCountry,
  ),
  check(
    {
      code: 'TIME.DEADLINE_NOT_PASSED',
      // A warning, not an error: a late filing must still be filed, as soon as possible.
      severity: 'warning',
      kinds: ALL,
      category: 'timeliness',
      message: 'A filing deadline has passed',
      fix: 'File now and record the reason; late ISF risks $5,000 liquidated damages per violation',
    },
    (_f, ctx) =>
      ctx.deadlines
        .filter((d) => Date.parse(d.dueAt) < ctx.now.getTime())
        .map((d) => ({ field: `deadlines.${d.clock}`, detail: `${d.clock} was due ${d.dueAt}` })),
  ),
  check(
    {
      code: 'TIME.DEADLINE_NEAR',
      severity: 'warning',
      kinds: ALL,
      category: 'timeliness',
      message: 'A filing deadline is less than 4 hours away',
      fix: 'Submit this filing first',
    },
    (_f, ctx) =>
      ctx.deadlines
        .filter((d) => {
          const left = hours(Date.parse(d.dueAt) - ctx.now.getTime());
          return left >= 0 && left < 4;
        })
        .map((d) => ({ field: `deadlines.${d.clock}`, detail: `${d.clock} due ${d.dueAt}` })),
  ),
];
