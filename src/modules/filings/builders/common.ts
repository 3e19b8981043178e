import { Decimal } from '../../../platform/money.ts';
import type { TariffCodeValidator } from '../filings.ports.ts';
import type { FilingAddress, FilingLine, FilingParty, FilingTransport, PartyRole } from '../model.ts';
import { REFERENCE_FX } from '../rules/thresholds.ts';
import { type DatedRule, requireRuleAt, ruleRef } from '../rules/dated.ts';
import { port } from '../rules/ports.ts';
import { PGA_FLAGS } from '../rules/lists.ts';

/** Everything a builder needs about one shipment, loaded by the service (or a test factory). */
export interface ShipmentBundle {
  shipment: {
    id: string;
    reference: string;
    mode: FilingTransport['mode'];
    carrier: string | null;
    trackingNumber: string | null;
    originCountry: string;
    destinationCountry: string;
    originPort: string | null;
    destinationPort: string | null;
    etd: string | null;
    eta: string | null;
    grossWeightKg: string | null;
    packageCount: number | null;
  };
  lines: Array<{
    lineNo: number;
    sku: string;
    quantity: number;
    orderId: string | null;
    unitPrice: string | null;
    currency: string | null;
    title: string;
    product: {
      description: string | null;
      hsCode: string | null;
      originCountry: string | null;
      weightKg: string | null;
      value: string | null;
      currency: string | null;
      supplierPartyId: string | null;
    } | null;
  }>;
  parties: Record<string, BundleParty>;
  roles: Partial<Record<'seller' | 'importer' | 'consignee' | 'buyer' | 'carrier', string>>;
  settings: FilingSettings;
}

export interface BundleParty {
  id: string;
  kind: string;
  isPerson: boolean;
  name: string | null;
  address: FilingAddress | null;
  country: string;
  taxId: string | null;
  mid: string | null;
}

/** Per-organisation filer data (stored in filing_settings). */
export interface FilingSettings {
  filerCode?: string;
  bondType?: 'continuous' | 'single';
  iossNumber?: string;
  euEori?: string;
  gbEori?: string;
  gbVatNumber?: string;
  /** Related-party relationship between seller and importer (19 CFR 152.102(g)). */
  relatedParties?: boolean;
  /** Alert lead times before each deadline, in hours (default 48, 24, 4; overdue is always raised). */
  alertLeadsHours?: number[];
}

export interface BuildOptions {
  /** The instant the filing is built (ctx.clock). */
  now: Date;
  tariff: TariffCodeValidator;
  /** A drawn entry number for US entries (the service draws it from the filer's sequence). */
  entryNumber?: string;
  reference: string;
}

