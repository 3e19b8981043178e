import crypto from 'node:crypto';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const HEADER = IV_BYTES + TAG_BYTES;

/** IVs handed out from one CSPRNG buffer, refilled every 4,096 IVs (one native call instead of 4,096). */
const POOL_IVS = 4096;
const ivPool = Buffer.allocUnsafe(POOL_IVS * IV_BYTES);
let ivNext = POOL_IVS;

/** Writes 12 fresh random bytes into `out` at `at` (the same CSPRNG as crypto.randomBytes, batched). */
function writeIv(out: Buffer, at: number): void {
  if (ivNext === POOL_IVS) {
    crypto.randomFillSync(ivPool);
    ivNext = 0;
  }
  const from = ivNext * IV_BYTES;
  ivPool.copy(out, at, from, from + IV_BYTES);
  // Each IV is used once: wipe it from the pool so nothing can hand it out again.
  ivPool.fill(0, from, from + IV_BYTES);
  ivNext++;
}

/**
 * AES-256-GCM for sealed fields, entirely through node:crypto (OpenSSL, AES-NI and constant-time GHASH).
 * Layout: iv (12) | tag (16) | ciphertext. The key is a KeyObject created once per data key: handing
 * createCipheriv a raw Buffer makes OpenSSL set the key up again on every call, which cost more than the
 * encryption itself.
 *
 * What is left per call is node:crypto itself (createCipheriv/createDecipheriv, update, final): the IVs
 * come from a pooled CSPRNG buffer and the output is written into one buffer, no concatenation.
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
    writeIv(out, 0);
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
