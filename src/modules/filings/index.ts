import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { filingsMigrations } from './filings.migrations.ts';
import { filingsRoutes } from './filings.routes.ts';
import { CHECKPOINTS, CHECKPOINT_REGISTRY_VERSION } from './checkpoints/registry.ts';
import { listDeadlines, sweepDeadlines, timeliness } from './deadline-clocks.service.ts';
import {
  buildAll,
  buildForShipment,
  checkAll,
  checkFiling,
  getFilingDetail,
  listFilings,
  recordFilingStatus,
} from './filings.service.ts';
import { FILING_STATUSES, type FilingStatus } from './model.ts';
import { AppError } from '../../platform/errors.ts';
import './filings.tables.ts';

definePermissions({
  'filings:read': { description: 'Read filings, checkpoint results and deadlines', minLevel: 'viewer' },
  'filings:write': {
    description: 'Build, check and complete filings',
    minLevel: 'operator',
    roles: ['filer'],
  },
  'filings:submit': {
    description: 'Record filing status changes and read wire payloads (contain personal data)',
    minLevel: 'specialist',
    roles: ['filer'],
  },
  'filings:admin': {
    description: 'Change filer settings (filer code, bond, EORI, IOSS)',
    minLevel: 'manager',
  },
});

const SWEEP_MS = 60_000;

