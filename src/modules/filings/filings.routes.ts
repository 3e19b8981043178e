import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { decodeCursor, pageEnvelope, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { CHECKPOINTS, CHECKPOINT_REGISTRY_VERSION } from './checkpoints/registry.ts';
import { FILING_KINDS, FILING_STATUSES } from './model.ts';
import {
  dashboard,
  listAlerts,
  listDeadlines,
  sweepDeadlines,
  timeliness,
} from './deadline-clocks.service.ts';
import { getSettings, putSettings } from './filing-settings.service.ts';
import {
  buildAll,
  buildMany,
  checkAll,
  checkFiling,
  getFilingDetail,
  listFilings,
  patchLinePga,
  patchTransport,
  readPayload,
  recordFilingStatus,
} from './filings.service.ts';

const idParam = z.object({ id: z.string().max(64) });
const any = z.any();
const settingsSchema = z
  .object({
    filerCode: z
      .string()
      .regex(/^[A-Z0-9]{3}$/)
      .optional(),
    bondType: z.enum(['continuous', 'single']).optional(),
    iossNumber: z
      .string()
      .regex(/^IM\d{10}$/)
      .optional(),
    euEori: z
      .string()
      .regex(/^[A-Z]{2}[A-Z0-9]{1,15}$/)
      .optional(),
    gbEori: z
      .string()
      .regex(/^(GB|XI)\d{12}$/)
      .optional(),
    gbVatNumber: z
      .string()
      .regex(/^GB\d{9}(\d{3})?$/)
      .optional(),
    relatedParties: z.boolean().optional(),
    alertLeadsHours: z
      .array(
        z
          .number()
          .positive()
          .max(24 * 30),
      )
      .max(8)
      .optional(),
  })
  .strict();
const buildResult = z.object({
  shipmentId: z.string(),
  filingId: z.string().nullable(),
  kind: z.string(),
  variant: z.string(),
  outcome: z.enum(['created', 'rebuilt', 'skipped', 'failed']),
  reason: z.string().optional(),
  status: z.string().optional(),
});
const finding = z.object({ field: z.string(), detail: z.string() });
const checkResult = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  category: z.string(),
  outcome: z.enum(['pass', 'fail', 'skip']),
  message: z.string(),
  fix: z.string(),
  findings: z.array(finding),
});
const checkSummary = z.object({
  filingId: z.string(),
  status: z.string(),
  registryVersion: z.string(),
  ran: z.number(),
  passed: z.number(),
  errors: z.number(),
  warnings: z.number(),
  ok: z.boolean(),
  checkedAt: z.string(),
});
const clock = z.object({
  id: z.string(),
  filingId: z.string(),
  shipmentId: z.string(),
  regime: z.string(),
  kind: z.string(),
  clock: z.string(),
  label: z.string(),
  basis: z.string(),
  dueAt: z.string(),
  status: z.string(),
  timeZone: z.string(),
  rule: z.string(),
  explanation: z.string(),
  metAt: z.string().nullable(),
});
const deadline = clock.extend({ hoursLeft: z.number() });
const timelinessRow = z.object({
  regime: z.string(),
  met: z.number(),
  late: z.number(),
  missed: z.number(),
  open: z.number(),
  onTimeRate: z.number().nullable(),
});
const alert = z.object({
  id: z.string(),
  filingId: z.string(),
  lead: z.string(),
  dueAt: z.string(),
  raisedAt: z.string(),
  message: z.string(),
});
const checkpointOut = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  regime: z.string(),
  kinds: z.array(z.string()),
  category: z.string(),
  message: z.string(),
  fix: z.string(),
});
const filingSummary = z.object({
  id: z.string(),
  shipmentId: z.string(),
  kind: z.string(),
  variant: z.string(),
  regime: z.string(),
  status: z.string(),
  reference: z.string(),
  entryNumber: z.string().nullable(),
  errors: z.number().nullable(),
  warnings: z.number().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

export function filingsRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/filings/build',
    {
      config: { permission: 'filings:write' },
      schema: {
        tags: ['filings'],
        summary: 'Build the filings each shipment needs (bulk): by shipment ids, or all shipments',
        body: z.union([
          z.object({ shipmentIds: z.array(z.string().max(64)).min(1).max(1000) }),
          z.object({ all: z.literal(true) }),
        ]),
        response: { 200: z.object({ results: z.array(buildResult) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if ('all' in req.body) return { results: await buildAll(ctx, actor.orgId, actor.id) };
      return { results: await buildMany(ctx, actor.orgId, req.body.shipmentIds, actor.id) };
    },
  );
  app.get(
    '/filings',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'List filings',
        querystring: pageQuery.extend({
          status: z.enum(FILING_STATUSES).optional(),
          kind: z.enum(FILING_KINDS).optional(),
          shipmentId: z.string().max(64).optional(),
        }),
        response: { 200: pageOf(filingSummary) },
      },
    },
    async (req) =>
      pageEnvelope(
        await listFilings(ctx, actorOf(req).orgId, { ...req.query, cursor: decodeCursor(req.query.cursor) }),
        req.query.limit,
      ),
  );
  app.get(
    '/filings/checkpoints',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'The checkpoint registry: code, severity, regime, message, fix',
        response: { 200: z.object({ version: z.string(), checkpoints: z.array(checkpointOut) }) },
      },
    },
    async () => ({
      version: CHECKPOINT_REGISTRY_VERSION,
      checkpoints: CHECKPOINTS.map((c) => ({
        code: c.code,
        severity: c.severity,
        regime: c.regime,
        kinds: [...c.kinds],
        category: c.category,
        message: c.message,
        fix: c.fix,
      })),
    }),
  );
  app.post(
    '/filings/check',
    {
      config: { permission: 'filings:write' },
      schema: {
        tags: ['filings'],
        summary: 'Run the checkpoints on every open filing',
        body: z.object({ all: z.literal(true) }),
        response: { 200: z.object({ results: z.array(checkSummary) }) },
      },
    },
    async (req) => ({ results: await checkAll(ctx, actorOf(req).orgId, actorOf(req).id) }),
  );
  app.get(
    '/filings/deadlines',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'Open deadline clocks (optionally only those due within N hours, or overdue too)',
        querystring: z.object({
          within: z.coerce
            .number()
            .min(0)
            .max(24 * 365)
            .optional(),
          overdue: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ items: z.array(deadline) }) },
      },
    },
    async (req) => {
      const orgId = actorOf(req).orgId;
      await sweepDeadlines(ctx, orgId);
      return {
        items: await listDeadlines(ctx, orgId, {
          ...(req.query.within !== undefined ? { withinHours: req.query.within } : {}),
          includeOverdue: req.query.overdue === 'true',
        }),
      };
    },
  );
  app.get(
    '/filings/alerts',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'Deadline alerts raised, newest first',
        response: { 200: z.object({ items: z.array(alert) }) },
      },
    },
    async (req) => ({ items: await listAlerts(ctx, actorOf(req).orgId) }),
  );
  app.get(
    '/filings/timeliness',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'Timeliness compliance per regime (clocks met in time / closed)',
        response: { 200: z.object({ items: z.array(timelinessRow) }) },
      },
    },
    async (req) => ({ items: await timeliness(ctx, actorOf(req).orgId) }),
  );
  app.get(
    '/filings/dashboard',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'Due in the next 24 h, overdue, failing checkpoints, timeliness',
        response: {
          200: z.object({
            dueNext24h: z.array(deadline),
            overdue: z.array(deadline),
            failingCheckpoints: z.array(
              z.object({
                code: z.string(),
                severity: z.string(),
                message: z.string(),
                fix: z.string(),
                filings: z.number(),
              }),
            ),
            timeliness: z.array(timelinessRow),
            filingsByStatus: z.record(z.string(), z.number()),
          }),
        },
      },
    },
    async (req) => dashboard(ctx, actorOf(req).orgId),
  );
  app.get(
    '/filings/settings',
    {
      config: { permission: 'filings:read' },
      schema: { tags: ['filings'], summary: 'Filer settings (filer code, bond, EORI, IOSS)' },
    },
    async (req) => getSettings(ctx, actorOf(req).orgId),
  );
  app.put(
    '/filings/settings',
    {
      config: { permission: 'filings:admin' },
      schema: { tags: ['filings'], summary: 'Set the filer settings', body: settingsSchema },
    },
    async (req) => putSettings(ctx, actorOf(req).orgId, req.body, actorOf(req).id),
  );
  app.get(
    '/filings/:id',
    {
      config: { permission: 'filings:read' },
      schema: {
        tags: ['filings'],
        summary: 'One filing: canonical document, checkpoint failures with fixes, clocks, history',
        params: idParam,
        response: { 200: any },
      },
    },
    async (req) => getFilingDetail(ctx, actorOf(req).orgId, req.params.id, actorOf(req).id),
  );
  app.post(
    '/filings/:id/check',
    {
      config: { permission: 'filings:write' },
      schema: {
        tags: ['filings'],
        summary: 'Run every checkpoint on the filing',
        params: idParam,
        response: { 200: checkSummary.extend({ results: z.array(checkResult) }) },
      },
    },
    async (req) => checkFiling(ctx, actorOf(req).orgId, req.params.id, actorOf(req).id),
  );
  app.patch(
    '/filings/:id/transport',
    {
      config: { permission: 'filings:write' },
      schema: {
        tags: ['filings'],
        summary: 'Add transport details (flight or vessel, voyage, bills, containers)',
        params: idParam,
        body: z
          .object({
            conveyance: z.string().max(35).optional(),
            voyage: z.string().max(17).optional(),
            carrierCode: z.string().max(4).optional(),
            masterBill: z.string().max(35).optional(),
            houseBill: z.string().max(35).optional(),
            containers: z.array(z.string().max(11)).max(999).optional(),
          })
          .strict(),
      },
    },
    async (req) => patchTransport(ctx, actorOf(req).orgId, req.params.id, req.body, actorOf(req).id),
  );
  app.patch(
    '/filings/:id/lines/:lineNo/pga',
    {
      config: { permission: 'filings:write' },
      schema: {
        tags: ['filings'],
        summary:
          'Supply partner government agency data for a flagged line (e.g. {"FD2": "FDA product code …"})',
        params: z.object({ id: z.string().max(64), lineNo: z.coerce.number().int().min(1).max(999) }),
        body: z.record(z.string().regex(/^[A-Z0-9]{2,3}$/), z.string().min(1).max(500)),
      },
    },
    async (req) =>
      patchLinePga(ctx, actorOf(req).orgId, req.params.id, req.params.lineNo, req.body, actorOf(req).id),
  );
  app.post(
    '/filings/:id/status',
    {
      config: { permission: 'filings:submit' },
      schema: {
        tags: ['filings'],
        summary: 'Record a status change (submitted, accepted, rejected, held, released, amended, withdrawn)',
        params: idParam,
        body: z.object({
          status: z.enum(FILING_STATUSES),
          reasons: z.array(z.string().max(500)).max(50).default([]),
        }),
        response: { 200: z.object({ filingId: z.string(), status: z.string(), changed: z.boolean() }) },
      },
    },
    async (req) =>
      recordFilingStatus(
        ctx,
        actorOf(req).orgId,
        req.params.id,
        req.body.status,
        req.body.reasons,
        actorOf(req).id,
      ),
  );
  app.get(
    '/filings/:id/payload',
    {
      config: { permission: 'filings:submit' },
      schema: {
        tags: ['filings'],
        summary: 'The encoded wire payload (CATAIR / ENS XML / H7 XML / DMS XML)',
        params: idParam,
        response: {
          200: z.object({
            filingId: z.string(),
            regime: z.string(),
            kind: z.string(),
            format: z.string(),
            contentType: z.string(),
            payload: z.string(),
            sha256: z.string(),
            encoder: z.string(),
            idempotencyKey: z.string(),
          }),
        },
      },
    },
    async (req) => readPayload(ctx, actorOf(req).orgId, req.params.id, actorOf(req).id),
  );
}
