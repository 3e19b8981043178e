import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKPOINTS, runCheckpoint, validateFiling } from './registry.ts';
import type { CheckContext } from './types.ts';
import type { Filing } from '../model.ts';
import { baseFilings, checkContext } from '../test/base-filings.ts';

/**
 * Every checkpoint has a passing case (a complete, realistic filing, optionally adjusted to make the
 * checkpoint apply) and a failing case (one mutation of it). The table must cover the whole registry.
 */
type Mut = (f: Filing, ctx: CheckContext) => void;
interface Case {
  base: string;
  fail: Mut;
  pass?: Mut;
}

const line0 = (f: Filing) => f.lines[0]!;
const party = (f: Filing, role: string) => f.parties.find((p) => p.role === role)!;
const drop =
  (role: string): Mut =>
  (f) => {
    f.parties = f.parties.filter((p) => p.role !== role);
  };
const noAddress =
  (role: string): Mut =>
  (f) => {
    party(f, role).address = { country: party(f, role).country };
  };
const fee = (f: Filing, code: string) => f.header.fees.find((x) => x.code === code)!;
const setCtx =
  (patch: Partial<CheckContext>): Mut =>
  (_f, ctx) =>
    Object.assign(ctx, patch);
const pgaCase = (hs: string, flag: string): Case => ({
  base: 'entryOcean',
  pass: (f) => {
    line0(f).hsCode = hs;
    line0(f).pga = [flag];
    line0(f).pgaData = { [flag]: 'supplied' };
  },
  fail: (f) => {
    line0(f).hsCode = hs;
    line0(f).pga = [flag];
  },
});

