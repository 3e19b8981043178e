import type { AppContext } from '../../src/platform/context.ts';

/** Personal data of a made-up buyer; tests assert these strings never reach logs or the raw database. */
export interface BuyerData {
  buyerKey: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  paymentRef: string;
}

let n = 0;
export function buyerData(tag = 'x'): BuyerData {
  n += 1;
  return {
    buyerKey: `shopify:buyer:${tag}-${n}`,
    name: `Marguerite Quillfeather-${tag}${n}`,
    email: `marguerite.${tag}${n}@mail.example`,
    phone: `+44 20 7946 ${String(1000 + n).slice(-4)}`,
    address: `${n} Zephyr Lane, Applecross, IV54 8${tag.toUpperCase().slice(0, 1)}X`,
    paymentRef: `pi_3Q${tag}${n}XyZsecret`,
  };
}

/**
 * Factory: a buyer (natural person) and one order, with personal data sealed under the buyer's subject
 * key the way the importers seal it: one sealed record per row (`personal_sealed`), or with
 * `format: 'fields'` one sealed column per field, as rows written before the record column. Returns the ids.
 */
export async function seedBuyerWithOrder(
  ctx: AppContext,
  orgId: string,
  b: BuyerData,
  opts: { orderedAt?: Date; externalId?: string; format?: 'record' | 'fields' } = {},
) {
  const now = ctx.clock.now();
  const fields = opts.format === 'fields';
  const shipTo = `${b.name}, ${b.address}`;
  const partyId = ctx.ids.next('party');
  await ctx.db
    .insertInto('parties')
    .values({
      id: partyId,
      org_id: orgId,
      kind: 'buyer',
      external_ref: b.buyerKey,
      is_person: true,
      ...(fields
        ? {
            name_sealed: await ctx.cipher.seal(orgId, b.name, b.buyerKey),
            address_sealed: await ctx.cipher.seal(orgId, b.address, b.buyerKey),
            email_sealed: await ctx.cipher.seal(orgId, b.email, b.buyerKey),
            phone_sealed: await ctx.cipher.seal(orgId, b.phone, b.buyerKey),
          }
        : {
            personal_sealed: await ctx.cipher.sealRecord(
              orgId,
              { name: b.name, address: b.address, email: b.email, phone: b.phone },
              b.buyerKey,
            ),
          }),
      email_index: ctx.cipher.blindIndex(orgId, b.email.toLowerCase()),
      country: 'GB',
      created_at: now,
      updated_at: now,
    } as never)
    .execute();
  const orderId = ctx.ids.next('order');
  await ctx.db
    .insertInto('orders')
    .values({
      id: orderId,
      org_id: orgId,
      platform: 'shopify',
      external_id: opts.externalId ?? `#${orderId.slice(-6)}`,
      buyer_party_id: partyId,
      ship_to_country: 'GB',
      ...(fields
        ? {
            ship_to_sealed: await ctx.cipher.seal(orgId, shipTo, b.buyerKey),
            payment_ref_sealed: await ctx.cipher.seal(orgId, b.paymentRef, b.buyerKey),
          }
        : {
            personal_sealed: await ctx.cipher.sealRecord(
              orgId,
              { shipTo, paymentReference: b.paymentRef },
              b.buyerKey,
            ),
          }),
      currency: 'GBP',
      subtotal: '42.5',
      shipping: '4.5',
      tax: '0',
      total: '47',
      payment_method: 'card',
      status: 'paid',
      ordered_at: opts.orderedAt ?? now,
      line_count: 0,
      content_hash: 'h',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { partyId, orderId };
}

/** Every value in a buyer's data, for "never in clear" assertions. */
export function personalStrings(b: BuyerData): string[] {
  return [b.name, b.email, b.phone, b.address, b.paymentRef];
}