export const filingsModule: Module = {
  name: 'filings',
  migrations: filingsMigrations,
  routes: filingsRoutes,
  async start(ctx) {
    const tick = async () => {
      const orgs = await ctx.db.selectFrom('organisations').select('id').execute();
      for (const o of orgs) await sweepDeadlines(ctx, o.id);
    };
    const timer = setInterval(() => {
      tick().catch((err) => ctx.logger.error({ err }, 'deadline sweep failed'));
    }, SWEEP_MS);
    timer.unref();
    return async () => clearInterval(timer);
  },
  commands(program, cli) {
    const filings = program.command('filings').description('Customs filings: build, check, deadlines');
    filings
      .command('build')
      .description('Build the filings a shipment needs (or every shipment with --all)')
      .option('--shipment <id>', 'shipment id')
      .option('--all', 'every shipment of the organisation')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { shipment?: string; all?: boolean; org?: string; json?: boolean }) => {
          if (!opts.shipment && !opts.all) throw new AppError('invalid', 'give --shipment <id> or --all');
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const rows = opts.all
            ? await buildAll(ctx, org.id, 'system:cli')
            : await buildForShipment(ctx, org.id, opts.shipment!, 'system:cli');
          cli.print(rows, {
            json: opts.json,
            columns: ['shipmentId', 'kind', 'variant', 'filingId', 'outcome', 'status', 'reason'],
          });
        }),
      );
    filings
      .command('check [id]')
      .description('Run every checkpoint on a filing (or every open filing with --all)')
      .option('--all', 'every draft/validated/amended filing')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (id: string | undefined, opts: { all?: boolean; org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          if (opts.all || !id) {
            cli.print(await checkAll(ctx, org.id, 'system:cli'), {
              json: opts.json,
              columns: ['filingId', 'status', 'ran', 'passed', 'errors', 'warnings'],
            });
            return;
          }
          const r = await checkFiling(ctx, org.id, id, 'system:cli');
          const failed = r.results
            .filter((x) => x.outcome === 'fail')
            .map((x) => ({
              code: x.code,
              severity: x.severity,
              message: x.message,
              fix: x.fix,
              where: x.findings.map((f) => f.detail).join('; '),
            }));
          if (opts.json) cli.print([{ ...r, results: undefined, failed }], { json: true });
          else {
            console.log(
              `${r.filingId}: ${r.status} — ${r.passed}/${r.ran} passed, ${r.errors} errors, ${r.warnings} warnings`,
            );
            if (failed.length) cli.print(failed, { columns: ['code', 'severity', 'where', 'fix'] });
          }
        }),
      );
    filings
      .command('show <id>')
      .description('One filing: decisions with their rules, failed checkpoints with fixes, clocks, history')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON (the whole canonical filing)')
      .action(
        cli.run(async (id: string, opts: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const d = await getFilingDetail(ctx, org.id, id, 'system:cli');
          if (opts.json) {
            cli.print([d], { json: true });
            return;
          }
          const f = d.filing;
          console.log(
            `${d.id}  ${f.kind}${f.header.ensVariant ? `/${f.header.ensVariant}` : ''}  ${d.status}  v${d.version}`,
          );
          console.log(
            `shipment ${f.shipmentReference}  ${f.transport.portOfLading ?? '?'} → ${f.transport.portOfUnlading ?? '?'}  ${f.transport.mode}`,
          );
          console.log(
            `value ${f.header.totalCustomsValue} ${f.header.regimeCurrency}  lines ${f.lines.length}  rules: ${f.ruleVersion}`,
          );
          console.log('\ndecisions');
          cli.print(f.decisions, { columns: ['rule', 'outcome', 'reason'] });
          console.log('\nfailed checkpoints');
          cli.print(
            d.checks.map((c) => ({ ...c, where: c.findings.map((x) => x.detail).join('; ') })),
            { columns: ['code', 'severity', 'where', 'fix'] },
          );
          console.log('\nclocks');
          cli.print(d.clocks, { columns: ['clock', 'dueAt', 'status', 'timeZone', 'explanation'] });
        }),
      );
    filings
      .command('set-status <id> <status>')
      .description(`Record a status change (${FILING_STATUSES.join(', ')})`)
      .option('--reason <text...>', 'reasons, e.g. the customs message')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(async (id: string, status: string, opts: { reason?: string[]; org?: string }) => {
          if (!(FILING_STATUSES as readonly string[]).includes(status))
            throw new AppError('invalid', `status must be one of ${FILING_STATUSES.join(', ')}`);
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const r = await recordFilingStatus(
            ctx,
            org.id,
            id,
            status as FilingStatus,
            opts.reason ?? [],
            'system:cli',
          );
          console.log(`${r.filingId}: ${r.status}${r.changed ? '' : ' (unchanged)'}`);
        }),
      );
    filings
      .command('checkpoints')
      .description(`The checkpoint registry (${CHECKPOINT_REGISTRY_VERSION})`)
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { json?: boolean }) => {
          cli.print(
            CHECKPOINTS.map((c) => ({
              code: c.code,
              severity: c.severity,
              regime: c.regime,
              category: c.category,
              message: c.message,
              fix: c.fix,
            })),
            { json: opts.json, columns: ['code', 'severity', 'regime', 'category', 'message'] },
          );
        }),
      );
    filings
      .command('list')
      .option('--status <status>', 'only this status')
      .option('--limit <n>', 'rows', '50')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { status?: string; limit: string; org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const rows = await listFilings(ctx, org.id, {
            limit: Math.min(Number(opts.limit) || 50, 10_000),
            status: opts.status,
          });
          cli.print(rows, {
            json: opts.json,
            columns: ['id', 'kind', 'variant', 'status', 'reference', 'entryNumber', 'errors', 'warnings'],
          });
        }),
      );
    filings
      .command('deadlines')
      .description('Open deadline clocks (sweeps first: re-plans moved ETD/ETA, raises alerts)')
      .option('--within <hours>', 'only clocks due within this many hours')
      .option('--overdue', 'include missed clocks')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { within?: string; overdue?: boolean; org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          await sweepDeadlines(ctx, org.id);
          const rows = await listDeadlines(ctx, org.id, {
            ...(opts.within ? { withinHours: Number(opts.within) } : {}),
            includeOverdue: !!opts.overdue,
          });
          cli.print(rows, {
            json: opts.json,
            columns: ['filingId', 'clock', 'dueAt', 'hoursLeft', 'status', 'timeZone'],
          });
        }),
      );
    filings
      .command('timeliness')
      .description('Timeliness compliance per regime')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          cli.print(await timeliness(ctx, org.id), { json: opts.json });
        }),
      );
  },
};

export { configureFilings } from './filings.deps.ts';
export {
  getSettings as getFilingSettings,
  putSettings as putFilingSettings,
} from './filing-settings.service.ts';
export type { FilingsDeps } from './filings.deps.ts';
export {
  encodeFiling,
  encodeForTransport,
  listReadyFilings,
  recordFilingStatus,
  buildForShipment,
  checkFiling,
} from './filings.service.ts';
export { sweepDeadlines } from './deadline-clocks.service.ts';
export type { TariffCodeValidator, TariffCodeCheck, PartyScreening, ScreeningHit } from './filings.ports.ts';
export type { Filing, FilingKind, FilingStatus } from './model.ts';
export { CHECKPOINTS, CHECKPOINT_REGISTRY_VERSION } from './checkpoints/registry.ts';
