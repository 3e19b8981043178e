import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, invalid, issuesFromZod, notFound } from '../../platform/errors.ts';
import type { ZodType } from 'zod';
import {
  envelope,
  findSubjectRecords,
  recordPersonalDataRead,
  subjectKeysForEmail,
} from './personal-data.service.ts';
import { disableErasedUser, userIdForEmail } from '../identity/index.ts';
import { sealedTables } from './sealed-columns.ts';
import { subjectIs } from './field-cipher.service.ts';
import { LEGAL_HOLDS, deadlineRule, dueDate } from './rules/dsr-rules.ts';

export const DSR_KINDS = ['access', 'export', 'correction', 'deletion'] as const;
export type DsrKind = (typeof DSR_KINDS)[number];
export const DSR_REGIMES = ['gdpr', 'uk_gdpr', 'ccpa', 'pipl', '152fz', 'dpdp'] as const;
export type DsrRegime = (typeof DSR_REGIMES)[number];

type DsrRow = Awaited<ReturnType<typeof loadDsr>>;

async function loadDsr(ctx: AppContext, orgId: string, id: string) {
  const r = await ctx.db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Data-subject request', id);
  return r;
}

function present(r: DsrRow, now: Date) {
  const due = new Date(r.due_at);
  const open = r.status === 'open';
  return {
    id: r.id,
    kind: r.kind,
    regime: r.regime,
    subjectKey: r.subject_key,
    status: r.status,
    receivedAt: new Date(r.received_at).toISOString(),
    dueAt: due.toISOString(),
    deadlineRule: r.deadline_rule,
    overdue: open && due <= now,
    daysLeft: open ? Math.ceil((due.getTime() - now.getTime()) / 86_400_000) : null,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    holdUntil: r.hold_until ? new Date(r.hold_until).toISOString() : null,
    outcome: (typeof r.outcome === 'string' ? JSON.parse(r.outcome) : r.outcome) as Record<
      string,
      unknown
    > | null,
    createdBy: r.created_by,
  };
}
export type DsrView = ReturnType<typeof present>;

/**
 * Records a data-subject request and its statutory deadline (rules/dsr-rules.ts). The subject is named by
 * its subject key (the key its data is sealed under, e.g. the platform buyer id), or found by email
 * through the blind index; the contact email is kept sealed.
 */
export async function createDsr(
  ctx: AppContext,
  actor: Actor,
  input: { kind: DsrKind; regime: DsrRegime; subjectKey?: string | undefined; email?: string | undefined },
): Promise<DsrView> {
  const now = ctx.clock.now();
  const rule = deadlineRule(input.regime, now);
  if (!rule) throw invalid(`No deadline rule for ${input.regime} on ${now.toISOString().slice(0, 10)}`);
  let subjectKey = input.subjectKey;
  if (!subjectKey && input.email) {
    const found = await subjectKeysForEmail(ctx, actor.orgId, input.email);
    // An employee (a user of the product) is their own data subject: their data is sealed under their id.
    const user = await userIdForEmail(ctx, actor.orgId, input.email);
    if (user && !found.includes(user)) found.push(user);
    if (found.length > 1)
      throw conflict('This email matches several data subjects: name the subject key', {
        count: found.length,
      });
    subjectKey = found[0];
  }
  if (!subjectKey)
    throw invalid('Name the data subject by subjectKey, or by an email we hold', [
      { field: 'subjectKey', message: 'required (no subject found for the email)' },
    ]);
  const id = ctx.ids.next('dataSubjectRequest');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('data_subject_requests')
      .values({
        id,
        org_id: actor.orgId,
        kind: input.kind,
        regime: input.regime,
        subject_key: subjectKey,
        contact_index: input.email
          ? ctx.cipher.blindIndex(actor.orgId, input.email.trim().toLowerCase())
          : null,
        contact_sealed: input.email
          ? await ctx.cipher.seal(actor.orgId, input.email.trim(), subjectKey)
          : null,
        status: 'open',
        received_at: now,
        due_at: dueDate(rule, now),
        deadline_rule: rule.id,
        created_by: actor.id,
      })
      .execute();
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'privacy.dsr_received',
        version: 1,
        actor: actor.id,
        subject: id,
        data: {
          kind: input.kind,
          regime: input.regime,
          deadlineRule: rule.id,
          dueAt: dueDate(rule, now).toISOString(),
        },
      },
    ]);
  });
  return present(await loadDsr(ctx, actor.orgId, id), now);
}

