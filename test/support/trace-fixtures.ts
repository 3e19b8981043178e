import type { AppContext } from '../../src/platform/context.ts';
import {
  ingestProducts,
  ingestShipments,
  productRecord,
  shipmentRecord,
} from '../../src/modules/core/index.ts';

const hoursBefore = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

/**
 * Hours before "now" at which each link of the fixture chain happens: compressed into two days, so
 * that every event is reported within its window when imported at "now".
 */
export const CHAIN_HOURS = {
  raw_material_origin: 46,
  production_batch: 40,
  packing: 34,
  first_mile: 30,
  consolidation: 28,
  export_clearance: 24,
  main_carriage_departure: 20,
  main_carriage_arrival: 12,
  import_clearance: 10,
  on_carriage: 8,
  warehouse_receipt: 6,
  last_mile_delivery: 2,
};

/** Factory: a shipment CN → US with one product on its line, through core's ingest service. */
export async function newShipment(
  ctx: AppContext,
  orgId: string,
  opts: { reference?: string; sku?: string; mode?: 'ocean' | 'air' | 'express' } = {},
) {
  const now = ctx.clock.now();
  const sku = opts.sku ?? `SKU-${Math.random().toString(36).slice(2, 8)}`;
  const reference = opts.reference ?? `SHP-${Math.random().toString(36).slice(2, 8)}`;
  const actor = 'system:test';
  const product = await ingestProducts(
    ctx,
    orgId,
    [
      productRecord.parse({
        sku,
        title: 'Cotton T-shirt, knitted',
        originCountry: 'CN',
        hsCode: '6109100012',
      }),
    ],
    { actor },
  );
  const shipment = await ingestShipments(
    ctx,
    orgId,
    [
      shipmentRecord.parse({
        reference,
        mode: opts.mode ?? 'ocean',
        carrier: 'COSCO',
        originCountry: 'CN',
        destinationCountry: 'US',
        originPort: 'CNYTN',
        destinationPort: 'USLAX',
        etd: hoursBefore(now, 21),
        atd: hoursBefore(now, CHAIN_HOURS.main_carriage_departure),
        eta: hoursBefore(now, 13),
        ata: hoursBefore(now, CHAIN_HOURS.main_carriage_arrival),
        status: 'delivered',
        lines: [{ lineNo: 1, sku, quantity: 1200 }],
      }),
    ],
    { actor },
  );
  return { shipmentId: shipment.ids[0]!, reference, productId: product.ids[0]!, sku };
}

/** A complete 12-link chain for the shipment, as CSV rows in the importer's format. */
export function chainCsv(reference: string, sku: string, now: Date, prefix = reference): string {
  const at = (link: keyof typeof CHAIN_HOURS) => hoursBefore(now, CHAIN_HOURS[link]);
  const rows: string[][] = [
    [
      'raw_material_origin',
      '',
      sku,
      at('raw_material_origin'),
      'CN',
      'Aksu, Xinjiang',
      'Cotton gin No. 3',
      'LOT-C-77',
      '',
    ],
    [
      'production_batch',
      '',
      sku,
      at('production_batch'),
      'CN',
      'CNSZX',
      'Brightway Knitting Factory',
      'B-0911',
      '',
    ],
    ['packing', reference, '', at('packing'), 'CN', 'CNSZX', 'Brightway Knitting Factory', '', ''],
    ['first_mile', reference, '', at('first_mile'), 'CN', 'CNSZX', '', '', '1'],
    ['consolidation', reference, '', at('consolidation'), 'CN', 'CNYTN', 'Yantian CFS', '', ''],
    ['export_clearance', reference, '', at('export_clearance'), 'CN', 'CNYTN', '', '', ''],
    ['main_carriage_departure', reference, '', at('main_carriage_departure'), 'CN', 'CNYTN', '', '', '2'],
    ['main_carriage_arrival', reference, '', at('main_carriage_arrival'), 'US', 'USLAX', '', '', '2'],
    ['import_clearance', reference, '', at('import_clearance'), 'US', 'USLAX', '', '', ''],
    ['on_carriage', reference, '', at('on_carriage'), 'US', 'USONT', '', '', '3'],
    ['warehouse_receipt', reference, '', at('warehouse_receipt'), 'US', 'USONT', 'Ontario DC', '', ''],
    ['last_mile_delivery', reference, '', at('last_mile_delivery'), 'US', 'Pasadena, CA', '', '', '4'],
  ];
  const head =
    'reference,link,shipment,sku,occurred_at,country,location,facility,batch,leg,documents,received_by';
  return [
    head,
    ...rows.map((r, i) =>
      [
        `${prefix}-${i + 1}`,
        ...r,
        r[0] === 'export_clearance' ? 'export_declaration:531620261007000123' : '',
        r[0] === 'last_mile_delivery' ? 'Jane Recipient' : '',
      ]
        .map((c) => (c.includes(',') ? `"${c}"` : c))
        .join(','),
    ),
  ].join('\n');
}
