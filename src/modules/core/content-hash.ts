import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';

/**
 * Content hashes of canonical records: what makes a second import of the same file change nothing. A
 * stored row whose hash equals the incoming record's is "unchanged" and not written again. The hash is
 * keyed (HMAC-SHA-256 under the installation's blind-index key, bound to the organisation), so the hash
 * of a record with personal data is not a dictionary target.
 *
 * Plain functions of a KeyObject, so the importer's parsing thread computes them next to the parsing
 * (import-reader.ts) and the writing thread only compares.
 */

const quotedKeys = new Map<string, string>();
/** A member name as a JSON string, remembered: records repeat the same few dozen names. */
function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

/**
 * Canonical JSON (sorted keys, undefined members left out, dates as ISO strings) of a record, for
 * content hashing. One pass of string building: this runs for every imported row.
 */
export function canonical(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (v instanceof Date) return `"${v.toISOString()}"`;
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + canonical(v[i]);
    return `${s}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = '{';
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    s += `${s.length > 1 ? ',' : ''}${quoteKey(k)}:${canonical(x)}`;
  }
  return `${s}}`;
}

const hashKeys = new WeakMap<AppContext['keys'], crypto.KeyObject>();
/** The content-hash key of an installation as a KeyObject, built once: building it per hash costs more than hashing. */
export function contentHashKey(ctx: AppContext): crypto.KeyObject {
  let k = hashKeys.get(ctx.keys);
  if (!k) {
    k = crypto.createSecretKey(ctx.keys.blindIndexKey());
    hashKeys.set(ctx.keys, k);
  }
  return k;
}

/** The content hash of `record` for organisation `orgId` (base64url HMAC-SHA-256 of its canonical JSON). */
export function contentHashWith(key: crypto.KeyObject, orgId: string, record: unknown): string {
  return crypto
    .createHmac('sha256', key)
    .update(orgId)
    .update('\0')
    .update(canonical(record))
    .digest('base64url');
}
