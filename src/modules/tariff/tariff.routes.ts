import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { decodeCursor, pageEnvelope, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { invalid } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { validateCode } from './code-validation.ts';
import { listingText as listingTextOf } from './classify/classifier.ts';
import {
  addReferences,
  classify,
  classifyAndQueue,
  classifyCatalogue,
  decideReview,
  getReview,
  listReviews,
} from './classify.service.ts';
import { parseHmrcReferences, parseNdjson } from './classify/reference-format.ts';
import { importRevision, listRevisions, resolveRevision } from './tariff.service.ts';
import { acknowledgeAlert, listAlerts, raiseImpactAlerts, revisionDiff } from './tariff-impact.service.ts';
import { REVIEW_STATUSES, SCHEDULES } from './tariff.tables.ts';

const revision = z.object({
  id: z.string(),
  schedule: z.enum(SCHEDULES),
  label: z.string(),
  validFrom: z.string(),
  source: z.string(),
  lineCount: z.number(),
  contentSha256: z.string(),
  importedAt: z.string(),
});
const classifyBody = z.object({
  title: z.string().min(1).max(1000),
  description: z.string().max(10_000).optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  categoryPath: z.array(z.string().max(200)).max(10).optional(),
  price: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
});
const candidate = z.object({
  code: z.string(),
  formatted: z.string(),
  hs6: z.string(),
  confidence: z.number(),
  score: z.number(),
  tariffText: z.array(z.string()),
  units: z.array(z.string()),
  generalRate: z.string(),
  evidence: z.object({
    matchedTerms: z.array(z.string()),
    rules: z.array(
      z.object({ id: z.string(), description: z.string(), basis: z.string(), boost: z.number() }),
    ),
    neighbours: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        code: z.string(),
        source: z.string(),
        similarity: z.number(),
      }),
    ),
    components: z.object({
      lexical: z.number(),
      heading: z.number(),
      neighbours: z.number(),
      rules: z.number(),
    }),
  }),
});
const classification = z.object({
  candidates: z.array(candidate),
  hs6: z.array(
    z.object({
      code: z.string(),
      formatted: z.string(),
      confidence: z.number(),
      description: z.string().nullable(),
    }),
  ),
  rulesFired: z.array(z.string()),
  rulesetVersion: z.string(),
  rankerVersion: z.string(),
  revision: z.object({ id: z.string(), label: z.string() }),
  needsReview: z.boolean(),
  reviewId: z.string().optional(),
});
const review = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  input: z.object({
    title: z.string(),
    description: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    categoryPath: z.array(z.string()).optional(),
    price: z.number().optional(),
    currency: z.string().optional(),
  }),
  suggestions: z.array(candidate),
  topCode: z.string().nullable(),
  confidence: z.number(),
  status: z.enum(REVIEW_STATUSES),
  decidedCode: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  rulesetVersion: z.string(),
  revisionId: z.string(),
  createdAt: z.string(),
});
const validation = z.object({
  valid: z.boolean(),
  code: z.string(),
  formatted: z.string(),
  destination: z.string(),
  problem: z.string().optional(),
  message: z.string(),
  alternatives: z.array(z.object({ code: z.string(), formatted: z.string(), description: z.string() })),
  line: z
    .object({
      description: z.array(z.string()),
      units: z.array(z.string()),
      generalRate: z.string(),
      specialRate: z.string(),
      column2Rate: z.string(),
      additionalDutyRefs: z.array(z.string()),
    })
    .optional(),
  revision: z.object({ id: z.string(), label: z.string() }).optional(),
});
const change = z.object({
  kind: z.string(),
  code: z.string(),
  to: z.string().optional(),
  old: z.record(z.string(), z.string()).optional(),
  new: z.record(z.string(), z.string()).optional(),
});

