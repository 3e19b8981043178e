import crypto from 'node:crypto';
import { randomInto } from '../../platform/crypto/random.ts';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const HEADER = IV_BYTES + TAG_BYTES;

/**
 * AES-256-GCM for sealed fields, entirely through node:crypto (OpenSSL, AES-NI and constant-time GHASH).
 * Layout: iv (12) | tag (16) | ciphertext. The key is a KeyObject created once per data key: handing
 * createCipheriv a raw Buffer makes OpenSSL set the key up again on every call, which cost more than the
 * encryption itself.
 *
 * What is left per call is node:crypto itself (createCipheriv/createDecipheriv, update, final): the IVs
 * come from the pooled CSPRNG (platform/crypto/random.ts) and the output is written into one buffer, no concatenation.
 *
 * Decision (ADR 0002, amended): an earlier version computed the GCM tag in JavaScript over an OpenSSL
 * key stream to double the small-field rate. It was replaced: hand-written GHASH is not constant-time
 * and a second GCM implementation is a second thing to get wrong, in the one place where a bug exposes
 * every customer's personal data. The measured cost is in docs/benchmarks.md; records of several fields
 * are sealed as one message (ADR 0007) when the per-call cost matters.
 */
export class FieldGcm {
  private readonly key: crypto.KeyObject;

  constructor(key: crypto.KeyObject) {
    this.key = key;
  }

  seal(plain: Buffer | string, aad: Buffer): Buffer {
    const body = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
    const out = Buffer.allocUnsafe(HEADER + body.length);
    randomInto(out, 0, IV_BYTES);
    const c = crypto.createCipheriv('aes-256-gcm', this.key, out.subarray(0, IV_BYTES));
    c.setAAD(aad);
    c.update(body).copy(out, HEADER);
    c.final(); // GCM is a stream mode: final() returns no bytes, it computes the tag
    c.getAuthTag().copy(out, IV_BYTES);
    return out;
  }

  /** The plaintext, or null when the value does not authenticate (tampered, wrong key or AAD). */
  open(raw: Buffer, aad: Buffer): Buffer | null {
    if (raw.length < HEADER) return null;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      d.setAAD(aad);
      d.setAuthTag(raw.subarray(IV_BYTES, HEADER));
      const plain = d.update(raw.subarray(HEADER));
      d.final(); // throws when the tag does not match; GCM returns no further bytes
      return plain;
    } catch {
      return null;
    }
  }
}