const CASES: Record<string, Case> = {
  'GEN.REFERENCE': { base: 'entryOcean', fail: (f) => (f.header.reference = 'REF WITH SPACES') },
  'GEN.SHIPMENT_REFERENCE': { base: 'isf', fail: (f) => (f.shipmentReference = ' ') },
  'GEN.LINES_PRESENT': { base: 'h7', fail: (f) => (f.lines = []) },
  'GEN.LINES_MAX': {
    base: 'cdsLow',
    fail: (f) => (f.lines = Array.from({ length: 1000 }, (_, i) => ({ ...line0(f), lineNo: i + 1 }))),
  },
  'GEN.LINE_NUMBERS': { base: 'entryOcean', fail: (f) => (f.lines[1]!.lineNo = 1) },
  'LINE.DESCRIPTION_PRESENT': { base: 'ensAir', fail: (f) => (line0(f).description = '') },
  'LINE.DESCRIPTION_SPECIFIC': { base: 'ensAir', fail: (f) => (line0(f).description = 'Gifts') },
  'LINE.DESCRIPTION_LENGTH': { base: 'isf', fail: (f) => (line0(f).description = 'HP-X2') },
  'LINE.DESCRIPTION_CHARSET': {
    base: 'entryOcean',
    fail: (f) => (line0(f).description = '无线蓝牙耳机 headphones'),
  },
  'LINE.HS_PRESENT': { base: 'isf', fail: (f) => (line0(f).hsCode = '') },
  'LINE.HS_DIGITS': { base: 'entryOcean', fail: (f) => (line0(f).hsCode = '8518.30.2000') },
  'LINE.HS_LENGTH': { base: 'entryOcean', fail: (f) => (line0(f).hsCode = '85183020') },
  'LINE.HS_CHAPTER': { base: 'h7', fail: (f) => (line0(f).hsCode = '770100') },
  'LINE.HS_PRIMARY_CHAPTER': { base: 'entryOcean', fail: (f) => (line0(f).hsCode = '9903880300') },
  'LINE.HS_VALID_ON_DATE': { base: 'entryOcean', fail: (f) => (line0(f).hsCode = '8518309999') },
  'LINE.HS_DECLARABLE': {
    base: 'cdsStd',
    fail: (_f, ctx) => {
      const real = ctx.tariff;
      ctx.tariff = { validate: (i) => ({ ...real.validate(i), declarable: false, message: 'heading only' }) };
    },
  },
  'LINE.ORIGIN_PRESENT': { base: 'isf', fail: (f) => (line0(f).originCountry = '') },
  'LINE.ORIGIN_VALID': { base: 'isf', fail: (f) => (line0(f).originCountry = 'XX') },
  'LINE.ORIGIN_NOT_DESTINATION': { base: 'entryAir', fail: (f) => (line0(f).originCountry = 'US') },
  'LINE.QUANTITY_POSITIVE': { base: 'h7', fail: (f) => (line0(f).quantity = 0) },
  'LINE.VALUE_POSITIVE': { base: 'entryAir', fail: (f) => (line0(f).value = '0.00') },
  'LINE.CURRENCY_VALID': { base: 'h7', fail: (f) => (line0(f).currency = 'EURO') },
  'LINE.CUSTOMS_VALUE_CONSISTENT': { base: 'entryOcean', fail: (f) => (line0(f).customsValue = '1.00') },
  'LINE.NET_WEIGHT_PRESENT': { base: 'ensOcean', fail: (f) => delete line0(f).netWeightKg },
  'LINE.NET_LE_GROSS': { base: 'cdsStd', fail: (f) => (line0(f).grossWeightKg = '1.000') },
  'LINE.UNDERVALUED': {
    base: 'entryAir',
    fail: (f) => (line0(f).value = (line0(f).quantity * 5).toFixed(2)),
  },
  'LINE.OVERVALUED': {
    base: 'entryAir',
    fail: (f) => (line0(f).value = (line0(f).quantity * 100).toFixed(2)),
  },
  'LINE.DUPLICATE': {
    base: 'entryOcean',
    fail: (f) => f.lines.push({ ...line0(f), lineNo: f.lines.length + 1 }),
  },
  'QTY.TARIFF_UNIT_PRESENT': { base: 'entryOcean', fail: (f) => delete line0(f).tariffUnit },
  'QTY.TARIFF_UNIT_MATCHES': { base: 'entryOcean', fail: (f) => (line0(f).tariffUnit = 'DOZ') },
  'QTY.TARIFF_QUANTITY_PRESENT': { base: 'entryOcean', fail: (f) => delete line0(f).tariffQuantity },
  'QTY.KG_MATCHES_WEIGHT': { base: 'entryOcean', fail: (f) => (f.lines[1]!.tariffQuantity = '1.000') },
  'QTY.WHOLE_UNITS': { base: 'cdsStd', fail: (f) => (line0(f).tariffQuantity = '12.5') },
  'HDR.TOTALS_MATCH_LINES': { base: 'entryOcean', fail: (f) => (f.header.totalValue = '1.00') },
  'HDR.SINGLE_CURRENCY': { base: 'entryOcean', fail: (f) => (line0(f).currency = 'CNY') },
  'HDR.EXCHANGE_RATE': {
    base: 'entryOcean',
    fail: (f) => {
      f.header.invoiceCurrency = 'CNY';
      delete f.header.exchangeRate;
    },
  },
  'HDR.DECLARATION_DATE': { base: 'cdsLow', fail: (f) => (f.header.declarationDate = '2026-02-30') },
  'HDR.FEES_CURRENCY': { base: 'entryOcean', fail: (f) => (f.header.fees[0]!.currency = 'EUR') },
  'PARTY.SCREENING': {
    base: 'entryOcean',
    fail: setCtx({
      screening: {
        screen: (p) =>
          p.role === 'seller' ? [{ list: 'OFAC SDN', matchedName: 'SHENZHEN BRIGHTWAY', score: 0.97 }] : [],
      },
    }),
  },
  'PARTY.CONSIGNEE_PRESENT': { base: 'cdsLow', fail: drop('consignee') },
  'PARTY.CONSIGNEE_IN_DESTINATION': { base: 'h7', fail: (f) => (party(f, 'consignee').country = 'CH') },
  'PARTY.SELLER_PRESENT': { base: 'placi', fail: drop('seller') },
  'PARTY.NAME_PRESENT': { base: 'isf', fail: (f) => delete party(f, 'buyer').name },
  'PARTY.NAME_LENGTH': {
    base: 'entryOcean',
    fail: (f) => (party(f, 'seller').name = 'Shenzhen Brightway Trading Co., Ltd.'),
  },
  'PARTY.ADDRESS_PRESENT': { base: 'cdsStd', fail: noAddress('seller') },
  'PARTY.POSTAL_CODE': { base: 'h7', fail: (f) => (party(f, 'consignee').address!.postalCode = '6031') },
  'PARTY.COUNTRY_VALID': { base: 'isf', fail: (f) => (party(f, 'buyer').country = 'USA') },
  'TRN.UNLADING_PORT_PRESENT': { base: 'cdsLow', fail: (f) => delete f.transport.portOfUnlading },
  'TRN.PORT_FORMAT': { base: 'isf', fail: (f) => (f.transport.portOfLading = 'YANTIAN') },
  'TRN.PORT_KNOWN': { base: 'isf', fail: (f) => (f.transport.portOfLading = 'CNXAM') },
  'TRN.UNLADING_IN_DESTINATION': { base: 'entryOcean', fail: (f) => (f.transport.portOfUnlading = 'CAVAN') },
  'TRN.LADING_IN_EXPORT_COUNTRY': { base: 'isf', fail: (f) => (f.transport.portOfLading = 'HKHKG') },
  'TRN.LADING_PORT_PRESENT': { base: 'isf', fail: (f) => delete f.transport.portOfLading },
  'TRN.DEPARTURE_PRESENT': { base: 'isf', fail: (f) => delete f.transport.departure },
  'TRN.ARRIVAL_PRESENT': { base: 'ensAir', fail: (f) => delete f.transport.arrival },
  'TRN.DATES_VALID': { base: 'ensAir', fail: (f) => (f.transport.arrival = '2026-11-31T10:00') },
  'TRN.ARRIVAL_AFTER_DEPARTURE': {
    base: 'isf',
    fail: (f) => (f.transport.arrival = '2026-11-01T00:00:00.000Z'),
  },
  'TRN.TRANSIT_PLAUSIBLE': { base: 'isf', fail: (f) => (f.transport.arrival = '2026-11-11T00:00:00.000Z') },
  'TRN.CARRIER_PRESENT': {
    base: 'isf',
    fail: (f) => {
      delete f.transport.carrierName;
      delete f.transport.carrierCode;
    },
  },
  'TRN.SCAC_FORMAT': { base: 'isf', fail: (f) => (f.transport.carrierCode = 'COSCO1') },
  'TRN.IATA_FORMAT': { base: 'ensAir', fail: (f) => (f.transport.carrierCode = 'DLH') },
  'TRN.TRANSPORT_DOCUMENT': { base: 'isf', fail: (f) => delete f.transport.masterBill },
  'TRN.AWB_CHECK_DIGIT': { base: 'ensAir', fail: (f) => (f.transport.masterBill = '020-12345676') },
  'TRN.CONTAINER_CHECK_DIGIT': { base: 'ensOcean', fail: (f) => (f.transport.containers = ['CSQU3054384']) },
  'TRN.CONTAINERS_PRESENT': { base: 'ensOcean', fail: (f) => (f.transport.containers = []) },
  'TRN.PACKAGES_PRESENT': { base: 'h7', fail: (f) => (f.transport.packages = 0) },
  'TRN.GROSS_WEIGHT_PRESENT': { base: 'cdsLow', fail: (f) => delete f.transport.grossWeightKg },
  'TRN.GROSS_WEIGHT_COVERS_LINES': { base: 'entryOcean', fail: (f) => (f.transport.grossWeightKg = '10') },
  'TRN.EXPORT_COUNTRY_VALID': { base: 'h7', fail: (f) => (f.transport.countryOfExport = 'ZZ') },
  'TRN.EXPORT_NOT_DESTINATION': { base: 'cdsLow', fail: (f) => (f.transport.countryOfExport = 'GB') },
  'TIME.DEADLINE_NOT_PASSED': {
    base: 'isf',
    fail: (_f, ctx) => (ctx.now = new Date('2026-11-09T03:00:00Z')),
  },
  'TIME.DEADLINE_NEAR': { base: 'isf', fail: (_f, ctx) => (ctx.now = new Date('2026-11-08T23:00:00Z')) },
  'ISF.MODE_OCEAN': { base: 'isf', fail: (f) => (f.transport.mode = 'air') },
  'ISF.SELLER': { base: 'isf', fail: noAddress('seller') },
  'ISF.BUYER': { base: 'isf', fail: drop('buyer') },
  'ISF.SHIP_TO': { base: 'isf', fail: noAddress('ship_to') },
  'ISF.STUFFING_LOCATION': { base: 'isf', fail: drop('stuffing_location') },
  'ISF.CONSOLIDATOR': { base: 'isf', fail: drop('consolidator') },
  'ISF.IOR_NUMBER': { base: 'isf', fail: (f) => delete party(f, 'importer_of_record').ids.ior },
  'ISF.CONSIGNEE_NUMBER': { base: 'isf', fail: (f) => delete party(f, 'consignee').ids.ior },
  'ISF.MANUFACTURER_PER_LINE': { base: 'isf', fail: (f) => delete line0(f).manufacturerRef },
  'ISF.MANUFACTURER_IN_ORIGIN': { base: 'isf', fail: (f) => (line0(f).originCountry = 'VN') },
  'ISF.BOND': { base: 'isf', fail: (f) => delete f.header.bondType },
  'US.ENTRY_TYPE': { base: 'entryAir', fail: (f) => (f.header.entryType = '86') },
  'US.NO_SECTION_321': { base: 'entryAir', fail: (f) => (f.header.entryType = '86') },
  'US.INFORMAL_LIMIT': { base: 'entryOcean', fail: (f) => (f.header.entryType = '11') },
  'US.ENTRY_NUMBER_PRESENT': { base: 'entryOcean', fail: (f) => delete f.header.entryNumber },
  'US.ENTRY_NUMBER_FORMAT': { base: 'entryOcean', fail: (f) => (f.header.entryNumber = 'B7X-123-0') },
  'US.ENTRY_NUMBER_CHECK_DIGIT': {
    base: 'entryOcean',
    fail: (f) => (f.header.entryNumber = 'B7X-0001234-3'),
  },
  'US.FILER_CODE': { base: 'entryOcean', fail: (f) => (f.header.filerCode = 'B7') },
  'US.FILER_CODE_MATCHES_ENTRY': { base: 'entryOcean', fail: (f) => (f.header.filerCode = 'A1B') },
  'US.PORT_OF_ENTRY': { base: 'entryAir', fail: (f) => delete f.transport.portOfEntry },
  'US.PORT_OF_ENTRY_MATCHES': { base: 'entryOcean', fail: (f) => (f.transport.portOfEntry = '4601') },
  'US.IOR_PRESENT': { base: 'entryOcean', fail: drop('importer_of_record') },
  'US.IOR_NUMBER_FORMAT': {
    base: 'entryOcean',
    fail: (f) => (party(f, 'importer_of_record').ids.ior = '951234567'),
  },
  'US.MID_PRESENT': { base: 'entryOcean', fail: (f) => delete party(f, 'manufacturer').ids.mid },
  'US.MID_STRUCTURE': {
    base: 'entryOcean',
    fail: (f) => (party(f, 'manufacturer').ids.mid = 'CN-DONGGUAN-1288'),
  },
  'US.MID_COUNTRY': {
    base: 'entryOcean',
    fail: (f) => (party(f, 'manufacturer').ids.mid = 'VNDONSUN1288DON'),
  },
  'US.BOND_FOR_FORMAL': { base: 'entryOcean', fail: (f) => delete f.header.bondType },
  'US.MPF_PRESENT': { base: 'entryAir', fail: (f) => (f.header.fees = []) },
  'US.MPF_AMOUNT': { base: 'entryOcean', fail: (f) => (fee(f, '499').amount = '33.58') },
  'US.HMF_OCEAN_ONLY': {
    base: 'entryOcean',
    fail: (f) => (f.header.fees = f.header.fees.filter((x) => x.code !== '501')),
  },
  'US.HMF_AMOUNT': { base: 'entryOcean', fail: (f) => (fee(f, '501').amount = '0.01') },
  'US.PGA_FLAGS': {
    base: 'entryOcean',
    pass: (f) => {
      line0(f).hsCode = '9503000073';
      line0(f).pga = ['CP'];
    },
    fail: (f) => (line0(f).hsCode = '9503000073'),
  },
  'US.PGA_FDA': pgaCase('3304990000', 'FD1'),
  'US.PGA_CPSC': pgaCase('9503000073', 'CP'),
  'US.PGA_FCC': pgaCase('8517620090', 'FC'),
  'US.PGA_APHIS': pgaCase('9403600000', 'AL1'),
  'US.PGA_EPA': pgaCase('3808940000', 'EP5'),
  'ENS.VERSION': { base: 'ensAir', fail: (f) => (f.header.ensVersion = '2') },
  'ENS.DESTINATION_ICS2': { base: 'h7', fail: (f) => (f.transport.destinationCountry = 'GB') },
  'EU.DECLARANT_EORI': { base: 'placi', fail: (f) => delete party(f, 'declarant').ids.eori },
  'EU.EORI_FORMAT': { base: 'h7', fail: (f) => (party(f, 'declarant').ids.eori = 'NL 8245') },
  'ENS.OFFICE_OF_FIRST_ENTRY': { base: 'ensAir', fail: (f) => (f.transport.customsOffice = 'GB000060') },
  'ENS.PLACI_7_PLUS_1': { base: 'placi', fail: (f) => delete f.transport.packages },
  'ENS.BUYER_SELLER': { base: 'ensAir', fail: drop('buyer') },
  'ENS.CONVEYANCE': { base: 'ensOcean', fail: (f) => delete f.transport.conveyance },
  'H7.VALUE_LIMIT': { base: 'h7', fail: (f) => (f.header.totalCustomsValue = '150.01') },
  'H7.IOSS_FORMAT': { base: 'h7', fail: (f) => (party(f, 'seller').ids.ioss = 'IM528000123') },
  'H7.IOSS_PRESENT': { base: 'h7', fail: (f) => delete party(f, 'seller').ids.ioss },
  'H7.CONSIGNEE_IN_EU': { base: 'h7', fail: (f) => (party(f, 'consignee').country = 'NO') },
  'H7.NO_EXCISE': { base: 'h7', fail: (f) => (line0(f).hsCode = '220421') },
  'H7.DUTY': { base: 'h7', fail: (f) => (f.header.fees = []) },
  'UK.EORI_PRESENT': { base: 'cdsLow', fail: (f) => delete party(f, 'declarant').ids.eori },
  'UK.EORI_FORMAT': { base: 'cdsStd', fail: (f) => (party(f, 'declarant').ids.eori = 'GB12345') },
  'UK.DECLARATION_TYPE': { base: 'cdsLow', fail: (f) => (f.header.additionalDeclarationType = 'Z') },
  'UK.DECLARATION_TIMING': { base: 'cdsLow', fail: (f) => (f.header.additionalDeclarationType = 'A') },
  'UK.PROCEDURE_CODE': { base: 'cdsStd', fail: (f) => (f.header.procedureCode = '40') },
  'UK.VALUATION_METHOD': { base: 'cdsStd', fail: (f) => (f.header.valuationMethod = '7') },
  'UK.NATURE_OF_TRANSACTION': { base: 'cdsStd', fail: (f) => (f.header.natureOfTransaction = 'XX') },
  'UK.LOCATION_OF_GOODS': { base: 'cdsLow', fail: (f) => delete f.transport.customsOffice },
  'UK.LOW_VALUE_LIMIT': { base: 'cdsLow', fail: (f) => (line0(f).hsCode = '2204210000') },
  'UK.SELLER_VAT': { base: 'cdsLow', fail: (f) => (party(f, 'seller').ids.vat = 'GB980780685') },
  'UK.LOW_VALUE_NO_IMPORT_VAT': {
    base: 'cdsLow',
    fail: (f) =>
      f.header.fees.push({ code: 'B00', name: 'Import VAT', amount: '15.60', currency: 'GBP', basis: 'x' }),
  },
  'UK.IMPORT_VAT': { base: 'cdsStd', fail: (f) => (f.header.fees = []) },
};

