import crypto from 'node:crypto';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { FieldCipher } from '../../platform/context.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';

const FORMAT = 'cg1';

const keyObjects = new WeakMap<Buffer, crypto.KeyObject>();
/**
 * The data key as a KeyObject, made once per key buffer: given a raw buffer, every createCipheriv call
 * builds a key object itself, which costs several times the encryption of a short field.
 */
function keyObject(key: Buffer): crypto.KeyObject {
  let k = keyObjects.get(key);
  if (!k) {
    k = crypto.createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}

/**
 * AES-256-GCM envelope encryption of personal-data fields. Each organisation has a data key, wrapped by
 * the key provider's KEK and stored in `data_keys`; sealed values read `cg1.<dataKeyId>.<iv|tag|ct>` so
 * a value names the key that opens it (rotation leaves old values readable). Data keys are cached
 * unwrapped in memory for the life of the process.
 */
export class EnvelopeFieldCipher implements FieldCipher {
  private cache = new Map<string, { id: string; key: Buffer }>(); // org|subject -> key
  private byId = new Map<string, Buffer>();
  private pending = new Map<string, Promise<{ id: string; key: Buffer }>>();
  private txCache = new WeakMap<Executor, Map<string, { id: string; key: Buffer }>>();

  private readonly db: Db;
  private readonly keys: KeyProvider;
  private readonly clock: Clock;

  constructor(db: Db, keys: KeyProvider, clock: Clock) {
    this.db = db;
    this.keys = keys;
    this.clock = clock;
  }

  private async dataKey(
    orgId: string,
    subjectKey: string | null,
    tx?: Executor,
  ): Promise<{ id: string; key: Buffer }> {
    const cacheKey = `${orgId}|${subjectKey ?? ''}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    if (tx) {
      // Inside a transaction: a key created here exists only if that transaction commits, so it is
      // remembered for this transaction only; the next call after commit loads it from the table.
      let scoped = this.txCache.get(tx);
      if (!scoped) {
        scoped = new Map();
        this.txCache.set(tx, scoped);
      }
      const own = scoped.get(cacheKey);
      if (own) return own;
      const k = await this.loadOrCreate(orgId, subjectKey, tx);
      if (k.created) scoped.set(cacheKey, k);
      else this.remember(cacheKey, k);
      return k;
    }
    let p = this.pending.get(cacheKey);
    if (!p) {
      p = this.loadOrCreate(orgId, subjectKey, this.db).finally(() => this.pending.delete(cacheKey));
      this.pending.set(cacheKey, p);
    }
    const k = await p;
    this.remember(cacheKey, k);
    return k;
  }

  private remember(cacheKey: string, k: { id: string; key: Buffer }): void {
    this.cache.set(cacheKey, k);
    this.byId.set(k.id, k.key);
  }

  private async loadOrCreate(
    orgId: string,
    subjectKey: string | null,
    db: Executor,
  ): Promise<{ id: string; key: Buffer; created: boolean }> {
    const find = () => {
      let q = db
        .selectFrom('data_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('shredded_at', 'is', null);
      q = subjectKey === null ? q.where('subject_key', 'is', null) : q.where('subject_key', '=', subjectKey);
      return q.executeTakeFirst();
    };
    let row = await find();
    let created = false;
    if (!row) {
      created = true;
      const key = crypto.randomBytes(32);
      const { kekId, wrapped } = this.keys.wrap(key);
      const id = `dk_${crypto.randomBytes(8).toString('hex')}`;
      await db
        .insertInto('data_keys')
        .values({
          id,
          org_id: orgId,
          subject_key: subjectKey,
          kek_id: kekId,
          wrapped,
          created_at: this.clock.now(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      row = await find();
      if (!row) throw new AppError('internal', 'Could not create a data key');
    }
    return { id: row.id, key: this.keys.unwrap(row.kek_id, row.wrapped), created };
  }

  async seal(orgId: string, plaintext: string, _subjectKey?: string, tx?: Executor): Promise<string> {
    const { id, key } = await this.dataKey(orgId, null, tx);
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', keyObject(key), iv);
    c.setAAD(Buffer.from(orgId));
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return `${FORMAT}.${id}.${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url')}`;
  }

  async open(orgId: string, sealed: string, tx?: Executor): Promise<string> {
    const [format, keyId, body] = sealed.split('.');
    if (format !== FORMAT || !keyId || body === undefined)
      throw new AppError('internal', 'Not a sealed value');
    let key = this.byId.get(keyId);
    if (!key) {
      const row = await this.db
        .selectFrom('data_keys')
        .selectAll()
        .where('id', '=', keyId)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (!row || row.shredded_at)
        throw new AppError('not_found', 'The key for this value has been destroyed');
      key = this.keys.unwrap(row.kek_id, row.wrapped);
      this.byId.set(keyId, key);
    }
    const raw = Buffer.from(body, 'base64url');
    const d = crypto.createDecipheriv('aes-256-gcm', keyObject(key), raw.subarray(0, 12));
    d.setAAD(Buffer.from(orgId));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  blindIndex(orgId: string, value: string): string {
    return crypto
      .createHmac('sha256', this.keys.blindIndexKey())
      .update(orgId)
      .update('\0')
      .update(value)
      .digest('base64url')
      .slice(0, 32);
  }
}
