import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AppContext } from '../../platform/context.ts';
import { invalid, notFound, conflict } from '../../platform/errors.ts';
import {
  ClassificationMemory,
  Classifier,
  type ClassifyInput,
  type ClassifyResult,
  TariffIndex,
  listingText,
} from './classify/classifier.ts';
import { RankerModel, rankerModelPath, readRankerModel, writeRankerModel } from './classify/ranker.ts';
import { loadRuleset } from './classify/ruleset.ts';
import type { ListingItem, ReferenceEntry } from './classify/reference-format.ts';
import { type ReferenceItem, referenceCode, trainModel, trainingMemory } from './classify/train.ts';
import { validateUsCode } from './code-validation.ts';
import { loadNomenclature, revisionInForce, scheduleInForce } from './tariff.service.ts';
import type { ReviewStatus } from './tariff.tables.ts';

/** Below this top-1 confidence a classification goes to the review queue (per call overridable). */
export const DEFAULT_REVIEW_THRESHOLD = 0.5;

// One classifier per (US revision, HS revision) in force (the tariff index is shared by every organisation).
const classifiers = new Map<string, Promise<Classifier>>();
// One memory per organisation, appended to in place when a decision is confirmed or references load.
const memories = new Map<string, Promise<ClassificationMemory>>();

// The installed re-ranker per model file, re-read when the file changes (a retrained model is picked up
// without a restart).
const models = new Map<string, { stamp: string; model: RankerModel }>();

/**
 * The re-ranker in use: the trained model at CROSSGATE_HOME/models/classify-ranker.json when there is one,
 * else the built-in weights. A model file that is there but not valid is an error (classification
 * refuses to run on it rather than silently falling back to the defaults).
 */
export function rankerModelFor(ctx: AppContext): RankerModel {
  const file = rankerModelPath(ctx.config.homeDir);
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) {
    models.delete(file);
    return RankerModel.DEFAULT;
  }
  const stamp = `${st.mtimeMs}|${st.size}|${st.ino}`;
  const cached = models.get(file);
  if (cached?.stamp === stamp) return cached.model;
  const model = readRankerModel(file) ?? RankerModel.DEFAULT;
  models.set(file, { stamp, model });
  if (model.data)
    ctx.logger.info(
      { rankerVersion: model.version, trainedAt: model.data.trainedAt, file },
      'classification re-ranker model loaded',
    );
  return model;
}

async function classifierFor(
  ctx: AppContext,
  date?: string,
): Promise<{ classifier: Classifier; revisionId: string; revisionLabel: string }> {
  const { revision, schedule } = await scheduleInForce(ctx, date);
  const hsRev = await revisionInForce(ctx, 'HS', date);
  const key = `${revision.id}|${hsRev?.id ?? ''}`;
  let p = classifiers.get(key);
  if (!p) {
    p = (async () => {
      const hs = hsRev ? await loadNomenclature(ctx, hsRev.id) : undefined;
      return new Classifier(new TariffIndex(schedule, hs), loadRuleset());
    })();
    p.catch(() => classifiers.delete(key));
    classifiers.set(key, p);
  }
  return { classifier: await p, revisionId: revision.id, revisionLabel: revision.label };
}

function memoryFor(ctx: AppContext, orgId: string): Promise<ClassificationMemory> {
  let p = memories.get(orgId);
  if (!p) {
    p = (async () => {
      const rows = await ctx.db
        .selectFrom('classification_memory')
        .select(['id', 'text', 'code', 'source'])
        .where('org_id', '=', orgId)
        .orderBy('id')
        .execute();
      const m = new ClassificationMemory();
      for (const r of rows) m.add(r);
      return m;
    })();
    p.catch(() => memories.delete(orgId));
    memories.set(orgId, p);
  }
  return p;
}

/** Drops the organisation's in-memory index (e.g. after rows were deleted by another process). */
export function invalidateMemory(orgId: string): void {
  memories.delete(orgId);
}

