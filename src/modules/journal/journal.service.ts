import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { hasPrefix } from '../../platform/ids.ts';
import { BUNDLE_FORMAT, type InclusionBundle } from './bundle.ts';
import { checkpointText, publicKeyPem, signCheckpoint, verifyCheckpointSignature } from './checkpoint.ts';
import { canonicalJson } from './canonical-json.ts';
import { encodeLeaf, leafText, logOrigin, type LeafFields } from './leaf.ts';
import { CompactRange, consistencyRanges, hashLeaf, inclusionRanges, verifyConsistency } from './merkle.ts';
import { bytes, rangeHashes } from './journal.store.ts';

export const JOURNAL_KEY = 'journal';

export interface SignedHead {
  origin: string;
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  checkpoint: string;
  signature: string;
}

type HeadRow = {
  tree_size: number;
  root_hash: Uint8Array;
  signed_at: Date;
  key_id: string;
  checkpoint: string;
  signature: string;
};

function headOf(orgId: string, r: HeadRow): SignedHead {
  return {
    origin: logOrigin(orgId),
    treeSize: Number(r.tree_size),
    rootHash: bytes(r.root_hash).toString('hex'),
    signedAt: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    checkpoint: r.checkpoint,
    signature: r.signature,
  };
}

export function journalPublicKey(ctx: AppContext) {
  const k = ctx.keys.signingKey(JOURNAL_KEY);
  return { keyId: k.keyId, publicKey: publicKeyPem(k.publicKey), algorithm: 'Ed25519' as const };
}

