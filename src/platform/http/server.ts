import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyBaseLogger } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, toProblem, type ErrorCode } from '../errors.ts';
import { requirePermission, type Actor } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { httpMetrics, metricsRegistry } from './metrics.ts';

export type HttpApp = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The permission a route requires. Every route must name one, or be marked public. */
    permission?: string;
    /** No authentication at all (health, login, OpenAPI). */
    public?: boolean;
  }
}

/** Resolves credentials on a request (session cookie, bearer token or API key) to an actor, or null. */
export type Authenticator = (req: FastifyRequest) => Promise<Actor | null>;

export interface BuildServerOptions {
  authenticate: Authenticator;
  /** Registers module routes; called inside the /api prefix. */
  registerRoutes: (app: HttpApp) => Promise<void>;
  /** Registers non-API routes (dashboard static files). */
  registerSite?: (app: HttpApp) => Promise<void>;
  readiness: () => Promise<boolean>;
}

/** The actor on an authenticated route. Throws if called on a public route (a programming error). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in or present an API key');
  return req.actor;
}

export async function buildServer(ctx: AppContext, opts: BuildServerOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming)
        ? incoming
        : `req_${crypto.randomUUID()}`;
    },
    requestIdHeader: false,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  // Security headers (helmet): a strict CSP for the dashboard and API (no inline or third-party
  // script), framing refused, HSTS, nosniff, no referrer. Only the API reference at /docs, whose page
  // boots with an inline script, gets 'unsafe-inline' for scripts (set in onSend below).
  const cspDirectives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
  };
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: cspDirectives },
    frameguard: { action: 'deny' },
  });
  const docsCsp = Object.entries({ ...cspDirectives, scriptSrc: ["'self'", "'unsafe-inline'"] })
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .concat(["base-uri 'self'", "object-src 'none'", "form-action 'self'"])
    .join(';');
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Crossgate API',
        version: '0.1.0',
        description:
          'Compliance and risk platform for cross-border e-commerce. Authenticate with a session (POST /api/auth/login) or an API key (`Authorization: Bearer cgk_…`). Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Session token or API key' },
          session: { type: 'apiKey', in: 'cookie', name: 'cg_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/docs')) reply.header('content-security-policy', docsCsp);
    // API answers may carry personal data: never stored by browsers or shared caches.
    else if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpMetrics.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((error, req, reply) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = new AppError('invalid', 'The request does not match its schema', {
        issues: error.validation.map((v) => ({
          field: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
          message: v.message ?? 'invalid',
        })),
      });
    } else if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response did not match its schema');
      appError = new AppError('internal', 'An internal error occurred');
    } else {
      const e = error as { statusCode?: number; code?: string; message?: string };
      const status = e.statusCode ?? 500;
      if (status === 429) appError = new AppError('rate_limited', 'Too many requests, slow down');
      else if (status >= 400 && status < 500) {
        const code: ErrorCode =
          status === 404
            ? 'not_found'
            : status === 401
              ? 'unauthenticated'
              : status === 403
                ? 'forbidden'
                : 'invalid';
        appError = new AppError(code, e.message ?? 'Bad request');
      } else {
        req.log.error({ err: error }, 'unhandled error');
        appError = new AppError('internal', 'An internal error occurred');
      }
    }
    reply
      .status(appError.status)
      .type('application/problem+json')
      .send(toProblem(appError, req.url.split('?')[0], req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .type('application/problem+json')
      .send(
        toProblem(
          new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
          req.url,
          req.id,
        ),
      );
  });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const ok = await opts.readiness().catch(() => false);
    reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const { default: scalar } = await import('@scalar/fastify-api-reference');
  await app.register(scalar, { routePrefix: '/docs', configuration: { url: '/openapi.json' } });

  await app.register(
    async (api) => {
      // Deny by default: an API route that names neither a permission nor `public` cannot be registered.
      api.addHook('onRoute', (route) => {
        const cfg = (route.config ?? {}) as { permission?: string; public?: boolean };
        if (!cfg.permission && !cfg.public) {
          throw new Error(
            `Route ${route.method} ${route.url} declares no permission (config.permission or config.public)`,
          );
        }
        // The OpenAPI document says which permission each operation needs (x-permission), and marks
        // public operations with an empty security requirement, so clients and the access-matrix test
        // read the rules from the same place.
        route.schema = cfg.public
          ? { ...(route.schema ?? {}), security: [] }
          : ({ ...(route.schema ?? {}), 'x-permission': cfg.permission } as typeof route.schema);
      });
      api.addHook('onRequest', async (req) => {
        const cfg = req.routeOptions.config as { permission?: string; public?: boolean };
        if (cfg.public) return;
        const actor = await opts.authenticate(req);
        if (!actor) throw new AppError('unauthenticated', 'Sign in or present an API key');
        req.actor = actor;
        if (!cfg.permission) throw new AppError('forbidden', 'This route declares no permission');
        requirePermission(actor, cfg.permission);
      });
      await opts.registerRoutes(api as unknown as HttpApp);
    },
    { prefix: '/api' },
  );
  if (opts.registerSite) await opts.registerSite(app);
  return app;
}