describe('checkpoint registry', () => {
  const bases = baseFilings();

  it('registers at least 128 distinct checkpoints, each with a message and a fix hint', () => {
    assert.ok(CHECKPOINTS.length >= 128, `${CHECKPOINTS.length}`);
    for (const c of CHECKPOINTS) {
      assert.ok(c.message.length > 10 && c.fix.length > 5, c.code);
      assert.match(c.code, /^[A-Z0-9]+\.[A-Z0-9_]+$/);
    }
  });

  it('has a passing and a failing case for every checkpoint', () => {
    const missing = CHECKPOINTS.map((c) => c.code).filter((code) => !CASES[code]);
    assert.deepEqual(missing, []);
    assert.deepEqual(
      Object.keys(CASES).filter((code) => !CHECKPOINTS.some((c) => c.code === code)),
      [],
    );
  });

  it('passes every checkpoint on the complete demo filings', () => {
    for (const [name, f] of Object.entries(bases)) {
      const r = validateFiling(f, checkContext(f));
      assert.deepEqual(
        r.results.filter((x) => x.outcome === 'fail').map((x) => x.code),
        [],
        name,
      );
    }
  });

  for (const c of CHECKPOINTS) {
    const k = CASES[c.code];
    if (!k) continue;
    it(`${c.code}: passes the good case and fails the bad one`, () => {
      const good = structuredClone(bases[k.base]!);
      const goodCtx = checkContext(good);
      k.pass?.(good, goodCtx);
      assert.equal(runCheckpoint(c, good, goodCtx).outcome, 'pass', `${c.code} should pass on ${k.base}`);
      const bad = structuredClone(bases[k.base]!);
      const badCtx = checkContext(bad);
      k.fail(bad, badCtx);
      const r = runCheckpoint(c, bad, badCtx);
      assert.equal(r.outcome, 'fail', `${c.code} should fail`);
      assert.ok(r.findings.length > 0 && r.findings.every((x) => x.field && x.detail));
    });
  }
});
