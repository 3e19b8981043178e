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
import { issueClientToken } from './oauth.service.ts';
import { accessRoutes } from './access.routes.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function identityRoutes(app: HttpApp, ctx: AppContext): void {
  // OAuth clients post form-encoded bodies (RFC 6749 §4.4.2).
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded'))
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

  app.post(
    '/oauth/token',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'OAuth 2.0 client credentials: an API key id and secret for a short-lived, scoped JWT',
        description:
          'grant_type=client_credentials; client_id and client_secret in the body or HTTP Basic; optional space-separated scope (permissions).',
        body: z.object({
          grant_type: z.string().optional(),
          client_id: z.string().optional(),
          client_secret: z.string().optional(),
          scope: z.string().optional(),
        }),
        response: {
          200: z.object({
            access_token: z.string(),
            token_type: z.literal('Bearer'),
            expires_in: z.number(),
            scope: z.string(),
          }),
          400: z.object({ error: z.string(), error_description: z.string() }),
          401: z.object({ error: z.string(), error_description: z.string() }),
        },
      },
    },
    async (req, reply) => {
      let clientId = req.body.client_id;
      let clientSecret = req.body.client_secret;
      const basic = req.headers.authorization;
      if (basic?.startsWith('Basic ')) {
        const [id, secret] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':');
        clientId = decodeURIComponent(id ?? '');
        clientSecret = decodeURIComponent(secret ?? '');
      }
      const r = await issueClientToken(ctx, {
        grantType: req.body.grant_type,
        clientId,
        clientSecret,
        scope: req.body.scope,
      });
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      if ('error' in r) {
        if (r.status === 401) reply.header('www-authenticate', 'Basic realm="crossgate"');
        return reply.status(r.status).send({ error: r.error, error_description: r.error_description });
      }
      return r;
    },
  );

  accessRoutes(app, ctx);

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
          totp: z.string().max(8).optional(),
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
