import crypto from 'node:crypto';
import { randomBytes } from './random.ts';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Key-provider port (PRODUCT.md §4). Holds the key-encryption key (KEK) that wraps per-organisation data
 * keys, the HMAC key for blind indexes, and named Ed25519 signing keys. The local implementation keeps
 * them in files under CROSSGATE_HOME/keys (mode 0600); a KMS adapter implements the same interface.
 */
export interface KeyProvider {
  /** Current KEK id; wrap() always uses it. */
  readonly currentKekId: string;
  wrap(dataKey: Buffer): { kekId: string; wrapped: string };
  unwrap(kekId: string, wrapped: string): Buffer;
  /** Keyed hash secret for blind indexes (exact lookup of encrypted fields). */
  blindIndexKey(): Buffer;
  /** Ed25519 key pair by name (e.g. `journal`), created on first use. */
  signingKey(name: string): { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject; keyId: string };
  /** Makes a new KEK current and returns its id (providers whose KMS rotates keys itself omit it). */
  rotateKek?(): string;
  /** Every KEK id the provider can still unwrap with. */
  kekIds?(): string[];
  /** Destroys an old KEK once no data key is wrapped by it. */
  retireKek?(id: string): void;
}

/**
 * What a cloud KMS offers (AWS KMS Encrypt/Decrypt, GCP Cloud KMS, Azure Key Vault wrapKey/unwrapKey,
 * HashiCorp Vault transit): wrapping and unwrapping of small secrets by a key that never leaves the KMS.
 */
export interface KmsClient {
  readonly keyId: string;
  encrypt(plaintext: Buffer): Buffer;
  decrypt(keyId: string, ciphertext: Buffer): Buffer;
}

/**
 * KEK held in a KMS; blind-index and signing keys from a local provider (they must be usable offline).
 * Data keys are wrapped by the KMS, so a stolen database plus key file opens nothing.
 */
export class KmsKeyProvider implements KeyProvider {
  private readonly kms: KmsClient;
  private readonly local: KeyProvider;
  constructor(kms: KmsClient, local: KeyProvider) {
    this.kms = kms;
    this.local = local;
  }
  get currentKekId(): string {
    return `kms:${this.kms.keyId}`;
  }
  wrap(dataKey: Buffer) {
    return { kekId: this.currentKekId, wrapped: this.kms.encrypt(dataKey).toString('base64url') };
  }
  unwrap(kekId: string, wrapped: string): Buffer {
    if (!kekId.startsWith('kms:')) return this.local.unwrap(kekId, wrapped);
    return this.kms.decrypt(kekId.slice(4), Buffer.from(wrapped, 'base64url'));
  }
  blindIndexKey(): Buffer {
    return this.local.blindIndexKey();
  }
  signingKey(name: string) {
    return this.local.signingKey(name);
  }
}

interface KeyFile {
  keks: Record<string, string>; // id -> base64 key
  current: string;
  blind: string;
  signing: Record<string, string>; // name -> PKCS8 PEM
}

function wrapWith(kek: crypto.KeyObject, dataKey: Buffer): string {
  const iv = randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', kek, iv);
  const ct = Buffer.concat([c.update(dataKey), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url');
}

function unwrapWith(kek: crypto.KeyObject, wrapped: string): Buffer {
  const raw = Buffer.from(wrapped, 'base64url');
  const d = crypto.createDecipheriv('aes-256-gcm', kek, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
}

function publicKeyId(pub: crypto.KeyObject): string {
  const der = pub.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Local key file provider. `dir` undefined = ephemeral in-memory keys (tests). */
export class LocalKeyProvider implements KeyProvider {
  private file: KeyFile;
  private readonly filePath: string | undefined;
  /** KEKs as KeyObjects: given a raw Buffer, every createCipheriv prepares the key again (tens of µs). */
  private kekObjects = new Map<string, crypto.KeyObject>();
  private signingCache = new Map<
    string,
    { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject; keyId: string }
  >();

  constructor(dir?: string) {
    this.filePath = dir ? path.join(dir, 'keys.json') : undefined;
    if (this.filePath && fs.existsSync(this.filePath)) {
      this.file = JSON.parse(fs.readFileSync(this.filePath, 'utf8')) as KeyFile;
    } else {
      const id = `kek-${crypto.randomBytes(4).toString('hex')}`;
      this.file = {
        keks: { [id]: crypto.randomBytes(32).toString('base64') },
        current: id,
        blind: crypto.randomBytes(32).toString('base64'),
        signing: {},
      };
      this.save();
    }
  }

  private save(): void {
    if (!this.filePath) return;
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true, mode: 0o700 });
    const tmp = `${this.filePath}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.file, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.filePath);
  }

  get currentKekId(): string {
    return this.file.current;
  }

  /** Adds a new KEK and makes it current; old KEKs stay to unwrap existing data keys until re-wrapped. */
  rotateKek(): string {
    const id = `kek-${crypto.randomBytes(4).toString('hex')}`;
    this.file.keks[id] = crypto.randomBytes(32).toString('base64');
    this.file.current = id;
    this.save();
    return id;
  }

  kekIds(): string[] {
    return Object.keys(this.file.keks);
  }

  /** Removes an old KEK. Refuses the current one; callers check no data key still uses it. */
  retireKek(id: string): void {
    if (id === this.file.current) throw new Error('The current KEK cannot be retired');
    delete this.file.keks[id];
    this.kekObjects.delete(id);
    this.save();
  }

  wrap(dataKey: Buffer): { kekId: string; wrapped: string } {
    return { kekId: this.file.current, wrapped: wrapWith(this.kek(this.file.current), dataKey) };
  }

  unwrap(kekId: string, wrapped: string): Buffer {
    return unwrapWith(this.kek(kekId), wrapped);
  }

  private kek(id: string): crypto.KeyObject {
    let key = this.kekObjects.get(id);
    if (!key) {
      const k = this.file.keks[id];
      if (!k) throw new Error(`Unknown key-encryption key ${id}`);
      key = crypto.createSecretKey(Buffer.from(k, 'base64'));
      this.kekObjects.set(id, key);
    }
    return key;
  }

  blindIndexKey(): Buffer {
    return Buffer.from(this.file.blind, 'base64');
  }

  signingKey(name: string) {
    const cached = this.signingCache.get(name);
    if (cached) return cached;
    let pem = this.file.signing[name];
    if (!pem) {
      const { privateKey } = crypto.generateKeyPairSync('ed25519');
      pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      this.file.signing[name] = pem;
      this.save();
    }
    const privateKey = crypto.createPrivateKey(pem);
    const publicKey = crypto.createPublicKey(privateKey);
    const entry = { privateKey, publicKey, keyId: publicKeyId(publicKey) };
    this.signingCache.set(name, entry);
    return entry;
  }
}
