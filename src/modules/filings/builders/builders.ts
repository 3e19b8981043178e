import { EXCISE_PREFIXES, EU_MEMBER_STATES } from '../rules/lists.ts';
import { US_FEES, US_FEE_CODES } from '../rules/fees.ts';
import { EU_LOW_VALUE, UK_LOW_VALUE, US_DE_MINIMIS, US_INFORMAL_ENTRY_LIMIT } from '../rules/thresholds.ts';
import { UK_IMPORT_VAT } from '../rules/vat.ts';
import { ruleRef } from '../rules/dated.ts';
import { constructMid } from '../formats.ts';
import {
  REGIME_OF,
  type Decision,
  type FeeLine,
  type Filing,
  type FilingKind,
  type FilingParty,
} from '../model.ts';
import {
  type BuildOptions,
  type ShipmentBundle,
  Decimal,
  RuleTrail,
  buildLines,
  pgaFlagsFor,
  portInfo,
  rate,
  round2,
  sumValues,
  toParty,
  transportOf,
} from './common.ts';

/** Bumped when a builder's output changes shape; recorded in every filing's ruleVersion. */
export const BUILDER_VERSION = 'filings-builders@1';

export interface PlannedFiling {
  kind: FilingKind;
  variant: 'full' | 'placi' | '';
}

const AIR_LIKE = new Set(['air', 'express', 'postal']);

/** Which filings a shipment needs at its destination. */
export function planFilings(b: ShipmentBundle): PlannedFiling[] {
  const dest = b.shipment.destinationCountry;
  const mode = b.shipment.mode;
  if (dest === 'US') {
    return mode === 'ocean'
      ? [
          { kind: 'us_isf', variant: '' },
          { kind: 'us_entry', variant: '' },
        ]
      : [{ kind: 'us_entry', variant: '' }];
  }
  if ((EU_MEMBER_STATES as readonly string[]).includes(dest)) {
    const ens: PlannedFiling[] = AIR_LIKE.has(mode)
      ? [
          { kind: 'eu_ens', variant: 'placi' },
          { kind: 'eu_ens', variant: 'full' },
        ]
      : [{ kind: 'eu_ens', variant: 'full' }];
    return [...ens, { kind: 'eu_h7', variant: '' }];
  }
  if (dest === 'GB') return [{ kind: 'uk_cds', variant: '' }];
  return [];
}

/** Builds one filing of `plan` for the shipment. Pure: same bundle, options and rules, same filing. */
export function buildFiling(b: ShipmentBundle, plan: PlannedFiling, opts: BuildOptions): Filing {
  switch (plan.kind) {
    case 'us_isf':
      return buildIsf(b, opts);
    case 'us_entry':
      return buildUsEntry(b, opts);
    case 'eu_ens':
      return buildEns(b, opts, plan.variant === 'placi' ? 'placi' : 'full');
    case 'eu_h7':
      return buildH7(b, opts);
    case 'uk_cds':
      return buildCds(b, opts);
  }
}

function base(
  b: ShipmentBundle,
  kind: FilingKind,
  currency: string,
  destination: string,
  opts: BuildOptions,
  trail: RuleTrail,
) {
  const lines = buildLines(b, currency, destination, opts, trail);
  const invoiceCurrency = lines[0]?.currency ?? currency;
  const orderIds = [...new Set(b.lines.map((l) => l.orderId).filter((x): x is string => !!x))].sort();
  return {
    kind,
    regime: REGIME_OF[kind],
    shipmentId: b.shipment.id,
    shipmentReference: b.shipment.reference,
    orderIds,
    lines,
    transport: transportOf(b),
    header: {
      reference: opts.reference,
      invoiceCurrency,
      regimeCurrency: currency,
      ...(invoiceCurrency !== currency
        ? { exchangeRate: rate(trail, invoiceCurrency, currency, opts.now) }
        : {}),
      totalValue: sumValues(lines.map((l) => l.value)),
      totalCustomsValue: sumValues(lines.map((l) => l.customsValue)),
      fees: [] as FeeLine[],
      declarationDate: opts.now.toISOString().slice(0, 10),
    },
  };
}

