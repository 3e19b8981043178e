import type { AppContext } from '../../../platform/context.ts';
import {
  ingestOrders,
  ingestProducts,
  ingestShipments,
  orderRecord,
  partyRecord,
  productRecord,
  shipmentRecord,
  upsertParties,
} from '../../core/index.ts';
import type { BundleParty, ShipmentBundle } from '../builders/common.ts';

/**
 * Inserts a fixture bundle through the core module's ingest API (the path importers and the demo
 * generator take): parties, products with their supplier, an order with its buyer, the shipment. The
 * same realistic shipments the pure tests use, now through the database; persons are sealed by core.
 */
const partyRec = (p: BundleParty) =>
  partyRecord.parse({
    kind: p.kind,
    externalRef: p.id,
    isPerson: p.isPerson,
    name: p.name,
    ...(p.address ? { address: p.address } : {}),
    country: p.country,
    ...(p.taxId ? { taxId: p.taxId } : {}),
    ...(p.mid ? { mid: p.mid } : {}),
  });

let counter = 0;

export async function insertShipment(ctx: AppContext, orgId: string, b: ShipmentBundle) {
  counter++;
  const opts = { actor: 'test:factory' };
  const byId = (id?: string) => (id ? b.parties[id] : undefined);
  const companies = ['seller', 'importer', 'consignee']
    .map((r) => byId(b.roles[r as 'seller']))
    .filter((p): p is BundleParty => !!p && !p.isPerson);
  if (companies.length)
    await ctx.db.transaction().execute((tx) => upsertParties(ctx, tx, orgId, companies.map(partyRec)));
  await ingestProducts(
    ctx,
    orgId,
    b.lines.map((l) =>
      productRecord.parse({
        sku: l.sku,
        title: l.title,
        ...(l.product?.description ? { description: l.product.description } : {}),
        ...(l.product?.originCountry ? { originCountry: l.product.originCountry } : {}),
        ...(l.product?.hsCode ? { hsCode: l.product.hsCode } : {}),
        ...(l.product?.value ? { value: l.product.value, currency: l.product.currency } : {}),
        ...(l.product?.weightKg ? { weightKg: l.product.weightKg } : {}),
        ...(l.product?.supplierPartyId ? { supplier: partyRec(b.parties[l.product.supplierPartyId]!) } : {}),
      }),
    ),
    opts,
  );
  const buyer = byId(b.roles.buyer);
  const externalId = `#${b.shipment.reference}-${counter}`;
  const total = b.lines.reduce((a, l) => a + Number(l.unitPrice) * l.quantity, 0).toFixed(2);
  await ingestOrders(
    ctx,
    orgId,
    [
      orderRecord.parse({
        platform: 'shopify',
        externalId,
        ...(buyer ? { buyer: partyRec(buyer) } : {}),
        shipTo: {
          ...(buyer?.address ?? { country: b.shipment.destinationCountry }),
          name: buyer?.name ?? undefined,
        },
        currency: b.lines[0]?.currency ?? 'USD',
        subtotal: total,
        total,
        orderedAt: ctx.clock.now(),
        lines: b.lines.map((l) => ({
          lineNo: l.lineNo,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPrice: l.unitPrice ?? '0',
          total: (Number(l.unitPrice) * l.quantity).toFixed(2),
        })),
      }),
    ],
    opts,
  );
  const s = b.shipment;
  const r = await ingestShipments(
    ctx,
    orgId,
    [
      shipmentRecord.parse({
        reference: `${s.reference}-${counter}`,
        mode: s.mode,
        ...(s.carrier ? { carrier: s.carrier } : {}),
        ...(s.trackingNumber ? { trackingNumber: s.trackingNumber } : {}),
        originCountry: s.originCountry,
        destinationCountry: s.destinationCountry,
        ...(s.originPort ? { originPort: s.originPort } : {}),
        ...(s.destinationPort ? { destinationPort: s.destinationPort } : {}),
        ...(s.etd ? { etd: s.etd } : {}),
        ...(s.eta ? { eta: s.eta } : {}),
        ...(s.grossWeightKg ? { grossWeightKg: s.grossWeightKg } : {}),
        ...(s.packageCount != null ? { packageCount: s.packageCount } : {}),
        status: 'booked',
        lines: b.lines.map((l) => ({
          lineNo: l.lineNo,
          orderPlatform: 'shopify',
          orderExternalId: externalId,
          sku: l.sku,
          quantity: l.quantity,
        })),
      }),
    ],
    opts,
  );
  return { shipmentId: r.ids[0]! };
}
