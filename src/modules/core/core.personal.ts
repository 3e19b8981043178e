import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';

/**
 * The personal data of a natural person (`parties`) and of an order's recipient (`orders`), sealed as one
 * record per row in `personal_sealed` (`cg2.`, ADR 0007). Rows written before the record column keep one
 * sealed column per field (`cg1.`); readers accept both, and a row may hold both after a DSR correction
 * of an old row (the record then wins field by field).
 *
 * The field names are the ones DSR exports show and corrections name (privacy/sealed-columns.ts).
 */
export const PARTY_PERSONAL_COLUMNS = {
  name: 'name_sealed',
  address: 'address_sealed',
  email: 'email_sealed',
  phone: 'phone_sealed',
  taxId: 'tax_id_sealed',
} as const;
export const ORDER_PERSONAL_COLUMNS = {
  shipTo: 'ship_to_sealed',
  paymentReference: 'payment_ref_sealed',
} as const;

export type PartyPersonalField = keyof typeof PARTY_PERSONAL_COLUMNS;
export type OrderPersonalField = keyof typeof ORDER_PERSONAL_COLUMNS;
export const PARTY_PERSONAL_FIELDS = Object.keys(PARTY_PERSONAL_COLUMNS) as PartyPersonalField[];
export const ORDER_PERSONAL_FIELDS = Object.keys(ORDER_PERSONAL_COLUMNS) as OrderPersonalField[];

/** The record column of both tables. */
export const PERSONAL_RECORD_COLUMN = 'personal_sealed';

type SealedRow = { personal_sealed: string | null } & Partial<Record<string, unknown>>;

async function openPersonal<F extends string>(
  ctx: AppContext,
  orgId: string,
  row: SealedRow,
  columns: Readonly<Record<F, string>>,
  tx?: Executor,
): Promise<Record<F, string | null>> {
  const out = {} as Record<F, string | null>;
  for (const [field, col] of Object.entries(columns) as Array<[F, string]>) {
    const v = row[col];
    out[field] = typeof v === 'string' ? await ctx.cipher.open(orgId, v, tx) : null;
  }
  if (row.personal_sealed) {
    const record = await ctx.cipher.openRecord(orgId, row.personal_sealed, tx);
    for (const field of Object.keys(columns) as F[])
      if (Object.hasOwn(record, field)) out[field] = record[field] as string;
  }
  return out;
}

/**
 * A person's sealed fields of a `parties` row, in clear (`address` is the JSON of an Address), from the
 * record or the per-field columns. Throws a ShreddedError once the subject was erased. The caller journals
 * the read (`recordPersonalDataRead`) when it shows the values to someone.
 */
export function openPartyPersonal(
  ctx: AppContext,
  orgId: string,
  row: SealedRow,
  tx?: Executor,
): Promise<Record<PartyPersonalField, string | null>> {
  return openPersonal(ctx, orgId, row, PARTY_PERSONAL_COLUMNS, tx);
}

/** An order's sealed fields (`shipTo` is the JSON of an Address), from the record or the per-field columns. */
export function openOrderPersonal(
  ctx: AppContext,
  orgId: string,
  row: SealedRow,
  tx?: Executor,
): Promise<Record<OrderPersonalField, string | null>> {
  return openPersonal(ctx, orgId, row, ORDER_PERSONAL_COLUMNS, tx);
}
