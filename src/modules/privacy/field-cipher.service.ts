import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor, Pipeline } from '../../platform/db/database.ts';
import type { FieldCipher } from '../../platform/context.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { blindIndexWith } from '../../platform/crypto/blind-index.ts';
import { randomBytes } from '../../platform/crypto/random.ts';
import { copyRows, copyText } from '../../platform/db/copy.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { FieldGcm, IV_BYTES, TAG_BYTES } from './gcm.ts';

/** One field per message: `cg1.<keyId>.<base64url(iv | tag | ciphertext)>`. */
const FORMAT = 'cg1';
/** Several named fields of one record in one message (ADR 0007): `cg2.<keyId>.<base64url(…)>`. */
const RECORD_FORMAT = 'cg2';
/** Both prefixes have the same length, so the key id always starts here. */
const KEY_AT = FORMAT.length + 1;
/** How long a process trusts a cached subject key before re-checking it was not shredded elsewhere. */
const SUBJECT_KEY_TTL_MS = 60_000;
/** Unwrapped subject keys kept in memory (each holds an OpenSSL context); oldest go first beyond this. */
const MAX_CACHED_SUBJECT_KEYS = 50_000;

interface LiveKey {
  id: string;
  orgId: string;
  subjectKey: string | null;
  version: number;
  gcm: FieldGcm;
  /** Associated data bound into every value: 16 bytes of SHA-256 over the organisation and key ids. */
  aad: Buffer;
  /** The same for sealed records, with another label, so a field cannot pass for a record or back. */
  recordAad: Buffer;
  /** `cg1.<keyId>.` */
  prefix: string;
  /** `cg2.<keyId>.` */
  recordPrefix: string;
  loadedAt: number;
}

interface KeyRow {
  id: string;
  org_id: string;
  subject_key: string | null;
  version: number;
  kek_id: string;
  wrapped: string | null;
  shredded_at: Date | string | null;
}

/**
 * Where `subject_key` is `subjectKey` (null: the organisation's own key), written as the unique index's
 * expression `coalesce(subject_key, '')`, so lookups use that index. A plain `subject_key = …` reads every key of
 * the organisation, which made each import batch slower than the last (3.3 s per 2,000 subjects with
 * 60,000 keys on PostgreSQL, 10 ms with the index).
 */
export function subjectIs(subjectKey: string | null) {
  return sql<boolean>`coalesce(subject_key, '') = ${subjectKey ?? ''}`;
}

/** Thrown by open() when the data key of a value was destroyed (crypto-shredding). */
export class ShreddedError extends AppError {
  readonly keyId: string;
  constructor(keyId: string, shreddedAt: Date | string | null) {
    super(
      'not_found',
      `This personal data was erased: its key was destroyed${shreddedAt ? ` on ${new Date(shreddedAt).toISOString().slice(0, 10)}` : ''}`,
      { details: { reason: 'destroyed', keyId } },
    );
    this.keyId = keyId;
  }
}

export function isShredded(err: unknown): err is ShreddedError {
  return err instanceof ShreddedError;
}

/** The key id a sealed value (field or record) names, or undefined when `sealed` is not one. */
export function keyIdOf(sealed: string): string | undefined {
  if (!sealed.startsWith(`${FORMAT}.`) && !sealed.startsWith(`${RECORD_FORMAT}.`)) return undefined;
  const end = sealed.indexOf('.', KEY_AT);
  return end > 0 ? sealed.slice(KEY_AT, end) : undefined;
}

/** True when `sealed` is a sealed record (several fields in one message, `sealRecord`). */
export function isSealedRecord(sealed: string): boolean {
  return sealed.startsWith(`${RECORD_FORMAT}.`);
}

/** The SQL LIKE pattern matching every value (field or record) sealed under `keyId`. */
export function sealedUnderPattern(keyId: string): string {
  return `cg_.${keyId}.%`;
}

const KEY_COLUMNS = ['id', 'org_id', 'subject_key', 'version', 'kek_id', 'wrapped', 'created_at'] as const;

interface NewKeyRow {
  id: string;
  org_id: string;
  subject_key: string | null;
  version: number;
  kek_id: string;
  wrapped: string;
  created_at: Date;
}