function partiesFor(b: ShipmentBundle, roles: FilingParty['role'][], decisions: Decision[]): FilingParty[] {
  const out: FilingParty[] = [];
  const get = (k: keyof ShipmentBundle['roles']) => (b.roles[k] ? b.parties[b.roles[k]!] : undefined);
  const seller = get('seller');
  const consignee = get('consignee') ?? get('buyer');
  for (const role of roles) {
    let p: FilingParty | undefined;
    if (role === 'seller') p = toParty(seller, role);
    else if (role === 'buyer') p = toParty(get('buyer') ?? consignee, role);
    else if (role === 'consignee') p = toParty(consignee, role);
    else if (role === 'ship_to') p = toParty(consignee, role);
    else if (role === 'importer_of_record') {
      p = toParty(get('importer'), role);
      const tax = get('importer')?.taxId;
      if (p && tax) p.ids.ior = tax;
    } else if (role === 'carrier') p = toParty(get('carrier'), role);
    else if (role === 'stuffing_location' || role === 'consolidator') {
      p = toParty(seller, role);
      if (p)
        decisions.push({
          rule: `${BUILDER_VERSION}#${role}`,
          outcome: `${role} = seller`,
          reason:
            'No forwarder on the shipment: the container is taken as loaded (FCL) at the seller’s premises',
        });
    } else if (role === 'declarant') p = toParty(seller, role);
    if (p) out.push(p);
  }
  // Manufacturers, one per supplier referenced by a line.
  if (roles.includes('manufacturer')) {
    const refs = [...new Set(b.lines.map((l) => l.product?.supplierPartyId).filter((x): x is string => !!x))];
    for (const ref of refs) {
      const m = toParty(b.parties[ref], 'manufacturer', ref);
      if (!m) continue;
      if (!m.ids.mid && m.name && m.address?.line1 && m.address.city) {
        m.ids.mid = constructMid(m.name, m.address.line1, m.address.city, m.country);
        decisions.push({
          rule: `${BUILDER_VERSION}#mid`,
          outcome: `MID ${m.ids.mid} constructed for ${m.partyId}`,
          reason: 'No MID on file: built from name, street number and city per the CBP Form 7501 MID rules',
        });
      }
      out.push(m);
    }
  }
  return out;
}

function buildIsf(b: ShipmentBundle, opts: BuildOptions): Filing {
  const trail = new RuleTrail();
  const decisions: Decision[] = [];
  const f = base(b, 'us_isf', 'USD', 'US', opts, trail);
  const parties = partiesFor(
    b,
    [
      'seller',
      'buyer',
      'importer_of_record',
      'consignee',
      'manufacturer',
      'ship_to',
      'stuffing_location',
      'consolidator',
    ],
    decisions,
  );
  const consignee = parties.find((p) => p.role === 'consignee');
  const ior = parties.find((p) => p.role === 'importer_of_record');
  if (consignee && ior?.ids.ior && !consignee.ids.ior && consignee.partyId === ior.partyId)
    consignee.ids.ior = ior.ids.ior;
  return {
    ...f,
    header: { ...f.header, ...(b.settings.bondType ? { bondType: b.settings.bondType } : {}) },
    parties,
    decisions,
    ruleVersion: trail.version(BUILDER_VERSION),
  };
}