export class RuleTrail {
  readonly used = new Set<string>();
  use<T>(rules: ReadonlyArray<DatedRule<T>>, date: string | Date): DatedRule<T> {
    const r = requireRuleAt(rules, date);
    this.used.add(ruleRef(r));
    return r;
  }
  version(builder: string): string {
    return [builder, ...[...this.used].sort()].join(' ');
  }
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Converts `amount` in `from` into `to` through the dated reference rates (USD pivot). */
export function convert(trail: RuleTrail, amount: string, from: string, to: string, date: Date): string {
  if (from === to) return round2(new Decimal(amount));
  const fx = trail.use(REFERENCE_FX, date).value;
  const f = fx[from];
  const t = fx[to];
  if (!f || !t) throw new Error(`no reference rate for ${from}->${to}`);
  return round2(new Decimal(amount).div(f).times(t));
}

export function rate(trail: RuleTrail, from: string, to: string, date: Date): string {
  if (from === to) return '1';
  const fx = trail.use(REFERENCE_FX, date).value;
  return new Decimal(fx[to] ?? '0')
    .div(fx[from] ?? '1')
    .toDecimalPlaces(6)
    .toFixed();
}

export function toParty(p: BundleParty | undefined, role: PartyRole, ref?: string): FilingParty | undefined {
  if (!p) return undefined;
  const ids: FilingParty['ids'] = {};
  if (p.mid) ids.mid = p.mid;
  return {
    role,
    ...(ref ? { ref } : {}),
    partyId: p.id,
    isPerson: p.isPerson,
    ...(p.name ? { name: p.name } : {}),
    ...(p.address ? { address: p.address } : {}),
    country: p.country,
    ids,
  };
}

export function transportOf(b: ShipmentBundle): FilingTransport {
  const s = b.shipment;
  const carrier = s.carrier?.trim() ?? '';
  const code = /^[A-Z]{2,4}$/.test(carrier) ? carrier : undefined;
  return {
    mode: s.mode,
    ...(carrier ? { carrierName: carrier } : {}),
    ...(code ? { carrierCode: code } : {}),
    ...(s.trackingNumber ? { masterBill: s.trackingNumber } : {}),
    containers: [],
    ...(s.originPort ? { portOfLading: s.originPort } : {}),
    ...(s.destinationPort ? { portOfUnlading: s.destinationPort } : {}),
    countryOfExport: s.originCountry,
    destinationCountry: s.destinationCountry,
    ...(s.etd ? { departure: s.etd } : {}),
    ...(s.eta ? { arrival: s.eta } : {}),
    ...(s.packageCount != null ? { packages: s.packageCount } : {}),
    ...(s.grossWeightKg != null ? { grossWeightKg: new Decimal(s.grossWeightKg).toFixed(3) } : {}),
  };
}

export const portInfo = port;

/**
 * Lines of the canonical model from shipment lines: price from the order line (transaction value),
 * else the catalogue value; values converted into `regimeCurrency`.
 */
export function buildLines(
  b: ShipmentBundle,
  regimeCurrency: string,
  destination: string,
  opts: BuildOptions,
  trail: RuleTrail,
): FilingLine[] {
  const date = opts.now.toISOString().slice(0, 10);
  return b.lines.map((l) => {
    const p = l.product;
    const unit = l.unitPrice ?? p?.value ?? '0';
    const currency = (l.unitPrice ? l.currency : p?.currency) ?? l.currency ?? regimeCurrency;
    const value = new Decimal(unit).times(l.quantity).toDecimalPlaces(2).toFixed(2);
    const hsCode = (p?.hsCode ?? '').replace(/[.\s]/g, '');
    const weight = p?.weightKg ? new Decimal(p.weightKg).times(l.quantity).toDecimalPlaces(3) : undefined;
    const tariff = hsCode ? opts.tariff.validate({ code: hsCode, destination, date }) : undefined;
    const uom = tariff?.unitsOfQuantity[0];
    const line: FilingLine = {
      lineNo: l.lineNo,
      sku: l.sku,
      ...(l.orderId ? { orderId: l.orderId } : {}),
      description: (p?.description ?? l.title).trim().slice(0, 512),
      hsCode,
      originCountry: p?.originCountry ?? '',
      quantity: l.quantity,
      value,
      currency,
      customsValue: convert(trail, value, currency, regimeCurrency, opts.now),
      ...(weight ? { netWeightKg: weight.toFixed(3), grossWeightKg: weight.times('1.1').toFixed(3) } : {}),
      ...(p?.supplierPartyId ? { manufacturerRef: p.supplierPartyId } : {}),
      relatedParty: b.settings.relatedParties ?? false,
      pga: [],
    };
    if (uom) {
      line.tariffUnit = uom;
      if (uom === 'KG') {
        if (weight) line.tariffQuantity = weight.toFixed(3);
      } else if (uom === 'DOZ')
        line.tariffQuantity = new Decimal(l.quantity).div(12).toDecimalPlaces(2).toFixed(2);
      else if (uom !== 'X') line.tariffQuantity = String(l.quantity);
    }
    return line;
  });
}

export function pgaFlagsFor(hsCode: string): string[] {
  return [...new Set(PGA_FLAGS.filter((f) => hsCode.startsWith(f.prefix)).map((f) => f.flag))];
}

export const sumValues = (values: string[]) =>
  values
    .reduce((acc, v) => acc.plus(v || '0'), new Decimal(0))
    .toDecimalPlaces(2)
    .toFixed(2);

export { Decimal, round2 };
