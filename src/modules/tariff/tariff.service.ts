import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { type HsEntry, type TariffLine, parseHsCsv, parseHtsExport } from './hts-format.ts';
import { HsNomenclature, Schedule } from './schedule.ts';
import type { ScheduleName } from './tariff.tables.ts';

export interface RevisionSummary {
  id: string;
  schedule: ScheduleName;
  label: string;
  validFrom: string;
  source: string;
  lineCount: number;
  contentSha256: string;
  importedAt: string;
}

export interface ImportRevisionInput {
  /** File contents: USITC HTS export (CSV or JSON), or the WCO HS nomenclature CSV when schedule = HS. */
  content: Buffer | string;
  schedule?: ScheduleName;
  label: string;
  /** In force from (YYYY-MM-DD). */
  validFrom: string;
  source: string;
  etag?: string | null;
  lastModified?: string | null;
}

const BATCH = 1000;

const toDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function summary(r: {
  id: string;
  schedule: ScheduleName;
  label: string;
  valid_from: string | Date;
  source: string;
  line_count: number;
  content_sha256: string;
  imported_at: Date;
}): RevisionSummary {
  return {
    id: r.id,
    schedule: r.schedule,
    label: r.label,
    validFrom: toDay(r.valid_from),
    source: r.source,
    lineCount: r.line_count,
    contentSha256: r.content_sha256,
    importedAt: new Date(r.imported_at).toISOString(),
  };
}

/**
 * Imports a schedule file as a new dated revision. All lines are written in one transaction, so the
 * switch to the new revision is atomic: until commit, `revisionInForce` still answers the old one.
 * Importing the same content twice is a no-op that returns the existing revision.
 */
export async function importRevision(
  ctx: AppContext,
  input: ImportRevisionInput,
): Promise<{ revision: RevisionSummary; created: boolean }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom)) throw invalid('validFrom must be YYYY-MM-DD');
  const schedule: ScheduleName = input.schedule ?? 'US-HTS';
  const buf = Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content);
  const sha = crypto.createHash('sha256').update(buf).digest('hex');
  const existing = await ctx.db
    .selectFrom('tariff_revisions')
    .selectAll()
    .where('schedule', '=', schedule)
    .where('content_sha256', '=', sha)
    .executeTakeFirst();
  if (existing) return { revision: summary(existing), created: false };

  let us: TariffLine[] = [];
  let hs: HsEntry[] = [];
  if (schedule === 'HS') hs = parseHsCsv(buf);
  else us = parseHtsExport(buf);
  const lineCount = schedule === 'HS' ? hs.length : us.length;
  if (schedule === 'US-HTS' && !us.some((l) => l.code.length === 10))
    throw invalid('The file has no 10-digit statistical lines: not a complete HTS export');

  const id = ctx.ids.next('tariffRevision');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('tariff_revisions')
      .values({
        id,
        schedule,
        label: input.label,
        valid_from: input.validFrom,
        source: input.source,
        content_sha256: sha,
        line_count: lineCount,
        etag: input.etag ?? null,
        last_modified: input.lastModified ?? null,
        imported_at: now,
      })
      .execute();
    for (let i = 0; i < us.length; i += BATCH) {
      await tx
        .insertInto('tariff_lines')
        .values(
          us.slice(i, i + BATCH).map((l) => ({
            revision_id: id,
            seq: l.seq,
            code: l.code,
            indent: l.indent,
            parent_seq: l.parent,
            description: l.description,
            units: JSON.stringify(l.units),
            general_rate: l.generalRate,
            special_rate: l.specialRate,
            column2_rate: l.column2Rate,
            quota_quantity: l.quotaQuantity,
            additional_duties: l.additionalDuties,
            additional_duty_refs: JSON.stringify(l.additionalDutyRefs),
          })),
        )
        .execute();
    }
    for (let i = 0; i < hs.length; i += BATCH) {
      await tx
        .insertInto('hs_nomenclature')
        .values(
          hs.slice(i, i + BATCH).map((e) => ({
            revision_id: id,
            code: e.code,
            level: e.level,
            parent: e.parent,
            section: e.section,
            description: e.description,
          })),
        )
        .execute();
    }
  });
  const row = await ctx.db
    .selectFrom('tariff_revisions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  ctx.logger.info({ revision: id, schedule, lines: lineCount }, 'tariff revision imported');
  return { revision: summary(row), created: true };
}

