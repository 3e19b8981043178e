import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Module } from '../../platform/module.ts';
import { definePermissions, systemActor } from '../../platform/auth/permissions.ts';
import { exitCodeOf } from '../../platform/errors.ts';
import { importsMigrations } from './imports.migrations.ts';
import { importsRoutes } from './imports.routes.ts';
import { listQuarantine, listRuns, parseFormat, parseKind, runImport } from './import.service.ts';
import './imports.tables.ts';

definePermissions({
  'imports:write': { description: 'Import products, orders and shipments from files', minLevel: 'operator' },
  'imports:read': { description: 'See import runs and their quarantined rows', minLevel: 'viewer' },
});

const LIST_LIMIT = 500;

export const importsModule: Module = {
  name: 'imports',
  migrations: importsMigrations,
  routes: importsRoutes,
  commands(program, cli) {
    program
      .command('import <file>')
      .description('Import products, orders or shipments from a CSV, NDJSON, JSON, Shopify or Amazon file')
      .option('--kind <kind>', 'orders | products | shipments (Shopify and Amazon files are orders)')
      .option('--format <format>', 'csv | ndjson | json | shopify | amazon (default: from the extension)')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print the run as JSON')
      .action(
        cli.run(
          async (file: string, opts: { kind?: string; format?: string; org?: string; json?: boolean }) => {
            const format = opts.format ? parseFormat(opts.format) : undefined;
            const kind = opts.kind ? parseKind(opts.kind) : undefined;
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            let size = 0;
            try {
              size = fs.statSync(file).size;
            } catch {
              // An unreadable file is reported by the run itself (a quarantine record and a failed run).
            }
            const bar = new cliProgress.SingleBar(
              {
                stream: process.stderr,
                format:
                  'importing [{bar}] {percentage}% | {mb}/{totalMb} MB | {rows} rows | {quarantined} quarantined',
                hideCursor: true,
                clearOnComplete: true,
              },
              cliProgress.Presets.shades_classic,
            );
            const mb = (n: number) => (n / 1048576).toFixed(1);
            bar.start(Math.max(size, 1), 0, { mb: mb(0), totalMb: mb(size), rows: 0, quarantined: 0 });
            const run = await runImport(ctx, {
              orgId: org.id,
              actor: 'system:cli',
              fileName: file,
              format,
              kind,
              source: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
              sizeHint: size,
              onProgress: (p) =>
                bar.update(Math.min(p.bytes, Math.max(size, 1)), {
                  mb: mb(p.bytes),
                  totalMb: mb(size),
                  rows: p.rows,
                  quarantined: p.quarantined,
                }),
            });
            bar.stop();
            if (opts.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
            else {
              process.stdout.write(
                [
                  `run ${run.id}: ${run.status} (${run.file}, ${run.format}, ${run.kind})`,
                  `  rows read    ${run.rows} (${run.records} records)`,
                  `  accepted     ${run.accepted} (created ${run.created}, updated ${run.updated})`,
                  `  unchanged    ${run.unchanged}`,
                  `  quarantined  ${run.quarantined}${run.quarantined ? `  (crossgate quarantine list --run ${run.id})` : ''}`,
                  `  speed        ${run.rowsPerSecond} rows/s`,
                  ...(run.error ? [`  stopped      ${run.error}`] : []),
                  '',
                ].join('\n'),
              );
            }
            if (run.quarantined > 0 || run.status === 'failed') process.exitCode = exitCodeOf('invalid');
          },
        ),
      );

    program
      .command('imports')
      .description('Import runs')
      .command('list')
      .option('--org <org>', 'organisation slug or id')
      .option('--limit <n>', 'rows to show', '50')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { org?: string; limit: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const limit = Math.min(Number(opts.limit) || 50, LIST_LIMIT);
          const runs = (await listRuns(ctx, org.id, { limit })).slice(0, limit);
          cli.print(runs, {
            json: opts.json,
            columns: [
              'id',
              'file',
              'format',
              'kind',
              'status',
              'rows',
              'accepted',
              'unchanged',
              'quarantined',
              'rowsPerSecond',
              'startedAt',
            ],
          });
        }),
      );

    program
      .command('quarantine')
      .description('Rows that could not be imported')
      .command('list')
      .option('--run <id>', 'only this import run')
      .option('--org <org>', 'organisation slug or id')
      .option('--limit <n>', 'rows to show', '100')
      .option('--raw', 'include the raw rows (may hold personal data)')
      .option('--json', 'print JSON')
      .action(
        cli.run(
          async (opts: { run?: string; org?: string; limit: string; raw?: boolean; json?: boolean }) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            const limit = Math.min(Number(opts.limit) || 100, LIST_LIMIT);
            const actor = systemActor(org.id);
            const items = (await listQuarantine(ctx, actor, { runId: opts.run, limit })).slice(0, limit);
            const rows = items.map(({ raw, ...rest }) => (opts.raw ? { ...rest, raw } : rest));
            cli.print(rows, {
              json: opts.json,
              columns: ['runId', 'file', 'rowNumber', 'field', 'reason', ...(opts.raw ? ['raw'] : [])],
            });
          },
        ),
      );
  },
};

export {
  detectFormat,
  getRun,
  listQuarantine,
  listRuns,
  runImport,
  MAX_UPLOAD_BYTES,
} from './import.service.ts';
export type { ImportProgress, ImportRequest, ImportRunView, QuarantineItem } from './import.service.ts';
export { IMPORT_FORMATS, IMPORT_KINDS } from './imports.tables.ts';
export type { ImportFormat, ImportKind, ImportStatus } from './imports.tables.ts';