/** New data-key rows as COPY text, in KEY_COLUMNS order. */
function keyRowsText(rows: NewKeyRow[]): string {
  let text = '';
  for (const r of rows)
    text += `${copyText(r.id)}\t${copyText(r.org_id)}\t${copyText(r.subject_key)}\t${r.version}\t${copyText(r.kek_id)}\t${copyText(r.wrapped)}\t${r.created_at.toISOString()}\n`;
  return text;
}

/**
 * The associated data of a key's fields and of its records: the first 16 bytes of SHA-256 over
 * `label|orgId|keyId` for each label, both held in one small allocation (a cached key is kept for a
 * minute, and tens of thousands may be cached during a large import).
 */
function labelledAads(orgId: string, keyId: string): { field: Buffer; record: Buffer } {
  const both = Buffer.allocUnsafe(32);
  crypto.createHash('sha256').update(`crossgate-field|${orgId}|${keyId}`).digest().copy(both, 0, 0, 16);
  crypto.createHash('sha256').update(`crossgate-record|${orgId}|${keyId}`).digest().copy(both, 16, 0, 16);
  return { field: both.subarray(0, 16), record: both.subarray(16) };
}

function parseRecord(plain: Buffer): Record<string, string> {
  const v: unknown = JSON.parse(plain.toString('utf8'));
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AppError('internal', 'Sealed record does not hold an object of fields');
  for (const f of Object.values(v))
    if (typeof f !== 'string') throw new AppError('internal', 'Sealed record holds a field that is not text');
  return v as Record<string, string>;
}

/**
 * AES-256-GCM envelope encryption of personal-data fields (PRODUCT.md §3.6).
 *
 * - Data keys per organisation, and per data subject when a `subjectKey` is given (so one person's data
 *   can be crypto-shredded), each wrapped by the key provider's KEK and stored in `data_keys`.
 * - A sealed value reads `cg1.<dataKeyId>.<base64url(iv | tag | ciphertext)>`; the organisation id and
 *   key id are authenticated as associated data, so a value moved to another tenant or relabelled with
 *   another key fails to open.
 * - Data keys are versioned: `rotateDataKey` makes a new version current, old versions keep opening old
 *   values, `reseal` re-encrypts a value under the current version (lazy re-encryption).
 * - `shredSubject` destroys a subject's keys (the rows stay as tombstones); open() then throws a
 *   ShreddedError ("erased") and tryOpen() returns null.
 * Unwrapped keys are cached in memory as KeyObjects (gcm.ts: node:crypto's AES-256-GCM).
 */
export class EnvelopeFieldCipher implements FieldCipher {
  private current = new Map<string, LiveKey>(); // org|subject -> current key
  private byId = new Map<string, LiveKey>();
  private pending = new Map<string, Promise<LiveKey>>();
  /** Keys created inside a caller's transaction: known to that transaction only until it commits. */
  private txCache = new WeakMap<Executor, Map<string, LiveKey>>();
  private blindKeys = new Map<string, crypto.KeyObject>();

  private readonly db: Db;
  private readonly keys: KeyProvider;
  private readonly clock: Clock;

  constructor(db: Db, keys: KeyProvider, clock: Clock) {
    this.db = db;
    this.keys = keys;
    this.clock = clock;
  }

  /** A usable key from its row; `plain` is the key itself when this process just generated it (no unwrap). */
  private live(row: KeyRow, plain?: Buffer): LiveKey {
    if (!row.wrapped) throw new ShreddedError(row.id, row.shredded_at);
    const aads = labelledAads(row.org_id, row.id);
    const k: LiveKey = {
      id: row.id,
      orgId: row.org_id,
      subjectKey: row.subject_key,
      version: row.version,
      gcm: new FieldGcm(crypto.createSecretKey(plain ?? this.keys.unwrap(row.kek_id, row.wrapped))),
      prefix: `${FORMAT}.${row.id}.`,
      recordPrefix: `${RECORD_FORMAT}.${row.id}.`,
      aad: aads.field,
      recordAad: aads.record,
      loadedAt: performance.now(),
    };
    this.byId.set(k.id, k);
    if (k.subjectKey !== null && this.byId.size > MAX_CACHED_SUBJECT_KEYS) this.evict();
    return k;
  }