/**
 * Trains the re-ranker on labelled listings (US 10-digit codes) with the reference items and the listings
 * themselves as memory (each listing left out of its own evidence), against the tariff in force, and
 * writes the model to `out` (default: CROSSGATE_HOME/models/classify-ranker.json), where classification
 * picks it up.
 */
export async function trainRankerModel(
  ctx: AppContext,
  data: { labelled: ListingItem[]; references: ReferenceItem[]; source: string; command: string },
  opts: { out?: string; l2?: number } = {},
): Promise<{ file: string; model: RankerModel; items: number }> {
  const labelled = data.labelled.filter((it) => it.code && /^\d{10}$/.test(it.code));
  if (labelled.length === 0)
    throw invalid('No labelled listings with a 10-digit US code (hs_code) to train on');
  if (opts.l2 !== undefined && !(opts.l2 >= 0)) throw invalid('l2 must be a number ≥ 0');
  const { classifier, revisionLabel } = await classifierFor(ctx);
  const memory = trainingMemory(data.references, labelled);
  const model = trainModel(classifier, memory, labelled, {
    source: `${data.source}; tariff ${revisionLabel}; ruleset ${classifier.rules.version}`,
    command: data.command,
    trainedAt: ctx.clock.now().toISOString().slice(0, 10),
    ...(opts.l2 === undefined ? {} : { l2: opts.l2 }),
  });
  const file = opts.out ?? rankerModelPath(ctx.config.homeDir);
  writeRankerModel(file, model);
  return { file, model, items: labelled.length };
}

export interface Classification extends ClassifyResult {
  revision: { id: string; label: string };
  /** True when the top confidence is below the threshold (the item was or would be queued). */
  needsReview: boolean;
  reviewId?: string;
}

/** Classifies one listing with the organisation's memory. Pure read; see `classifyAndQueue` to queue. */
export async function classify(
  ctx: AppContext,
  orgId: string,
  input: ClassifyInput,
  opts: { k?: number; threshold?: number; date?: string } = {},
): Promise<Classification> {
  if (!input.title?.trim()) throw invalid('A title is required', [{ field: 'title', message: 'required' }]);
  const { classifier, revisionId, revisionLabel } = await classifierFor(ctx, opts.date);
  const memory = await memoryFor(ctx, orgId);
  const r = classifier.classify(input, memory, { k: opts.k ?? 5, model: rankerModelFor(ctx) });
  const top = r.candidates[0]?.confidence ?? 0;
  return {
    ...r,
    revision: { id: revisionId, label: revisionLabel },
    needsReview: top < (opts.threshold ?? DEFAULT_REVIEW_THRESHOLD),
  };
}

/** Classifies and, below the threshold, puts the item in the review queue. */
export async function classifyAndQueue(
  ctx: AppContext,
  orgId: string,
  input: ClassifyInput,
  opts: { k?: number; threshold?: number; productId?: string } = {},
): Promise<Classification> {
  const r = await classify(ctx, orgId, input, opts);
  if (!r.needsReview) return r;
  const reviewId = await enqueue(ctx, orgId, input, r, opts.productId ?? null);
  return { ...r, reviewId };
}

async function enqueue(
  ctx: AppContext,
  orgId: string,
  input: ClassifyInput,
  r: Classification,
  productId: string | null,
): Promise<string> {
  const id = ctx.ids.next('classification');
  await ctx.db
    .insertInto('classification_reviews')
    .values({
      id,
      org_id: orgId,
      product_id: productId,
      input: JSON.stringify(input),
      suggestions: JSON.stringify(r.candidates),
      top_code: r.candidates[0]?.code ?? null,
      confidence: r.candidates[0]?.confidence ?? 0,
      status: 'pending',
      decided_code: null,
      decided_by: null,
      decided_at: null,
      reason: null,
      ruleset_version: r.rulesetVersion,
      revision_id: r.revision.id,
      created_at: ctx.clock.now(),
    })
    .execute();
  return id;
}