export async function getDsr(ctx: AppContext, orgId: string, id: string): Promise<DsrView> {
  return present(await loadDsr(ctx, orgId, id), ctx.clock.now());
}

export async function listDsrs(
  ctx: AppContext,
  orgId: string,
  opts: { status?: string | undefined; limit?: number } = {},
): Promise<DsrView[]> {
  let q = ctx.db.selectFrom('data_subject_requests').selectAll().where('org_id', '=', orgId);
  if (opts.status) q = q.where('status', '=', opts.status as DsrRow['status']);
  const rows = await q
    .orderBy('due_at')
    .limit(opts.limit ?? 200)
    .execute();
  const now = ctx.clock.now();
  return rows.map((r) => present(r, now));
}

async function complete(
  ctx: AppContext,
  actor: Actor,
  r: DsrRow,
  status: 'completed' | 'held',
  outcome: Record<string, unknown>,
  extra: { holdUntil?: Date; within?: (tx: Executor) => Promise<void> } = {},
  kind = 'privacy.dsr_completed',
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await extra.within?.(tx);
    await tx
      .updateTable('data_subject_requests')
      .set({
        status,
        completed_at: status === 'completed' ? now : null,
        hold_until: extra.holdUntil ?? null,
        outcome: JSON.stringify(outcome),
      })
      .where('id', '=', r.id)
      .where('org_id', '=', r.org_id)
      .execute();
    await ctx.journal.append(tx, r.org_id, [
      { kind, version: 1, actor: actor.id, subject: r.id, data: { status, ...outcome } },
    ]);
  });
}

/**
 * Access / export: the subject's personal data as machine-readable JSON (every record, its sealed
 * fields opened, non-personal context alongside). Journals the read. Completes an open access or
 * export request.
 */
export async function exportDsr(ctx: AppContext, actor: Actor, id: string) {
  const r = await loadDsr(ctx, actor.orgId, id);
  if (r.kind !== 'access' && r.kind !== 'export')
    throw invalid(`A ${r.kind} request has no export; only access and export requests do`);
  const records = await findSubjectRecords(ctx, actor.orgId, r.subject_key);
  const keys = await ctx.db
    .selectFrom('data_keys')
    .select(['shredded_at'])
    .where('org_id', '=', actor.orgId)
    .where(subjectIs(r.subject_key))
    .execute();
  await recordPersonalDataRead(ctx, actor, {
    subject: r.id,
    fields: [...new Set(records.flatMap((x) => Object.keys(x.fields)))],
    purpose: `dsr:${r.kind}`,
  });
  if (r.status === 'open')
    await complete(ctx, actor, r, 'completed', { records: records.length, format: 'application/json' });
  return {
    format: 'crossgate.dsr-export/1',
    request: { id: r.id, kind: r.kind, regime: r.regime, receivedAt: new Date(r.received_at).toISOString() },
    subjectKey: r.subject_key,
    generatedAt: ctx.clock.now().toISOString(),
    erased: keys.some((k) => k.shredded_at !== null),
    records: records.map((x) => ({ type: x.table, id: x.id, personalData: x.fields, context: x.context })),
  };
}

/**
 * Correction: re-seals one field of one record with the corrected value, under the subject's key.
 * `field` is the exported name (e.g. `address` on a `parties` record).
 */
