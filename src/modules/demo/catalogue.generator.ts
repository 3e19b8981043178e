import i18nCountries from 'i18n-iso-countries';
import { Decimal } from '../../platform/money.ts';
import { type PartyRecord, partyRecord, type ProductRecord, productRecord } from '../core/index.ts';
import type { Rng } from './prng.ts';
import {
  FAMILIES,
  type ProductFamily,
  SIZES_APPAREL,
  SIZES_SHOES_EU,
  STALE_HTS,
  type Variant,
} from './data/catalogue.data.ts';
import { manufacturerId, SUPPLIERS, type SupplierSeed } from './data/suppliers.data.ts';
import { ROUTING } from './data/logistics.data.ts';

/** What the order and shipment generators need to know about a product beyond its record. */
export interface CatalogueItem {
  record: ProductRecord;
  family: ProductFamily;
  variant: Variant;
  priceUsd: Decimal;
  weightKg: number;
  /** Relative chance of being ordered. */
  popularity: number;
  bulky: boolean;
  /** Whether the record carries a current HTS code, none, or a code from an older edition. */
  hsState: 'current' | 'missing' | 'stale';
  supplierCode: string;
}

export interface Catalogue {
  items: CatalogueItem[];
  suppliers: PartyRecord[];
}

/** Number of products at a scale: 500 at scale 1, never fewer than 20. */
export function productCount(scale: number): number {
  return Math.max(20, Math.round(500 * scale));
}

export function supplierParty(s: SupplierSeed): PartyRecord {
  return partyRecord.parse({
    kind: 'manufacturer',
    externalRef: s.code,
    isPerson: false,
    name: s.name,
    address: {
      line1: s.line1,
      line2: s.line2,
      city: s.city,
      region: s.region,
      postalCode: s.postalCode,
      country: s.country,
    },
    country: s.country,
    region: s.region,
    mid: manufacturerId(s),
  });
}

const charm = (usd: number) => new Decimal(Math.max(1, Math.floor(usd))).plus('0.99');

function describe(family: ProductFamily, variant: Variant, title: string, supplier: SupplierSeed): string {
  const a = variant.attributes;
  const parts = [`${title}.`];
  if (a.material) parts.push(`Material: ${a.material}${a.construction ? ` (${a.construction})` : ''}.`);
  if (a.gender && a.gender !== 'unisex') parts.push(`Designed for ${a.gender}.`);
  if (a.powerSource) parts.push(`Power: ${a.powerSource}.`);
  if (a.use) parts.push(`Ideal for ${a.use}.`);
  const extras = Object.entries(a).filter(
    ([k]) => !['material', 'construction', 'gender', 'powerSource', 'use'].includes(k),
  );
  if (extras.length) parts.push(extras.map(([k, v]) => `${k}: ${v}`).join('; ') + '.');
  parts.push(
    `Category: ${family.category}. Made in ${i18nCountries.getName(supplier.country, 'en') ?? supplier.country}.`,
  );
  return parts.join(' ');
}

/**
 * Builds the catalogue: every family appears at least once, the rest are drawn by popularity. About
 * 3% of products have no HTS code and a few carry a code from an older HTSUS edition.
 */
export function generateCatalogue(rng: Rng, count: number): Catalogue {
  const bySpecialty = new Map<string, SupplierSeed[]>();
  for (const s of SUPPLIERS)
    for (const sp of s.specialties) bySpecialty.set(sp, [...(bySpecialty.get(sp) ?? []), s]);
  const staleFor = new Map(Object.entries(STALE_HTS).map(([old, v]) => [v.replacedBy, old]));

  const items: CatalogueItem[] = [];
  let staleUsed = 0;
  for (let i = 0; i < count; i++) {
    const family = i < FAMILIES.length ? FAMILIES[i]! : rng.weighted(FAMILIES, (f) => f.popularity);
    const variant = rng.pick(family.variants);
    const style = rng.pick(family.styles);
    const feature = rng.chance(0.6) ? rng.pick(family.features) : undefined;
    const colour = family.colours ? rng.pick(family.colours) : undefined;
    const name = family.labelIsName ? variant.label : `${variant.label} ${family.noun}`;
    const title = `${style} ${name}${feature ? `, ${feature}` : ''}${colour ? ` - ${colour}` : ''}`;
    const supplier = rng.weighted(bySpecialty.get(family.specialty) ?? SUPPLIERS, (s) => s.share ?? 1);
    const [lo, hi] = variant.price ?? family.price;
    const price = charm(rng.range(lo, hi));
    const [wlo, whi] = variant.weightKg ?? family.weightKg;
    const weightKg = Math.round(rng.range(wlo, whi) * 1000) / 1000;

    let hsState: CatalogueItem['hsState'] = 'current';
    let hsCode: string | undefined = variant.hts;
    const stale = staleFor.get(variant.hts);
    if (i === 3 || (i >= FAMILIES.length && rng.chance(0.03))) {
      hsState = 'missing';
      hsCode = undefined;
    } else if (stale && (staleUsed === 0 || rng.chance(0.15))) {
      hsState = 'stale';
      hsCode = stale;
      staleUsed++;
    }

    const attributes: Record<string, string> = { ...variant.attributes, style };
    if (colour) attributes.colour = colour;
    if (family.specialty === 'apparel' || family.specialty === 'cotton')
      attributes.sizes = family.code === 'BBY' ? '0-3M, 3-6M, 6-12M, 12-18M' : SIZES_APPAREL.join(', ');
    if (family.specialty === 'footwear')
      attributes.sizes = `EU ${SIZES_SHOES_EU[0]}-${SIZES_SHOES_EU[SIZES_SHOES_EU.length - 1]}`;

    const record = productRecord.parse({
      sku: `BW-${family.code}-${String(i + 1).padStart(4, '0')}`,
      title,
      description: describe(family, variant, title, supplier),
      attributes,
      categoryPath: family.category,
      originCountry: supplier.country,
      hsCode,
      value: price.toFixed(2),
      currency: 'USD',
      weightKg: String(weightKg),
      supplier: supplierParty(supplier),
    });
    items.push({
      record,
      family,
      variant,
      priceUsd: price,
      weightKg,
      popularity: rng.logNormal(1, 2),
      bulky: family.bulky === true || weightKg >= ROUTING.bulkyKg,
      hsState,
      supplierCode: supplier.code,
    });
  }
  const used = new Set(items.map((i) => i.supplierCode));
  return { items, suppliers: SUPPLIERS.filter((s) => used.has(s.code)).map(supplierParty) };
}