function buildUsEntry(b: ShipmentBundle, opts: BuildOptions): Filing {
  const trail = new RuleTrail();
  const decisions: Decision[] = [];
  const f = base(b, 'us_entry', 'USD', 'US', opts, trail);
  const total = new Decimal(f.header.totalCustomsValue);
  const informal = trail.use(US_INFORMAL_ENTRY_LIMIT, opts.now);
  const deMinimis = trail.use(US_DE_MINIMIS, opts.now);
  const entryType: '01' | '11' = total.lte(informal.value.amount) ? '11' : '01';
  decisions.push({
    rule: ruleRef(informal),
    outcome: `entry type ${entryType}`,
    reason:
      entryType === '11'
        ? `customs value $${total.toFixed(2)} ≤ $${informal.value.amount}: informal entry`
        : `customs value $${total.toFixed(2)} > $${informal.value.amount}: formal consumption entry`,
  });
  if (!deMinimis.value.available && total.lte(800)) {
    decisions.push({
      rule: ruleRef(deMinimis),
      outcome: 'no Section 321 / type 86',
      reason: `de minimis suspended since ${deMinimis.validFrom}: this $${total.toFixed(2)} shipment is entered as type ${entryType}, duties paid`,
    });
  }
  const fees = trail.use(US_FEES, opts.now);
  const feeLines: FeeLine[] = [];
  const mpf =
    entryType === '11'
      ? new Decimal(fees.value.mpf.informal)
      : Decimal.min(Decimal.max(total.times(fees.value.mpf.rate), fees.value.mpf.min), fees.value.mpf.max);
  feeLines.push({
    code: US_FEE_CODES.mpf,
    name: 'MPF',
    amount: round2(mpf),
    currency: 'USD',
    basis:
      entryType === '11'
        ? `informal entry flat fee (${ruleRef(fees)})`
        : `${fees.value.mpf.rate} × value, min ${fees.value.mpf.min}, max ${fees.value.mpf.max} (${ruleRef(fees)})`,
  });
  if (fees.value.hmf.modes.includes(b.shipment.mode)) {
    feeLines.push({
      code: US_FEE_CODES.hmf,
      name: 'HMF',
      amount: round2(total.times(fees.value.hmf.rate)),
      currency: 'USD',
      basis: `${fees.value.hmf.rate} × value, ocean (${ruleRef(fees)})`,
    });
  }
  for (const l of f.lines) l.pga = pgaFlagsFor(l.hsCode);
  const flagged = f.lines.filter((l) => l.pga.length);
  if (flagged.length)
    decisions.push({
      rule: `${BUILDER_VERSION}#pga`,
      outcome: `${flagged.length} line(s) flagged for PGA data`,
      reason: flagged.map((l) => `line ${l.lineNo}: ${l.pga.join(',')}`).join('; '),
    });
  const dest = portInfo(b.shipment.destinationPort);
  const parties = partiesFor(
    b,
    ['importer_of_record', 'consignee', 'seller', 'buyer', 'manufacturer', 'ship_to'],
    decisions,
  );
  return {
    ...f,
    header: {
      ...f.header,
      entryType,
      ...(opts.entryNumber ? { entryNumber: opts.entryNumber } : {}),
      ...(b.settings.filerCode ? { filerCode: b.settings.filerCode } : {}),
      ...(entryType === '01' ? { bondType: b.settings.bondType ?? 'continuous' } : {}),
      fees: feeLines,
    },
    transport: { ...f.transport, ...(dest?.cbp ? { portOfEntry: dest.cbp } : {}) },
    parties,
    decisions,
    ruleVersion: trail.version(BUILDER_VERSION),
  };
}

function buildEns(b: ShipmentBundle, opts: BuildOptions, variant: 'full' | 'placi'): Filing {
  const trail = new RuleTrail();
  const decisions: Decision[] = [];
  const f = base(b, 'eu_ens', 'EUR', b.shipment.destinationCountry, opts, trail);
  const roles: FilingParty['role'][] =
    variant === 'placi'
      ? ['seller', 'consignee', 'declarant']
      : ['seller', 'consignee', 'buyer', 'carrier', 'declarant'];
  const parties = partiesFor(b, roles, decisions);
  const declarant = parties.find((p) => p.role === 'declarant');
  if (declarant && b.settings.euEori) declarant.ids.eori = b.settings.euEori;
  const dest = portInfo(b.shipment.destinationPort);
  decisions.push({
    rule: `${BUILDER_VERSION}#ens`,
    outcome: variant === 'placi' ? 'ENS air PLACI 7+1 subset' : 'ENS full data set',
    reason:
      variant === 'placi'
        ? 'Air cargo: pre-loading advance cargo information is due before loading at the last airport of departure'
        : 'ICS2 release 3 full ENS for the mode of transport',
  });
  return {
    ...f,
    header: { ...f.header, ensVariant: variant, ensVersion: '3' },
    transport: { ...f.transport, ...(dest?.euOffice ? { customsOffice: dest.euOffice } : {}) },
    parties,
    decisions,
    ruleVersion: trail.version(BUILDER_VERSION),
  };
}

function isExcise(hs: string) {
  return EXCISE_PREFIXES.some((p) => hs.startsWith(p));
}

