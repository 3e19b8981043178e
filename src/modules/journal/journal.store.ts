import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { IdGenerator } from '../../platform/ids.ts';
import type { JournalPort, JournalRecord } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { validateRecord } from './entry-kinds.ts';
import { encodeLeaf, identityHashOf, logOrigin } from './leaf.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  CompactRange,
  HASH_SIZE,
  decompose,
  foldRight,
  hashLeaf,
  type NodeId,
  type Range,
} from './merkle.ts';

/** A driver's bytea (Buffer on node-postgres, Uint8Array on PGlite) as a Buffer, without copying. */
export function bytes(v: Uint8Array): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export interface AppendedEntry {
  index: number;
  id: string;
  leafHash: string;
}

export interface AppendResult {
  appended: AppendedEntry[];
  /** Records skipped because the same fact was already in the log (`dedupe: true`). */
  duplicates: number;
  treeSize: number;
}

const INSERT_CHUNK = 2500;

/**
 * The journal's write path, in the caller's transaction. It locks the organisation's log row, so
 * indexes are gap-free and the right edge of the tree is read and written consistently; if the
 * caller's transaction rolls back, the entries, the new nodes and the new size all roll back with it.
 * Rows go in with one `INSERT … SELECT FROM unnest(…)` per few thousand entries (arrays, not
 * thousands of parameters), which is what keeps bulk imports fast.
 */
export class SqlJournal implements JournalPort {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;

  constructor(opts: { clock: Clock; ids: IdGenerator }) {
    this.clock = opts.clock;
    this.ids = opts.ids;
  }

  async append(tx: Executor, orgId: string, records: JournalRecord[]): Promise<void> {
    await this.appendEntries(tx, orgId, records);
  }

  /** `append`, returning where each entry landed (for callers that keep a reference or a receipt). */
  async appendEntries(tx: Executor, orgId: string, records: JournalRecord[]): Promise<AppendResult> {
    if (records.length === 0) return { appended: [], duplicates: 0, treeSize: -1 };
    records.forEach(validateRecord);
    const log = logOrigin(orgId);
    const at = this.clock.now();
    const atIso = at.toISOString();

    const prepared = records.map((r) => {
      const json = JSON.stringify(r.data);
      const data = JSON.parse(json) as Record<string, unknown>;
      const subject = r.subject ?? null;
      const canonical = canonicalJson(data);
      const identity = identityHashOf({ log, kind: r.kind, version: r.version, subject, data }, canonical);
      return { r, json, data, canonical, subject, identity };
    });

    const head = await sql<{ size: number | string; frontier: Uint8Array }>`
      insert into journal_logs (org_id) values (${orgId})
      on conflict (org_id) do update set size = journal_logs.size
      returning size, frontier`.execute(tx);
    const state = head.rows[0]!;
    const range = CompactRange.fromBytes(Number(state.size), bytes(state.frontier));

    let todo = prepared;
    const wantDedupe = prepared.filter((p) => p.r.dedupe);
    if (wantDedupe.length) {
      const known = new Set<string>();
      for (let i = 0; i < wantDedupe.length; i += INSERT_CHUNK) {
        const hexes = wantDedupe.slice(i, i + INSERT_CHUNK).map((p) => p.identity.toString('hex'));
        const found = await sql<{ h: string }>`
          select encode(identity_hash, 'hex') as h from journal_entries
          where org_id = ${orgId} and dedupe
            and identity_hash in (select decode(x, 'hex') from unnest(${hexes}::text[]) as x)`.execute(tx);
        for (const row of found.rows) known.add(row.h);
      }
      todo = prepared.filter((p) => {
        if (!p.r.dedupe) return true;
        const h = p.identity.toString('hex');
        if (known.has(h)) return false;
        known.add(h);
        return true;
      });
    }

    const appended: AppendedEntry[] = [];
    // Each chunk's INSERT is sent without waiting, so hashing the next chunk overlaps the database's
    // work on this one (the connection queues the statements, in order, inside the transaction).
    const pending: Array<Promise<unknown>> = [];
    for (let i = 0; i < todo.length; i += INSERT_CHUNK) {
      const chunk = todo.slice(i, i + INSERT_CHUNK);
      const cols = {
        idx: [] as number[],
        id: [] as string[],
        kind: [] as string[],
        version: [] as number[],
        actor: [] as string[],
        subject: [] as Array<string | null>,
        data: [] as string[],
        leaf: [] as string[],
        identity: [] as string[],
        nodes: [] as string[],
        dedupe: [] as boolean[],
      };
      for (const p of chunk) {
        const index = range.size;
        const id = p.r.id ?? this.ids.next('journalEntry');
        const leafHash = hashLeaf(
          encodeLeaf(
            {
              log,
              index,
              id,
              kind: p.r.kind,
              version: p.r.version,
              actor: p.r.actor,
              subject: p.subject,
              data: p.data,
              at: atIso,
            },
            p.canonical,
          ),
        );
        const nodes = range.append(leafHash);
        cols.idx.push(index);
        cols.id.push(id);
        cols.kind.push(p.r.kind);
        cols.version.push(p.r.version);
        cols.actor.push(p.r.actor);
        cols.subject.push(p.subject);
        cols.data.push(p.json);
        cols.leaf.push(leafHash.toString('hex'));
        cols.identity.push(p.identity.toString('hex'));
        cols.nodes.push(nodes.length ? Buffer.concat(nodes).toString('hex') : '');
        cols.dedupe.push(p.r.dedupe === true);
        appended.push({ index, id, leafHash: leafHash.toString('hex') });
      }
      const insert = sql`
        insert into journal_entries
          (org_id, idx, id, kind, version, actor, subject, data, recorded_at, leaf_hash, identity_hash, dedupe, nodes)
        select ${orgId}, t.idx, t.id, t.kind, t.version, t.actor, t.subject, t.data::jsonb, ${at},
               decode(t.leaf, 'hex'), decode(t.identity, 'hex'), t.dedupe, decode(t.nodes, 'hex')
        from unnest(${cols.idx}::bigint[], ${cols.id}::text[], ${cols.kind}::text[], ${cols.version}::int[],
                    ${cols.actor}::text[], ${cols.subject}::text[], ${cols.data}::text[], ${cols.leaf}::text[],
                    ${cols.identity}::text[], ${cols.nodes}::text[], ${cols.dedupe}::boolean[])
             as t(idx, id, kind, version, actor, subject, data, leaf, identity, nodes, dedupe)`.execute(tx);
      insert.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
      pending.push(insert);
    }
    await Promise.all(pending);
    if (appended.length) {
      await sql`update journal_logs set size = ${range.size}, frontier = ${range.toBytes()}
                where org_id = ${orgId}`.execute(tx);
    }
    return { appended, duplicates: prepared.length - todo.length, treeSize: range.size };
  }
}

