import { Decimal } from '../../../platform/money.ts';
import {
  entryNumberShape,
  isEori,
  isFilerCode,
  isGbEori,
  isGbVatNumber,
  isIossNumber,
  isMidStructure,
  isUsImporterNumber,
  isValidEntryNumber,
  isCbpPortCode,
} from '../formats.ts';
import { partyOf, type Filing } from '../model.ts';
import { requireRuleAt } from '../rules/dated.ts';
import { US_FEES } from '../rules/fees.ts';
import { EU_MEMBER_STATES, EXCISE_PREFIXES, ICS2_COUNTRIES, PGA_FLAGS } from '../rules/lists.ts';
import { port } from '../rules/ports.ts';
import { EU_LOW_VALUE, UK_LOW_VALUE, US_DE_MINIMIS, US_INFORMAL_ENTRY_LIMIT } from '../rules/thresholds.ts';
import { check, hasNameAndAddress, lineRule, partyRule, rule } from './helpers.ts';
import type { Checkpoint } from './types.ts';

const ISF = ['us_isf'] as const;
const ENTRY = ['us_entry'] as const;
const ENS = ['eu_ens'] as const;
const H7 = ['eu_h7'] as const;
const CDS = ['uk_cds'] as const;
const isExcise = (hs: string) => EXCISE_PREFIXES.some((p) => hs.startsWith(p));
const fee = (f: Filing, code: string) => f.header.fees.find((x) => x.code === code);
const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

const isfParty = (role: Parameters<typeof partyOf>[1], label: string): Checkpoint =>
  rule(
    {
      code: `ISF.${role.toUpperCase()}`,
      kinds: ISF,
      category: 'completeness',
      field: `parties.${role}`,
      message: `ISF element missing: ${label} name and address`,
      fix: `Add the ${label} with a full address to the party register and rebuild`,
    },
    (f) => hasNameAndAddress(partyOf(f, role)),
  );

const pgaData = (agency: string): Checkpoint => {
  const flags = new Set(PGA_FLAGS.filter((p) => p.agency === agency).map((p) => p.flag));
  const needs = PGA_FLAGS.find((p) => p.agency === agency)!.needs;
  return lineRule(
    {
      code: `US.PGA_${agency}`,
      kinds: ENTRY,
      category: 'regulatory',
      field: 'pgaData',
      message: `A line flagged for ${agency} has no ${agency} message set data`,
      fix: `Supply ${needs} for the line`,
    },
    (l) => {
      const missing = l.pga.filter((fl) => flags.has(fl) && !l.pgaData?.[fl]);
      return missing.length ? `needs ${missing.join(',')}: ${needs}` : null;
    },
  );
};

