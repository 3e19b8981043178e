/**
 * The canonical filing model: one shape for every regime. Builders fill it from a shipment; checkpoints
 * read it; encoders turn it into the wire format. Amounts are decimal strings, instants ISO 8601 UTC.
 */

export const FILING_KINDS = ['us_isf', 'us_entry', 'eu_ens', 'eu_h7', 'uk_cds'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export type Regime = 'US' | 'EU' | 'UK';
export const REGIME_OF: Record<FilingKind, Regime> = {
  us_isf: 'US',
  us_entry: 'US',
  eu_ens: 'EU',
  eu_h7: 'EU',
  uk_cds: 'UK',
};

export const FILING_STATUSES = [
  'draft',
  'validated',
  'submitted',
  'accepted',
  'rejected',
  'held',
  'released',
  'amended',
  'withdrawn',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** Allowed status changes. `amended` is a draft again (re-validate, re-submit); `withdrawn` is final. */
export const TRANSITIONS: Record<FilingStatus, readonly FilingStatus[]> = {
  draft: ['validated', 'withdrawn'],
  validated: ['draft', 'submitted', 'withdrawn'],
  submitted: ['accepted', 'rejected', 'held', 'withdrawn'],
  accepted: ['held', 'released', 'amended', 'withdrawn'],
  rejected: ['amended', 'withdrawn'],
  held: ['released', 'rejected', 'amended', 'withdrawn'],
  released: ['amended'],
  amended: ['validated', 'withdrawn'],
  withdrawn: [],
};

export function canTransition(from: FilingStatus, to: FilingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which a rebuild may replace the document in place. */
export const EDITABLE_STATUSES: readonly FilingStatus[] = ['draft', 'validated', 'rejected', 'amended'];

export const PARTY_ROLES = [
  'importer_of_record',
  'consignee',
  'seller',
  'buyer',
  'manufacturer',
  'ship_to',
  'stuffing_location',
  'consolidator',
  'carrier',
  'declarant',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface FilingAddress {
  line1?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country: string;
}

export interface FilingParty {
  role: PartyRole;
  /** Key for per-line roles (manufacturer): the core party id. */
  ref?: string;
  partyId?: string;
  isPerson: boolean;
  name?: string;
  address?: FilingAddress;
  country: string;
  /** Identifiers by scheme: IRS/EIN (US IOR), CBP, EORI, VAT, IOSS, MID. */
  ids: Partial<Record<'ior' | 'eori' | 'vat' | 'ioss' | 'mid' | 'scac' | 'iata', string>>;
}

export interface FilingTransport {
  mode: 'air' | 'ocean' | 'road' | 'rail' | 'postal' | 'express';
  carrierName?: string;
  /** SCAC (ocean), IATA airline code (air). */
  carrierCode?: string;
  conveyance?: string;
  voyage?: string;
  masterBill?: string;
  houseBill?: string;
  containers: string[];
  portOfLading?: string;
  portOfUnlading?: string;
  /** CBP Schedule D port of entry (US). */
  portOfEntry?: string;
  /** EU office of first entry / UK location of goods. */
  customsOffice?: string;
  countryOfExport: string;
  destinationCountry: string;
  departure?: string;
  arrival?: string;
  packages?: number;
  grossWeightKg?: string;
}

export interface FilingLine {
  lineNo: number;
  sku: string;
  orderId?: string;
  description: string;
  hsCode: string;
  originCountry: string;
  quantity: number;
  /** Quantity in the tariff's unit(s) of quantity, e.g. NO, KG, DOZ, PRS; X = none required. */
  tariffUnit?: string;
  tariffQuantity?: string;
  value: string;
  currency: string;
  /** Value converted into the regime's currency (USD, EUR, GBP), rounded to cents. */
  customsValue: string;
  grossWeightKg?: string;
  netWeightKg?: string;
  manufacturerRef?: string;
  relatedParty: boolean;
  /** PGA flags the line needs (US), e.g. FD2, CP. */
  pga: string[];
  /** PGA data the filer has supplied, keyed by flag. */
  pgaData?: Record<string, string>;
}

export interface FeeLine {
  code: string;
  name: string;
  amount: string;
  currency: string;
  basis: string;
}

/** A decision the builder took, with the rule (id@version) behind it. */
export interface Decision {
  rule: string;
  outcome: string;
  reason: string;
}

export interface FilingHeader {
  /** Local reference number (LRN), unique per filing. */
  reference: string;
  /** US entry type: 01 consumption (formal), 11 informal. */
  entryType?: '01' | '11' | '86';
  entryNumber?: string;
  filerCode?: string;
  bondType?: 'continuous' | 'single';
  /** ENS: full or the air PLACI 7+1 subset. */
  ensVariant?: 'full' | 'placi';
  ensVersion?: string;
  /** UK: declaration type (IM), additional declaration type (A = arrived, D = pre-lodged). */
  declarationType?: string;
  additionalDeclarationType?: string;
  procedureCode?: string;
  additionalProcedureCode?: string;
  valuationMethod?: string;
  natureOfTransaction?: string;
  lowValue?: boolean;
  invoiceCurrency: string;
  regimeCurrency: string;
  exchangeRate?: string;
  totalValue: string;
  totalCustomsValue: string;
  fees: FeeLine[];
  /** Date the declaration is made for (rules are read on this date). */
  declarationDate: string;
}

export interface Filing {
  kind: FilingKind;
  regime: Regime;
  /** Builder and rule versions: `builder@version` and every rule id@version used. */
  ruleVersion: string;
  shipmentId: string;
  shipmentReference: string;
  orderIds: string[];
  header: FilingHeader;
  parties: FilingParty[];
  transport: FilingTransport;
  lines: FilingLine[];
  decisions: Decision[];
}

export const partyOf = (f: Filing, role: PartyRole, ref?: string) =>
  f.parties.find((p) => p.role === role && (ref === undefined || p.ref === ref));
