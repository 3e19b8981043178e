import type { Module } from '../../platform/module.ts';
import { invalid } from '../../platform/errors.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { demoMigrations } from './demo.migrations.ts';
import { demoRoutes } from './demo.routes.ts';
import { loadDemo, type DemoSummary } from './demo.service.ts';
import './demo.tables.ts';

definePermissions({
  'demo:read': { description: 'See the loaded demo data set and what it planted', minLevel: 'viewer' },
});

export { DEMO_LOGIN, DEMO_ORG, getDemoDataset, loadDemo } from './demo.service.ts';
export type { DemoDatasetInfo, DemoOptions, DemoSummary } from './demo.service.ts';
export type { DemoPlanted } from './demo.tables.ts';
export { datasetHash, generateDemo, plantedFacts } from './demo.generator.ts';
export type { DemoDataset, DemoSpec } from './demo.generator.ts';

function parseNumber(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw invalid(`--${name} must be a number, got "${raw}"`);
  return n;
}

/** One table row per record kind: what ingest did with the generated records. */
export function summaryRows(s: DemoSummary, seconds: number) {
  const row = (what: string, c: { created: number; updated: number; unchanged: number }) => ({
    records: what,
    total: c.created + c.updated + c.unchanged,
    ...c,
  });
  return [
    row('products', s.products),
    {
      records: 'parties',
      total: s.parties.suppliers + s.parties.buyers + s.parties.trading,
      created: '',
      updated: '',
      unchanged: '',
    },
    row('orders', s.orders),
    row('shipments', s.shipments),
    { records: 'seconds', total: seconds, created: '', updated: '', unchanged: '' },
  ];
}

export const demoModule: Module = {
  name: 'demo',
  migrations: demoMigrations,
  routes: demoRoutes,
  commands(program, cli) {
    program
      .command('demo')
      .description('Load the demo exporter (products, suppliers, orders, shipments) and exit')
      .option('--seed <n>', 'random seed (same seed, same data)', '1')
      .option('--scale <x>', 'size factor: 0.1 = a tenth, 10 = ten times', '1')
      .option('--org <slug>', 'organisation to load into (created when absent)', 'demo')
      .option('--json', 'print the summary as JSON')
      .option('--quiet', 'no progress lines on stderr')
      .action(
        cli.run(
          async (opts: { seed: string; scale: string; org: string; json?: boolean; quiet?: boolean }) => {
            const ctx = await cli.context();
            const started = performance.now();
            const summary = await loadDemo(ctx, {
              seed: parseNumber('seed', opts.seed),
              scale: parseNumber('scale', opts.scale),
              org: opts.org,
              progress: opts.quiet ? undefined : (m) => process.stderr.write(`${m}\n`),
            });
            const seconds = Math.round((performance.now() - started) / 100) / 10;
            if (opts.json) {
              cli.print([{ ...summary, seconds }], { json: true });
              return;
            }
            if (!opts.quiet)
              process.stderr.write(
                `Demo organisation "${summary.organisation}" (seed ${summary.seed}, scale ${summary.scale}, window ends ${summary.anchor})\n`,
              );
            cli.print(summaryRows(summary, seconds), {});
          },
        ),
      );
  },
};