const hashOf = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * Loads labelled reference items into the organisation's memory (idempotent per source and content).
 * Codes of other countries keep only their HS-6 part. Returns how many were new.
 */
export async function addReferences(
  ctx: AppContext,
  orgId: string,
  source: string,
  entries: ReadonlyArray<ReferenceEntry>,
): Promise<{ added: number; skipped: number }> {
  if (!/^[a-z0-9][a-z0-9._-]{0,40}$/.test(source))
    throw invalid('source must be a short lower-case name, e.g. hmrc');
  const now = ctx.clock.now();
  const rows = entries
    .map((e) => ({ text: e.text.trim().slice(0, 2000), code: referenceCode(e), country: e.country }))
    .filter((e) => e.text && e.code.length >= 6)
    .map((e) => ({
      id: ctx.ids.next('classificationReference'),
      org_id: orgId,
      source: `reference:${source}`,
      text: e.text,
      code: e.code,
      country: e.country,
      product_id: null,
      content_hash: hashOf(`${e.text}|${e.code}`),
      created_at: now,
    }));
  const added: typeof rows = [];
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const ins = await tx
        .insertInto('classification_memory')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['org_id', 'source', 'content_hash']).doNothing())
        .returning(['id'])
        .execute();
      const ids = new Set(ins.map((x) => x.id));
      added.push(...rows.slice(i, i + 500).filter((r) => ids.has(r.id)));
    }
    if (added.length)
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'classification.references_loaded',
          version: 1,
          actor: 'system:tariff',
          data: { source, added: added.length },
        },
      ]);
  });
  if (memories.has(orgId)) {
    const m = await memoryFor(ctx, orgId);
    for (const r of added) m.add({ id: r.id, text: r.text, code: r.code, source: r.source });
  }
  return { added: added.length, skipped: rows.length - added.length };
}

