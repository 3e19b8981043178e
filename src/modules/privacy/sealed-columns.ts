import type { ZodType } from 'zod';
import { addressRecord, orderRecord } from '../core/core.records.ts';
import {
  ORDER_PERSONAL_COLUMNS,
  ORDER_PERSONAL_FIELDS,
  PARTY_PERSONAL_COLUMNS,
  PARTY_PERSONAL_FIELDS,
  PERSONAL_RECORD_COLUMN,
} from '../core/core.personal.ts';

/**
 * Where personal data lives sealed: every table column that holds `cg1.` (field) or `cg2.` (record) values. The privacy module uses
 * this map to find a data subject's values (export, correction, erasure), to re-encrypt values under
 * retired keys, and to prove a raw dump holds no clear text. Each table has `id` and `org_id` columns.
 *
 * Modules that add sealed columns register them here (one call from their index.ts); the tables below
 * are the ones that exist today.
 */
export interface SealedTable {
  table: string;
  /** Sealed columns, with the name shown in exports. */
  columns: Record<string, string>;
  /**
   * Columns (also listed in `columns`) holding a sealed record of several fields (`sealRecord`, ADR 0007),
   * with the fields it may hold: exports show those fields, a correction names one of them.
   */
  records?: Record<string, string[]>;
  /** Clear, non-personal columns included in an export for context (e.g. order number and date). */
  context?: Record<string, string>;
  /** Keyed-hash column (FieldCipher.blindIndex of the normalised email) for finding a subject by email. */
  emailIndex?: string;
  /** Rows of this table are customs records under legal hold; this column dates them. */
  customsRecordDate?: string;
  /**
   * Fields whose value is a JSON document (an address), with its schema: a correction must give a valid
   * one, so every reader of the field (filings, exports) can still parse it.
   */
  structured?: Record<string, ZodType>;
}

const registry = new Map<string, SealedTable>();

export function registerSealedTable(t: SealedTable): void {
  registry.set(t.table, t);
}

export function sealedTables(): SealedTable[] {
  return [...registry.values()];
}

registerSealedTable({ table: 'users', columns: { email_sealed: 'email', name_sealed: 'name' } });
// parties and orders: new rows hold one sealed record (`personal_sealed`, ADR 0007), older rows one sealed
// column per field; both are listed so DSRs, re-encryption and the leak tests cover either format.
const partyFields = Object.fromEntries(Object.entries(PARTY_PERSONAL_COLUMNS).map(([f, c]) => [c, f]));
const orderFields = Object.fromEntries(Object.entries(ORDER_PERSONAL_COLUMNS).map(([f, c]) => [c, f]));
registerSealedTable({
  table: 'parties',
  columns: { ...partyFields, [PERSONAL_RECORD_COLUMN]: 'personal' },
  records: { [PERSONAL_RECORD_COLUMN]: PARTY_PERSONAL_FIELDS },
  context: { kind: 'kind', country: 'country', external_ref: 'reference' },
  emailIndex: 'email_index',
  structured: { address: addressRecord },
});
registerSealedTable({
  table: 'orders',
  columns: { ...orderFields, [PERSONAL_RECORD_COLUMN]: 'personal' },
  records: { [PERSONAL_RECORD_COLUMN]: ORDER_PERSONAL_FIELDS },
  context: {
    platform: 'platform',
    external_id: 'orderNumber',
    ordered_at: 'orderedAt',
    ship_to_country: 'shipToCountry',
    total: 'total',
    currency: 'currency',
  },
  customsRecordDate: 'ordered_at',
  structured: { shipTo: orderRecord.shape.shipTo },
});
