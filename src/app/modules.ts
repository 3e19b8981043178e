import type { Module } from '../platform/module.ts';
import { identityModule } from '../modules/identity/index.ts';
import { privacyModule } from '../modules/privacy/index.ts';
import { journalModule } from '../modules/journal/index.ts';
import { coreModule } from '../modules/core/index.ts';
import { demoModule } from '../modules/demo/index.ts';
import { importsModule } from '../modules/imports/index.ts';
import { traceModule } from '../modules/trace/index.ts';
import { tariffModule } from '../modules/tariff/index.ts';
import { filingsModule } from '../modules/filings/index.ts';
import { gatewayModule } from '../modules/gateway/index.ts';

/** Every module of the monolith, in dependency order. Add a module here and nowhere else. */
export const MODULES: Module[] = [
  identityModule,
  privacyModule,
  journalModule,
  coreModule,
  importsModule,
  traceModule,
  tariffModule,
  filingsModule,
  gatewayModule,
  demoModule,
];

export function allMigrations() {
  const out: Record<string, import('kysely/migration').Migration> = {};
  for (const m of MODULES) {
    for (const [name, mig] of Object.entries(m.migrations ?? {})) {
      if (out[name]) throw new Error(`Migration ${name} is defined twice`);
      out[name] = mig;
    }
  }
  return out;
}
