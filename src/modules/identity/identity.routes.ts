import { z } from 'zod';
import type { HttpApp } from '../../platform/http/server.ts';
import { actorOf } from '../../platform/http/server.ts';
import type { AppContext } from '../../platform/context.ts';
import { LEVELS, SCOPED_ROLES, allPermissions, can, levelRank } from '../../platform/auth/permissions.ts';
import { forbidden } from '../../platform/errors.ts';
import {
  SESSION_COOKIE,
  createApiKey,
  listApiKeys,
  login,
  logout,
  me,
  revokeApiKey,
} from './identity.service.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function identityRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the token',
        body: z.object({
          email: z.string().email(),
          password: z.string().min(1).max(200),
          organisation: z.string().optional(),
        }),
        response: {
          200: z.object({
            token: z.string(),
            expiresAt: z.string(),
            user: z.object({
              id: z.string(),
              orgId: z.string(),
              level: z.enum(LEVELS),
              roles: z.array(z.string()),
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await login(ctx, req.body);
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        expires: r.expiresAt,
      });
      return { token: r.token, expiresAt: r.expiresAt.toISOString(), user: r.user };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'session:self' },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE] ?? req.headers.authorization?.slice(7);
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'session:self' },
      schema: {
        tags: ['auth'],
        summary: 'Who am I: actor, organisation and permissions',
        response: {
          200: z.object({
            actor: z.object({
              kind: z.string(),
              id: z.string(),
              level: z.string(),
              roles: z.array(z.string()),
            }),
            name: z.string().nullable(),
            email: z.string().nullable(),
            organisation: z.object({
              id: z.string(),
              slug: z.string(),
              name: z.string(),
              country: z.string(),
            }),
            permissions: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const m = await me(ctx, actor);
      return {
        ...m,
        permissions: allPermissions()
          .filter((p) => can(actor, p.name))
          .map((p) => p.name),
      };
    },
  );

  const apiKeyOut = z.object({
    id: z.string(),
    name: z.string(),
    level: z.string(),
    roles: z.array(z.string()),
    scopes: z.array(z.string()).nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });

  app.get(
    '/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['auth'],
        summary: 'List API keys (secrets are never shown again)',
        response: { 200: z.object({ items: z.array(apiKeyOut) }) },
      },
    },
    async (req) => {
      const rows = await listApiKeys(ctx, actorOf(req).orgId);
      return {
        items: rows.map((k) => ({
          id: k.id,
          name: k.name,
          level: k.level,
          roles: k.roles,
          scopes: k.scopes,
          createdAt: iso(k.created_at)!,
          expiresAt: iso(k.expires_at),
          lastUsedAt: iso(k.last_used_at),
          revokedAt: iso(k.revoked_at),
        })),
      };
    },
  );

  app.post(
    '/api-keys',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['auth'],
        summary: 'Create an API key for a machine client; the key is shown once',
        body: z.object({
          name: z.string().min(1).max(100),
          level: z.enum(LEVELS).default('viewer'),
          roles: z.array(z.enum(SCOPED_ROLES)).default([]),
          scopes: z.array(z.string()).optional(),
          expiresAt: z.iso.datetime().optional(),
        }),
        response: { 201: z.object({ id: z.string(), key: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (levelRank(req.body.level) > levelRank(actor.level))
        throw forbidden('An API key cannot hold a higher level than its creator');
      const r = await createApiKey(
        ctx,
        actor.orgId,
        {
          name: req.body.name,
          level: req.body.level,
          roles: req.body.roles,
          ...(req.body.scopes ? { scopes: req.body.scopes } : {}),
          ...(req.body.expiresAt ? { expiresAt: new Date(req.body.expiresAt) } : {}),
        },
        actor.id,
      );
      reply.status(201);
      return r;
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      config: { permission: 'api_keys:manage' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API key',
        params: z.object({ id: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await revokeApiKey(ctx, actor.orgId, req.params.id, actor.id);
      reply.status(204).send(null);
    },
  );
}