  /** Drops the oldest tenth of cached subject keys (organisation keys stay). */
  private evict(): void {
    let drop = Math.ceil(MAX_CACHED_SUBJECT_KEYS / 10);
    for (const [id, k] of this.byId) {
      if (drop === 0) break;
      if (k.subjectKey === null) continue;
      this.byId.delete(id);
      const cacheKey = `${k.orgId}|${k.subjectKey}`;
      if (this.current.get(cacheKey) === k) this.current.delete(cacheKey);
      drop--;
    }
  }

  private fresh(k: LiveKey | undefined): k is LiveKey {
    return !!k && (k.subjectKey === null || performance.now() - k.loadedAt < SUBJECT_KEY_TTL_MS);
  }

  private scoped(tx: Executor): Map<string, LiveKey> {
    let m = this.txCache.get(tx);
    if (!m) {
      m = new Map();
      this.txCache.set(tx, m);
    }
    return m;
  }

  private async currentKey(orgId: string, subjectKey: string | null, tx?: Executor): Promise<LiveKey> {
    const cacheKey = `${orgId}|${subjectKey ?? ''}`;
    const hit = this.current.get(cacheKey);
    if (this.fresh(hit)) return hit;
    if (tx) {
      // Inside a transaction (the embedded database has one connection, so the key must be read and
      // written through it); a key created there is remembered for that transaction only, since it
      // exists only if the transaction commits.
      const scoped = this.scoped(tx);
      const own = scoped.get(cacheKey);
      if (own) return own;
      const { key, created } = await this.loadOrCreate(orgId, subjectKey, tx);
      if (created) scoped.set(cacheKey, key);
      else this.current.set(cacheKey, key);
      return key;
    }
    let p = this.pending.get(cacheKey);
    if (!p) {
      p = this.loadOrCreate(orgId, subjectKey, this.db)
        .then((r) => r.key)
        .finally(() => this.pending.delete(cacheKey));
      this.pending.set(cacheKey, p);
    }
    const k = await p;
    this.current.set(cacheKey, k);
    return k;
  }

  private findCurrent(db: Executor, orgId: string, subjectKey: string | null) {
    let q = db
      .selectFrom('data_keys')
      .select(['id', 'org_id', 'subject_key', 'version', 'kek_id', 'wrapped', 'shredded_at'])
      .where('org_id', '=', orgId)
      .where('shredded_at', 'is', null)
      .where('retired_at', 'is', null);
    q = q.where(subjectIs(subjectKey));
    return q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  }

  private async nextVersion(db: Executor, orgId: string, subjectKey: string | null): Promise<number> {
    let q = db
      .selectFrom('data_keys')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('org_id', '=', orgId);
    q = q.where(subjectIs(subjectKey));
    const r = await q.executeTakeFirst();
    return Number(r?.v ?? 0) + 1;
  }

  /** A new data key's row, and the key in clear in `generated` (keyed by row id) for `live`. */
  private newKeyRow(
    orgId: string,
    subjectKey: string | null,
    version: number,
    generated: Map<string, Buffer>,
  ): NewKeyRow {
    const plain = randomBytes(32);
    const { kekId, wrapped } = this.keys.wrap(plain);
    const id = `dk_${randomBytes(10).toString('hex')}`;
    generated.set(id, plain);
    return {
      id,
      org_id: orgId,
      subject_key: subjectKey,
      version,
      kek_id: kekId,
      wrapped,
      created_at: this.clock.now(),
    };
  }

