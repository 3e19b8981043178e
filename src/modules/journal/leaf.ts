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

export function encodeLeaf(f: LeafFields): Buffer {
  return Buffer.from(
    canonicalJson({
      v: LEAF_FORMAT,
      log: f.log,
      index: f.index,
      id: f.id,
      kind: f.kind,
      version: f.version,
      actor: f.actor,
      subject: f.subject,
      data: f.data,
      at: f.at,
    }),
    'utf8',
  );
}

export function leafHashOf(f: LeafFields): Buffer {
  return hashLeaf(encodeLeaf(f));
}

const IDENTITY_DOMAIN = Buffer.from('crossgate.journal.identity/v1\n', 'utf8');

/**
 * What a fact *is*, apart from when, by whom and where in the log it was recorded: used to recognise
 * the same fact appended twice (re-imports). Kept apart from the leaf hash, which commits to position.
 */
export function identityHashOf(f: Pick<LeafFields, 'log' | 'kind' | 'version' | 'subject' | 'data'>): Buffer {
  return sha256(
    IDENTITY_DOMAIN,
    Buffer.from(
      canonicalJson({ log: f.log, kind: f.kind, version: f.version, subject: f.subject, data: f.data }),
      'utf8',
    ),
  );
}