function buildH7(b: ShipmentBundle, opts: BuildOptions): Filing {
  const trail = new RuleTrail();
  const decisions: Decision[] = [];
  const f = base(b, 'eu_h7', 'EUR', b.shipment.destinationCountry, opts, trail);
  const lv = trail.use(EU_LOW_VALUE, opts.now);
  const total = new Decimal(f.header.totalCustomsValue);
  const low = total.lte(lv.value.amount);
  decisions.push({
    rule: ruleRef(lv),
    outcome: low ? 'H7 low-value declaration' : 'above the H7 limit',
    reason: low
      ? `intrinsic value €${total.toFixed(2)} ≤ €${lv.value.amount}`
      : `intrinsic value €${total.toFixed(2)} > €${lv.value.amount}: a standard (H1) declaration is needed; Crossgate builds the H7 only to show the gap`,
  });
  const fees: FeeLine[] = [];
  if (low && lv.value.dutyPerItemCategory && b.settings.iossNumber) {
    const categories = new Set(f.lines.map((l) => l.hsCode.slice(0, 6)));
    fees.push({
      code: 'A00',
      name: 'Customs duty (flat per item category)',
      amount: round2(new Decimal(lv.value.dutyPerItemCategory).times(categories.size)),
      currency: 'EUR',
      basis: `€${lv.value.dutyPerItemCategory} × ${categories.size} item categories (HS-6) (${ruleRef(lv)})`,
    });
  } else if (low) {
    decisions.push({
      rule: ruleRef(lv),
      outcome: 'duty relief',
      reason: lv.value.dutyPerItemCategory
        ? 'Seller not in IOSS: the flat per-category duty applies to IOSS sales only; duty and VAT are collected at import'
        : 'Consignment ≤ €150: relief from customs duty (Regulation 1186/2009 art. 23)',
    });
  }
  const parties = partiesFor(b, ['seller', 'consignee', 'declarant'], decisions);
  const seller = parties.find((p) => p.role === 'seller');
  if (seller && b.settings.iossNumber) seller.ids.ioss = b.settings.iossNumber;
  const declarant = parties.find((p) => p.role === 'declarant');
  if (declarant && b.settings.euEori) declarant.ids.eori = b.settings.euEori;
  return {
    ...f,
    header: { ...f.header, lowValue: low, fees },
    parties,
    decisions,
    ruleVersion: trail.version(BUILDER_VERSION),
  };
}

function buildCds(b: ShipmentBundle, opts: BuildOptions): Filing {
  const trail = new RuleTrail();
  const decisions: Decision[] = [];
  const f = base(b, 'uk_cds', 'GBP', 'GB', opts, trail);
  const lv = trail.use(UK_LOW_VALUE, opts.now);
  const vat = trail.use(UK_IMPORT_VAT, opts.now);
  const total = new Decimal(f.header.totalCustomsValue);
  const excise = f.lines.some((l) => isExcise(l.hsCode));
  const low = total.lte(lv.value.amount) && !excise;
  const fees: FeeLine[] = [];
  if (low) {
    decisions.push({
      rule: ruleRef(lv),
      outcome: '£135 consignment rule',
      reason: `intrinsic value £${total.toFixed(2)} ≤ £${lv.value.amount}: VAT charged by the seller at the point of sale; customs duty relief`,
    });
  } else {
    decisions.push({
      rule: ruleRef(lv),
      outcome: 'standard import declaration',
      reason: excise
        ? 'excise goods are outside the £135 rule'
        : `intrinsic value £${total.toFixed(2)} > £${lv.value.amount}: import VAT and duty due at the border`,
    });
    fees.push({
      code: 'B00',
      name: 'Import VAT',
      amount: round2(total.times(vat.value.standardRate)),
      currency: 'GBP',
      basis: `${vat.value.standardRate} × customs value (${ruleRef(vat)}); customs duty from the tariff module is added to the VAT base when wired`,
    });
  }
  const arrival = b.shipment.eta ? new Date(b.shipment.eta) : undefined;
  const parties = partiesFor(b, ['importer_of_record', 'consignee', 'seller', 'declarant'], decisions);
  for (const p of parties) {
    if ((p.role === 'declarant' || p.role === 'importer_of_record') && b.settings.gbEori)
      p.ids.eori = b.settings.gbEori;
    if (p.role === 'seller' && b.settings.gbVatNumber) p.ids.vat = b.settings.gbVatNumber;
  }
  const dest = portInfo(b.shipment.destinationPort);
  return {
    ...f,
    header: {
      ...f.header,
      lowValue: low,
      declarationType: 'IM',
      additionalDeclarationType: arrival && arrival > opts.now ? 'D' : 'A',
      procedureCode: '4000',
      additionalProcedureCode: '000',
      valuationMethod: '1',
      natureOfTransaction: '11',
      fees,
    },
    transport: { ...f.transport, ...(dest?.ukLocation ? { customsOffice: dest.ukLocation } : {}) },
    parties,
    decisions,
    ruleVersion: trail.version(BUILDER_VERSION),
  };
}
