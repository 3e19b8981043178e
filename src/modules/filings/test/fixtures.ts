import type { BundleParty, ShipmentBundle } from '../builders/common.ts';
import type { TariffCodeValidator } from '../filings.ports.ts';

/**
 * Realistic shipment bundles for pure tests (no database): a Shenzhen seller shipping ocean to Los
 * Angeles, air to Frankfurt and JFK, express parcels to London. The db tests insert the same shapes.
 */

export const SELLER: BundleParty = {
  id: 'pty_seller',
  kind: 'seller',
  isPerson: false,
  name: 'Shenzhen Brightway Trading Co Ltd',
  address: {
    line1: '88 Keyuan Road, Nanshan District',
    city: 'Shenzhen',
    postalCode: '518057',
    country: 'CN',
  },
  country: 'CN',
  taxId: null,
  mid: null,
};
export const FACTORY: BundleParty = {
  id: 'pty_factory',
  kind: 'manufacturer',
  isPerson: false,
  name: 'Dongguan Sunrise Electronics Co Ltd',
  address: { line1: '1288 Changan Avenue', city: 'Dongguan', postalCode: '523850', country: 'CN' },
  country: 'CN',
  taxId: null,
  mid: 'CNDONSUN1288DON',
};
export const US_IMPORTER: BundleParty = {
  id: 'pty_us_importer',
  kind: 'importer',
  isPerson: false,
  name: 'Brightway USA Inc.',
  address: { line1: '1200 E Dominguez St', city: 'Carson', postalCode: '90746', region: 'CA', country: 'US' },
  country: 'US',
  taxId: '95-123456700',
  mid: null,
};
export const EU_BUYER: BundleParty = {
  id: 'pty_eu_buyer',
  kind: 'buyer',
  isPerson: true,
  name: 'Anna Schmidt',
  address: { line1: 'Hauptstrasse 12', city: 'Frankfurt am Main', postalCode: '60311', country: 'DE' },
  country: 'DE',
  taxId: null,
  mid: null,
};
export const UK_BUYER: BundleParty = {
  id: 'pty_uk_buyer',
  kind: 'buyer',
  isPerson: true,
  name: 'Oliver Hughes',
  address: { line1: '21 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
  country: 'GB',
  taxId: null,
  mid: null,
};
export const CARRIER: BundleParty = {
  id: 'pty_carrier',
  kind: 'carrier',
  isPerson: false,
  name: 'COSCO Shipping Lines',
  address: null,
  country: 'CN',
  taxId: null,
  mid: null,
};

const product = (hsCode: string, value: string, weightKg: string, description: string) => ({
  description,
  hsCode,
  originCountry: 'CN',
  weightKg,
  value,
  currency: 'USD',
  supplierPartyId: FACTORY.id,
});

export const SKUS = {
  headphones: product('8518302000', '24.00', '0.25', 'Wireless bluetooth over-ear headphones'),
  cable: product('8544429090', '3.50', '0.05', 'USB-C charging cable, PVC insulated, 1 m'),
  lamp: product('9405116010', '18.00', '1.10', 'LED desk lamp, aluminium, mains powered, household'),
  organiser: product('3926100000', '3.50', '0.20', 'Plastic desk organiser with pen holder, office supplies'),
  toy: product('9503000073', '9.00', '0.30', 'Plastic building block toy set for children'),
};

type Sku = keyof typeof SKUS;

function lines(items: Array<[Sku, number, string?]>, currency = 'USD') {
  return items.map(([sku, quantity, price], i) => ({
    lineNo: i + 1,
    sku: `BW-${sku.toUpperCase()}`,
    quantity,
    orderId: `ord_${i + 1}`,
    unitPrice: price ?? SKUS[sku].value,
    currency,
    title: SKUS[sku].description,
    product: { ...SKUS[sku], currency },
  }));
}

const parties = (...ps: BundleParty[]) => Object.fromEntries(ps.map((p) => [p.id, p]));

/** Ocean FCL Yantian → Los Angeles, formal entry value. */
export function usOceanBundle(): ShipmentBundle {
  return {
    shipment: {
      id: 'shp_us_ocean',
      reference: 'BW-2611-LAX-01',
      mode: 'ocean',
      carrier: 'COSU',
      trackingNumber: 'COSU6321458790',
      originCountry: 'CN',
      destinationCountry: 'US',
      originPort: 'CNYTN',
      destinationPort: 'USLAX',
      etd: '2026-11-10T02:00:00.000Z',
      eta: '2026-11-24T15:00:00.000Z',
      grossWeightKg: '2400',
      packageCount: 120,
    },
    lines: lines([
      ['headphones', 400],
      ['organiser', 2000],
      ['lamp', 300],
    ]),
    parties: parties(SELLER, FACTORY, US_IMPORTER, CARRIER),
    roles: {
      seller: SELLER.id,
      importer: US_IMPORTER.id,
      consignee: US_IMPORTER.id,
      buyer: US_IMPORTER.id,
      carrier: CARRIER.id,
    },
    settings: { filerCode: 'B7X', bondType: 'continuous' },
  };
}

/** Air parcel consolidation Shenzhen → JFK, $420: informal entry (Section 321 gone). */
export function usAirBundle(): ShipmentBundle {
  const b = usOceanBundle();
  return {
    ...b,
    shipment: {
      ...b.shipment,
      id: 'shp_us_air',
      reference: 'BW-2611-JFK-07',
      mode: 'air',
      carrier: 'CA',
      trackingNumber: '999-12345675',
      originPort: 'CNSZX',
      destinationPort: 'USJFK',
      etd: '2026-11-10T02:00:00.000Z',
      eta: '2026-11-10T20:00:00.000Z',
      grossWeightKg: '12',
      packageCount: 3,
    },
    lines: lines([
      ['headphones', 15],
      ['cable', 12],
    ]),
  };
}

/** Air Shenzhen → Frankfurt, a €~120 B2C parcel to a private buyer; IOSS seller. */
export function euAirBundle(): ShipmentBundle {
  return {
    shipment: {
      id: 'shp_eu_air',
      reference: 'BW-2611-FRA-03',
      mode: 'air',
      carrier: 'LH',
      trackingNumber: '020-12345675',
      originCountry: 'CN',
      destinationCountry: 'DE',
      originPort: 'CNSZX',
      destinationPort: 'DEFRA',
      etd: '2026-11-10T02:00:00.000Z',
      eta: '2026-11-10T14:00:00.000Z',
      grossWeightKg: '2.5',
      packageCount: 1,
    },
    lines: lines(
      [
        ['headphones', 2, '45.00'],
        ['cable', 3, '9.90'],
      ],
      'EUR',
    ),
    parties: parties(SELLER, FACTORY, EU_BUYER),
    roles: { seller: SELLER.id, buyer: EU_BUYER.id, consignee: EU_BUYER.id },
    settings: { euEori: 'NL824569123000', iossNumber: 'IM5280001234' },
  };
}

/** Express parcel Hong Kong → London Heathrow, £ low value (the £135 rule). */
export function ukLowBundle(): ShipmentBundle {
  return {
    shipment: {
      id: 'shp_uk_low',
      reference: 'BW-2611-LHR-11',
      mode: 'express',
      carrier: 'DHL Express',
      trackingNumber: '1234567890',
      originCountry: 'CN',
      destinationCountry: 'GB',
      originPort: 'CNSZX',
      destinationPort: 'GBLHR',
      etd: '2026-11-10T02:00:00.000Z',
      eta: '2026-11-11T09:00:00.000Z',
      grossWeightKg: '1.2',
      packageCount: 1,
    },
    lines: lines([['headphones', 2, '39.00']], 'GBP'),
    parties: parties(SELLER, FACTORY, UK_BUYER),
    roles: { seller: SELLER.id, buyer: UK_BUYER.id, consignee: UK_BUYER.id },
    settings: { gbEori: 'GB123456789000', gbVatNumber: 'GB980780684' },
  };
}

/** Ocean Yantian → Felixstowe, £4,000: standard declaration with import VAT. */
export function ukStandardBundle(): ShipmentBundle {
  const b = ukLowBundle();
  return {
    ...b,
    shipment: {
      ...b.shipment,
      id: 'shp_uk_std',
      reference: 'BW-2611-FXT-02',
      mode: 'ocean',
      carrier: 'MAEU',
      trackingNumber: 'MAEU240011223',
      originPort: 'CNYTN',
      destinationPort: 'GBFXT',
      etd: '2026-11-10T02:00:00.000Z',
      eta: '2026-12-08T06:00:00.000Z',
      grossWeightKg: '900',
      packageCount: 40,
    },
    lines: lines([['lamp', 250, '16.00']], 'GBP'),
  };
}

/**
 * The fixture codes with their units of quantity as the USITC HTS 2026 export states them (checked
 * against CROSSGATE_REFERENCE_DIR by reference.test.ts when the data is there).
 */
export const FIXTURE_UNITS: Record<string, string[]> = {
  '8518302000': ['NO'],
  '8544429090': ['NO'],
  '9405116010': ['NO'],
  '9503000073': ['NO'],
  '3926100000': ['KG'],
};

/** A tariff validator that knows the fixture codes and their units (stands in for the tariff module). */
export const fixtureTariff: TariffCodeValidator = {
  validate({ code }) {
    const units: Record<string, string[]> = FIXTURE_UNITS;
    const known = units[code] ?? (code.length === 6 ? [] : undefined);
    return {
      valid: known !== undefined || code.length === 6,
      declarable: code.length === 10 && known !== undefined,
      unitsOfQuantity: known ?? [],
      message: known !== undefined ? 'ok' : `${code} is not in the tariff revision`,
      source: 'fixture@1',
    };
  },
};