export async function correctDsr(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: { type: string; recordId: string; field: string; value: string },
) {
  const r = await loadDsr(ctx, actor.orgId, id);
  if (r.kind !== 'correction') throw invalid('Only a correction request corrects data');
  if (r.status !== 'open') throw conflict(`The request is ${r.status}`);
  const t = sealedTables().find((x) => x.table === change.type);
  const recordCol =
    t && Object.entries(t.records ?? {}).find(([, fields]) => fields.includes(change.field))?.[0];
  const col =
    recordCol ??
    (t && Object.entries(t.columns).find(([c, label]) => label === change.field && !t.records?.[c])?.[0]);
  if (!t || !col) throw invalid(`${change.type}.${change.field} is not a personal-data field`);
  const value = structuredValue(t.structured?.[change.field], change.field, change.value);
  const records = await findSubjectRecords(ctx, actor.orgId, r.subject_key, { open: false });
  if (!records.some((x) => x.table === change.type && x.id === change.recordId))
    throw notFound(`${change.type} record of this subject`, change.recordId);
  const corrected = [`${t.table}.${change.field}`];
  await complete(
    ctx,
    actor,
    r,
    'completed',
    { corrected, record: change.recordId },
    {
      within: async (tx) => {
        if (!recordCol) {
          const sealed = await ctx.cipher.seal(actor.orgId, value, r.subject_key, tx);
          await sql`update ${sql.table(t.table)} set ${sql.ref(col)} = ${sealed} where org_id = ${actor.orgId} and id = ${change.recordId}`.execute(
            tx,
          );
          return;
        }
        // One field of a sealed record: re-seal the record with that field replaced. A row written
        // before the table had the record column keeps one sealed column per field: those fields move
        // into the record and their columns are cleared, so no stale copy of the data remains.
        const recordFields = t.records?.[recordCol] ?? [];
        const legacy = Object.entries(t.columns).filter(
          ([c, label]) => c !== recordCol && recordFields.includes(label),
        );
        const cur = await sql<Record<string, string | null>>`select ${sql.join(
          [recordCol, ...legacy.map(([c]) => c)].map((c) => sql.ref(c)),
        )} from ${sql.table(t.table)}
          where org_id = ${actor.orgId} and id = ${change.recordId} for update`.execute(tx);
        const row = cur.rows[0] ?? {};
        const fields: Record<string, string> = {};
        for (const [c, label] of legacy) {
          const v = row[c];
          if (v) fields[label] = await ctx.cipher.open(actor.orgId, v, tx);
        }
        const v = row[recordCol];
        if (v) Object.assign(fields, await ctx.cipher.openRecord(actor.orgId, v, tx));
        const sealed = await ctx.cipher.sealRecord(
          actor.orgId,
          { ...fields, [change.field]: value },
          r.subject_key,
          tx,
        );
        await sql`update ${sql.table(t.table)} set ${sql.join([
          sql`${sql.ref(recordCol)} = ${sealed}`,
          ...legacy.map(([c]) => sql`${sql.ref(c)} = null`),
        ])} where org_id = ${actor.orgId} and id = ${change.recordId}`.execute(tx);
      },
    },
  );
  return getDsr(ctx, actor.orgId, id);
}

/**
 * The value to seal for a corrected field: as given, or for a structured field (an address) its JSON
 * checked against the field's schema and written in the form the importers write.
 */
function structuredValue(schema: ZodType | undefined, field: string, value: string): string {
  if (!schema) return value;
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    doc = undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalid(
      `${field} is an address: give it as a JSON object, e.g. {"line1": "1 New Street", "city": "Leeds", "postalCode": "LS1 1AA", "country": "GB"}`,
      [{ field: 'value', message: 'must be a JSON object' }],
    );
  const parsed = schema.safeParse(doc);
  if (!parsed.success)
    throw invalid(
      `${field} is not a valid address`,
      issuesFromZod(parsed.error).map((i) => ({ field: `value.${i.field}`, message: i.message })),
    );
  return JSON.stringify(parsed.data);
}

/** When a legal hold on the subject's records ends, or null when nothing holds them. */
export function holdFor(records: Awaited<ReturnType<typeof findSubjectRecords>>, now: Date) {
  const hold = LEGAL_HOLDS.find((h) => h.id === 'customs-records-5y');
  if (!hold) return null;
  let until: Date | null = null;
  const held: string[] = [];
  for (const rec of records) {
    if (!rec.customsRecordDate) continue;
    const end = new Date(rec.customsRecordDate);
    end.setUTCFullYear(end.getUTCFullYear() + hold.years);
    if (end > now) {
      held.push(`${rec.table}:${rec.id}`);
      if (!until || end > until) until = end;
    }
  }
  return until ? { until, held, rule: hold } : null;
}