/** Size and root of the organisation's log as committed now. */
export async function currentTree(db: Executor, orgId: string) {
  const row = await db
    .selectFrom('journal_logs')
    .select(['size', 'frontier'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const range = row ? CompactRange.fromBytes(Number(row.size), bytes(row.frontier)) : new CompactRange();
  return { size: range.size, root: range.root() };
}

/**
 * Signs the current tree head, unless the latest signed head already covers the same size (then
 * returns it). Called on demand (API, CLI, proofs that need a fresh head) and by the scheduler.
 */
export async function signTreeHead(ctx: AppContext, orgId: string): Promise<SignedHead> {
  const { size, root } = await currentTree(ctx.db, orgId);
  const latest = await latestHead(ctx, orgId);
  if (latest && latest.treeSize >= size) return latest;
  const key = ctx.keys.signingKey(JOURNAL_KEY);
  const signedAt = ctx.clock.now();
  const text = checkpointText({
    origin: logOrigin(orgId),
    treeSize: size,
    rootHash: root,
    timestamp: signedAt.toISOString(),
  });
  await ctx.db
    .insertInto('journal_heads')
    .values({
      org_id: orgId,
      tree_size: size,
      root_hash: root,
      signed_at: signedAt,
      key_id: key.keyId,
      checkpoint: text,
      signature: signCheckpoint(text, key.privateKey),
    })
    .onConflict((oc) => oc.columns(['org_id', 'tree_size']).doNothing())
    .execute();
  return (await headAt(ctx, orgId, size))!;
}

export async function latestHead(ctx: AppContext, orgId: string): Promise<SignedHead | undefined> {
  const r = await ctx.db
    .selectFrom('journal_heads')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? headOf(orgId, r) : undefined;
}

export async function headAt(ctx: AppContext, orgId: string, treeSize: number) {
  const r = await ctx.db
    .selectFrom('journal_heads')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('tree_size', '=', treeSize)
    .executeTakeFirst();
  return r ? headOf(orgId, r) : undefined;
}

export async function listHeads(
  ctx: AppContext,
  orgId: string,
  opts: { limit: number; beforeSize?: number },
) {
  let q = ctx.db.selectFrom('journal_heads').selectAll().where('org_id', '=', orgId);
  if (opts.beforeSize !== undefined) q = q.where('tree_size', '<', opts.beforeSize);
  const rows = await q.orderBy('tree_size', 'desc').limit(opts.limit).execute();
  return rows.map((r) => headOf(orgId, r));
}

/** Signs a head for every organisation whose log grew since its last head (the scheduler's tick). */
export async function publishHeads(ctx: AppContext): Promise<number> {
  const stale = await ctx.db
    .selectFrom('journal_logs as l')
    .select('l.org_id')
    .where((eb) =>
      eb(
        'l.size',
        '>',
        eb
          .selectFrom('journal_heads as h')
          .select((e) => e.fn.coalesce(e.fn.max('h.tree_size'), e.lit(-1)).as('m'))
          .whereRef('h.org_id', '=', 'l.org_id'),
      ),
    )
    .execute();
  for (const { org_id } of stale) await signTreeHead(ctx, org_id);
  return stale.length;
}

export interface EntryView {
  index: number;
  id: string;
  kind: string;
  version: number;
  actor: string;
  subject: string | null;
  data: Record<string, unknown>;
  recordedAt: string;
  leafHash: string;
}

type EntryRow = {
  idx: number;
  id: string;
  kind: string;
  version: number;
  actor: string;
  subject: string | null;
  data: Record<string, unknown>;
  recorded_at: Date;
  leaf_hash: Uint8Array;
};

function leafFieldsOf(orgId: string, r: EntryRow): LeafFields {
  return {
    log: logOrigin(orgId),
    index: Number(r.idx),
    id: r.id,
    kind: r.kind,
    version: r.version,
    actor: r.actor,
    subject: r.subject,
    data: r.data,
    at: new Date(r.recorded_at).toISOString(),
  };
}

function entryOf(r: EntryRow): EntryView {
  return {
    index: Number(r.idx),
    id: r.id,
    kind: r.kind,
    version: r.version,
    actor: r.actor,
    subject: r.subject,
    data: r.data,
    recordedAt: new Date(r.recorded_at).toISOString(),
    leafHash: bytes(r.leaf_hash).toString('hex'),
  };
}

const ENTRY_COLUMNS = [
  'idx',
  'id',
  'kind',
  'version',
  'actor',
  'subject',
  'data',
  'recorded_at',
  'leaf_hash',
] as const;

/** `ref` is a leaf index (digits) or an entry id (`jnl_…`). */
async function entryRow(ctx: AppContext, orgId: string, ref: string | number): Promise<EntryRow> {
  let q = ctx.db.selectFrom('journal_entries').select(ENTRY_COLUMNS).where('org_id', '=', orgId);
  if (typeof ref === 'number' || /^\d+$/.test(ref)) q = q.where('idx', '=', Number(ref));
  else if (hasPrefix(ref, 'journalEntry')) q = q.where('id', '=', ref);
  else throw notFound('Journal entry', String(ref));
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('Journal entry', String(ref));
  return r;
}

export async function getEntry(ctx: AppContext, orgId: string, ref: string | number) {
  const r = await entryRow(ctx, orgId, ref);
  return { ...entryOf(r), leaf: encodeLeaf(leafFieldsOf(orgId, r)).toString('utf8') };
}

export async function listEntries(
  ctx: AppContext,
  orgId: string,
  opts: { limit: number; before?: number; kind?: string; subject?: string },
) {
  let q = ctx.db.selectFrom('journal_entries').select(ENTRY_COLUMNS).where('org_id', '=', orgId);
  if (opts.before !== undefined) q = q.where('idx', '<', opts.before);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  const rows = await q.orderBy('idx', 'desc').limit(opts.limit).execute();
  return rows.map(entryOf);
}

/** The audit path for leaf `index` in the tree of `treeSize` leaves, hex. */
export async function inclusionProof(db: Executor, orgId: string, index: number, treeSize: number) {
  if (index >= treeSize) throw invalid(`Entry ${index} is not in a tree of size ${treeSize}`);
  return (await rangeHashes(db, orgId, inclusionRanges(index, treeSize))).map((h) => h.toString('hex'));
}

async function headCovering(ctx: AppContext, orgId: string, index: number, treeSize?: number) {
  if (treeSize !== undefined) {
    const h = await headAt(ctx, orgId, treeSize);
    if (!h) throw notFound('Signed tree head of size', String(treeSize));
    if (index >= h.treeSize) throw invalid(`Entry ${index} is not in the tree of size ${treeSize}`);
    return h;
  }
  const latest = await latestHead(ctx, orgId);
  if (latest && latest.treeSize > index) return latest;
  return signTreeHead(ctx, orgId);
}

async function entryRows(ctx: AppContext, orgId: string, refs: Array<string | number>): Promise<EntryRow[]> {
  const indexes: number[] = [];
  const ids: string[] = [];
  for (const ref of refs) {
    if (typeof ref === 'number' || /^\d+$/.test(ref)) indexes.push(Number(ref));
    else if (hasPrefix(ref, 'journalEntry')) ids.push(ref);
    else throw notFound('Journal entry', String(ref));
  }
  const rows = await ctx.db
    .selectFrom('journal_entries')
    .select(ENTRY_COLUMNS)
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(indexes.length ? [eb('idx', 'in', indexes)] : []),
        ...(ids.length ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .execute();
  const byKey = new Map<string, EntryRow>();
  for (const r of rows) {
    byKey.set(String(Number(r.idx)), r);
    byKey.set(r.id, r);
  }
  return refs.map((ref) => {
    const r = byKey.get(
      typeof ref === 'number' ? String(ref) : /^\d+$/.test(ref) ? String(Number(ref)) : ref,
    );
    if (!r) throw notFound('Journal entry', String(ref));
    return r;
  });
}

/**
 * Proof bundles for entries against one signed head (the latest, signed on demand when it does not
 * cover them yet, or the head of `treeSize`). Two reads whatever the number of entries: their rows,
 * then every stored node their audit paths need.
 */
export async function proveEntries(
  ctx: AppContext,
  orgId: string,
  refs: Array<string | number>,
  opts: { treeSize?: number } = {},
): Promise<InclusionBundle & { head: SignedHead }> {
  const rows = refs.length ? await entryRows(ctx, orgId, refs) : [];
  const maxIndex = Math.max(-1, ...rows.map((r) => Number(r.idx)));
  const head = await headCovering(ctx, orgId, maxIndex, opts.treeSize);
  const key = journalPublicKey(ctx);
  const paths = rows.map((r) => inclusionRanges(Number(r.idx), head.treeSize));
  const hashes = await rangeHashes(ctx.db, orgId, paths.flat());
  let at = 0;
  const entries = rows.map((r, i) => {
    const leaf = encodeLeaf(leafFieldsOf(orgId, r));
    const proof = hashes.slice(at, at + paths[i]!.length).map((h) => h.toString('hex'));
    at += paths[i]!.length;
    return {
      index: Number(r.idx),
      leaf: leaf.toString('utf8'),
      leafHash: hashLeaf(leaf).toString('hex'),
      proof,
    };
  });
  return {
    format: BUNDLE_FORMAT,
    publicKey: key.publicKey,
    keyId: head.keyId,
    checkpoint: { text: head.checkpoint, signature: head.signature },
    entries,
    head,
  };
}

/** Consistency proof between two signed heads (by tree size), checked before it is returned. */
export async function consistencyBetween(ctx: AppContext, orgId: string, from: number, to: number) {
  if (from > to) throw invalid('The old head must not be larger than the new head');
  const [a, b] = await Promise.all([headAt(ctx, orgId, from), headAt(ctx, orgId, to)]);
  if (!a) throw notFound('Signed tree head of size', String(from));
  if (!b) throw notFound('Signed tree head of size', String(to));
  const proof = await rangeHashes(ctx.db, orgId, consistencyRanges(from, to));
  const verified = verifyConsistency(
    from,
    to,
    proof,
    Buffer.from(a.rootHash, 'hex'),
    Buffer.from(b.rootHash, 'hex'),
  );
  return { from: a, to: b, proof: proof.map((h) => h.toString('hex')), verified };
}

export interface VerifyProblem {
  index: number;
  problem: 'missing' | 'changed' | 'tree' | 'head' | 'signature' | 'size';
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  origin: string;
  entries: number;
  headsChecked: number;
  firstBadIndex: number | null;
  problems: VerifyProblem[];
  rootHash: string;
  millis: number;
}

const VERIFY_PAGE = 10_000;

/** Stored data text in canonical form; text that is not JSON (a tampered row) yields a marker. */
function canonicalOfStored(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return '"<not json>"';
  }
}
const MAX_PROBLEMS = 100;

/**
 * Checks the whole log: every row re-encoded and re-hashed, indexes contiguous, stored subtree hashes
 * equal to recomputed ones, the root at every signed head equal to the head's root, and every head's
 * signature. Reports the first bad index (a changed, missing or moved row).
 */
export async function verifyJournal(
  ctx: AppContext,
  orgId: string,
  onProgress?: (done: number) => void,
): Promise<VerifyReport> {
  const started = performance.now();
  const log = logOrigin(orgId);
  const problems: VerifyProblem[] = [];
  const report = (p: VerifyProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const key = ctx.keys.signingKey(JOURNAL_KEY);
  const heads = (
    await ctx.db
      .selectFrom('journal_heads')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('tree_size')
      .execute()
  ).map((h) => headOf(orgId, h));
  let nextHead = 0;
  let headsChecked = 0;
  const range = new CompactRange();
  let expected = 0;
  let treeBroken = false;
  const checkHeads = () => {
    while (nextHead < heads.length && heads[nextHead]!.treeSize <= range.size) {
      const h = heads[nextHead++]!;
      headsChecked += 1;
      if (h.keyId !== key.keyId || !verifyCheckpointSignature(h.checkpoint, h.signature, key.publicKey))
        report({
          index: h.treeSize - 1,
          problem: 'signature',
          message: `head of size ${h.treeSize}: bad signature`,
        });
      if (
        !treeBroken &&
        h.treeSize === range.size &&
        (range.root().toString('hex') !== h.rootHash ||
          !h.checkpoint.includes(`\n${Buffer.from(h.rootHash, 'hex').toString('base64')}\n`))
      )
        report({
          index: h.treeSize - 1,
          problem: 'head',
          message: `the entries up to ${h.treeSize} do not hash to the signed root of that size`,
        });
    }
  };
  checkHeads();
  // Pages are bounded index ranges [from, from + VERIFY_PAGE), not "idx >= from … limit": a range on
  // the primary key is an index scan whatever the planner's statistics say (on a freshly loaded table
  // the open-ended form was planned as a scan and sort of the whole rest of the log, page after page).
  // `data` as the stored text: rows appended since it is `json` hold the exact canonical JSON their
  // leaf was hashed over, so most rows are hashed without parsing their data at all.
  const last = await ctx.db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.max('idx').as('m'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const lastIdx = last?.m === null || last?.m === undefined ? -1 : Number(last.m);
  const page = (from: number) =>
    ctx.db
      .selectFrom('journal_entries')
      .select(['idx', 'id', 'kind', 'version', 'actor', 'subject', 'recorded_at', 'leaf_hash', 'nodes'])
      .select(sql<string>`data::text`.as('data'))
      .where('org_id', '=', orgId)
      .where('idx', '>=', from)
      .where('idx', '<', from + VERIFY_PAGE)
      .orderBy('idx')
      .execute();
  let atMs = Number.NaN;
  let atIso = '';
  // The next page is fetched while this one is hashed.
  let next = page(0);
  for (let from = 0; from <= lastIdx; from += VERIFY_PAGE) {
    const rows = await next;
    if (from + VERIFY_PAGE <= lastIdx) next = page(from + VERIFY_PAGE);
    for (const r of rows) {
      const idx = Number(r.idx);
      if (idx !== expected) {
        report({
          index: expected,
          problem: 'missing',
          message: `no entry at index ${expected} (next is ${idx})`,
        });
        treeBroken = true;
      }
      const ms = new Date(r.recorded_at).getTime();
      if (ms !== atMs) {
        atMs = ms;
        atIso = new Date(ms).toISOString();
      }
      const fields = {
        log,
        index: idx,
        id: r.id,
        kind: r.kind,
        version: r.version,
        actor: r.actor,
        subject: r.subject,
        at: atIso,
      };
      const stored = bytes(r.leaf_hash);
      let leafHash = hashLeaf(leafText(fields, r.data));
      // Not the stored text as it is: canonicalise it (rows from before `data` was json, or changed).
      if (!leafHash.equals(stored)) leafHash = hashLeaf(leafText(fields, canonicalOfStored(r.data)));
      const contentOk = leafHash.equals(stored);
      if (!contentOk)
        report({
          index: idx,
          problem: 'changed',
          message: `entry ${idx} (${r.id}) does not hash to its leaf: changed, or moved from another index`,
        });
      if (!treeBroken) {
        const nodes = Buffer.concat(range.append(leafHash));
        if (contentOk && !nodes.equals(bytes(r.nodes)))
          report({
            index: idx,
            problem: 'tree',
            message: `the subtree hashes stored at entry ${idx} disagree with the entries before it`,
          });
        checkHeads();
      }
      expected = idx + 1;
    }
    onProgress?.(expected);
  }
  const tree = await currentTree(ctx.db, orgId);
  if (tree.size !== expected)
    report({
      index: Math.min(tree.size, expected),
      problem: 'size',
      message: `the log records ${tree.size} entries, ${expected} were found`,
    });
  for (const h of heads.slice(nextHead))
    report({
      index: expected,
      problem: 'missing',
      message: `head of size ${h.treeSize} but only ${expected} entries`,
    });
  problems.sort((a, b) => a.index - b.index);
  return {
    ok: problems.length === 0,
    origin: logOrigin(orgId),
    entries: expected,
    headsChecked,
    firstBadIndex: problems[0]?.index ?? null,
    problems,
    rootHash: range.root().toString('hex'),
    millis: Math.round(performance.now() - started),
  };
}
