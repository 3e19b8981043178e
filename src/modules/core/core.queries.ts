import type { AppContext } from '../../platform/context.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import { notFound } from '../../platform/errors.ts';

/**
 * Read side of the domain core. Every query is scoped to one organisation: a row of another tenant is
 * indistinguishable from a missing row.
 */
export interface ListOptions {
  limit: number;
  cursor?: string | undefined;
}

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

export async function listOrders(
  ctx: AppContext,
  orgId: string,
  opts: ListOptions & { platform?: string | undefined; country?: string | undefined },
) {
  const after = decodeCursor(opts.cursor);
  let q = ctx.db
    .selectFrom('orders')
    .select([
      'id',
      'platform',
      'external_id',
      'ship_to_country',
      'currency',
      'total',
      'status',
      'ordered_at',
      'line_count',
    ])
    .where('org_id', '=', orgId);
  if (after) q = q.where('id', '>', after);
  if (opts.platform) q = q.where('platform', '=', opts.platform);
  if (opts.country) q = q.where('ship_to_country', '=', opts.country.toUpperCase());
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    externalId: r.external_id,
    shipToCountry: r.ship_to_country,
    currency: r.currency,
    total: r.total,
    status: r.status,
    orderedAt: iso(r.ordered_at)!,
    lineCount: r.line_count,
  }));
}

export async function getOrder(ctx: AppContext, orgId: string, id: string) {
  const o = await ctx.db
    .selectFrom('orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o) throw notFound('Order', id);
  const lines = await ctx.db
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('line_no')
    .execute();
  return {
    id: o.id,
    platform: o.platform,
    externalId: o.external_id,
    buyerPartyId: o.buyer_party_id,
    shipToCountry: o.ship_to_country,
    currency: o.currency,
    subtotal: o.subtotal,
    shipping: o.shipping,
    tax: o.tax,
    total: o.total,
    paymentMethod: o.payment_method,
    status: o.status,
    orderedAt: iso(o.ordered_at)!,
    paidAt: iso(o.paid_at),
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      productId: l.product_id,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      total: l.total,
    })),
  };
}

export async function listShipments(
  ctx: AppContext,
  orgId: string,
  opts: ListOptions & { mode?: string | undefined; status?: string | undefined },
) {
  const after = decodeCursor(opts.cursor);
  let q = ctx.db
    .selectFrom('shipments')
    .select([
      'id',
      'reference',
      'mode',
      'carrier',
      'origin_country',
      'destination_country',
      'origin_port',
      'destination_port',
      'etd',
      'eta',
      'status',
    ])
    .select((eb) =>
      eb
        .selectFrom('shipment_lines')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('shipment_lines.shipment_id', '=', 'shipments.id')
        .as('line_count'),
    )
    .where('org_id', '=', orgId);
  if (after) q = q.where('id', '>', after);
  if (opts.mode) q = q.where('mode', '=', opts.mode as never);
  if (opts.status) q = q.where('status', '=', opts.status);
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    mode: r.mode,
    carrier: r.carrier,
    originCountry: r.origin_country,
    destinationCountry: r.destination_country,
    originPort: r.origin_port,
    destinationPort: r.destination_port,
    etd: iso(r.etd),
    eta: iso(r.eta),
    status: r.status,
    lineCount: Number(r.line_count ?? 0),
  }));
}

export async function getShipment(ctx: AppContext, orgId: string, id: string) {
  const s = await ctx.db
    .selectFrom('shipments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) throw notFound('Shipment', id);
  const lines = await ctx.db
    .selectFrom('shipment_lines')
    .selectAll()
    .where('shipment_id', '=', id)
    .orderBy('line_no')
    .execute();
  return {
    id: s.id,
    reference: s.reference,
    mode: s.mode,
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
    originCountry: s.origin_country,
    destinationCountry: s.destination_country,
    originPort: s.origin_port,
    destinationPort: s.destination_port,
    etd: iso(s.etd),
    eta: iso(s.eta),
    atd: iso(s.atd),
    ata: iso(s.ata),
    status: s.status,
    grossWeightKg: s.gross_weight_kg,
    packageCount: s.package_count,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      orderId: l.order_id,
      orderExternalId: l.order_external_id,
      sku: l.sku,
      quantity: l.quantity,
    })),
  };
}

export async function listProducts(
  ctx: AppContext,
  orgId: string,
  opts: ListOptions & { q?: string | undefined },
) {
  const after = decodeCursor(opts.cursor);
  let q = ctx.db
    .selectFrom('products')
    .select([
      'id',
      'sku',
      'title',
      'hs_code',
      'origin_country',
      'value',
      'currency',
      'weight_kg',
      'category_path',
    ])
    .where('org_id', '=', orgId);
  if (after) q = q.where('id', '>', after);
  if (opts.q) q = q.where('title', 'ilike', `%${opts.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  const rows = await q
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    title: r.title,
    hsCode: r.hs_code,
    originCountry: r.origin_country,
    value: r.value,
    currency: r.currency,
    weightKg: r.weight_kg,
    categoryPath: r.category_path,
  }));
}

export async function getProduct(ctx: AppContext, orgId: string, id: string) {
  const p = await ctx.db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('Product', id);
  return {
    id: p.id,
    sku: p.sku,
    title: p.title,
    description: p.description,
    attributes: p.attributes,
    categoryPath: p.category_path,
    originCountry: p.origin_country,
    hsCode: p.hs_code,
    value: p.value,
    currency: p.currency,
    weightKg: p.weight_kg,
    supplierPartyId: p.supplier_party_id,
  };
}

/** Headline figures for the dashboard overview. */
export async function overview(ctx: AppContext, orgId: string) {
  const [orders, shipments, products] = await Promise.all([
    ctx.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('shipments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  const byDay = await ctx.db
    .selectFrom('orders')
    .select((eb) => [
      eb
        .fn<string>('to_char', [
          eb.fn('date_trunc', [eb.val('day'), eb.ref('ordered_at')]),
          eb.val('YYYY-MM-DD'),
        ])
        .as('day'),
      eb.fn.countAll<number>().as('orders'),
    ])
    .where('org_id', '=', orgId)
    .groupBy('day')
    .orderBy('day')
    .execute();
  const byDestination = await ctx.db
    .selectFrom('orders')
    .select((eb) => ['ship_to_country', eb.fn.countAll<number>().as('orders')])
    .where('org_id', '=', orgId)
    .groupBy('ship_to_country')
    .orderBy('orders', 'desc')
    .execute();
  const byMode = await ctx.db
    .selectFrom('shipments')
    .select((eb) => ['mode', eb.fn.countAll<number>().as('shipments')])
    .where('org_id', '=', orgId)
    .groupBy('mode')
    .execute();
  return {
    counts: { orders: Number(orders.n), shipments: Number(shipments.n), products: Number(products.n) },
    ordersByDay: byDay.map((r) => ({ day: r.day, orders: Number(r.orders) })),
    ordersByDestination: byDestination.map((r) => ({ country: r.ship_to_country, orders: Number(r.orders) })),
    shipmentsByMode: byMode.map((r) => ({ mode: r.mode, shipments: Number(r.shipments) })),
  };
}