export async function listRevisions(ctx: AppContext, schedule?: ScheduleName): Promise<RevisionSummary[]> {
  let q = ctx.db.selectFrom('tariff_revisions').selectAll();
  if (schedule) q = q.where('schedule', '=', schedule);
  const rows = await q.orderBy('valid_from', 'desc').orderBy('imported_at', 'desc').execute();
  return rows.map(summary);
}

export async function getRevision(ctx: AppContext, id: string): Promise<RevisionSummary> {
  const row = await ctx.db.selectFrom('tariff_revisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Tariff revision', id);
  return summary(row);
}

/** The revision in force on `date` (default: today by the clock): latest valid_from ≤ date, newest import wins. */
export async function revisionInForce(
  ctx: AppContext,
  schedule: ScheduleName = 'US-HTS',
  date?: string,
  db: Executor = ctx.db,
): Promise<RevisionSummary | undefined> {
  const day = date ?? toDay(ctx.clock.now());
  const row = await db
    .selectFrom('tariff_revisions')
    .selectAll()
    .where('schedule', '=', schedule)
    .where('valid_from', '<=', sql<string>`${day}::date`)
    .orderBy('valid_from', 'desc')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? summary(row) : undefined;
}

/** Finds a revision by id, or by label (case-insensitive), for the CLI and API. */
export async function resolveRevision(ctx: AppContext, ref: string): Promise<RevisionSummary> {
  const row = await ctx.db
    .selectFrom('tariff_revisions')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb(sql`lower(label)`, '=', ref.toLowerCase())]))
    .orderBy('imported_at', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('Tariff revision', ref);
  return summary(row);
}

// In-memory schedules, one per revision (revisions are immutable, so the cache never goes stale).
const schedules = new Map<string, Promise<Schedule>>();
const nomenclatures = new Map<string, Promise<HsNomenclature>>();

export function loadSchedule(ctx: AppContext, revisionId: string): Promise<Schedule> {
  let p = schedules.get(revisionId);
  if (!p) {
    p = (async () => {
      const rows = await ctx.db
        .selectFrom('tariff_lines')
        .selectAll()
        .where('revision_id', '=', revisionId)
        .orderBy('seq')
        .execute();
      if (rows.length === 0) throw notFound('Tariff revision', revisionId);
      const parseJson = (v: unknown): string[] => (typeof v === 'string' ? JSON.parse(v) : (v as string[]));
      return new Schedule(
        rows.map((r) => ({
          seq: r.seq,
          code: r.code,
          indent: r.indent,
          description: r.description,
          parent: r.parent_seq,
          units: parseJson(r.units),
          generalRate: r.general_rate,
          specialRate: r.special_rate,
          column2Rate: r.column2_rate,
          quotaQuantity: r.quota_quantity,
          additionalDuties: r.additional_duties,
          additionalDutyRefs: parseJson(r.additional_duty_refs),
        })),
      );
    })();
    p.catch(() => schedules.delete(revisionId));
    schedules.set(revisionId, p);
  }
  return p;
}

export function loadNomenclature(ctx: AppContext, revisionId: string): Promise<HsNomenclature> {
  let p = nomenclatures.get(revisionId);
  if (!p) {
    p = (async () => {
      const rev = await getRevision(ctx, revisionId);
      const rows = await ctx.db
        .selectFrom('hs_nomenclature')
        .selectAll()
        .where('revision_id', '=', revisionId)
        .execute();
      return new HsNomenclature(
        rev.label,
        rows.map((r) => ({
          code: r.code,
          level: r.level as 2 | 4 | 6,
          parent: r.parent,
          section: r.section,
          description: r.description,
        })),
      );
    })();
    p.catch(() => nomenclatures.delete(revisionId));
    nomenclatures.set(revisionId, p);
  }
  return p;
}

/** The US schedule in force (or fails with a message saying how to import one). */
export async function scheduleInForce(
  ctx: AppContext,
  date?: string,
): Promise<{ revision: RevisionSummary; schedule: Schedule }> {
  const revision = await revisionInForce(ctx, 'US-HTS', date);
  if (!revision)
    throw conflict(
      `No US tariff revision is in force${date ? ` on ${date}` : ''}: import one with \`crossgate tariff import <file|url>\``,
    );
  return { revision, schedule: await loadSchedule(ctx, revision.id) };
}

/** The HS nomenclature in force, if one was imported. */
export async function nomenclatureInForce(
  ctx: AppContext,
  date?: string,
): Promise<HsNomenclature | undefined> {
  const revision = await revisionInForce(ctx, 'HS', date);
  return revision ? loadNomenclature(ctx, revision.id) : undefined;
}
