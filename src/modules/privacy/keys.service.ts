import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { envelope } from './personal-data.service.ts';

/** Data keys of an organisation by state and KEK (counts only; never key material). */
export async function keyStatus(ctx: AppContext, orgId: string) {
  const r = await sql<{ kind: string; state: string; kek_id: string; n: number }>`
    select case when subject_key is null then 'organisation' else 'subject' end as kind,
           case when shredded_at is not null then 'shredded' when retired_at is not null then 'retired' else 'current' end as state,
           kek_id, count(*)::int as n
    from data_keys where org_id = ${orgId} group by 1, 2, 3 order by 1, 2, 3`.execute(ctx.db);
  return { currentKek: ctx.keys.currentKekId, keys: r.rows };
}

/**
 * KEK rotation without downtime: a new KEK becomes current (new data keys are wrapped by it), every live
 * data key is re-wrapped under it, and with `retireOld` the old KEKs no data key uses any more are
 * removed from the provider. Values themselves are not touched. Each organisation whose keys were
 * re-wrapped gets a `privacy.kek_rotated` journal entry, written in the transaction of its re-wrap.
 * `actor` names who rotated (the CLI's host operator by default).
 */
export async function rotateKek(ctx: AppContext, opts: { retireOld?: boolean; actor?: string } = {}) {
  if (!ctx.keys.rotateKek)
    throw new AppError('invalid', 'This key provider rotates its KEK itself (e.g. a KMS key policy)');
  const previous = ctx.keys.currentKekId;
  const kekId = ctx.keys.rotateKek();
  const actor = opts.actor ?? 'system:cli';
  const { rewrapped, organisations } = await envelope(ctx).rewrapDataKeys({
    onOrganisation: (tx, orgId, n) =>
      ctx.journal.append(tx, orgId, [
        {
          kind: 'privacy.kek_rotated',
          version: 1,
          actor,
          subject: kekId,
          data: { previousKek: previous, kek: kekId, rewrappedDataKeys: n },
        },
      ]),
  });
  const inUse = new Set(await envelope(ctx).keksInUse());
  const retired: string[] = [];
  if (opts.retireOld && ctx.keys.kekIds && ctx.keys.retireKek)
    for (const id of ctx.keys.kekIds())
      if (id !== kekId && !inUse.has(id)) {
        ctx.keys.retireKek(id);
        retired.push(id);
      }
  return { previous, kekId, rewrapped, organisations, retired };
}
