import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { pageEnvelope, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import {
  getOrder,
  getProduct,
  getShipment,
  listOrders,
  listProducts,
  listShipments,
  overview,
} from './core.queries.ts';

const decimal = z.string().describe('Decimal amount as a string');
const orderSummary = z.object({
  id: z.string(),
  platform: z.string(),
  externalId: z.string(),
  shipToCountry: z.string(),
  currency: z.string(),
  total: decimal,
  status: z.string(),
  orderedAt: z.string(),
  lineCount: z.number(),
});
const orderDetail = orderSummary.omit({ lineCount: true }).extend({
  buyerPartyId: z.string().nullable(),
  subtotal: decimal,
  shipping: decimal,
  tax: decimal,
  paymentMethod: z.string().nullable(),
  paidAt: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      sku: z.string(),
      productId: z.string().nullable(),
      title: z.string(),
      quantity: z.number(),
      unitPrice: decimal,
      total: decimal,
    }),
  ),
});
const shipmentSummary = z.object({
  id: z.string(),
  reference: z.string(),
  mode: z.string(),
  carrier: z.string().nullable(),
  originCountry: z.string(),
  destinationCountry: z.string(),
  originPort: z.string().nullable(),
  destinationPort: z.string().nullable(),
  etd: z.string().nullable(),
  eta: z.string().nullable(),
  status: z.string(),
  lineCount: z.number(),
});
const shipmentDetail = shipmentSummary.omit({ lineCount: true }).extend({
  trackingNumber: z.string().nullable(),
  atd: z.string().nullable(),
  ata: z.string().nullable(),
  grossWeightKg: decimal.nullable(),
  packageCount: z.number().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      orderId: z.string().nullable(),
      orderExternalId: z.string().nullable(),
      sku: z.string(),
      quantity: z.number(),
    }),
  ),
});
const productSummary = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  hsCode: z.string().nullable(),
  originCountry: z.string().nullable(),
  value: decimal.nullable(),
  currency: z.string().nullable(),
  weightKg: decimal.nullable(),
  categoryPath: z.string().nullable(),
});
const productDetail = productSummary.extend({
  description: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  supplierPartyId: z.string().nullable(),
});
const idParam = z.object({ id: z.string().max(64) });

export function coreRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['orders'],
        summary: 'List orders',
        querystring: pageQuery.extend({
          platform: z.string().optional(),
          country: z.string().length(2).optional(),
        }),
        response: { 200: pageOf(orderSummary) },
      },
    },
    async (req) => pageEnvelope(await listOrders(ctx, actorOf(req).orgId, req.query), req.query.limit),
  );
  app.get(
    '/orders/:id',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['orders'],
        summary: 'One order with its lines',
        params: idParam,
        response: { 200: orderDetail },
      },
    },
    async (req) => getOrder(ctx, actorOf(req).orgId, req.params.id),
  );
  app.get(
    '/shipments',
    {
      config: { permission: 'shipments:read' },
      schema: {
        tags: ['shipments'],
        summary: 'List shipments',
        querystring: pageQuery.extend({ mode: z.string().optional(), status: z.string().optional() }),
        response: { 200: pageOf(shipmentSummary) },
      },
    },
    async (req) => pageEnvelope(await listShipments(ctx, actorOf(req).orgId, req.query), req.query.limit),
  );
  app.get(
    '/shipments/:id',
    {
      config: { permission: 'shipments:read' },
      schema: {
        tags: ['shipments'],
        summary: 'One shipment with its lines',
        params: idParam,
        response: { 200: shipmentDetail },
      },
    },
    async (req) => getShipment(ctx, actorOf(req).orgId, req.params.id),
  );
  app.get(
    '/products',
    {
      config: { permission: 'products:read' },
      schema: {
        tags: ['products'],
        summary: 'List products',
        querystring: pageQuery.extend({ q: z.string().max(200).optional() }),
        response: { 200: pageOf(productSummary) },
      },
    },
    async (req) => pageEnvelope(await listProducts(ctx, actorOf(req).orgId, req.query), req.query.limit),
  );
  app.get(
    '/products/:id',
    {
      config: { permission: 'products:read' },
      schema: {
        tags: ['products'],
        summary: 'One product',
        params: idParam,
        response: { 200: productDetail },
      },
    },
    async (req) => getProduct(ctx, actorOf(req).orgId, req.params.id),
  );
  app.get(
    '/overview',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['overview'],
        summary: 'Headline counts and series for the dashboard',
        response: {
          200: z.object({
            counts: z.object({ orders: z.number(), shipments: z.number(), products: z.number() }),
            ordersByDay: z.array(z.object({ day: z.string(), orders: z.number() })),
            ordersByDestination: z.array(z.object({ country: z.string(), orders: z.number() })),
            shipmentsByMode: z.array(z.object({ mode: z.string(), shipments: z.number() })),
          }),
        },
      },
    },
    async (req) => overview(ctx, actorOf(req).orgId),
  );
}
