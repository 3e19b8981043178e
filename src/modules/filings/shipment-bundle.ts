import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { hasPrefix } from '../../platform/ids.ts';
import { coreQueries, openPartyPersonal } from '../core/index.ts';
import type { BundleParty, ShipmentBundle } from './builders/common.ts';
import { getSettings } from './filing-settings.service.ts';

// ------------------------------------------------------------------------------------------ bundle

async function openParty(
  ctx: AppContext,
  orgId: string,
  row: Parameters<typeof openPartyPersonal>[2] & {
    id: string;
    kind: string;
    is_person: boolean;
    name: string | null;
    address: unknown;
    country: string;
    mid: string | null;
  },
): Promise<BundleParty> {
  // Sealed fields: one record (`personal_sealed`) or, for older rows, one column per field.
  const sealed = await openPartyPersonal(ctx, orgId, row);
  return {
    id: row.id,
    kind: row.kind,
    isPerson: row.is_person,
    name: row.name ?? sealed.name,
    address:
      (row.address as BundleParty['address']) ??
      (sealed.address ? (JSON.parse(sealed.address) as BundleParty['address']) : null),
    country: row.country,
    taxId: sealed.taxId,
    mid: row.mid,
  };
}

/** Loads a shipment with its lines, order prices, products and the parties a filing needs. */
export async function loadBundle(
  ctx: AppContext,
  orgId: string,
  shipmentId: string,
): Promise<ShipmentBundle> {
  if (!hasPrefix(shipmentId, 'shipment')) throw notFound('Shipment', shipmentId);
  const s = await coreQueries.getShipment(ctx, orgId, shipmentId);
  const skus = [...new Set(s.lines.map((l) => l.sku))];
  const orderIds = [...new Set(s.lines.map((l) => l.orderId).filter((x): x is string => !!x))];
  const [products, orderLines, orders, carrier] = await Promise.all([
    skus.length
      ? ctx.db
          .selectFrom('products')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('sku', 'in', skus)
          .execute()
      : [],
    orderIds.length
      ? ctx.db
          .selectFrom('order_lines')
          .select(['order_id', 'sku', 'unit_price', 'title'])
          .where('org_id', '=', orgId)
          .where('order_id', 'in', orderIds)
          .orderBy('line_no', 'desc')
          .execute()
      : [],
    orderIds.length
      ? ctx.db
          .selectFrom('orders')
          .select(['id', 'currency', 'buyer_party_id'])
          .where('org_id', '=', orgId)
          .where('id', 'in', orderIds)
          .execute()
      : [],
    ctx.db
      .selectFrom('shipments')
      .select('carrier_party_id')
      .where('id', '=', shipmentId)
      .executeTakeFirstOrThrow(),
  ]);
  const productBySku = new Map(products.map((p) => [p.sku, p]));
  // The first order line of a SKU wins (rows come last-first): an order may repeat a SKU.
  const priceOf = new Map(orderLines.map((l) => [`${l.order_id}|${l.sku}`, l]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const buyerIds = [...new Set(orders.map((o) => o.buyer_party_id).filter((x): x is string => !!x))];
  const buyer = buyerIds.length === 1 ? buyerIds[0] : undefined;

  // Only the parties this filing can use: the org's sellers/importers/consignees, suppliers, buyer, carrier.
  const ids = [...products.map((p) => p.supplier_party_id), ...buyerIds, carrier.carrier_party_id].filter(
    (x): x is string => !!x,
  );
  const partyRows = await ctx.db
    .selectFrom('parties')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('kind', 'in', ['seller', 'importer', 'consignee']),
        ...(ids.length ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  const pick = (kind: string, country?: string) =>
    partyRows.find((p) => p.kind === kind && (!country || p.country === country));
  const seller = pick('seller');
  const importer = pick('importer', s.destinationCountry);
  const consignee = pick('consignee', s.destinationCountry);
  const wanted = new Set([...ids, ...[seller, importer, consignee].filter((p) => !!p).map((p) => p!.id)]);
  const parties: Record<string, BundleParty> = {};
  for (const row of partyRows.filter((p) => wanted.has(p.id)))
    parties[row.id] = await openParty(ctx, orgId, row);
  return {
    shipment: {
      id: s.id,
      reference: s.reference,
      mode: s.mode,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      originCountry: s.originCountry,
      destinationCountry: s.destinationCountry,
      originPort: s.originPort,
      destinationPort: s.destinationPort,
      etd: s.etd,
      eta: s.eta,
      grossWeightKg: s.grossWeightKg,
      packageCount: s.packageCount,
    },
    lines: s.lines.map((l) => {
      const p = productBySku.get(l.sku);
      const ol = l.orderId ? priceOf.get(`${l.orderId}|${l.sku}`) : undefined;
      const order = l.orderId ? orderById.get(l.orderId) : undefined;
      return {
        lineNo: l.lineNo,
        sku: l.sku,
        quantity: l.quantity,
        orderId: l.orderId,
        unitPrice: ol?.unit_price ?? null,
        currency: ol ? (order?.currency ?? null) : (p?.currency ?? null),
        title: ol?.title ?? p?.title ?? l.sku,
        product: p
          ? {
              description: p.description ?? p.title,
              hsCode: p.hs_code,
              originCountry: p.origin_country,
              weightKg: p.weight_kg,
              value: p.value,
              currency: p.currency,
              supplierPartyId: p.supplier_party_id,
            }
          : null,
      };
    }),
    parties,
    roles: {
      ...(seller ? { seller: seller.id } : {}),
      ...(importer ? { importer: importer.id } : {}),
      ...(consignee ? { consignee: consignee.id } : buyer ? { consignee: buyer } : {}),
      ...(buyer ? { buyer } : consignee ? { buyer: consignee.id } : {}),
      ...(carrier.carrier_party_id ? { carrier: carrier.carrier_party_id } : {}),
    },
    settings: await getSettings(ctx, orgId),
  };
}
