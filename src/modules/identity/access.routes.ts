import { z } from 'zod';
import type { HttpApp } from '../../platform/http/server.ts';
import { actorOf } from '../../platform/http/server.ts';
import type { AppContext } from '../../platform/context.ts';
import { LEVELS, SCOPED_ROLES, can } from '../../platform/auth/permissions.ts';
import { notFound } from '../../platform/errors.ts';
import { recordPersonalDataRead } from '../privacy/index.ts';
import {
  decideAccessRequest,
  decideReviewItem,
  getAccessRequest,
  getAccessReview,
  listAccessRequests,
  listAccessReviews,
  listUserRights,
  openAccessReview,
  reduceAccess,
  requestAccess,
  revokeGrant,
} from './access.service.ts';
import { confirmTotp, createUser, startTotp } from './identity.service.ts';

const idParam = z.object({ id: z.string().max(64) });
const userRights = z.object({
  id: z.string(),
  level: z.string(),
  roles: z.array(z.string()),
  effectiveLevel: z.string(),
  effectiveRoles: z.array(z.string()),
  grants: z.array(
    z.object({
      id: z.string(),
      level: z.string().nullable(),
      role: z.string().nullable(),
      expiresAt: z.string().nullable(),
      grantedBy: z.string(),
    }),
  ),
  lastLoginAt: z.string().nullable(),
  daysIdle: z.number(),
  dormant: z.boolean(),
  disabled: z.boolean(),
  twoFactor: z.boolean(),
});
const accessRequest = z.object({
  id: z.string(),
  userId: z.string(),
  requestedBy: z.string(),
  level: z.string().nullable(),
  role: z.string().nullable(),
  reason: z.string(),
  durationHours: z.number().nullable(),
  status: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
const reviewSummary = z.object({
  id: z.string(),
  period: z.string(),
  status: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  pending: z.number(),
});
const review = reviewSummary.extend({
  items: z.array(
    z.object({
      id: z.string(),
      principalKind: z.string(),
      principalId: z.string(),
      level: z.string(),
      roles: z.array(z.string()),
      grants: z.array(z.record(z.string(), z.unknown())),
      lastActiveAt: z.string().nullable(),
      dormant: z.boolean(),
      decision: z.string().nullable(),
      decidedBy: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

/** Users and roles, four-eyes access requests, grants, access reviews, and TOTP enrolment. */
export function accessRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/users',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['access'],
        summary:
          'Every user with level, roles, active grants, last sign-in and a dormant flag (no personal data)',
        response: { 200: z.object({ items: z.array(userRights) }) },
      },
    },
    async (req) => ({ items: await listUserRights(ctx, actorOf(req).orgId) }),
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['access'],
        summary: 'One user; name and email only for holders of personal_data:read (the read is journaled)',
        params: idParam,
        response: { 200: userRights.extend({ name: z.string().nullable(), email: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const u = (await listUserRights(ctx, actor.orgId)).find((x) => x.id === req.params.id);
      if (!u) throw notFound('User', req.params.id);
      let name: string | null = null;
      let email: string | null = null;
      if (can(actor, 'personal_data:read')) {
        const row = await ctx.db
          .selectFrom('users')
          .select(['name_sealed', 'email_sealed'])
          .where('id', '=', u.id)
          .executeTakeFirstOrThrow();
        name = await ctx.cipher.tryOpen(actor.orgId, row.name_sealed);
        email = await ctx.cipher.tryOpen(actor.orgId, row.email_sealed);
        await recordPersonalDataRead(ctx, actor, {
          subject: u.id,
          fields: ['name', 'email'],
          purpose: 'user-admin',
        });
      }
      return { ...u, name, email };
    },
  );

  app.post(
    '/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['access'],
        summary:
          'Add a user at viewer level with no roles (least privilege; more goes through an access request)',
        body: z.object({
          email: z.string().email(),
          name: z.string().min(1).max(200),
          password: z.string().min(12).max(200),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const r = await createUser(ctx, actor.orgId, { ...req.body, level: 'viewer', roles: [] }, actor.id);
      reply.status(201);
      return r;
    },
  );

  app.post(
    '/users/:id/reduce',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['access'],
        summary:
          "Lower a user's level, remove roles or disable the account (no approval needed to take rights away)",
        params: idParam,
        body: z.object({
          level: z.enum(LEVELS).optional(),
          removeRoles: z.array(z.enum(SCOPED_ROLES)).optional(),
          disable: z.boolean().optional(),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await reduceAccess(ctx, actorOf(req), req.params.id, req.body);
      reply.status(204).send(null);
    },
  );

  app.post(
    '/access-requests',
    {
      config: { permission: 'access:request' },
      schema: {
        tags: ['access'],
        summary:
          'Ask for a higher level or a scoped role (for yourself, or for another user with users:manage)',
        body: z.object({
          userId: z.string().optional(),
          level: z.enum(LEVELS).optional(),
          role: z.enum(SCOPED_ROLES).optional(),
          reason: z.string().min(3).max(500),
          durationHours: z.number().int().positive().optional(),
        }),
        response: { 201: accessRequest },
      },
    },
    async (req, reply) => {
      const r = await requestAccess(ctx, actorOf(req), req.body);
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/access-requests',
    {
      config: { permission: 'access:read' },
      schema: {
        tags: ['access'],
        summary: 'Access requests, newest first (pending ones await a second person)',
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional(),
        }),
        response: { 200: z.object({ items: z.array(accessRequest) }) },
      },
    },
    async (req) => ({ items: await listAccessRequests(ctx, actorOf(req).orgId, req.query.status) }),
  );

  app.get(
    '/access-requests/:id',
    {
      config: { permission: 'access:read' },
      schema: {
        tags: ['access'],
        summary: 'One access request',
        params: idParam,
        response: { 200: accessRequest },
      },
    },
    async (req) => getAccessRequest(ctx, actorOf(req).orgId, req.params.id),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/access-requests/:id/${decision}`,
      {
        config: { permission: 'access:approve' },
        schema: {
          tags: ['access'],
          summary:
            decision === 'approve'
              ? 'Approve (four eyes: not the requester, not the recipient, at least the level granted)'
              : 'Reject an access request',
          params: idParam,
          body: z.object({ note: z.string().max(500).optional() }),
          response: { 200: accessRequest },
        },
      },
      async (req) => decideAccessRequest(ctx, actorOf(req), req.params.id, decision, req.body.note),
    );
  }

  app.delete(
    '/grants/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['access'],
        summary: 'Revoke a grant early',
        params: idParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeGrant(ctx, actorOf(req), req.params.id);
      reply.status(204).send(null);
    },
  );

  app.get(
    '/access-reviews',
    {
      config: { permission: 'access:read' },
      schema: {
        tags: ['access'],
        summary: 'Quarterly access reviews',
        response: { 200: z.object({ items: z.array(reviewSummary) }) },
      },
    },
    async (req) => ({ items: await listAccessReviews(ctx, actorOf(req).orgId) }),
  );

  app.post(
    '/access-reviews',
    {
      config: { permission: 'access:review' },
      schema: {
        tags: ['access'],
        summary: 'Open the access review for the current quarter (idempotent)',
        body: z
          .object({
            period: z
              .string()
              .regex(/^\d{4}-Q[1-4]$/)
              .optional(),
          })
          .optional(),
        response: { 200: review },
      },
    },
    async (req) => openAccessReview(ctx, actorOf(req), req.body?.period),
  );

  app.get(
    '/access-reviews/:id',
    {
      config: { permission: 'access:read' },
      schema: {
        tags: ['access'],
        summary: "One review with every principal's rights",
        params: idParam,
        response: { 200: review },
      },
    },
    async (req) => getAccessReview(ctx, actorOf(req).orgId, req.params.id),
  );

  app.post(
    '/access-reviews/:id/items/:itemId',
    {
      config: { permission: 'access:review' },
      schema: {
        tags: ['access'],
        summary: "Keep or revoke one principal's rights",
        params: z.object({ id: z.string().max(64), itemId: z.string().max(64) }),
        body: z.object({ decision: z.enum(['keep', 'revoke']), note: z.string().max(500).optional() }),
        response: { 200: review },
      },
    },
    async (req) =>
      decideReviewItem(ctx, actorOf(req), req.params.id, req.params.itemId, req.body.decision, req.body.note),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { permission: 'session:self' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: returns the secret and otpauth URI once',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return startTotp(ctx, actorOf(req));
    },
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { permission: 'session:self' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP with a first code; sign-in then requires a code',
        body: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmTotp(ctx, actorOf(req), req.body.code);
      reply.status(204).send(null);
    },
  );
}
