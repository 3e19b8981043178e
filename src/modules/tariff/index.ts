import { z } from 'zod';
import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { invalid, issuesFromZod } from '../../platform/errors.ts';
import { tariffMigrations } from './tariff.migrations.ts';
import { tariffRoutes } from './tariff.routes.ts';
import { tariffCommands } from './tariff.commands.ts';
import { startTariffSync } from './tariff-sync.ts';
import './tariff.tables.ts';

definePermissions({
  'tariff:read': { description: 'Read tariff revisions, diffs, alerts; validate codes', minLevel: 'viewer' },
  'tariff:write': {
    description: 'Raise tariff-change alerts for the catalogue',
    minLevel: 'operator',
    roles: ['classifier'],
  },
  'tariff:admin': { description: 'Import tariff revisions', minLevel: 'admin' },
  'classification:read': { description: 'Classify products and read the review queue', minLevel: 'viewer' },
  'classification:write': {
    description: 'Load reference items; classify the catalogue',
    minLevel: 'operator',
    roles: ['classifier'],
  },
  'classification:review': {
    description: 'Accept or override classifications in the review queue',
    minLevel: 'specialist',
    roles: ['classifier'],
  },
});

const syncEnv = z.object({
  CROSSGATE_TARIFF_SYNC_URL: z.string().url().optional(),
  CROSSGATE_TARIFF_SYNC_HOURS: z.coerce.number().positive().default(24),
});

export const tariffModule: Module = {
  name: 'tariff',
  migrations: tariffMigrations,
  routes: tariffRoutes,
  commands: tariffCommands,
  async start(ctx) {
    const parsed = syncEnv.safeParse(process.env);
    if (!parsed.success) throw invalid('Tariff sync settings are not valid', issuesFromZod(parsed.error));
    const env = parsed.data;
    if (!env.CROSSGATE_TARIFF_SYNC_URL) return async () => {};
    return startTariffSync(ctx, {
      url: env.CROSSGATE_TARIFF_SYNC_URL,
      intervalHours: env.CROSSGATE_TARIFF_SYNC_HOURS,
    });
  },
};

export {
  validateCode,
  validateUsCode,
  validateHsCode,
  type CodeValidation,
  type CodeProblem,
} from './code-validation.ts';
export { classify, classifyAndQueue, addReferences, decideReview, listReviews } from './classify.service.ts';
export {
  importRevision,
  listRevisions,
  nomenclatureInForce,
  revisionInForce,
  scheduleInForce,
} from './tariff.service.ts';
export { revisionDiff, raiseImpactAlerts, listAlerts } from './tariff-impact.service.ts';
export { syncTariff, type Fetcher } from './tariff-sync.ts';
export { loadReferenceData, type ReferenceDataSummary } from './reference-data.ts';
