import crypto from 'node:crypto';

/**
 * A blind index: a keyed hash (HMAC-SHA-256, 192 bits as base64url) of a value, for exact lookup of
 * personal data that is stored encrypted. The key is the organisation's index key; this function is
 * the one definition, used by the field cipher and by import parsing in a worker thread.
 */
export function blindIndexWith(key: crypto.KeyObject, value: string): string {
  return crypto.createHmac('sha256', key).update(value).digest('base64url').slice(0, 32);
}
