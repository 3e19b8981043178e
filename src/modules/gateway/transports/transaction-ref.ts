import crypto from 'node:crypto';
import type { Regime } from '../gateway.types.ts';

/** Width of the transaction-reference field per protocol (ACE's block header has 40 characters). */
const WIDTH: Record<Regime, number> = { 'US-ACE': 40, 'UK-CDS': 64, 'EU-ICS2': 64 };

/**
 * The reference the authority de-duplicates on: the idempotency key itself when it fits the protocol's
 * field, else `H` + a SHA-256 digest of it (hex, cut to the width). Deterministic, so every retry of a
 * submission carries the same reference.
 */
export function transactionRef(regime: Regime, idempotencyKey: string): string {
  const width = WIDTH[regime];
  if (idempotencyKey.length <= width) return idempotencyKey;
  return `H${crypto
    .createHash('sha256')
    .update(idempotencyKey)
    .digest('hex')
    .slice(0, width - 1)}`;
}