export const usChecks: Checkpoint[] = [
  rule(
    {
      code: 'ISF.MODE_OCEAN',
      kinds: ISF,
      category: 'regulatory',
      field: 'transport.mode',
      message: 'ISF 10+2 applies to vessel cargo only',
      fix: 'Withdraw this ISF: air, road and rail shipments need none',
    },
    (f) => f.transport.mode === 'ocean',
  ),
  isfParty('seller', 'seller'),
  isfParty('buyer', 'buyer'),
  isfParty('ship_to', 'ship-to party'),
  isfParty('stuffing_location', 'container stuffing location'),
  isfParty('consolidator', 'consolidator (stuffer)'),
  rule(
    {
      code: 'ISF.IOR_NUMBER',
      kinds: ISF,
      category: 'completeness',
      field: 'parties.importer_of_record.ids.ior',
      message: 'ISF element missing: importer of record number',
      fix: 'Add the importer party with its IRS/EIN number (tax id)',
    },
    (f) => !!partyOf(f, 'importer_of_record')?.ids.ior,
  ),
  rule(
    {
      code: 'ISF.CONSIGNEE_NUMBER',
      kinds: ISF,
      category: 'completeness',
      field: 'parties.consignee.ids.ior',
      message: 'ISF element missing: consignee number (IRS, EIN, SSN or CBP-assigned)',
      fix: 'Record the consignee’s IRS number; for a consignee that is the importer it is the same number',
    },
    (f) => !!partyOf(f, 'consignee')?.ids.ior,
  ),
  lineRule(
    {
      code: 'ISF.MANUFACTURER_PER_LINE',
      kinds: ISF,
      category: 'completeness',
      field: 'manufacturerRef',
      message: 'ISF element missing: manufacturer (or supplier) name and address for a line',
      fix: 'Link the product to its supplier party with a full address',
    },
    (l, f) =>
      hasNameAndAddress(l.manufacturerRef ? partyOf(f, 'manufacturer', l.manufacturerRef) : undefined)
        ? null
        : 'no manufacturer',
  ),
  lineRule(
    {
      code: 'ISF.MANUFACTURER_IN_ORIGIN',
      severity: 'warning',
      kinds: ['us_isf', 'us_entry'],
      category: 'consistency',
      field: 'manufacturerRef',
      message: "A line's manufacturer is not in the line's country of origin",
      fix: 'Check the origin (last substantial transformation) or the supplier',
    },
    (l, f) => {
      const m = l.manufacturerRef ? partyOf(f, 'manufacturer', l.manufacturerRef) : undefined;
      return m && l.originCountry && m.country !== l.originCountry
        ? `${m.country} vs origin ${l.originCountry}`
        : null;
    },
  ),
  rule(
    {
      code: 'ISF.BOND',
      kinds: ISF,
      category: 'completeness',
      field: 'header.bondType',
      message: 'No ISF bond (continuous or single transaction)',
      fix: 'Set the bond type in the filing settings',
    },
    (f) => !!f.header.bondType,
  ),
  rule(
    {
      code: 'US.ENTRY_TYPE',
      kinds: ENTRY,
      category: 'regulatory',
      field: 'header.entryType',
      message: 'The entry type is not 01 (consumption) or 11 (informal)',
      fix: 'Rebuild the filing; the builder chooses 01 or 11 by value',
    },
    (f) => f.header.entryType === '01' || f.header.entryType === '11',
  ),
  rule(
    {
      code: 'US.NO_SECTION_321',
      kinds: ENTRY,
      category: 'regulatory',
      field: 'header.entryType',
      message: 'Type 86 (Section 321 de minimis) entries are rejected since 2025-08-29',
      fix: 'File an informal entry (type 11) up to $2,500 or a formal entry (type 01), duties paid',
    },
    (f) =>
      f.header.entryType !== '86' || requireRuleAt(US_DE_MINIMIS, f.header.declarationDate).value.available,
  ),
  rule(
    {
      code: 'US.INFORMAL_LIMIT',
      kinds: ENTRY,
      category: 'regulatory',
      field: 'header.entryType',
      message: 'An informal entry (type 11) is limited to $2,500',
      fix: 'File a formal consumption entry (type 01) with a bond',
    },
    (f) =>
      f.header.entryType !== '11' ||
      new Decimal(f.header.totalCustomsValue).lte(
        requireRuleAt(US_INFORMAL_ENTRY_LIMIT, f.header.declarationDate).value.amount,
      ),
  ),
  rule(
    {
      code: 'US.ENTRY_NUMBER_PRESENT',
      kinds: ENTRY,
      category: 'completeness',
      field: 'header.entryNumber',
      message: 'No entry number',
      fix: 'Set the filer code in the filing settings; entry numbers are drawn from it',
    },
    (f) => !!f.header.entryNumber,
  ),
  rule(
    {
      code: 'US.ENTRY_NUMBER_FORMAT',
      kinds: ENTRY,
      category: 'format',
      field: 'header.entryNumber',
      message: 'The entry number is not XXX-NNNNNNN-C',
      fix: 'Entry numbers are the 3-character filer code, 7 digits and a check digit',
      applies: (f) => !!f.header.entryNumber,
    },
    (f) => entryNumberShape(f.header.entryNumber!),
  ),
  rule(
    {
      code: 'US.ENTRY_NUMBER_CHECK_DIGIT',
      kinds: ENTRY,
      category: 'format',
      field: 'header.entryNumber',
      message: 'The entry number check digit is wrong (CATAIR Appendix E)',
      fix: 'Recompute the check digit; a duplicated or mistyped number is a fatal rejection',
      applies: (f) => !!f.header.entryNumber && entryNumberShape(f.header.entryNumber),
    },
    (f) => isValidEntryNumber(f.header.entryNumber!),
  ),
  rule(
    {
      code: 'US.FILER_CODE',
      kinds: ENTRY,
      category: 'format',
      field: 'header.filerCode',
      message: 'The entry filer code is missing or not 3 letters/digits',
      fix: 'Set the CBP-assigned filer code in the filing settings',
    },
    (f) => !!f.header.filerCode && isFilerCode(f.header.filerCode),
  ),
  rule(
    {
      code: 'US.FILER_CODE_MATCHES_ENTRY',
      kinds: ENTRY,
      category: 'consistency',
      field: 'header.entryNumber',
      message: 'The entry number does not start with the filer code',
      fix: 'Draw a new entry number for this filer',
      applies: (f) => !!f.header.entryNumber && !!f.header.filerCode,
    },
    (f) => f.header.entryNumber!.toUpperCase().startsWith(f.header.filerCode!.toUpperCase()),
  ),
  rule(
    {
      code: 'US.PORT_OF_ENTRY',
      kinds: ENTRY,
      category: 'completeness',
      field: 'transport.portOfEntry',
      message: 'No CBP port of entry code (4 digits, Schedule D)',
      fix: 'Use a destination port Crossgate knows, or set the port of entry',
    },
    (f) => !!f.transport.portOfEntry && isCbpPortCode(f.transport.portOfEntry),
  ),
  rule(
    {
      code: 'US.PORT_OF_ENTRY_MATCHES',
      kinds: ENTRY,
      category: 'consistency',
      field: 'transport.portOfEntry',
      message: 'The port of entry code does not belong to the port of unlading',
      fix: 'Goods entered elsewhere than unladen move in bond: declare the in-bond or correct the port',
      applies: (f) => !!f.transport.portOfEntry && !!port(f.transport.portOfUnlading)?.cbp,
    },
    (f) => port(f.transport.portOfUnlading)!.cbp === f.transport.portOfEntry,
  ),
  rule(
    {
      code: 'US.IOR_PRESENT',
      kinds: ENTRY,
      category: 'completeness',
      field: 'parties.importer_of_record',
      message: 'No importer of record',
      fix: 'Add an importer party (kind importer) for the US with its IRS number',
    },
    (f) => !!partyOf(f, 'importer_of_record')?.ids.ior,
  ),
  partyRule(
    {
      code: 'US.IOR_NUMBER_FORMAT',
      kinds: ['us_isf', 'us_entry'],
      category: 'format',
      field: 'ids.ior',
      message: 'An importer/consignee number is not an EIN (NN-NNNNNNNXX), CBP number (YYDDPP-NNNNN) or SSN',
      fix: 'Record the IRS number with its two-character suffix, e.g. 12-345678900',
    },
    (p) => (p.ids.ior && !isUsImporterNumber(p.ids.ior) ? 'malformed number' : null),
  ),
  lineRule(
    {
      code: 'US.MID_PRESENT',
      kinds: ENTRY,
      category: 'completeness',
      field: 'manufacturerRef',
      message: 'A line has no manufacturer identification code (MID)',
      fix: 'Link the product to its manufacturer with name, street and city (the MID is built from them)',
    },
    (l, f) => (l.manufacturerRef && partyOf(f, 'manufacturer', l.manufacturerRef)?.ids.mid ? null : 'no MID'),
  ),
  partyRule(
    {
      code: 'US.MID_STRUCTURE',
      kinds: ['us_entry', 'us_isf'],
      category: 'format',
      field: 'ids.mid',
      message:
        'A MID does not follow the CBP construction (country, name, street number, city; ≤ 15 characters)',
      fix: 'Rebuild the MID from the manufacturer’s legal name and address',
      roles: ['manufacturer'],
    },
    (p) => (p.ids.mid && !isMidStructure(p.ids.mid) ? p.ids.mid : null),
  ),
  partyRule(
    {
      code: 'US.MID_COUNTRY',
      severity: 'warning',
      kinds: ENTRY,
      category: 'consistency',
      field: 'ids.mid',
      message: "A MID's country is not the manufacturer's country",
      fix: 'The MID starts with the ISO code of the country where the manufacturer is',
      roles: ['manufacturer'],
    },
    (p) => (p.ids.mid && !p.ids.mid.startsWith(p.country) && !/^X[A-Z]/.test(p.ids.mid) ? p.ids.mid : null),
  ),
  rule(
    {
      code: 'US.BOND_FOR_FORMAL',
      kinds: ENTRY,
      category: 'completeness',
      field: 'header.bondType',
      message: 'A formal entry (type 01) needs a customs bond',
      fix: 'Set a continuous or single-transaction bond in the filing settings',
      applies: (f) => f.header.entryType === '01',
    },
    (f) => !!f.header.bondType,
  ),
  rule(
    {
      code: 'US.MPF_PRESENT',
      kinds: ENTRY,
      category: 'completeness',
      field: 'header.fees',
      message: 'No merchandise processing fee (MPF, class 499)',
      fix: 'Rebuild the filing; MPF is computed from the dated fee schedule',
    },
    (f) => !!fee(f, '499'),
  ),
  rule(
    {
      code: 'US.MPF_AMOUNT',
      kinds: ENTRY,
      category: 'value',
      field: 'header.fees.499',
      message:
        'The MPF amount differs from the fee schedule (0.3464%, FY minimum and maximum; flat fee on informal entries)',
      fix: 'Rebuild the filing so fees are recomputed',
      applies: (f) => !!fee(f, '499'),
    },
    (f) => {
      const s = requireRuleAt(US_FEES, f.header.declarationDate).value.mpf;
      const v = new Decimal(f.header.totalCustomsValue);
      const want =
        f.header.entryType === '11'
          ? new Decimal(s.informal)
          : Decimal.min(Decimal.max(v.times(s.rate), s.min), s.max);
      return money(want).eq(fee(f, '499')!.amount);
    },
  ),
  rule(
    {
      code: 'US.HMF_OCEAN_ONLY',
      kinds: ENTRY,
      category: 'regulatory',
      field: 'header.fees.501',
      message: 'The harbor maintenance fee (class 501) applies to vessel cargo, and only to it',
      fix: 'Rebuild the filing; HMF follows the mode of transport',
    },
    (f) => !!fee(f, '501') === (f.transport.mode === 'ocean'),
  ),
  rule(
    {
      code: 'US.HMF_AMOUNT',
      kinds: ENTRY,
      category: 'value',
      field: 'header.fees.501',
      message: 'The HMF amount is not 0.125% of the value',
      fix: 'Rebuild the filing so fees are recomputed',
      applies: (f) => !!fee(f, '501'),
    },
    (f) =>
      money(
        new Decimal(f.header.totalCustomsValue).times(
          requireRuleAt(US_FEES, f.header.declarationDate).value.hmf.rate,
        ),
      ).eq(fee(f, '501')!.amount),
  ),
  lineRule(
    {
      code: 'US.PGA_FLAGS',
      kinds: ENTRY,
      category: 'regulatory',
      field: 'pga',
      message: 'A line whose HTS code is regulated by a partner agency is not flagged for it',
      fix: 'Rebuild the filing; PGA flags follow the HTS code',
    },
    (l) => {
      const want = PGA_FLAGS.filter((p) => l.hsCode.startsWith(p.prefix)).map((p) => p.flag);
      const missing = want.filter((w) => !l.pga.includes(w));
      return missing.length ? `missing ${missing.join(',')}` : null;
    },
  ),
  pgaData('FDA'),
  pgaData('CPSC'),
  pgaData('FCC'),
  pgaData('APHIS'),
  pgaData('EPA'),
];

