import crypto from 'node:crypto';

/**
 * AES-256-GCM for sealed fields, entirely through node:crypto (OpenSSL, AES-NI and constant-time GHASH).
 * Layout: iv (12) | tag (16) | ciphertext. The key is a KeyObject created once per data key: handing
 * createCipheriv a raw Buffer makes OpenSSL set the key up again on every call, which cost more than the
 * encryption itself.
 *
 * Decision (ADR 0002, amended): an earlier version computed the GCM tag in JavaScript over an OpenSSL
 * key stream to double the small-field rate. It was replaced: hand-written GHASH is not constant-time
 * and a second GCM implementation is a second thing to get wrong, in the one place where a bug exposes
 * every customer's personal data. The measured cost is in docs/benchmarks.md.
 */
export class FieldGcm {
  private readonly key: crypto.KeyObject;

  constructor(key: crypto.KeyObject) {
    this.key = key;
  }

  seal(plain: Buffer | string, aad: Buffer): Buffer {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(aad);
    const ct = typeof plain === 'string' ? c.update(plain, 'utf8') : c.update(plain);
    const last = c.final();
    return Buffer.concat([iv, c.getAuthTag(), ct, last]);
  }

  /** The plaintext, or null when the value does not authenticate (tampered, wrong key or AAD). */
  open(raw: Buffer, aad: Buffer): Buffer | null {
    if (raw.length < 28) return null;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      d.setAAD(aad);
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
    } catch {
      return null;
    }
  }
}
