import crypto from 'node:crypto';

/**
 * Random bytes from node:crypto's CSPRNG, drawn in 64 KiB refills instead of one native call per value.
 * Bulk paths ask for millions of small values (IVs, data keys, id bits); per call, `randomBytes(12)`
 * costs several times more than the bytes themselves. The output is the same CSPRNG stream, handed
 * out once: every byte is wiped from the pool as it is taken, so nothing can hand it out again.
 */
const POOL_BYTES = 64 * 1024;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let at = POOL_BYTES;

/** Writes `n` fresh random bytes into `out` at `offset`. */
export function randomInto(out: Uint8Array, offset: number, n: number): void {
  if (n > POOL_BYTES) {
    crypto.randomFillSync(out, offset, n);
    return;
  }
  if (at + n > POOL_BYTES) {
    crypto.randomFillSync(pool);
    at = 0;
  }
  pool.copy(out, offset, at, at + n);
  pool.fill(0, at, at + n);
  at += n;
}

/** `n` fresh random bytes in a new buffer (like crypto.randomBytes, pooled). */
export function randomBytes(n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  randomInto(b, 0, n);
  return b;
}