/**
 * Deletion by crypto-shredding. When customs records of the subject are still within their retention
 * period, erasure is deferred: the request is `held` until the last hold ends, with the records and the
 * rule named, and `runDueErasures` shreds it then. Otherwise the subject's data keys are destroyed now:
 * every value sealed under them becomes unreadable, while the records themselves (order numbers,
 * amounts, countries, filings) stay intact.
 */
export async function eraseDsr(ctx: AppContext, actor: Actor, id: string) {
  const r = await loadDsr(ctx, actor.orgId, id);
  if (r.kind !== 'deletion') throw invalid('Only a deletion request erases data');
  if (r.status === 'completed') throw conflict('The request is already completed');
  const now = ctx.clock.now();
  const records = await findSubjectRecords(ctx, actor.orgId, r.subject_key, { open: false });
  const hold = holdFor(records, now);
  if (hold) {
    await complete(
      ctx,
      actor,
      r,
      'held',
      {
        legalHold: hold.rule.id,
        holdUntil: hold.until.toISOString(),
        heldRecords: hold.held.length,
        explanation: `Erasure deferred until ${hold.until.toISOString().slice(0, 10)}: ${hold.held.length} ${hold.rule.records} must be kept ${hold.rule.years} years (${hold.rule.source}). The data stays encrypted and is used only for those records; it is crypto-shredded automatically when the hold ends.`,
      },
      {
        holdUntil: hold.until,
        within: async (tx) => {
          await disableErasedUser(ctx, tx, actor, r.subject_key);
        },
      },
      'privacy.dsr_held',
    );
    return getDsr(ctx, actor.orgId, id);
  }
  await shredNow(ctx, actor, r, records.length);
  return getDsr(ctx, actor.orgId, id);
}

async function shredNow(ctx: AppContext, actor: Pick<Actor, 'id'>, r: DsrRow, recordCount: number) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const destroyed = await envelope(ctx).shredSubject(r.org_id, r.subject_key, `dsr:${r.id}`, tx);
    // An employee's erasure also closes their account (no sign-in with erased credentials).
    const accountDisabled = await disableErasedUser(
      ctx,
      tx,
      { id: actor.id, orgId: r.org_id },
      r.subject_key,
    );
    const outcome = {
      shreddedKeys: destroyed.length,
      records: recordCount,
      ...(accountDisabled ? { accountDisabled: true } : {}),
      explanation:
        "Personal data crypto-shredded: the subject's keys are destroyed, so no copy (database, backup, export) can be decrypted again. Non-personal record fields remain.",
    };
    await tx
      .updateTable('data_subject_requests')
      .set({ status: 'completed', completed_at: now, outcome: JSON.stringify(outcome) })
      .where('id', '=', r.id)
      .execute();
    await ctx.journal.append(tx, r.org_id, [
      {
        kind: 'privacy.subject_shredded',
        version: 1,
        actor: actor.id,
        subject: r.id,
        data: { keys: destroyed, records: recordCount },
      },
    ]);
  });
}

/** Shreds every held deletion whose legal hold has ended. Run daily by the service and `crossgate privacy dsr run-due`. */
export async function runDueErasures(ctx: AppContext, orgId?: string): Promise<number> {
  let q = ctx.db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('status', '=', 'held')
    .where('hold_until', '<=', ctx.clock.now());
  if (orgId) q = q.where('org_id', '=', orgId);
  const due = await q.execute();
  let shredded = 0;
  for (const r of due) {
    const records = await findSubjectRecords(ctx, r.org_id, r.subject_key, { open: false });
    const hold = holdFor(records, ctx.clock.now());
    if (hold) {
      // Newer customs records arrived since: the hold moves out.
      await ctx.db
        .updateTable('data_subject_requests')
        .set({ hold_until: hold.until })
        .where('id', '=', r.id)
        .execute();
      continue;
    }
    await shredNow(ctx, { id: 'system:privacy' }, r, records.length);
    shredded += 1;
  }
  return shredded;
}