export function tariffRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/tariff/revisions',
    {
      config: { permission: 'tariff:read' },
      schema: {
        tags: ['tariff'],
        summary: 'Tariff revisions (US HTS and HS), newest first',
        querystring: z.object({ schedule: z.enum(SCHEDULES).optional() }),
        response: { 200: z.object({ items: z.array(revision) }) },
      },
    },
    async (req) => ({ items: await listRevisions(ctx, req.query.schedule) }),
  );
  app.post(
    '/tariff/revisions',
    {
      config: { permission: 'tariff:admin' },
      schema: {
        tags: ['tariff'],
        summary: 'Import a schedule file (USITC HTS export CSV/JSON, or WCO HS CSV) as a dated revision',
        body: z.object({
          content: z.string().min(1).describe('The file contents (text)'),
          schedule: z.enum(SCHEDULES).default('US-HTS'),
          label: z.string().min(1).max(100),
          validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          source: z.string().max(500).default('upload'),
        }),
        response: { 200: z.object({ revision, created: z.boolean() }) },
      },
    },
    async (req) => importRevision(ctx, req.body),
  );
  app.get(
    '/tariff/diff',
    {
      config: { permission: 'tariff:read' },
      schema: {
        tags: ['tariff'],
        summary: 'Differences between two revisions: added, deleted, re-described, re-rated, moved',
        querystring: z.object({
          from: z.string().max(100),
          to: z.string().max(100),
          kind: z.string().optional(),
        }),
        response: {
          200: z.object({
            id: z.string(),
            from: z.object({ id: z.string(), label: z.string() }),
            to: z.object({ id: z.string(), label: z.string() }),
            summary: z.record(z.string(), z.number()),
            changes: z.array(change),
          }),
        },
      },
    },
    async (req) => {
      const [from, to] = await Promise.all([
        resolveRevision(ctx, req.query.from),
        resolveRevision(ctx, req.query.to),
      ]);
      const d = await revisionDiff(ctx, from.id, to.id);
      return req.query.kind ? { ...d, changes: d.changes.filter((c) => c.kind === req.query.kind) } : d;
    },
  );
  app.post(
    '/tariff/impact',
    {
      config: { permission: 'tariff:write' },
      schema: {
        tags: ['tariff'],
        summary: "Raise alerts for the organisation's products affected by a revision change",
        body: z.object({ from: z.string().max(100), to: z.string().max(100) }),
        response: { 200: z.object({ diffId: z.string(), alerts: z.number() }) },
      },
    },
    async (req) => {
      const [from, to] = await Promise.all([
        resolveRevision(ctx, req.body.from),
        resolveRevision(ctx, req.body.to),
      ]);
      return raiseImpactAlerts(ctx, actorOf(req).orgId, from.id, to.id, actorOf(req).id);
    },
  );
  app.get(
    '/tariff/alerts',
    {
      config: { permission: 'tariff:read' },
      schema: {
        tags: ['tariff'],
        summary: 'Tariff-change alerts on the catalogue (old and new text)',
        querystring: z.object({ status: z.enum(['open', 'acknowledged']).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                productId: z.string(),
                sku: z.string(),
                kind: z.string(),
                code: z.string(),
                oldText: z.string().nullable(),
                newText: z.string().nullable(),
                suggestedCodes: z.array(z.string()),
                status: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await listAlerts(ctx, actorOf(req).orgId, req.query) }),
  );
  app.post(
    '/tariff/alerts/:id/acknowledge',
    {
      config: { permission: 'tariff:write' },
      schema: {
        tags: ['tariff'],
        summary: 'Acknowledge a tariff-change alert (journalled)',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (req) => {
      const a = await acknowledgeAlert(ctx, actorOf(req).orgId, req.params.id, actorOf(req).id);
      return { id: a.id, status: a.status };
    },
  );
  app.get(
    '/tariff/validate',
    {
      config: { permission: 'tariff:read' },
      schema: {
        tags: ['tariff'],
        summary: 'Validate a code for a destination on a date',
        querystring: z.object({
          code: z.string().min(1).max(20),
          destination: z.string().length(2).default('US'),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        }),
        response: { 200: validation },
      },
    },
    async (req) => validateCode(ctx, req.query),
  );
  app.post(
    '/classify',
    {
      config: { permission: 'classification:read' },
      schema: {
        tags: ['classification'],
        summary:
          'Classify one product: top-k codes with confidence and evidence; with queue=true (needs classification:write) an unsure result goes to the review queue',
        querystring: z.object({
          k: z.coerce.number().int().min(1).max(20).default(5),
          threshold: z.coerce.number().min(0).max(1).optional(),
          queue: z.enum(['true', 'false']).default('false'),
        }),
        body: classifyBody,
        response: { 200: classification },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (req.query.queue === 'false')
        return classify(ctx, actor.orgId, req.body, { k: req.query.k, threshold: req.query.threshold });
      requirePermission(actor, 'classification:write');
      return classifyAndQueue(ctx, actor.orgId, req.body, { k: req.query.k, threshold: req.query.threshold });
    },
  );
  app.post(
    '/classify/batch',
    {
      config: { permission: 'classification:read' },
      schema: {
        tags: ['classification'],
        summary:
          'Classify NDJSON items shaped like HSCodeComp (product_name, product_attributes, cate_lv1_desc…)',
        body: z.object({
          ndjson: z.string().min(1).max(20_000_000),
          k: z.number().int().min(1).max(20).default(5),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                codes: z.array(z.object({ code: z.string(), confidence: z.number() })).optional(),
                error: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const orgId = actorOf(req).orgId;
      const items = [];
      for (const it of parseNdjson(req.body.ndjson)) {
        if ('error' in it) items.push({ id: `line-${it.line}`, error: it.error });
        else {
          const r = await classify(ctx, orgId, it.input, { k: req.body.k });
          items.push({
            id: it.id,
            codes: r.candidates.map((c) => ({ code: c.code, confidence: c.confidence })),
          });
        }
      }
      return { items };
    },
  );
  app.post(
    '/classify/references',
    {
      config: { permission: 'classification:write' },
      schema: {
        tags: ['classification'],
        summary: "Load labelled reference items into the organisation's memory",
        body: z.object({
          source: z.string().min(1).max(40),
          format: z.enum(['ndjson', 'hmrc']),
          content: z.string().min(1).max(50_000_000),
        }),
        response: { 200: z.object({ added: z.number(), skipped: z.number() }) },
      },
    },
    async (req) => {
      const entries =
        req.body.format === 'hmrc'
          ? parseHmrcReferences(req.body.content)
          : parseNdjson(req.body.content).flatMap((it) =>
              'input' in it && it.code
                ? [{ text: listingTextOf(it.input), code: it.code, country: 'US' }]
                : [],
            );
      if (entries.length === 0) throw invalid('No labelled items found in the content');
      return addReferences(ctx, actorOf(req).orgId, req.body.source, entries);
    },
  );
  app.post(
    '/classify/catalogue',
    {
      config: { permission: 'classification:write' },
      schema: {
        tags: ['classification'],
        summary: "Classify the organisation's catalogue and record suggestions in the review queue",
        body: z.object({ threshold: z.number().min(0).max(1).optional() }),
        response: { 200: z.object({ classified: z.number(), queued: z.number(), confident: z.number() }) },
      },
    },
    async (req) => classifyCatalogue(ctx, actorOf(req).orgId, { threshold: req.body.threshold }),
  );
  app.get(
    '/classify/reviews',
    {
      config: { permission: 'classification:read' },
      schema: {
        tags: ['classification'],
        summary: 'The review queue (pending by default), with suggestions and evidence',
        querystring: pageQuery.extend({ status: z.enum(REVIEW_STATUSES).default('pending') }),
        response: { 200: pageOf(review) },
      },
    },
    async (req) => {
      const items = await listReviews(ctx, actorOf(req).orgId, {
        status: req.query.status,
        limit: req.query.limit + 1,
        after: decodeCursor(req.query.cursor),
      });
      return pageEnvelope(items, req.query.limit);
    },
  );
  app.get(
    '/classify/reviews/:id',
    {
      config: { permission: 'classification:read' },
      schema: {
        tags: ['classification'],
        summary: 'One review item',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: review },
      },
    },
    async (req) => getReview(ctx, actorOf(req).orgId, req.params.id),
  );
  app.post(
    '/classify/reviews/:id/decision',
    {
      config: { permission: 'classification:review' },
      schema: {
        tags: ['classification'],
        summary: 'Accept the suggestion or override it with a code and a reason (journalled)',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({
          action: z.enum(['accept', 'override']),
          code: z.string().max(20).optional(),
          reason: z.string().max(2000).optional(),
        }),
        response: { 200: review },
      },
    },
    async (req) =>
      decideReview(ctx, actorOf(req).orgId, req.params.id, { ...req.body, actor: actorOf(req).id }),
  );
}
