import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { EnvelopeFieldCipher, isSealedRecord, keyIdOf, sealedUnderPattern } from './field-cipher.service.ts';
import { sealedTables, type SealedTable } from './sealed-columns.ts';

/** The envelope cipher behind ctx.cipher (key management lives on it, not on the FieldCipher port). */
export function envelope(ctx: AppContext): EnvelopeFieldCipher {
  if (!(ctx.cipher instanceof EnvelopeFieldCipher))
    throw new AppError('internal', 'Key management needs the envelope field cipher');
  return ctx.cipher;
}

/**
 * Journals a read of personal data in clear (PRODUCT.md §3.7): who read which fields of whom, and why.
 * Call it whenever a route or command returns opened values to a person or machine. Never pass the
 * values themselves.
 */
export async function recordPersonalDataRead(
  ctx: AppContext,
  actor: Pick<Actor, 'id' | 'orgId'>,
  read: { subject: string; fields: string[]; purpose: string },
  tx?: Executor,
): Promise<void> {
  const write = (e: Executor) =>
    ctx.journal.append(e, actor.orgId, [
      {
        kind: 'personal_data.read',
        version: 1,
        actor: actor.id,
        subject: read.subject,
        data: { fields: read.fields, purpose: read.purpose },
      },
    ]);
  if (tx) await write(tx);
  else await ctx.db.transaction().execute(write);
}

export interface SubjectRecord {
  table: string;
  id: string;
  fields: Record<string, string | null>;
  context: Record<string, unknown>;
  customsRecordDate: string | null;
}

function ident(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new AppError('internal', `Bad identifier ${name}`);
  return sql.ref(name);
}

/** Rows of `t` holding at least one value sealed under one of `keyIds`. */
async function rowsUnder(ctx: AppContext, orgId: string, t: SealedTable, keyIds: string[]) {
  if (keyIds.length === 0) return [];
  const cols = Object.keys(t.columns);
  const ctxCols = Object.keys(t.context ?? {});
  const dateCol = t.customsRecordDate;
  const select = [...new Set(['id', ...cols, ...ctxCols, ...(dateCol ? [dateCol] : [])])];
  const ors = cols.flatMap((c) => keyIds.map((k) => sql`${ident(c)} like ${sealedUnderPattern(k)}`));
  const r = await sql<
    Record<string, unknown>
  >`select ${sql.join(select.map(ident))} from ${sql.table(t.table)}
    where org_id = ${orgId} and (${sql.join(ors, sql` or `)}) order by id`.execute(ctx.db);
  return r.rows;
}

/**
 * Every record holding a subject's personal data, opened. Values whose key was destroyed read null.
 * `open: false` lists the records without decrypting (for erasure and hold checks).
 */
export async function findSubjectRecords(
  ctx: AppContext,
  orgId: string,
  subjectKey: string,
  opts: { open?: boolean } = {},
): Promise<SubjectRecord[]> {
  const keyIds = await envelope(ctx).subjectKeyIds(orgId, subjectKey);
  const keySet = new Set(keyIds);
  const out: SubjectRecord[] = [];
  for (const t of sealedTables()) {
    for (const row of await rowsUnder(ctx, orgId, t, keyIds)) {
      const fields: Record<string, string | null> = {};
      // Single fields first, then records: a row holding both (an older row corrected field by field)
      // shows the record's value of a field it holds.
      const cols = Object.entries(t.columns).sort(
        ([a], [b]) => Number(!!t.records?.[a]) - Number(!!t.records?.[b]),
      );
      for (const [col, label] of cols) {
        const v = row[col];
        if (typeof v !== 'string' || !keySet.has(keyIdOf(v) ?? '')) continue;
        if (!isSealedRecord(v)) {
          fields[label] = opts.open === false ? null : await ctx.cipher.tryOpen(orgId, v);
          continue;
        }
        // A sealed record: its fields are exported one by one (all null once shredded).
        const record = opts.open === false ? null : await ctx.cipher.tryOpenRecord(orgId, v);
        for (const f of t.records?.[col] ?? Object.keys(record ?? {})) {
          if (record && Object.hasOwn(record, f)) fields[f] = record[f] as string;
          else if (!Object.hasOwn(fields, f)) fields[f] = null;
        }
      }
      const context: Record<string, unknown> = {};
      for (const [col, label] of Object.entries(t.context ?? {})) {
        const v = row[col];
        context[label] = v instanceof Date ? v.toISOString() : v;
      }
      const d = t.customsRecordDate ? row[t.customsRecordDate] : null;
      out.push({
        table: t.table,
        id: String(row.id),
        fields,
        context,
        customsRecordDate: d ? new Date(d as string).toISOString() : null,
      });
    }
  }
  return out;
}

/** Subject keys whose sealed values sit on rows matching an email's blind index. */
export async function subjectKeysForEmail(ctx: AppContext, orgId: string, email: string): Promise<string[]> {
  const index = ctx.cipher.blindIndex(orgId, email.trim().toLowerCase());
  const keys = new Set<string>();
  for (const t of sealedTables()) {
    if (!t.emailIndex) continue;
    const cols = Object.keys(t.columns);
    const r = await sql<
      Record<string, unknown>
    >`select ${sql.join(cols.map(ident))} from ${sql.table(t.table)}
      where org_id = ${orgId} and ${ident(t.emailIndex)} = ${index}`.execute(ctx.db);
    for (const row of r.rows)
      for (const c of cols) {
        const id = typeof row[c] === 'string' ? keyIdOf(row[c] as string) : undefined;
        if (!id) continue;
        const info = await envelope(ctx).keyInfo(orgId, id);
        if (info?.subject_key) keys.add(info.subject_key);
      }
  }
  return [...keys];
}

/**
 * Lazy re-encryption after a data-key rotation: moves values still sealed under retired keys of the
 * organisation to the current key, in batches, row by row (each update checks the old value, so a
 * concurrent writer wins). Returns how many values moved.
 */
export async function reencryptRetired(ctx: AppContext, orgId: string, batch = 500): Promise<number> {
  const retired = await ctx.db
    .selectFrom('data_keys')
    .select('id')
    .where('org_id', '=', orgId)
    .where('retired_at', 'is not', null)
    .where('wrapped', 'is not', null)
    .execute();
  let moved = 0;
  for (const t of sealedTables()) {
    for (const col of Object.keys(t.columns)) {
      for (const { id: keyId } of retired) {
        for (;;) {
          const r = await sql<{
            id: string;
            v: string;
          }>`select id, ${ident(col)} as v from ${sql.table(t.table)}
            where org_id = ${orgId} and ${ident(col)} like ${sealedUnderPattern(keyId)} limit ${batch}`.execute(
            ctx.db,
          );
          if (r.rows.length === 0) break;
          for (const row of r.rows) {
            const next = await envelope(ctx).reseal(orgId, row.v);
            if (next === null) continue;
            await sql`update ${sql.table(t.table)} set ${ident(col)} = ${next}
              where org_id = ${orgId} and id = ${row.id} and ${ident(col)} = ${row.v}`.execute(ctx.db);
            moved += 1;
          }
        }
      }
    }
  }
  return moved;
}