export const euChecks: Checkpoint[] = [
  rule(
    {
      code: 'ENS.VERSION',
      kinds: ENS,
      category: 'regulatory',
      field: 'header.ensVersion',
      message: 'Only ENS version 3 (ICS2 release 3) is accepted since 2026-02-03',
      fix: 'Rebuild the filing with the current builder',
    },
    (f) => f.header.declarationDate < '2026-02-03' || f.header.ensVersion === '3',
  ),
  rule(
    {
      code: 'ENS.DESTINATION_ICS2',
      kinds: ['eu_ens', 'eu_h7'],
      category: 'regulatory',
      field: 'transport.destinationCountry',
      message: 'The destination is not in the EU customs territory (ICS2: EU, Norway, Switzerland)',
      fix: 'Check the destination country',
    },
    (f) => (ICS2_COUNTRIES as readonly string[]).includes(f.transport.destinationCountry),
  ),
  rule(
    {
      code: 'EU.DECLARANT_EORI',
      kinds: ['eu_ens', 'eu_h7'],
      category: 'completeness',
      field: 'parties.declarant.ids.eori',
      message: 'The filer/declarant has no EORI number',
      fix: 'Set the EU EORI in the filing settings',
    },
    (f) => !!partyOf(f, 'declarant')?.ids.eori,
  ),
  partyRule(
    {
      code: 'EU.EORI_FORMAT',
      kinds: ['eu_ens', 'eu_h7'],
      category: 'format',
      field: 'ids.eori',
      message: 'An EORI number is not a country code followed by up to 15 letters/digits',
      fix: 'Copy the EORI exactly as issued, e.g. DE1234567890123',
    },
    (p) => (p.ids.eori && !isEori(p.ids.eori) ? p.ids.eori : null),
  ),
  rule(
    {
      code: 'ENS.OFFICE_OF_FIRST_ENTRY',
      kinds: ENS,
      category: 'completeness',
      field: 'transport.customsOffice',
      message: 'No valid customs office of first entry (2-letter country + 6 characters, in an ICS2 country)',
      fix: 'Use an arrival port Crossgate knows, or set the office reference number',
    },
    (f) =>
      !!f.transport.customsOffice &&
      /^[A-Z]{2}[A-Z0-9]{6}$/.test(f.transport.customsOffice) &&
      (ICS2_COUNTRIES as readonly string[]).includes(f.transport.customsOffice.slice(0, 2)),
  ),
  check(
    {
      code: 'ENS.PLACI_7_PLUS_1',
      kinds: ENS,
      category: 'completeness',
      message: 'The air PLACI data set (7+1) is incomplete',
      fix: 'Complete consignor, consignee, packages, gross weight, description and the air waybill',
      applies: (f) => f.header.ensVariant === 'placi',
    },
    (f) => {
      const missing: string[] = [];
      if (!hasNameAndAddress(partyOf(f, 'seller'))) missing.push('consignor name and address');
      if (!hasNameAndAddress(partyOf(f, 'consignee'))) missing.push('consignee name and address');
      if (!(f.transport.packages && f.transport.packages > 0)) missing.push('number of packages');
      if (!f.transport.grossWeightKg) missing.push('total gross weight');
      if (!f.lines.length || f.lines.some((l) => !l.description.trim())) missing.push('cargo description');
      if (!f.transport.houseBill && !f.transport.masterBill) missing.push('air waybill number');
      return missing.map((m) => ({ field: 'placi', detail: m }));
    },
  ),
  rule(
    {
      code: 'ENS.BUYER_SELLER',
      kinds: ENS,
      category: 'completeness',
      field: 'parties',
      message: 'A full ENS names the buyer and the seller of the goods',
      fix: 'Link the order buyer and the selling company',
      applies: (f) => f.header.ensVariant === 'full',
    },
    (f) => !!partyOf(f, 'buyer') && !!partyOf(f, 'seller'),
  ),
  rule(
    {
      code: 'ENS.CONVEYANCE',
      kinds: ENS,
      category: 'completeness',
      field: 'transport.conveyance',
      message: 'A full ENS names the active means of transport (flight number, vessel IMO or vehicle)',
      fix: 'Add the flight number or vessel to the filing (PATCH /api/filings/{id}/transport)',
      applies: (f) => f.header.ensVariant === 'full',
    },
    (f) => !!f.transport.conveyance?.trim(),
  ),
  rule(
    {
      code: 'H7.VALUE_LIMIT',
      kinds: H7,
      category: 'regulatory',
      field: 'header.totalCustomsValue',
      message: 'An H7 low-value declaration is limited to an intrinsic value of €150',
      fix: 'Lodge a standard customs declaration (H1) for this consignment',
    },
    (f) =>
      new Decimal(f.header.totalCustomsValue).lte(
        requireRuleAt(EU_LOW_VALUE, f.header.declarationDate).value.amount,
      ),
  ),
  partyRule(
    {
      code: 'H7.IOSS_FORMAT',
      kinds: H7,
      category: 'format',
      field: 'ids.ioss',
      message: 'The IOSS number is not IM followed by 10 digits',
      fix: 'Copy the IOSS identification number as issued, e.g. IM2760000000',
    },
    (p) => (p.ids.ioss && !isIossNumber(p.ids.ioss) ? p.ids.ioss : null),
  ),
  rule(
    {
      code: 'H7.IOSS_PRESENT',
      severity: 'warning',
      kinds: H7,
      category: 'completeness',
      field: 'parties.seller.ids.ioss',
      message: 'No IOSS number: import VAT will be collected from the buyer at delivery',
      fix: 'Register for IOSS and set the number in the filing settings to charge VAT at checkout',
    },
    (f) => !!partyOf(f, 'seller')?.ids.ioss,
  ),
  rule(
    {
      code: 'H7.CONSIGNEE_IN_EU',
      kinds: H7,
      category: 'regulatory',
      field: 'parties.consignee.country',
      message: 'The H7 consignee must be in an EU member state',
      fix: 'Check the buyer’s delivery address',
    },
    (f) => (EU_MEMBER_STATES as readonly string[]).includes(partyOf(f, 'consignee')?.country ?? ''),
  ),
  lineRule(
    {
      code: 'H7.NO_EXCISE',
      kinds: H7,
      category: 'regulatory',
      field: 'hsCode',
      message: 'Excise goods (alcohol, tobacco, energy products) cannot be declared with H7',
      fix: 'Lodge a standard declaration with excise for these goods',
    },
    (l) => (isExcise(l.hsCode) ? l.hsCode : null),
  ),
  rule(
    {
      code: 'H7.DUTY',
      kinds: H7,
      category: 'value',
      field: 'header.fees.A00',
      message:
        'Customs duty does not follow the low-value rule in force (relief until 2026-06-30; €3 per item category from 2026-07-01 for IOSS sellers)',
      fix: 'Rebuild the filing so the duty is recomputed',
      applies: (f) => f.header.lowValue === true,
    },
    (f) => {
      const lv = requireRuleAt(EU_LOW_VALUE, f.header.declarationDate).value;
      const a00 = fee(f, 'A00');
      const ioss = !!partyOf(f, 'seller')?.ids.ioss;
      if (!lv.dutyPerItemCategory || !ioss) return !a00;
      const cats = new Set(f.lines.map((l) => l.hsCode.slice(0, 6))).size;
      return !!a00 && new Decimal(a00.amount).eq(new Decimal(lv.dutyPerItemCategory).times(cats));
    },
  ),
];

