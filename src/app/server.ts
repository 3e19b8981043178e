import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyRateLimit from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import { buildServer, type HttpApp } from '../platform/http/server.ts';
import { authenticator } from '../modules/identity/index.ts';
import { MODULES } from './modules.ts';

const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/dashboard');

/** The HTTP service: API under /api, OpenAPI at /openapi.json, docs at /docs, dashboard at /. */
export async function createHttpApp(
  ctx: AppContext,
  opts: { serveDashboard?: boolean } = {},
): Promise<HttpApp> {
  return buildServer(ctx, {
    authenticate: authenticator(ctx),
    readiness: async () => {
      await sql`select 1`.execute(ctx.db);
      return true;
    },
    registerRoutes: async (api) => {
      await api.register(fastifyRateLimit, { global: false });
      for (const m of MODULES) await m.routes?.(api, ctx);
    },
    registerSite: async (app) => {
      if (opts.serveDashboard === false || !fs.existsSync(path.join(DASHBOARD_DIR, 'index.html'))) {
        app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
          reply
            .type('text/html')
            .send(
              '<!doctype html><title>Crossgate</title><p>Crossgate API is running. The dashboard is not built: run <code>npm run build</code>. API docs: <a href="/docs">/docs</a></p>',
            ),
        );
        return;
      }
      await app.register(fastifyStatic, {
        root: DASHBOARD_DIR,
        prefix: '/',
        wildcard: false,
        index: ['index.html'],
        cacheControl: false,
        // Vite names built assets by content hash: cache them for good; always revalidate the rest.
        setHeaders: (reply, file) =>
          reply.header(
            'cache-control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          ),
      });
      // The dashboard's client-side routes all live under /app and fall back to index.html.
      const page = { config: { public: true }, schema: { hide: true } };
      app.get('/app', page, async (_req, reply) => reply.sendFile('index.html'));
      app.get('/app/*', page, async (_req, reply) => reply.sendFile('index.html'));
    },
  });
}

export function dashboardBuilt(): boolean {
  return fs.existsSync(path.join(DASHBOARD_DIR, 'index.html'));
}
