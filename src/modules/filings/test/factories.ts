import type { AppContext } from '../../../platform/context.ts';
import type { ShipmentBundle } from '../builders/common.ts';

/**
 * Inserts a fixture bundle as core rows (parties, products, orders, shipment): the same realistic
 * shipments the pure tests use, now through the database. Persons are sealed like the importers do.
 */
export async function insertShipment(ctx: AppContext, orgId: string, b: ShipmentBundle) {
  const now = ctx.clock.now();
  const partyIds: Record<string, string> = {};
  for (const p of Object.values(b.parties)) {
    const id = ctx.ids.next('party');
    partyIds[p.id] = id;
    await ctx.db
      .insertInto('parties')
      .values({
        id,
        org_id: orgId,
        kind: p.kind as 'seller',
        external_ref: `${p.id}-${id.slice(-6)}`,
        is_person: p.isPerson,
        name: p.isPerson ? null : p.name,
        name_sealed: p.isPerson && p.name ? await ctx.cipher.seal(orgId, p.name) : null,
        address: p.isPerson ? null : JSON.stringify(p.address),
        address_sealed:
          p.isPerson && p.address ? await ctx.cipher.seal(orgId, JSON.stringify(p.address)) : null,
        country: p.country,
        tax_id_sealed: p.taxId ? await ctx.cipher.seal(orgId, p.taxId) : null,
        mid: p.mid,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const buyer = b.roles.buyer ? partyIds[b.roles.buyer] : undefined;
  const shipmentId = ctx.ids.next('shipment');
  const orderId = ctx.ids.next('order');
  const currency = b.lines[0]?.currency ?? 'USD';
  await ctx.db
    .insertInto('orders')
    .values({
      id: orderId,
      org_id: orgId,
      platform: 'shopify',
      external_id: `#${shipmentId.slice(-8)}`,
      buyer_party_id: buyer ?? null,
      ship_to_country: b.shipment.destinationCountry,
      currency,
      subtotal: '0',
      shipping: '0',
      tax: '0',
      total: '0',
      status: 'paid',
      ordered_at: now,
      line_count: b.lines.length,
      content_hash: 'x',
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const l of b.lines) {
    const existing = await ctx.db
      .selectFrom('products')
      .select('id')
      .where('org_id', '=', orgId)
      .where('sku', '=', l.sku)
      .executeTakeFirst();
    const productId = existing?.id ?? ctx.ids.next('product');
    if (!existing && l.product)
      await ctx.db
        .insertInto('products')
        .values({
          id: productId,
          org_id: orgId,
          sku: l.sku,
          title: l.title,
          description: l.product.description,
          attributes: '{}',
          origin_country: l.product.originCountry,
          hs_code: l.product.hsCode,
          value: l.product.value,
          currency: l.product.currency,
          weight_kg: l.product.weightKg,
          supplier_party_id: l.product.supplierPartyId ? (partyIds[l.product.supplierPartyId] ?? null) : null,
          content_hash: 'x',
          created_at: now,
          updated_at: now,
        })
        .execute();
    await ctx.db
      .insertInto('order_lines')
      .values({
        id: ctx.ids.next('orderLine'),
        org_id: orgId,
        order_id: orderId,
        line_no: l.lineNo,
        sku: l.sku,
        product_id: productId,
        title: l.title,
        quantity: l.quantity,
        unit_price: l.unitPrice ?? '0',
        total: '0',
      })
      .execute();
  }
  const s = b.shipment;
  await ctx.db
    .insertInto('shipments')
    .values({
      id: shipmentId,
      org_id: orgId,
      reference: `${s.reference}-${shipmentId.slice(-6)}`,
      mode: s.mode,
      carrier: s.carrier,
      carrier_party_id: null,
      tracking_number: s.trackingNumber,
      origin_country: s.originCountry,
      destination_country: s.destinationCountry,
      origin_port: s.originPort,
      destination_port: s.destinationPort,
      etd: s.etd,
      eta: s.eta,
      status: 'booked',
      gross_weight_kg: s.grossWeightKg,
      package_count: s.packageCount,
      content_hash: 'x',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('shipment_lines')
    .values(
      b.lines.map((l) => ({
        id: ctx.ids.next('shipmentLine'),
        org_id: orgId,
        shipment_id: shipmentId,
        line_no: l.lineNo,
        order_id: orderId,
        sku: l.sku,
        quantity: l.quantity,
      })),
    )
    .execute();
  return { shipmentId, orderId, partyIds };
}
