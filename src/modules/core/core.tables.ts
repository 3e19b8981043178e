import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** numeric columns come back as decimal strings on both drivers. */
type Numeric = ColumnType<string, string | number, string | number>;

export const PARTY_KINDS = [
  'seller',
  'buyer',
  'consignee',
  'supplier',
  'manufacturer',
  'carrier',
  'broker',
  'importer',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const TRANSPORT_MODES = ['air', 'ocean', 'road', 'rail', 'postal', 'express'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country: string;
}

/**
 * A party. Companies are stored in clear; natural persons (`is_person`) have name, address and contact
 * details sealed (FieldCipher) and only the country in clear: as one sealed record in `personal_sealed`
 * (fields name, address, email, phone, taxId; core.personal.ts), or, for rows written before that column,
 * one sealed column per field.
 */
export interface PartyTable {
  id: string;
  org_id: string;
  kind: PartyKind;
  /** Natural key within (org, kind): the platform's buyer id, supplier code, SCAC… */
  external_ref: string;
  is_person: boolean;
  name: string | null;
  name_sealed: string | null;
  address: Json<Address | null> | null;
  address_sealed: string | null;
  country: string;
  region: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  tax_id_sealed: string | null;
  /** A person's name, address (JSON), email, phone and tax id as one sealed record (`cg2.`, ADR 0007). */
  personal_sealed: string | null;
  /** Manufacturer identification code (CBP MID) for manufacturers/suppliers. */
  mid: string | null;
  /** Keyed hash of the normalised email for exact lookup. */
  email_index: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductTable {
  id: string;
  org_id: string;
  sku: string;
  title: string;
  description: string | null;
  attributes: Json<Record<string, string>>;
  category_path: string | null;
  origin_country: string | null;
  hs_code: string | null;
  value: Numeric | null;
  currency: string | null;
  weight_kg: Numeric | null;
  supplier_party_id: string | null;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderTable {
  id: string;
  org_id: string;
  platform: string;
  external_id: string;
  buyer_party_id: string | null;
  ship_to_country: string;
  ship_to_sealed: string | null;
  currency: string;
  subtotal: Numeric;
  shipping: Numeric;
  tax: Numeric;
  total: Numeric;
  payment_method: string | null;
  payment_ref_sealed: string | null;
  /** Ship-to address (JSON) and payment reference as one sealed record (`cg2.`); older rows use the two columns above. */
  personal_sealed: string | null;
  status: string;
  ordered_at: Timestamp;
  paid_at: Timestamp | null;
  line_count: number;
  content_hash: string;
  import_run_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLineTable {
  id: string;
  org_id: string;
  order_id: string;
  line_no: number;
  sku: string;
  product_id: string | null;
  title: string;
  quantity: number;
  unit_price: Numeric;
  total: Numeric;
}

export interface ShipmentTable {
  id: string;
  org_id: string;
  reference: string;
  mode: TransportMode;
  carrier: string | null;
  carrier_party_id: string | null;
  tracking_number: string | null;
  origin_country: string;
  destination_country: string;
  origin_port: string | null;
  destination_port: string | null;
  etd: Timestamp | null;
  eta: Timestamp | null;
  atd: Timestamp | null;
  ata: Timestamp | null;
  status: string;
  gross_weight_kg: Numeric | null;
  package_count: number | null;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShipmentLineTable {
  id: string;
  org_id: string;
  shipment_id: string;
  line_no: number;
  order_id: string | null;
  order_external_id: string | null;
  sku: string;
  quantity: number;
}

export interface DocumentTable {
  id: string;
  org_id: string;
  subject_type: string;
  subject_id: string;
  filename: string;
  media_type: string;
  sha256: string;
  size_bytes: number;
  content: Buffer;
  created_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    parties: PartyTable;
    products: ProductTable;
    orders: OrderTable;
    order_lines: OrderLineTable;
    shipments: ShipmentTable;
    shipment_lines: ShipmentLineTable;
    documents: DocumentTable;
  }
}
