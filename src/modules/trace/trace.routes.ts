import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { invalid } from '../../platform/errors.ts';
import { completenessOfShipments, importEvents, recordEvents, shipmentTrace } from './trace.service.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { deleteDossier, getDossier, issueDossier, listDossiers } from './dossier.service.ts';
import { resolveShipmentId } from './trace.service.ts';

const hex = z.string();
const eventOut = z.object({
  id: z.string(),
  reference: z.string(),
  link: z.string(),
  shipmentId: z.string().nullable(),
  productId: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  country: z.string(),
  location: z.string().nullable(),
  facility: z.string().nullable(),
  batch: z.string().nullable(),
  leg: z.number().nullable(),
  carrier: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  journalEntryId: z.string(),
});
const linkOut = z.object({
  code: z.string(),
  label: z.string(),
  order: z.number(),
  weight: z.number(),
  status: z.enum(['present', 'late', 'contradictory', 'missing', 'not_applicable']),
  eventIds: z.array(z.string()),
  reasons: z.array(z.string()),
});
const completenessOut = z.object({
  score: z.number(),
  level: z.string(),
  rulesVersion: z.string(),
  counts: z.record(z.string(), z.number()),
  links: z.array(linkOut),
});
const bundleOut = z.object({
  format: z.string(),
  publicKey: z.string(),
  keyId: z.string(),
  checkpoint: z.object({ text: z.string(), signature: z.string() }),
  entries: z.array(z.object({ index: z.number(), leaf: z.string(), leafHash: hex, proof: z.array(hex) })),
});
const traceOut = z.object({
  shipment: z.object({
    id: z.string(),
    reference: z.string(),
    mode: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    originCountry: z.string(),
    destinationCountry: z.string(),
    originPort: z.string().nullable(),
    destinationPort: z.string().nullable(),
    etd: z.string().nullable(),
    atd: z.string().nullable(),
    eta: z.string().nullable(),
    ata: z.string().nullable(),
    status: z.string(),
  }),
  products: z.array(
    z.object({
      id: z.string(),
      sku: z.string(),
      title: z.string(),
      hsCode: z.string().nullable(),
      originCountry: z.string().nullable(),
    }),
  ),
  events: z.array(eventOut),
  completeness: completenessOut,
  proofs: bundleOut.optional(),
});
const dossierMeta = z.object({
  id: z.string(),
  shipmentId: z.string(),
  score: z.number(),
  treeSize: z.number(),
  jsonSha256: z.string(),
  pdfSha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
const shipmentParam = z.object({ shipment: z.string().max(200).describe('shipment id or reference') });

export function traceRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/trace/events',
    {
      config: { permission: 'trace:write' },
      schema: {
        tags: ['trace'],
        summary: 'Record chain-of-custody events (all or nothing; known references are left unchanged)',
        body: z.object({ events: z.array(z.record(z.string(), z.unknown())).min(1).max(1000) }),
        response: {
          201: z.object({
            recorded: z.array(
              z.object({ id: z.string(), reference: z.string(), journalEntryId: z.string() }),
            ),
            unchanged: z.array(z.string()),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const r = await recordEvents(ctx, actor.orgId, actor.id, req.body.events);
      reply.status(201);
      return r;
    },
  );

  // Bulk import: the body is the file itself (text/csv or application/x-ndjson).
  app.addContentTypeParser(['text/csv', 'application/x-ndjson'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/trace/imports',
    {
      config: { permission: 'trace:write' },
      schema: {
        tags: ['trace'],
        summary: 'Bulk import of events: the body is a CSV (text/csv) or NDJSON (application/x-ndjson) file',
        response: {
          200: z.object({
            rows: z.number(),
            recorded: z.number(),
            unchanged: z.number(),
            rejected: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
            sha256: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const type = String(req.headers['content-type'] ?? '');
      const format = type.startsWith('text/csv')
        ? 'csv'
        : type.startsWith('application/x-ndjson')
          ? 'ndjson'
          : null;
      if (!format || !Buffer.isBuffer(req.body))
        throw invalid('Send the file as text/csv or application/x-ndjson');
      const actor = actorOf(req);
      return importEvents(ctx, actor.orgId, actor.id, req.body, format);
    },
  );

  app.get(
    '/trace/shipments',
    {
      config: { permission: 'trace:read' },
      schema: {
        tags: ['trace'],
        summary: 'Traceability completeness of every shipment (cursor-paged by id)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                reference: z.string(),
                status: z.string(),
                score: z.number(),
                level: z.string(),
                counts: z.record(z.string(), z.number()),
                missing: z.array(z.string()),
                rulesVersion: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const items = await completenessOfShipments(ctx, actorOf(req).orgId, {
        limit: req.query.limit,
        after: decodeCursor(req.query.cursor),
      });
      const last = items.at(-1);
      return { items, nextCursor: items.length === req.query.limit && last ? encodeCursor(last.id) : null };
    },
  );

  app.get(
    '/trace/shipments/:shipment',
    {
      config: { permission: 'trace:read' },
      schema: {
        tags: ['trace'],
        summary: "A shipment's chain of custody, its completeness and (with proofs=true) inclusion proofs",
        params: shipmentParam,
        querystring: z.object({ proofs: z.enum(['true', 'false']).default('false') }),
        response: { 200: traceOut },
      },
    },
    async (req) =>
      shipmentTrace(ctx, actorOf(req).orgId, req.params.shipment, { proofs: req.query.proofs === 'true' }),
  );

  app.post(
    '/trace/shipments/:shipment/dossiers',
    {
      config: { permission: 'trace:read' },
      schema: {
        tags: ['trace'],
        summary:
          'Issue a traceability dossier (JSON with embedded proofs, and PDF); it is kept and journaled',
        params: shipmentParam,
        response: { 201: dossierMeta },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { dossier } = await issueDossier(ctx, actor.orgId, req.params.shipment, actor.id);
      reply.status(201);
      return metaOf(await getDossier(ctx, actor.orgId, dossier.id));
    },
  );

  app.get(
    '/trace/shipments/:shipment/dossiers',
    {
      config: { permission: 'trace:read' },
      schema: {
        tags: ['trace'],
        summary: "A shipment's issued dossiers, newest first",
        params: shipmentParam,
        response: { 200: z.object({ items: z.array(dossierMeta) }) },
      },
    },
    async (req) => {
      const orgId = actorOf(req).orgId;
      const id = await resolveShipmentId(ctx, orgId, req.params.shipment);
      return { items: (await listDossiers(ctx, orgId, id)).map(metaOf) };
    },
  );

  app.get(
    '/trace/dossiers/:id',
    {
      config: { permission: 'trace:read' },
      schema: {
        tags: ['trace'],
        summary: 'Download a dossier: ?format=pdf (default) or json',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ format: z.enum(['pdf', 'json']).default('pdf') }),
      },
    },
    async (req, reply) => {
      const d = await getDossier(ctx, actorOf(req).orgId, req.params.id);
      if (req.query.format === 'json') return reply.type('application/json').send(d.json);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${d.id}.pdf"`)
        .send(d.pdf);
    },
  );

  app.delete(
    '/trace/dossiers/:id',
    {
      config: { permission: 'trace:write' },
      schema: {
        tags: ['trace'],
        summary: 'Delete a dossier (refused with 409 within the retention period)',
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await deleteDossier(ctx, actor.orgId, req.params.id, actor.id);
      reply.status(204).send(null);
    },
  );
}

function metaOf(d: {
  id: string;
  shipment_id: string;
  score: string;
  tree_size: number;
  json_sha256: string;
  pdf_sha256: string;
  created_by: string;
  created_at: Date;
}) {
  return {
    id: d.id,
    shipmentId: d.shipment_id,
    score: Number(d.score),
    treeSize: Number(d.tree_size),
    jsonSha256: d.json_sha256,
    pdfSha256: d.pdf_sha256,
    createdBy: d.created_by,
    createdAt: new Date(d.created_at).toISOString(),
  };
}