export const ukChecks: Checkpoint[] = [
  rule(
    {
      code: 'UK.EORI_PRESENT',
      kinds: CDS,
      category: 'completeness',
      field: 'parties.declarant.ids.eori',
      message: 'The declarant has no GB EORI number',
      fix: 'Set the GB EORI in the filing settings',
    },
    (f) => !!partyOf(f, 'declarant')?.ids.eori,
  ),
  partyRule(
    {
      code: 'UK.EORI_FORMAT',
      kinds: CDS,
      category: 'format',
      field: 'ids.eori',
      message: 'A GB EORI is not GB (or XI) followed by 12 digits',
      fix: 'Copy the EORI as issued by HMRC, e.g. GB123456789000',
    },
    (p) => (p.ids.eori && !isGbEori(p.ids.eori) ? p.ids.eori : null),
  ),
  rule(
    {
      code: 'UK.DECLARATION_TYPE',
      kinds: CDS,
      category: 'format',
      field: 'header.declarationType',
      message: 'The declaration type is not IM with additional type A (arrived) or D (pre-lodged)',
      fix: 'Rebuild the filing',
    },
    (f) => f.header.declarationType === 'IM' && /^[AD]$/.test(f.header.additionalDeclarationType ?? ''),
  ),
  rule(
    {
      code: 'UK.DECLARATION_TIMING',
      kinds: CDS,
      category: 'timeliness',
      field: 'header.additionalDeclarationType',
      message: 'A pre-lodged declaration (D) is for goods not yet arrived; arrived goods use A',
      fix: 'Rebuild the filing after arrival so the type becomes A',
      applies: (f) => !!f.transport.arrival,
    },
    (f, ctx) =>
      (f.header.additionalDeclarationType === 'D') === Date.parse(f.transport.arrival!) > ctx.now.getTime(),
  ),
  rule(
    {
      code: 'UK.PROCEDURE_CODE',
      kinds: CDS,
      category: 'format',
      field: 'header.procedureCode',
      message: 'The procedure code is not 4 digits with a 3-character additional procedure code',
      fix: 'Use 4000 000 for release to free circulation',
    },
    (f) =>
      /^\d{4}$/.test(f.header.procedureCode ?? '') &&
      /^[A-Z0-9]{3}$/.test(f.header.additionalProcedureCode ?? ''),
  ),
  rule(
    {
      code: 'UK.VALUATION_METHOD',
      kinds: CDS,
      category: 'format',
      field: 'header.valuationMethod',
      message: 'The valuation method is not 1–6',
      fix: 'Use 1 (transaction value) for a sale',
    },
    (f) => /^[1-6]$/.test(f.header.valuationMethod ?? ''),
  ),
  rule(
    {
      code: 'UK.NATURE_OF_TRANSACTION',
      kinds: CDS,
      category: 'format',
      field: 'header.natureOfTransaction',
      message: 'The nature of transaction code is not 1 or 2 digits',
      fix: 'Use 11 (outright purchase/sale)',
    },
    (f) => /^\d{1,2}$/.test(f.header.natureOfTransaction ?? ''),
  ),
  rule(
    {
      code: 'UK.LOCATION_OF_GOODS',
      kinds: CDS,
      category: 'completeness',
      field: 'transport.customsOffice',
      message: 'No location of goods code (e.g. GBAUFXTFXTFXT)',
      fix: 'Use an arrival port Crossgate knows, or set the location code',
    },
    (f) => /^GB[A-Z]{2}[A-Z0-9]{3,}$/.test(f.transport.customsOffice ?? ''),
  ),
  rule(
    {
      code: 'UK.LOW_VALUE_LIMIT',
      kinds: CDS,
      category: 'regulatory',
      field: 'header.lowValue',
      message: 'The £135 rule is applied to a consignment over £135 or with excise goods',
      fix: 'Rebuild the filing as a standard declaration',
      applies: (f) => f.header.lowValue === true,
    },
    (f) =>
      new Decimal(f.header.totalCustomsValue).lte(
        requireRuleAt(UK_LOW_VALUE, f.header.declarationDate).value.amount,
      ) && !f.lines.some((l) => isExcise(l.hsCode)),
  ),
  rule(
    {
      code: 'UK.SELLER_VAT',
      kinds: CDS,
      category: 'regulatory',
      field: 'parties.seller.ids.vat',
      message: 'Under the £135 rule the seller charges UK VAT and must quote a valid GB VAT number',
      fix: 'Set the GB VAT number in the filing settings',
      applies: (f) => f.header.lowValue === true,
    },
    (f) => isGbVatNumber(partyOf(f, 'seller')?.ids.vat ?? ''),
  ),
  rule(
    {
      code: 'UK.LOW_VALUE_NO_IMPORT_VAT',
      kinds: CDS,
      category: 'value',
      field: 'header.fees.B00',
      message: 'Import VAT is declared on a £135-rule consignment (VAT was charged at the point of sale)',
      fix: 'Rebuild the filing; charging VAT twice is an overpayment',
      applies: (f) => f.header.lowValue === true,
    },
    (f) => !fee(f, 'B00'),
  ),
  rule(
    {
      code: 'UK.IMPORT_VAT',
      kinds: CDS,
      category: 'value',
      field: 'header.fees.B00',
      message: 'A standard import declaration carries no import VAT (B00)',
      fix: 'Rebuild the filing so import VAT is computed',
      applies: (f) => f.header.lowValue === false,
    },
    (f) => !!fee(f, 'B00') && new Decimal(fee(f, 'B00')!.amount).gt(0),
  ),
];
