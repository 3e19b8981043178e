import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { FilingSettings } from './builders/common.ts';
import { formatEntryNumber } from './formats.ts';
import './filings.tables.ts';

/** Per-organisation filer settings (filer code, bond, EORIs, IOSS, GB VAT, alert leads) and entry numbers. */

// ---------------------------------------------------------------------------------------- settings

export async function getSettings(
  ctx: AppContext,
  orgId: string,
  db: Executor = ctx.db,
): Promise<FilingSettings> {
  const row = await db
    .selectFrom('filing_settings')
    .select('settings')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return (row?.settings ?? {}) as FilingSettings;
}

export async function putSettings(ctx: AppContext, orgId: string, settings: FilingSettings, actor: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('filing_settings')
      .values({
        org_id: orgId,
        settings: JSON.stringify(settings),
        next_entry_seq: 1,
        updated_at: ctx.clock.now(),
      })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({ settings: JSON.stringify(settings), updated_at: ctx.clock.now() }),
      )
      .execute();
    await ctx.journal.append(tx, orgId, [
      { kind: 'filing.settings_changed', version: 1, actor, data: { keys: Object.keys(settings).sort() } },
    ]);
  });
  return settings;
}

/** Draws the next entry number for the filer code (row lock: concurrent draws never collide). */
export async function drawEntryNumber(tx: Executor, orgId: string, filerCode: string): Promise<string> {
  const row = await tx
    .updateTable('filing_settings')
    .set({ next_entry_seq: sql`next_entry_seq + 1` })
    .where('org_id', '=', orgId)
    .returning('next_entry_seq')
    .executeTakeFirstOrThrow();
  return formatEntryNumber(filerCode, row.next_entry_seq - 1);
}
