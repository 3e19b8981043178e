import fs from 'node:fs';
import path from 'node:path';
import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { invalid } from '../../platform/errors.ts';
import { traceMigrations } from './trace.migrations.ts';
import { traceRoutes } from './trace.routes.ts';
import { importEvents, shipmentTrace } from './trace.service.ts';
import { issueDossier } from './dossier.service.ts';
import './trace.tables.ts';

definePermissions({
  'trace:write': {
    description: 'Record and import chain-of-custody events',
    minLevel: 'operator',
    roles: ['filer'],
  },
  'trace:read': {
    description: "Read shipments' chains of custody and issue traceability dossiers",
    minLevel: 'viewer',
    roles: ['auditor'],
  },
});

export const traceModule: Module = {
  name: 'trace',
  migrations: traceMigrations,
  routes: traceRoutes,
  commands(program, cli) {
    const trace = program
      .command('trace')
      .description('Supply-chain traceability: chain-of-custody events and dossiers');
    trace
      .command('import <file>')
      .description('Import events from a CSV or NDJSON file (re-importing changes nothing)')
      .option('--org <org>', 'organisation slug or id')
      .option('--format <format>', 'csv or ndjson (default: from the file extension)')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (file: string, opts: { org?: string; format?: string; json?: boolean }) => {
          const format = (opts.format ?? (/\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv')) as
            | 'csv'
            | 'ndjson';
          if (format !== 'csv' && format !== 'ndjson') throw invalid('--format must be csv or ndjson');
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const r = await importEvents(ctx, org.id, 'system:cli', fs.createReadStream(file), format, (n) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${n} rows`);
          });
          if (process.stderr.isTTY) process.stderr.write('\n');
          if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          else {
            console.log(
              `${r.rows} rows: ${r.recorded} recorded, ${r.unchanged} unchanged, ${r.rejected.length} rejected`,
            );
            if (r.rejected.length)
              cli.print(r.rejected.slice(0, 50), { columns: ['row', 'field', 'message'] });
          }
          if (r.rejected.length) process.exitCode = 65;
        }),
      );
    trace
      .command('show <shipment>')
      .description("A shipment's chain of custody and completeness (shipment id or reference)")
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON (with proofs)')
      .action(
        cli.run(async (shipment: string, opts: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const t = await shipmentTrace(ctx, org.id, shipment, { proofs: !!opts.json });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
            return;
          }
          console.log(
            `${t.shipment.reference}: completeness ${t.completeness.score}/100 (${t.completeness.level}), rules ${t.completeness.rulesVersion}`,
          );
          cli.print(
            t.completeness.links.map((l) => ({
              ...l,
              events: l.eventIds.length,
              reasons: l.reasons.join('; '),
            })),
            { columns: ['order', 'code', 'status', 'events', 'reasons'] },
          );
        }),
      );
    trace
      .command('dossier <shipment>')
      .description('Issue a traceability dossier: writes <out>.json (with proofs) and <out>.pdf')
      .option('--org <org>', 'organisation slug or id')
      .option('--out <path>', 'output path without extension (default: ./dossier-<reference>)')
      .action(
        cli.run(async (shipment: string, opts: { org?: string; out?: string }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const { dossier, json, pdf } = await issueDossier(ctx, org.id, shipment, 'system:cli');
          const base =
            opts.out ?? path.resolve(`dossier-${dossier.shipment.reference.replace(/[^\w.-]+/g, '_')}`);
          fs.writeFileSync(`${base}.json`, json);
          fs.writeFileSync(`${base}.pdf`, pdf);
          console.log(
            `${dossier.id}: completeness ${dossier.completeness.score}/100, ${dossier.events.length} events proven; wrote ${base}.json and ${base}.pdf`,
          );
        }),
      );
  },
};

export {
  completenessOfShipments,
  importEvents,
  recordEvents,
  shipmentTrace,
  traceEventInput,
} from './trace.service.ts';
export type { ShipmentTrace, TraceEventInput, ImportResult } from './trace.service.ts';
export { issueDossier, getDossier, deleteDossier, DOSSIER_FORMAT } from './dossier.service.ts';
export type { TraceDossier } from './dossier.service.ts';
export { scoreCompleteness } from './completeness.ts';
export type { Completeness, LinkResult, LinkStatus } from './completeness.ts';
export { LINKS, LINK_RULES_VERSION } from './trace.links.ts';
