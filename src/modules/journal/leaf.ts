import { canonicalJson } from './canonical-json.ts';
import { hashLeaf, sha256 } from './merkle.ts';

/**
 * The leaf encoding, format 1. A leaf is the RFC 8785 canonical JSON of these members, UTF-8:
 *
 *   {"actor":…,"at":"<ISO-8601 ms UTC>","data":{…},"id":"jnl_…","index":n,"kind":…,
 *    "log":"<origin>","subject":…|null,"v":1,"version":k}
 *
 * `log` and `index` bind the leaf to its place (a row moved to another index or another
 * organisation's log no longer hashes to its leaf). Golden tests pin this; changing it is a new `v`.
 */
export const LEAF_FORMAT = 1;

export interface LeafFields {
  log: string;
  index: number;
  id: string;
  kind: string;
  version: number;
  actor: string;
  subject: string | null;
  data: Record<string, unknown>;
  at: string;
}

/** The log's name in checkpoints and leaves: one log per organisation. */
export function logOrigin(orgId: string): string {
  return `crossgate/journal/${orgId}`;
}

/**
 * The leaf bytes. `canonicalData` may be passed when the caller already holds canonicalJson(f.data)
 * (the append path canonicalises data once for both hashes); the members are written in their sorted
 * order, which is what RFC 8785 gives for this fixed set of names (the golden test holds it to that).
 */
export function encodeLeaf(f: LeafFields, canonicalData = canonicalJson(f.data)): Buffer {
  return Buffer.from(leafText(f, canonicalData), 'utf8');
}

/** The leaf as a string (its bytes are this string's UTF-8); `hashLeaf` takes it as it is. */
export function leafText(f: Omit<LeafFields, 'data'>, canonicalData: string): string {
  const str = JSON.stringify;
  return `{"actor":${str(f.actor)},"at":${str(f.at)},"data":${canonicalData},"id":${str(f.id)},"index":${f.index},"kind":${str(f.kind)},"log":${str(f.log)},"subject":${f.subject === null ? 'null' : str(f.subject)},"v":${LEAF_FORMAT},"version":${f.version}}`;
}

export function leafHashOf(f: LeafFields): Buffer {
  return hashLeaf(encodeLeaf(f));
}

const IDENTITY_DOMAIN = 'crossgate.journal.identity/v1\n';

/**
 * What a fact *is*, apart from when, by whom and where in the log it was recorded: used to recognise
 * the same fact appended twice (re-imports). Kept apart from the leaf hash, which commits to position.
 */
export function identityHashOf(
  f: Pick<LeafFields, 'log' | 'kind' | 'version' | 'subject' | 'data'>,
  canonicalData = canonicalJson(f.data),
): Buffer {
  const str = JSON.stringify;
  return sha256(
    `${IDENTITY_DOMAIN}{"data":${canonicalData},"kind":${str(f.kind)},"log":${str(f.log)},"subject":${f.subject === null ? 'null' : str(f.subject)},"version":${f.version}}`,
  );
}
