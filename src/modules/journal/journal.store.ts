import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { IdGenerator } from '../../platform/ids.ts';
import type { JournalPort, JournalRecord } from '../../platform/context.ts';
import { type Executor, pipeline } from '../../platform/db/database.ts';
import { copyBytes, copyRows, copyText } from '../../platform/db/copy.ts';
import { validateRecord } from './entry-kinds.ts';
import { identityHashOf, leafText, logOrigin } from './leaf.ts';
import { canonicalJsonOf } from './canonical-json.ts';
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

const ENTRY_COLUMNS = [
  'org_id',
  'idx',
  'id',
  'kind',
  'version',
  'actor',
  'subject',
  'data',
  'recorded_at',
  'leaf_hash',
  'identity_hash',
  'dedupe',
  'nodes',
];

interface Row {
  idx: number;
  id: string;
  r: JournalRecord;
  subject: string | null;
  data: string;
  leaf: Buffer;
  identity: Buffer;
  nodes: Buffer;
}

/**
 * The journal's write path, in the caller's transaction. It locks the organisation's log row, so
 * indexes are gap-free and the right edge of the tree is read and written consistently; if the
 * caller's transaction rolls back, the entries, the new nodes and the new size all roll back with it.
 * Rows go in a few thousand at a time by `COPY … FROM STDIN` (platform/db/copy.ts). Each chunk is sent
 * without waiting, so on PostgreSQL the server writes one chunk while the next is hashed.
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
    // Called outside a transaction, the append still needs one: the lock, rows and size go together.
    if (!tx.isTransaction) return tx.transaction().execute((t) => this.appendEntries(t, orgId, records));
    records.forEach(validateRecord);
    const log = logOrigin(orgId);
    const atIso = this.clock.now().toISOString();

    // One pass per record: the canonical JSON of its data is what the leaf and the identity hash cover
    // and what the row stores.
    const prepared = records.map((r) => {
      const subject = r.subject ?? null;
      const data = canonicalJsonOf(r.data);
      const identity = identityHashOf({ log, kind: r.kind, version: r.version, subject, data: r.data }, data);
      return { r, subject, data, identity };
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
        const hashes = wantDedupe.slice(i, i + INSERT_CHUNK).map((p) => p.identity);
        const found = await sql<{ h: Uint8Array }>`
          select identity_hash as h from journal_entries
          where org_id = ${orgId} and dedupe and identity_hash = any(${hashes}::bytea[])`.execute(tx);
        for (const row of found.rows) known.add(bytes(row.h).toString('hex'));
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
    const writes = pipeline();
    for (let i = 0; i < todo.length; i += INSERT_CHUNK) {
      const rows: Row[] = [];
      for (const p of todo.slice(i, i + INSERT_CHUNK)) {
        const idx = range.size;
        const id = p.r.id ?? this.ids.next('journalEntry');
        const leaf = hashLeaf(
          leafText(
            {
              log,
              index: idx,
              id,
              kind: p.r.kind,
              version: p.r.version,
              actor: p.r.actor,
              subject: p.subject,
              at: atIso,
            },
            p.data,
          ),
        );
        const nodes = range.append(leaf);
        rows.push({
          idx,
          id,
          r: p.r,
          subject: p.subject,
          data: p.data,
          leaf,
          identity: p.identity,
          nodes: nodes.length === 1 ? nodes[0]! : Buffer.concat(nodes),
        });
        appended.push({ index: idx, id, leafHash: leaf.toString('hex') });
      }
      writes.send(copyChunk(tx, orgId, atIso, rows));
    }
    await writes.done();
    if (appended.length) {
      await sql`update journal_logs set size = ${range.size}, frontier = ${range.toBytes()}
                where org_id = ${orgId}`.execute(tx);
    }
    return { appended, duplicates: prepared.length - todo.length, treeSize: range.size };
  }
}

/** The chunk as COPY text rows (no parameter arrays to build, escape and parse), on both drivers. */
function copyChunk(tx: Executor, orgId: string, atIso: string, rows: Row[]): Promise<void> {
  const org = copyText(orgId);
  let text = '';
  for (const x of rows) {
    text += `${org}\t${x.idx}\t${copyText(x.id)}\t${copyText(x.r.kind)}\t${x.r.version}\t${copyText(x.r.actor)}\t${copyText(x.subject)}\t${copyText(x.data)}\t${atIso}\t${copyBytes(x.leaf)}\t${copyBytes(x.identity)}\t${x.r.dedupe === true ? 't' : 'f'}\t${copyBytes(x.nodes)}\n`;
  }
  return copyRows(tx, 'journal_entries', ENTRY_COLUMNS, text);
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
  // One statement text whatever the number of rows (an array, not a list of parameters).
  const found = await sql<{ idx: number; leaf_hash: Uint8Array; nodes: Uint8Array }>`
    select idx, leaf_hash, nodes from journal_entries
    where org_id = ${orgId} and idx = any(${rows}::bigint[])`.execute(db);
  const byRow = new Map(found.rows.map((r) => [Number(r.idx), r]));
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
