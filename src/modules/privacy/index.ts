import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { privacyMigrations } from './privacy.migrations.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { privacyCommands } from './privacy.commands.ts';
import { runDueErasures } from './dsr.service.ts';
import { reencryptRetired } from './personal-data.service.ts';
import './privacy.tables.ts';

definePermissions({
  'personal_data:read': {
    description: 'See personal data (names, addresses, contact details) in clear',
    minLevel: 'manager',
    roles: ['privacy_officer'],
  },
  'privacy:read': {
    description: 'See transfer decisions, residency rules and key status',
    minLevel: 'manager',
    roles: ['privacy_officer', 'auditor'],
  },
  'privacy:transfers:evaluate': {
    description: 'Evaluate (and journal) a cross-border transfer of personal data',
    minLevel: 'operator',
    roles: ['privacy_officer', 'filer'],
  },
  'privacy:dsr': {
    description: 'Handle data-subject requests (access, export, correction, erasure)',
    minLevel: 'admin',
    roles: ['privacy_officer'],
  },
  'privacy:keys': { description: 'Rotate data-encryption keys', minLevel: 'admin' },
});

export const privacyModule: Module = {
  name: 'privacy',
  migrations: privacyMigrations,
  routes: privacyRoutes,
  commands: privacyCommands,
  async start(ctx) {
    // Daily: shred held erasures whose legal hold ended; move values off retired data keys.
    const tick = async () => {
      try {
        const shredded = await runDueErasures(ctx);
        const orgs = await ctx.db
          .selectFrom('data_keys')
          .select('org_id')
          .distinct()
          .where('retired_at', 'is not', null)
          .where('wrapped', 'is not', null)
          .execute();
        let moved = 0;
        for (const o of orgs) moved += await reencryptRetired(ctx, o.org_id);
        if (shredded || moved) ctx.logger.info({ shredded, reencrypted: moved }, 'privacy housekeeping');
        // Data-subject requests close to (or past) their statutory deadline: counts only, no names.
        const soon = new Date(ctx.clock.now().getTime() + 7 * 86_400_000);
        const due = await ctx.db
          .selectFrom('data_subject_requests')
          .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', '=', 'open')
          .where('due_at', '<=', soon)
          .groupBy('org_id')
          .execute();
        for (const d of due)
          ctx.logger.warn(
            { org: d.org_id, requests: Number(d.n) },
            'data-subject requests due within 7 days',
          );
      } catch (err) {
        ctx.logger.error({ err }, 'privacy housekeeping failed');
      }
    };
    const timer = setInterval(tick, 24 * 3600_000);
    timer.unref();
    void tick();
    return async () => clearInterval(timer);
  },
};

export {
  EnvelopeFieldCipher,
  ShreddedError,
  isShredded,
  keyIdOf,
} from './field-cipher.service.ts';
export {
  envelope,
  findSubjectRecords,
  recordPersonalDataRead,
  reencryptRetired,
} from './personal-data.service.ts';
export { registerSealedTable, sealedTables, type SealedTable } from './sealed-columns.ts';
export { decideTransfer, evaluateTransfer, listTransferDecisions } from './transfer.service.ts';
export type { TransferDecision, TransferInput } from './transfer.service.ts';
export {
  createDsr,
  eraseDsr,
  exportDsr,
  correctDsr,
  getDsr,
  listDsrs,
  runDueErasures,
} from './dsr.service.ts';
export { keyStatus, rotateKek } from './keys.service.ts';
