import fs from 'node:fs';
import path from 'node:path';
import { createAppContext, closeAppContext } from './context.ts';
import { unavailable } from '../platform/errors.ts';
import { createHttpApp, dashboardBuilt } from './server.ts';
import { MODULES } from './modules.ts';
import { findOrganisation, listOrganisations } from '../modules/identity/index.ts';
import { DEMO_LOGIN, loadDemo } from '../modules/demo/index.ts';
import { loadReferenceData } from '../modules/tariff/index.ts';

/** Runs the service until SIGINT/SIGTERM. With `loadDemo`, an empty database gets the demo company first. */
export async function serve(opts: { port?: number | undefined; loadDemo: boolean }): Promise<void> {
  const ctx = await createAppContext();
  const log = ctx.logger;
  let demoLoaded = false;
  if (
    opts.loadDemo &&
    ctx.config.CROSSGATE_DEMO_ON_FIRST_START &&
    (await listOrganisations(ctx)).length === 0
  ) {
    log.info('empty database: loading the demo company (first start only)');
    const started = Date.now();
    const summary = await loadDemo(ctx, { seed: 1, scale: 1, progress: (msg) => log.info(msg) });
    log.info({ ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 }, 'demo loaded');
    demoLoaded = true;
    // The tariff, the HS nomenclature and the classification corpora, where they lie (never in the
    // repository): with them the demo classifies its catalogue into the review queue.
    const dir = path.resolve(ctx.config.CROSSGATE_REFERENCE_DIR);
    const org = await findOrganisation(ctx, summary.organisation);
    if (org && fs.existsSync(dir)) {
      const t0 = Date.now();
      const r = await loadReferenceData(ctx, org.id, dir, (msg) => log.info(msg));
      for (const p of r.problems) log.warn(`reference data not loaded: ${p}`);
      log.info(
        {
          tariff: r.tariff,
          hs: r.hs,
          references: r.references,
          model: r.model,
          catalogue: r.catalogue,
          seconds: Math.round((Date.now() - t0) / 100) / 10,
        },
        'reference data loaded',
      );
    } else
      log.info(
        `no reference data at ${dir} (CROSSGATE_REFERENCE_DIR): the demo has no tariff; import one with \`crossgate tariff import <file|url>\``,
      );
  }
  const app = await createHttpApp(ctx);
  const stops: Array<() => Promise<void>> = [];
  const port = opts.port ?? ctx.config.PORT;
  let address: string;
  try {
    address = await app.listen({ port, host: ctx.config.HOST });
    // The modules' workers start once the service is up, and stop with it if one of them cannot start.
    for (const m of MODULES) if (m.start) stops.push(await m.start(ctx));
  } catch (err) {
    // Nothing may keep a service that could not start alive (a worker's timer, the database).
    for (const s of stops) await s();
    await app.close();
    await closeAppContext(ctx);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw unavailable(
        `port ${port} on ${ctx.config.HOST} is in use (another Crossgate running?): stop it or set PORT`,
      );
    throw err;
  }
  const url = address.replace('127.0.0.1', 'localhost');
  const lines = [
    '',
    `  Crossgate is running at ${url}`,
    `  API docs:  ${url}/docs   OpenAPI: ${url}/openapi.json`,
    dashboardBuilt() ? `  Dashboard: ${url}/` : '  Dashboard not built (npm run build)',
    opts.loadDemo
      ? `  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}${demoLoaded ? '' : ' (demo loaded earlier)'}`
      : '',
    '',
  ];
  process.stdout.write(`${lines.filter((l) => l !== null).join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await app.close();
      for (const s of stops) await s();
      await closeAppContext(ctx);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
