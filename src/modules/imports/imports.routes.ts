import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { pageEnvelope, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { hasPrefix } from '../../platform/ids.ts';
import { notFound } from '../../platform/errors.ts';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, type ImportFormat } from './imports.tables.ts';
import { MAX_UPLOAD_BYTES, getRun, listQuarantine, listRuns, runImport } from './import.service.ts';

export const importRunSchema = z.object({
  id: z.string(),
  file: z.string(),
  format: z.enum(IMPORT_FORMATS),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  bytes: z.number(),
  rows: z.number().describe('Source rows read (CSV records after the header, NDJSON lines, JSON elements)'),
  records: z.number().describe('Canonical records assembled from the rows'),
  accepted: z.number().describe('created + updated'),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  quarantined: z.number(),
  rowsPerSecond: z.number(),
  error: z.string().nullable().describe('The file-level fault that stopped reading, if any'),
});

export const quarantineItemSchema = z.object({
  id: z.string(),
  runId: z.string(),
  file: z.string(),
  rowNumber: z
    .number()
    .describe('1-based CSV record number (header = 1), NDJSON line number, or JSON array index (0-based)'),
  field: z.string().describe('Source column where known, else the dotted canonical field, (row) or (file)'),
  reason: z.string(),
  issues: z.array(z.object({ rowNumber: z.number(), field: z.string(), reason: z.string() })),
  rawLength: z.number(),
  rawTruncated: z.boolean(),
  raw: z
    .string()
    .nullable()
    .optional()
    .describe('The raw row (first 64 KB); present only with the personal_data:read permission'),
});

const CONTENT_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/json': 'json',
  'text/tab-separated-values': 'amazon',
};

export async function importsRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  // The upload route reads the request body as a stream: no parser buffers it.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post(
      '/imports',
      {
        config: { permission: 'imports:write' },
        schema: {
          tags: ['imports'],
          summary: 'Import a file sent as the raw request body (streamed)',
          description:
            'Send the file as the request body (e.g. `curl --data-binary @orders.csv -H "content-type: text/csv"`). The format comes from `format`, else the extension of `filename`, else the content type; `kind` is required for csv, ndjson and json. Rows that cannot be imported are quarantined; the answer is the finished run.',
          querystring: z.object({
            kind: z.enum(IMPORT_KINDS).optional(),
            format: z.enum(IMPORT_FORMATS).optional(),
            filename: z.string().min(1).max(255).optional(),
          }),
          response: { 201: importRunSchema },
        },
      },
      async (req, reply) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type.startsWith('multipart/'))
          throw new AppError('invalid', 'Send the file as the raw request body, not as a multipart form', {
            issues: [{ field: 'body', message: 'multipart is not accepted' }],
          });
        const body = req.body as Readable | undefined;
        const format =
          req.query.format ?? (req.query.filename ? undefined : (CONTENT_TYPES[type] ?? undefined));
        const run = await runImport(ctx, {
          orgId: actorOf(req).orgId,
          actor: actorOf(req).id,
          fileName: req.query.filename ?? `upload.${format ?? 'csv'}`,
          format,
          kind: req.query.kind,
          source: body ?? (async function* () {})(),
          maxBytes: MAX_UPLOAD_BYTES,
          sizeHint: Number(req.headers['content-length']) || undefined,
        });
        reply.status(201);
        return run;
      },
    );
  });

  app.get(
    '/imports',
    {
      config: { permission: 'imports:read' },
      schema: {
        tags: ['imports'],
        summary: 'Import runs, newest first',
        querystring: pageQuery,
        response: { 200: pageOf(importRunSchema) },
      },
    },
    async (req) => pageEnvelope(await listRuns(ctx, actorOf(req).orgId, req.query), req.query.limit),
  );

  app.get(
    '/imports/quarantine',
    {
      config: { permission: 'imports:read' },
      schema: {
        tags: ['imports'],
        summary: 'Quarantined rows (raw rows only with personal_data:read)',
        querystring: pageQuery.extend({ runId: z.string().max(64).optional() }),
        response: { 200: pageOf(quarantineItemSchema) },
      },
    },
    async (req) => {
      const { runId } = req.query;
      if (runId && !hasPrefix(runId, 'importRun')) throw notFound('Import run', runId);
      return pageEnvelope(await listQuarantine(ctx, actorOf(req), req.query), req.query.limit);
    },
  );

  app.get(
    '/imports/:id',
    {
      config: { permission: 'imports:read' },
      schema: {
        tags: ['imports'],
        summary: 'One import run with its counts',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: importRunSchema },
      },
    },
    async (req) => getRun(ctx, actorOf(req).orgId, req.params.id),
  );
}