  private async loadOrCreate(
    orgId: string,
    subjectKey: string | null,
    db: Executor,
  ): Promise<{ key: LiveKey; created: boolean }> {
    const row = await this.findCurrent(db, orgId, subjectKey);
    if (row) return { key: this.live(row), created: false };
    const version = await this.nextVersion(db, orgId, subjectKey);
    const generated = new Map<string, Buffer>();
    const inserted = await db
      .insertInto('data_keys')
      .values(this.newKeyRow(orgId, subjectKey, version, generated))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'org_id', 'subject_key', 'version', 'kek_id', 'wrapped', 'shredded_at'])
      .executeTakeFirst();
    if (inserted) return { key: this.live(inserted, generated.get(inserted.id)), created: true };
    // Another writer created it first.
    const again = await this.findCurrent(db, orgId, subjectKey);
    if (!again) throw new AppError('internal', 'Could not create a data key');
    return { key: this.live(again), created: false };
  }

  /**
   * Loads (and creates, in one multi-row insert) the data keys of many subjects at once, so a bulk
   * import that seals per buyer does one round trip per batch instead of one per new buyer. With
   * `writes` (inside `tx`), the new keys' rows are sent through that pipeline without waiting
   * (insertKeyRows).
   */
  async prepareSubjects(
    orgId: string,
    subjectKeys: Iterable<string>,
    tx?: Executor,
    writes?: Pipeline,
  ): Promise<void> {
    const db = tx ?? this.db;
    const scoped = tx ? this.scoped(tx) : undefined;
    const wanted = [...new Set(subjectKeys)].filter(
      (s) => !this.fresh(this.current.get(`${orgId}|${s}`)) && !scoped?.has(`${orgId}|${s}`),
    );
    for (let i = 0; i < wanted.length; i += 10_000) {
      const chunk = wanted.slice(i, i + 10_000);
      // Each subject's latest key version: current if usable; after a shredding, the next version is made.
      const latest = await sql<KeyRow & { retired: boolean }>`
        select distinct on (subject_key) id, org_id, subject_key, version, kek_id, wrapped, shredded_at,
               retired_at is not null as retired
        from data_keys where org_id = ${orgId} and coalesce(subject_key, '') = any(${chunk}::text[])
        order by subject_key, version desc`.execute(db);
      const next = new Map<string, number>();
      for (const r of latest.rows) {
        if (r.wrapped && !r.shredded_at && !r.retired)
          this.current.set(`${orgId}|${r.subject_key}`, this.live(r));
        else next.set(r.subject_key!, Number(r.version) + 1);
      }
      const missing = chunk.filter((s) => !this.fresh(this.current.get(`${orgId}|${s}`)));
      if (missing.length === 0) continue;
      const generated = new Map<string, Buffer>();
      const rows = missing.map((s) => this.newKeyRow(orgId, s, next.get(s) ?? 1, generated));
      for (const r of await this.insertKeyRows(db, rows, writes))
        (scoped ?? this.current).set(`${orgId}|${r.subject_key}`, this.live(r, generated.get(r.id)));
    }
  }

  committed(tx: Executor): void {
    const own = this.txCache.get(tx);
    if (!own) return;
    this.txCache.delete(tx);
    // Only keys still in the bounded cache (byId): one evicted meanwhile is loaded again when needed.
    for (const [cacheKey, k] of own)
      if (this.byId.get(k.id) === k && !this.fresh(this.current.get(cacheKey))) this.current.set(cacheKey, k);
  }

  /**
   * Inserts new data-key rows and returns those that go in. Inside a transaction the rows go in by COPY
   * (the bulk path: one new key per new buyer of an import). Through the caller's pipeline `writes` the
   * COPY is sent without waiting: a key another writer made meanwhile fails the caller's batch (a unique
   * violation at `writes.done()`), which an import then retries record by record. Otherwise it runs
   * under a savepoint: on such a conflict the savepoint is rolled back and the rows go in with `on
   * conflict do nothing`, which skips the ones taken (their subjects are then found next time).
   */
  private async insertKeyRows(db: Executor, rows: NewKeyRow[], writes?: Pipeline): Promise<KeyRow[]> {
    const asInserted = () => rows.map((r) => ({ ...r, shredded_at: null }));
    if (db.isTransaction && writes) {
      writes.send(copyRows(db, 'data_keys', KEY_COLUMNS, keyRowsText(rows)));
      return asInserted();
    }
    if (db.isTransaction) {
      await sql`savepoint data_keys_copy`.execute(db);
      try {
        await copyRows(db, 'data_keys', KEY_COLUMNS, keyRowsText(rows));
        await sql`release savepoint data_keys_copy`.execute(db);
        return asInserted();
      } catch (err) {
        await sql`rollback to savepoint data_keys_copy`.execute(db);
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const created = await sql<KeyRow>`
      insert into data_keys (${sql.raw(KEY_COLUMNS.join(', '))})
      select * from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.org_id)}::text[],
                  ${rows.map((r) => r.subject_key)}::text[], ${rows.map((r) => r.version)}::int[],
                  ${rows.map((r) => r.kek_id)}::text[], ${rows.map((r) => r.wrapped)}::text[],
                  ${rows.map((r) => r.created_at.toISOString())}::timestamptz[])
      on conflict do nothing
      returning id, org_id, subject_key, version, kek_id, wrapped, shredded_at`.execute(db);
    return created.rows;
  }

  async seal(orgId: string, plaintext: string, subjectKey?: string, tx?: Executor): Promise<string> {
    const hit = this.current.get(`${orgId}|${subjectKey ?? ''}`);
    return this.sealWith(
      this.fresh(hit) ? hit : await this.currentKey(orgId, subjectKey ?? null, tx),
      plaintext,
    );
  }

  private sealWith(k: LiveKey, plaintext: string): string {
    return k.prefix + k.gcm.seal(plaintext, k.aad).toString('base64url');
  }

  private async keyById(orgId: string, keyId: string, db: Executor = this.db): Promise<LiveKey> {
    const hit = this.byId.get(keyId);
    if (this.fresh(hit) && hit.orgId === orgId) return hit;
    const row = await db
      .selectFrom('data_keys')
      .select(['id', 'org_id', 'subject_key', 'version', 'kek_id', 'wrapped', 'shredded_at'])
      .where('id', '=', keyId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'No data key for this value in this organisation');
    if (!row.wrapped) {
      this.byId.delete(keyId);
      throw new ShreddedError(row.id, row.shredded_at);
    }
    return this.live(row);
  }

  /** The key a sealed value names, from the cache or the database (shredded keys throw). */
  private async keyFor(orgId: string, sealed: string, tx?: Executor): Promise<LiveKey> {
    const keyId = keyIdOf(sealed);
    if (!keyId) throw new AppError('internal', 'Not a sealed value');
    const hit = this.byId.get(keyId);
    return this.fresh(hit) && hit.orgId === orgId ? hit : await this.keyById(orgId, keyId, tx);
  }

  private decrypt(k: LiveKey, sealed: string, aad: Buffer): Buffer {
    const raw = Buffer.from(sealed.slice(KEY_AT + k.id.length + 1), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new AppError('internal', 'Sealed value is truncated');
    const plain = k.gcm.open(raw, aad);
    if (!plain)
      throw new AppError('internal', 'Sealed value failed its integrity check (tampered or corrupted)');
    return plain;
  }

  async open(orgId: string, sealed: string, tx?: Executor): Promise<string> {
    if (isSealedRecord(sealed))
      throw new AppError('internal', 'This value is a sealed record of several fields: use openRecord()');
    const k = await this.keyFor(orgId, sealed, tx);
    return this.decrypt(k, sealed, k.aad).toString('utf8');
  }

  /** Like open(), but null when the value was crypto-shredded (its subject erased). */
  async tryOpen(orgId: string, sealed: string, tx?: Executor): Promise<string | null> {
    try {
      return await this.open(orgId, sealed, tx);
    } catch (err) {
      if (isShredded(err)) return null;
      throw err;
    }
  }

  /**
   * Seals several fields of one record (e.g. a party's name, address, phone, e-mail and tax id) as one
   * AES-256-GCM message under one IV: one cipher call instead of one per field (ADR 0007). Fields that
   * are undefined or null are left out. Same keys, rotation and shredding as seal().
   */
  async sealRecord(
    orgId: string,
    fields: Readonly<Record<string, string | null | undefined>>,
    subjectKey?: string,
    tx?: Executor,
  ): Promise<string> {
    const hit = this.current.get(`${orgId}|${subjectKey ?? ''}`);
    const k = this.fresh(hit) ? hit : await this.currentKey(orgId, subjectKey ?? null, tx);
    return this.sealRecordWith(k, fields);
  }

  private sealRecordWith(k: LiveKey, fields: Readonly<Record<string, string | null | undefined>>): string {
    const present: Record<string, string> = {};
    for (const [name, v] of Object.entries(fields)) {
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string')
        throw new AppError('invalid', `Field ${name} of a sealed record must be text`);
      present[name] = v;
    }
    return k.recordPrefix + k.gcm.seal(JSON.stringify(present), k.recordAad).toString('base64url');
  }

  /** Every field of a sealed record (the whole message is authenticated before any field is returned). */
  async openRecord(orgId: string, sealed: string, tx?: Executor): Promise<Record<string, string>> {
    if (!isSealedRecord(sealed))
      throw new AppError('internal', 'This value is a single sealed field: use open()');
    const k = await this.keyFor(orgId, sealed, tx);
    return parseRecord(this.decrypt(k, sealed, k.recordAad));
  }

  /** Like openRecord(), but null when the record was crypto-shredded (its subject erased). */
  async tryOpenRecord(orgId: string, sealed: string, tx?: Executor): Promise<Record<string, string> | null> {
    try {
      return await this.openRecord(orgId, sealed, tx);
    } catch (err) {
      if (isShredded(err)) return null;
      throw err;
    }
  }

  /**
   * One field of a sealed record, or null when the record does not hold it. The record is decrypted and
   * authenticated whole; only the named field is returned to the caller.
   */
  async openField(orgId: string, sealed: string, field: string, tx?: Executor): Promise<string | null> {
    const record = await this.openRecord(orgId, sealed, tx);
    return Object.hasOwn(record, field) ? (record[field] as string) : null;
  }

  blindIndex(orgId: string, value: string): string {
    return blindIndexWith(this.blindIndexKey(orgId), value);
  }

  blindIndexKey(orgId: string): crypto.KeyObject {
    let key = this.blindKeys.get(orgId);
    if (!key) {
      // Per-organisation index key derived from the provider's blind-index secret: the same email in two
      // tenants gives unrelated index values.
      key = crypto.createSecretKey(
        Buffer.from(crypto.hkdfSync('sha256', this.keys.blindIndexKey(), orgId, 'crossgate blind index', 32)),
      );
      this.blindKeys.set(orgId, key);
    }
    return key;
  }

  /**
   * Makes a new data-key version current for an organisation (or one subject). New values seal under it;
   * old values still open and are moved over by reseal()/the re-encryption job. Returns the new key id.
   */
  async rotateDataKey(
    orgId: string,
    subjectKey: string | null = null,
    /** Runs in the rotation's transaction (e.g. to journal it there). */
    onRotated?: (tx: Executor, keyId: string) => Promise<void>,
  ): Promise<string> {
    const version = await this.nextVersion(this.db, orgId, subjectKey);
    const row = this.newKeyRow(orgId, subjectKey, version, new Map());
    await this.db.transaction().execute(async (tx) => {
      let q = tx
        .updateTable('data_keys')
        .set({ retired_at: this.clock.now() })
        .where('org_id', '=', orgId)
        .where('retired_at', 'is', null)
        .where('shredded_at', 'is', null);
      q = q.where(subjectIs(subjectKey));
      await q.execute();
      await tx.insertInto('data_keys').values(row).execute();
      if (onRotated) await onRotated(tx, row.id);
    });
    this.current.delete(`${orgId}|${subjectKey ?? ''}`);
    return row.id;
  }

  /** True when `sealed` is under a key that is no longer current for its organisation/subject. */
  async isStale(orgId: string, sealed: string): Promise<boolean> {
    const keyId = keyIdOf(sealed);
    if (!keyId) return false;
    const k = await this.keyById(orgId, keyId);
    const cur = await this.currentKey(orgId, k.subjectKey);
    return cur.id !== k.id;
  }

  /** Lazy re-encryption: the value re-sealed under the current key of its subject, or null if current. */
  async reseal(orgId: string, sealed: string): Promise<string | null> {
    const keyId = keyIdOf(sealed);
    if (!keyId) return null;
    const k = await this.keyById(orgId, keyId);
    const cur = await this.currentKey(orgId, k.subjectKey);
    if (cur.id === k.id) return null;
    if (isSealedRecord(sealed)) return this.sealRecordWith(cur, await this.openRecord(orgId, sealed));
    return this.sealWith(cur, await this.open(orgId, sealed));
  }

  /**
   * Crypto-shredding: destroys every data key of the subject (the wrapped key is erased; the row stays
   * as a tombstone). Values sealed under them can never be opened again. Returns the destroyed key ids.
   */
  async shredSubject(orgId: string, subjectKey: string, reason: string, executor: Executor = this.db) {
    const rows = await executor
      .updateTable('data_keys')
      .set({ wrapped: null, shredded_at: this.clock.now(), shred_reason: reason })
      .where('org_id', '=', orgId)
      .where(subjectIs(subjectKey))
      .where('shredded_at', 'is', null)
      .returning('id')
      .execute();
    this.current.delete(`${orgId}|${subjectKey}`);
    for (const r of rows) this.byId.delete(r.id);
    return rows.map((r) => r.id);
  }

  /** The subject (or null for the organisation key) a data key belongs to. */
  async keyInfo(orgId: string, keyId: string) {
    return this.db
      .selectFrom('data_keys')
      .select(['id', 'subject_key', 'version', 'kek_id', 'retired_at', 'shredded_at', 'shred_reason'])
      .where('org_id', '=', orgId)
      .where('id', '=', keyId)
      .executeTakeFirst();
  }

  /** Key ids (live and shredded) of a subject. */
  async subjectKeyIds(orgId: string, subjectKey: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('data_keys')
      .select('id')
      .where('org_id', '=', orgId)
      .where(subjectIs(subjectKey))
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Re-wraps every live data key still wrapped by an older KEK under the provider's current KEK (after
   * `rotateKek`). No value is re-encrypted and nothing stops: old and new wrappings both open until the
   * row is updated, and each row is updated atomically. Works organisation by organisation, in
   * transactions of `batch` keys; `onOrganisation` runs inside the transaction of an organisation's
   * last batch (the key rotation journals it there), with how many of its keys were re-wrapped.
   */
  async rewrapDataKeys(
    opts: {
      batch?: number;
      onOrganisation?: (tx: Executor, orgId: string, rewrapped: number) => Promise<void>;
    } = {},
  ): Promise<{ rewrapped: number; kekId: string; organisations: number }> {
    const batch = opts.batch ?? 500;
    const kekId = this.keys.currentKekId;
    const stale = (db: Executor) =>
      db.selectFrom('data_keys').where('kek_id', '<>', kekId).where('wrapped', 'is not', null);
    const orgs = await stale(this.db).select('org_id').distinct().orderBy('org_id').execute();
    let rewrapped = 0;
    for (const { org_id: orgId } of orgs) {
      let done = 0;
      for (let last = false; !last; ) {
        await this.db.transaction().execute(async (tx) => {
          const rows = await stale(tx)
            .select(['id', 'kek_id', 'wrapped'])
            .where('org_id', '=', orgId)
            .orderBy('id')
            .limit(batch)
            .execute();
          for (const r of rows) {
            const next = this.keys.wrap(this.keys.unwrap(r.kek_id, r.wrapped as string));
            await tx
              .updateTable('data_keys')
              .set({ kek_id: next.kekId, wrapped: next.wrapped })
              .where('id', '=', r.id)
              .where('kek_id', '=', r.kek_id)
              .execute();
          }
          done += rows.length;
          last = rows.length < batch;
          if (last && opts.onOrganisation) await opts.onOrganisation(tx, orgId, done);
        });
      }
      rewrapped += done;
    }
    return { rewrapped, kekId, organisations: orgs.length };
  }

  /** KEK ids still referenced by a live data key (a KEK not listed can be retired from the provider). */
  async keksInUse(): Promise<string[]> {
    const rows = await sql<{
      kek_id: string;
    }>`select distinct kek_id from data_keys where wrapped is not null`.execute(this.db);
    return rows.rows.map((r) => r.kek_id).sort();
  }
}