export interface ReviewItem {
  id: string;
  productId: string | null;
  input: ClassifyInput;
  suggestions: ClassifyResult['candidates'];
  topCode: string | null;
  confidence: number;
  status: ReviewStatus;
  decidedCode: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  rulesetVersion: string;
  revisionId: string;
  createdAt: string;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
type ReviewRow = {
  id: string;
  product_id: string | null;
  input: unknown;
  suggestions: unknown;
  top_code: string | null;
  confidence: number;
  status: ReviewStatus;
  decided_code: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  ruleset_version: string;
  revision_id: string;
  created_at: Date;
};
function reviewOf(r: ReviewRow): ReviewItem {
  return {
    id: r.id,
    productId: r.product_id,
    input: parse(r.input),
    suggestions: parse(r.suggestions),
    topCode: r.top_code,
    confidence: Number(r.confidence),
    status: r.status,
    decidedCode: r.decided_code,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    reason: r.reason,
    rulesetVersion: r.ruleset_version,
    revisionId: r.revision_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listReviews(
  ctx: AppContext,
  orgId: string,
  opts: { status?: ReviewStatus; limit?: number; after?: string } = {},
): Promise<ReviewItem[]> {
  let q = ctx.db.selectFrom('classification_reviews').selectAll().where('org_id', '=', orgId);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after) q = q.where('id', '>', opts.after);
  const rows = await q
    .orderBy('id')
    .limit(opts.limit ?? 50)
    .execute();
  return rows.map((r) => reviewOf(r as ReviewRow));
}

export async function getReview(ctx: AppContext, orgId: string, id: string): Promise<ReviewItem> {
  const r = await ctx.db
    .selectFrom('classification_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Review', id);
  return reviewOf(r as ReviewRow);
}

/**
 * A reviewer's decision: accept the top suggestion or override with another declarable code and a
 * reason. Written with its journal entry (who, when, why) in one transaction; the decision becomes a
 * confirmed item in the organisation's memory at once.
 */
export async function decideReview(
  ctx: AppContext,
  orgId: string,
  id: string,
  decision: { action: 'accept' | 'override'; code?: string; reason?: string; actor: string },
): Promise<ReviewItem> {
  const item = await getReview(ctx, orgId, id);
  if (item.status !== 'pending') throw conflict(`Review ${id} was already decided (${item.status})`);
  let code: string;
  if (decision.action === 'accept') {
    if (!item.topCode) throw invalid('There is no suggestion to accept: override with a code');
    code = item.topCode;
  } else {
    if (!decision.code) throw invalid('An override needs a code', [{ field: 'code', message: 'required' }]);
    if (!decision.reason?.trim())
      throw invalid('An override needs a reason', [{ field: 'reason', message: 'required' }]);
    const { schedule } = await scheduleInForce(ctx);
    const v = validateUsCode(schedule, decision.code);
    if (!v.valid)
      throw invalid(v.message, [{ field: 'code', message: v.message }], { alternatives: v.alternatives });
    code = v.code;
  }
  const status: ReviewStatus = decision.action === 'accept' ? 'accepted' : 'overridden';
  const now = ctx.clock.now();
  const text = listingText(item.input);
  const memId = ctx.ids.next('classificationReference');
  await ctx.db.transaction().execute(async (tx) => {
    const upd = await tx
      .updateTable('classification_reviews')
      .set({
        status,
        decided_code: code,
        decided_by: decision.actor,
        decided_at: now,
        reason: decision.reason?.trim() || null,
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict(`Review ${id} was decided concurrently`);
    await tx
      .insertInto('classification_memory')
      .values({
        id: memId,
        org_id: orgId,
        source: 'confirmed',
        text,
        code,
        country: 'US',
        product_id: item.productId,
        content_hash: hashOf(`${id}|${code}`),
        created_at: now,
      })
      .execute();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'classification.decided',
        version: 1,
        actor: decision.actor,
        subject: item.productId ?? id,
        data: {
          review: id,
          decision: status,
          code,
          suggested: item.topCode,
          confidence: item.confidence,
          reason: decision.reason?.trim() || null,
          rulesetVersion: item.rulesetVersion,
          revision: item.revisionId,
        },
      },
    ]);
  });
  if (memories.has(orgId)) (await memoryFor(ctx, orgId)).add({ id: memId, text, code, source: 'confirmed' });
  return getReview(ctx, orgId, id);
}

/**
 * Classifies the organisation's catalogue: every product gets its suggestions recorded as a pending
 * review item (a human accepts or overrides; nothing is decided automatically). The result counts how
 * many were below the review threshold. Products already pending review are skipped.
 */
export async function classifyCatalogue(
  ctx: AppContext,
  orgId: string,
  opts: { threshold?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ classified: number; queued: number; confident: number }> {
  const pending = await ctx.db
    .selectFrom('classification_reviews')
    .select('product_id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('product_id', 'is not', null)
    .execute();
  const skip = new Set(pending.map((p) => p.product_id));
  const products = await ctx.db
    .selectFrom('products')
    .select(['id', 'title', 'description', 'attributes', 'category_path', 'value', 'currency'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  const todo = products.filter((p) => !skip.has(p.id));
  let queued = 0;
  let confident = 0;
  for (const [i, p] of todo.entries()) {
    const input: ClassifyInput = {
      title: p.title,
      description: p.description ?? undefined,
      attributes: parse<Record<string, string>>(p.attributes) ?? {},
      categoryPath: p.category_path ? p.category_path.split(/\s*[>/›]\s*/).filter(Boolean) : [],
      price: p.value === null ? undefined : Number(p.value),
      currency: p.currency ?? undefined,
    };
    const r = await classify(ctx, orgId, input, { threshold: opts.threshold });
    await enqueue(ctx, orgId, input, r, p.id);
    if (r.needsReview) queued++;
    else confident++;
    opts.onProgress?.(i + 1, todo.length);
  }
  return { classified: todo.length, queued, confident };
}
