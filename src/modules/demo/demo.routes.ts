import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { getDemoDataset } from './demo.service.ts';

const demoDataset = z.object({
  seed: z.number(),
  scale: z.number(),
  anchor: z.string().describe('End of the 90-day window (the first load’s clock time)'),
  loadedAt: z.string(),
  recordsHash: z.string().describe('SHA-256 of the generated records'),
  planted: z
    .object({
      suspiciousOrders: z
        .record(z.string(), z.array(z.string()))
        .describe('By pattern (reshipper, country-mismatch, velocity): `platform|externalId`'),
      missingHsCode: z.array(z.string()).describe('SKUs without an HTS code'),
      staleHsCode: z.array(z.object({ sku: z.string(), code: z.string(), replacedBy: z.string() })),
      forcedLabourRiskRegion: z.array(z.string()).describe('SKUs made by a supplier in Xinjiang'),
      lateShipments: z.array(z.string()).describe('Shipment references arriving late or overdue'),
    })
    .describe('What the demo generator planted for the product’s checks to find'),
});

export function demoRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/demo',
    {
      config: { permission: 'demo:read' },
      schema: {
        tags: ['demo'],
        summary: 'The demo data loaded into this organisation and what it planted',
        response: { 200: demoDataset },
      },
    },
    async (req) => getDemoDataset(ctx, actorOf(req).orgId),
  );
}