/** Which row holds a node, and where in it: leaves in `leaf_hash`, level ≥ 1 in `nodes`. */
function rowOf(n: NodeId): number {
  return (n.index + 1) * 2 ** n.level - 1;
}

/** Reads the hashes of the given complete subtrees in one query. */
export async function readNodes(db: Executor, orgId: string, ids: NodeId[]): Promise<Map<string, Buffer>> {
  const rows = [...new Set(ids.map(rowOf))];
  const out = new Map<string, Buffer>();
  if (rows.length === 0) return out;
  const found = await db
    .selectFrom('journal_entries')
    .select(['idx', 'leaf_hash', 'nodes'])
    .where('org_id', '=', orgId)
    .where('idx', 'in', rows)
    .execute();
  const byRow = new Map(found.map((r) => [Number(r.idx), r]));
  for (const n of ids) {
    const row = byRow.get(rowOf(n));
    if (!row) throw new Error(`journal node ${n.level}/${n.index} is missing (row ${rowOf(n)})`);
    const h =
      n.level === 0
        ? bytes(row.leaf_hash)
        : bytes(row.nodes).subarray((n.level - 1) * HASH_SIZE, n.level * HASH_SIZE);
    if (h.length !== HASH_SIZE) throw new Error(`journal node ${n.level}/${n.index} is malformed`);
    out.set(`${n.level}/${n.index}`, Buffer.from(h));
  }
  return out;
}

/** The MTH of each range, reading only stored complete-subtree hashes (O(log n) rows in all). */
export async function rangeHashes(db: Executor, orgId: string, ranges: Range[]): Promise<Buffer[]> {
  const parts = ranges.map((r) => decompose(r.start, r.end));
  const nodes = await readNodes(db, orgId, parts.flat());
  return parts.map((ids) => foldRight(ids.map((n) => nodes.get(`${n.level}/${n.index}`)!)));
}
