import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext, JournalRecord } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { applyMessages } from './acks.service.ts';
import { configureEndpoint, listEndpoints } from './endpoints.service.ts';
import { ENVIRONMENTS, FILING_STATUSES, REGIMES } from './gateway.types.ts';
import { filingDetail, filingStatuses, outboxSummary } from './gateway.queries.ts';
import { requeueDead, withTxRetry } from './outbox.service.ts';
import type { SecretStore } from './secrets.ts';
import { queueSampleFilings, submitFiling } from './submit.service.ts';
import { notificationMessages } from './transports/rest.transport.ts';
import { SIGNATURE_HEADER, SignatureVerifier } from './webhook-signature.ts';

const reason = z.object({ code: z.string(), text: z.string() });
const filingRow = z.object({
  filingId: z.string(),
  regime: z.string(),
  status: z.string(),
  reasons: z.array(reason),
  authorityRef: z.string().nullable(),
  submissionId: z.string(),
  kind: z.string(),
  attempts: z.number(),
  outboxState: z.string(),
  environment: z.string(),
  deadReason: z.string().nullable(),
  updatedAt: z.string(),
});
const outboxBody = z.object({
  depth: z.record(z.string(), z.number()),
  queued: z.number(),
  oldestUnsentAt: z.string().nullable(),
  oldestUnsentAgeSeconds: z.number().nullable(),
  deadLetters: z.array(
    z.object({
      submissionId: z.string(),
      filingId: z.string(),
      regime: z.string(),
      attempts: z.number(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  alerts: z.array(
    z.object({ id: z.string(), kind: z.string(), subject: z.string(), message: z.string(), at: z.string() }),
  ),
});

/** Webhook signature replay window, shared by the routes of this process. */
const verifier = new SignatureVerifier();

export function gatewayRoutes(secrets: SecretStore) {
  return async (app: HttpApp, ctx: AppContext) => {
    app.get(
      '/gateway/filings',
      {
        config: { permission: 'gateway:read' },
        schema: {
          tags: ['gateway'],
          summary: 'Filing status as the gateway sees it: counts by status and the list',
          querystring: z.object({
            status: z.enum(FILING_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            after: z.string().optional().describe('Cursor: the last filingId of the previous page'),
          }),
          response: {
            200: z.object({ counts: z.record(z.string(), z.number()), filings: z.array(filingRow) }),
          },
        },
      },
      async (req) => filingStatuses(ctx, actorOf(req).orgId, req.query),
    );

    app.get(
      '/gateway/filings/:filingId',
      {
        config: { permission: 'gateway:read' },
        schema: {
          tags: ['gateway'],
          summary: 'One filing: its submissions, every attempt and every authority message',
          params: z.object({ filingId: z.string() }),
        },
      },
      async (req) => filingDetail(ctx, actorOf(req).orgId, req.params.filingId),
    );

    app.post(
      '/gateway/filings/:filingId/submit',
      {
        config: { permission: 'gateway:submit' },
        schema: {
          tags: ['gateway'],
          summary: 'Queue a filing for transmission (idempotent)',
          params: z.object({ filingId: z.string() }),
          response: {
            202: z.object({ filingId: z.string(), submissionId: z.string(), queued: z.boolean() }),
          },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        reply.status(202);
        return submitFiling(ctx, actor.orgId, req.params.filingId, actor.id);
      },
    );

    app.post(
      '/gateway/samples',
      {
        config: { permission: 'gateway:submit' },
        schema: {
          tags: ['gateway'],
          summary: 'Queue sample filings of each regime (demo and sandbox trials; not real filings)',
          body: z.object({
            count: z.number().int().min(1).max(1000).default(10),
            regime: z.enum(REGIMES).optional(),
            deadlineInMinutes: z.number().positive().optional(),
          }),
          response: { 202: z.object({ queued: z.number(), filingIds: z.array(z.string()) }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const made = await queueSampleFilings(ctx, actor.orgId, {
          count: req.body.count,
          regimes: req.body.regime ? [req.body.regime] : undefined,
          deadlineInMs:
            req.body.deadlineInMinutes === undefined ? undefined : req.body.deadlineInMinutes * 60_000,
          actor: actor.id,
        });
        reply.status(202);
        return { queued: made.length, filingIds: made.map((m) => m.filingId) };
      },
    );

    app.get(
      '/gateway/outbox',
      {
        config: { permission: 'gateway:read' },
        schema: {
          tags: ['gateway'],
          summary: 'Outbox depth by state, oldest unsent, dead letters and open alerts',
          response: { 200: outboxBody },
        },
      },
      async (req) => outboxSummary(ctx, actorOf(req).orgId),
    );

    app.post(
      '/gateway/outbox/:submissionId/requeue',
      {
        config: { permission: 'gateway:manage' },
        schema: {
          tags: ['gateway'],
          summary: 'Put a dead-lettered submission back in the queue',
          params: z.object({ submissionId: z.string() }),
          response: { 202: z.object({ requeued: z.boolean() }) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const ok = await requeueDead(ctx, actor.orgId, req.params.submissionId, actor.id);
        if (!ok) throw notFound('Dead-lettered submission', req.params.submissionId);
        reply.status(202);
        return { requeued: true };
      },
    );

    const endpointBody = z.object({
      regime: z.enum(REGIMES),
      environment: z.enum(ENVIRONMENTS),
      baseUrl: z.string().url(),
      clientId: z.string().min(1),
      secretRef: z.string().optional().describe('Name of the client secret in the secret store'),
      webhookSecretRef: z.string().optional().describe('Name of the push-notification HMAC secret'),
      active: z.boolean().optional(),
    });
    app.get(
      '/gateway/endpoints',
      {
        config: { permission: 'gateway:manage' },
        schema: { tags: ['gateway'], summary: 'Customs endpoints per regime and environment (no secrets)' },
      },
      async (req) => ({ endpoints: await listEndpoints(ctx, actorOf(req).orgId) }),
    );
    app.put(
      '/gateway/endpoints',
      {
        config: { permission: 'gateway:manage' },
        schema: {
          tags: ['gateway'],
          summary: 'Configure (and optionally activate) an endpoint',
          body: endpointBody,
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return configureEndpoint(ctx, actor.orgId, actor.id, req.body);
      },
    );

    // Push notifications (CDS-style): public, authenticated by the HMAC signature of the body.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) =>
        done(null, body),
      );
      scope.post(
        '/gateway/webhooks/:orgId/:regime',
        {
          config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
          schema: {
            tags: ['gateway'],
            summary: 'Receive pushed customs notifications (signed: X-Customs-Signature)',
            params: z.object({ orgId: z.string(), regime: z.string().describe('UK-CDS or EU-ICS2') }),
            response: { 200: z.object({ received: z.number(), applied: z.number(), duplicate: z.number() }) },
          },
        },
        async (req) => {
          const header = req.headers[SIGNATURE_HEADER];
          if (typeof header !== 'string') throw new AppError('unauthenticated', 'Webhook signature missing');
          const { orgId } = req.params;
          const regime = req.params.regime;
          if (regime !== 'UK-CDS' && regime !== 'EU-ICS2') throw notFound('Webhook');
          const body = typeof req.body === 'string' ? req.body : '';
          const row = await ctx.db
            .selectFrom('gateway_endpoints')
            .select('webhook_secret_ref')
            .where('org_id', '=', orgId)
            .where('regime', '=', regime)
            .where('active', '=', true)
            .executeTakeFirst();
          const secret = await secrets.get(row?.webhook_secret_ref ?? 'customs.sandbox.webhook');
          if (!secret) throw notFound('Webhook');
          const check = verifier.verify(secret, body, header, Math.floor(ctx.clock.now().getTime() / 1000));
          if (!check.ok) throw new AppError('unauthenticated', `Webhook signature refused: ${check.reason}`);
          let messages: ReturnType<typeof notificationMessages>['messages'];
          try {
            messages = notificationMessages(regime, body).messages;
          } catch {
            throw new AppError('invalid', 'Not a notification document');
          }
          const counts = await withTxRetry(ctx, async (tx) => {
            const journal: JournalRecord[] = [];
            const c = await applyMessages(ctx, tx, orgId, messages, 'push', 'system:webhook', journal);
            await ctx.journal.append(tx, orgId, journal);
            return c;
          });
          return { received: messages.length, applied: counts.applied, duplicate: counts.duplicate };
        },
      );
    });
  };
}
