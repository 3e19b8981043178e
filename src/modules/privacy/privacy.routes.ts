import { z } from 'zod';
import type { HttpApp } from '../../platform/http/server.ts';
import { actorOf } from '../../platform/http/server.ts';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { BASES, CATEGORIES, PURPOSES, TRANSFER_RULES } from './rules/transfer-rules.ts';
import { DSR_DEADLINES, LEGAL_HOLDS } from './rules/dsr-rules.ts';
import { evaluateTransfer, getTransferDecision, listTransferDecisions } from './transfer.service.ts';
import {
  DSR_KINDS,
  DSR_REGIMES,
  correctDsr,
  createDsr,
  eraseDsr,
  exportDsr,
  getDsr,
  listDsrs,
} from './dsr.service.ts';
import { keyStatus } from './keys.service.ts';
import { envelope, reencryptRetired } from './personal-data.service.ts';

const idParam = z.object({ id: z.string().max(64) });
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());

const decisionOut = z.object({
  id: z.string(),
  outcome: z.enum(['allow', 'deny']),
  basis: z.string().nullable(),
  rulesVersion: z.string(),
  explanation: z.array(z.string()),
  duties: z.array(z.string()),
});
const decisionRow = decisionOut.extend({
  category: z.string(),
  from: z.string(),
  to: z.string(),
  purpose: z.string(),
  recipient: z.string().nullable(),
  volume: z.number().nullable(),
  basisClaimed: z.string().nullable(),
  actor: z.string(),
  decidedAt: z.string(),
});
const dsrOut = z.object({
  id: z.string(),
  kind: z.string(),
  regime: z.string(),
  subjectKey: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  deadlineRule: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number().nullable(),
  completedAt: z.string().nullable(),
  holdUntil: z.string().nullable(),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  createdBy: z.string(),
});

export function privacyRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/privacy/transfers/evaluate',
    {
      config: { permission: 'privacy:transfers:evaluate' },
      schema: {
        tags: ['privacy'],
        summary: 'Decide whether personal data may leave a country, on what basis; the decision is journaled',
        body: z.object({
          category: z.enum(CATEGORIES),
          from: country,
          to: country,
          purpose: z.enum(PURPOSES),
          volume: z.number().int().min(1),
          basis: z.enum(BASES).optional(),
          recipient: z.string().max(200).optional(),
        }),
        response: {
          200: decisionOut.extend({
            regimes: z.array(
              z.object({
                regime: z.string(),
                clause: z.string().nullable(),
                outcome: z.enum(['allow', 'deny']),
                basis: z.string().nullable(),
                explanation: z.string(),
                duties: z.array(z.string()),
                source: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return evaluateTransfer(ctx, { ...req.body, orgId: actor.orgId, actor: actor.id });
    },
  );

  app.get(
    '/privacy/transfers',
    {
      config: { permission: 'privacy:read' },
      schema: {
        tags: ['privacy'],
        summary: 'Transfer decisions, newest first',
        querystring: z.object({ outcome: z.enum(['allow', 'deny']).optional() }),
        response: { 200: z.object({ items: z.array(decisionRow) }) },
      },
    },
    async (req) => ({
      items: await listTransferDecisions(ctx, actorOf(req).orgId, { outcome: req.query.outcome }),
    }),
  );

  app.get(
    '/privacy/transfers/:id',
    {
      config: { permission: 'privacy:read' },
      schema: {
        tags: ['privacy'],
        summary: 'One transfer decision',
        params: idParam,
        response: { 200: decisionRow },
      },
    },
    async (req) => getTransferDecision(ctx, actorOf(req).orgId, req.params.id),
  );

  app.get(
    '/privacy/rules',
    {
      config: { permission: 'privacy:read' },
      schema: {
        tags: ['privacy'],
        summary: 'The residency/transfer rules, DSR deadlines and legal holds in force, with sources',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => ({ transfers: TRANSFER_RULES, deadlines: DSR_DEADLINES, legalHolds: LEGAL_HOLDS }),
  );

  app.post(
    '/privacy/dsr',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary: 'Record a data-subject request; its statutory deadline is set from the regime',
        body: z.object({
          kind: z.enum(DSR_KINDS),
          regime: z.enum(DSR_REGIMES),
          subjectKey: z.string().min(1).max(200).optional(),
          email: z.string().email().optional(),
        }),
        response: { 201: dsrOut },
      },
    },
    async (req, reply) => {
      const r = await createDsr(ctx, actorOf(req), req.body);
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/privacy/dsr',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary: 'Data-subject requests by due date, with overdue flags',
        querystring: z.object({ status: z.enum(['open', 'completed', 'held', 'rejected']).optional() }),
        response: { 200: z.object({ items: z.array(dsrOut) }) },
      },
    },
    async (req) => ({ items: await listDsrs(ctx, actorOf(req).orgId, { status: req.query.status }) }),
  );

  app.get(
    '/privacy/dsr/:id',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary: 'One data-subject request',
        params: idParam,
        response: { 200: dsrOut },
      },
    },
    async (req) => getDsr(ctx, actorOf(req).orgId, req.params.id),
  );

  app.get(
    '/privacy/dsr/:id/export',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary:
          "The subject's personal data as JSON (access/export requests); needs personal_data:read; journaled",
        params: idParam,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'personal_data:read');
      reply.header('cache-control', 'no-store');
      return exportDsr(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/privacy/dsr/:id/correct',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary: "Correct one personal-data field of one of the subject's records",
        params: idParam,
        body: z.object({
          type: z.string(),
          recordId: z.string(),
          field: z.string(),
          value: z
            .string()
            .min(1)
            .max(2000)
            .describe(
              'The corrected value; for an address (address, shipTo) a JSON object: line1, city, postalCode, country …',
            ),
        }),
        response: { 200: dsrOut },
      },
    },
    async (req) => correctDsr(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/privacy/dsr/:id/erase',
    {
      config: { permission: 'privacy:dsr' },
      schema: {
        tags: ['privacy'],
        summary:
          'Erase by crypto-shredding, or hold with the legal reason and date when customs records must be kept',
        params: idParam,
        response: { 200: dsrOut },
      },
    },
    async (req) => eraseDsr(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/privacy/keys',
    {
      config: { permission: 'privacy:read' },
      schema: {
        tags: ['privacy'],
        summary: 'Data keys by state and key-encryption key (no key material)',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => keyStatus(ctx, actorOf(req).orgId),
  );

  app.post(
    '/privacy/keys/rotate',
    {
      config: { permission: 'privacy:keys' },
      schema: {
        tags: ['privacy'],
        summary: "Rotate the organisation's data key and re-encrypt values under retired keys",
        response: { 200: z.object({ keyId: z.string(), reencrypted: z.number() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const keyId = await envelope(ctx).rotateDataKey(actor.orgId, null, (tx, id) =>
        ctx.journal.append(tx, actor.orgId, [
          { kind: 'privacy.data_key_rotated', version: 1, actor: actor.id, subject: id, data: {} },
        ]),
      );
      return { keyId, reencrypted: await reencryptRetired(ctx, actor.orgId) };
    },
  );
}
