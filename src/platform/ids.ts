import { randomInto } from './crypto/random.ts';

/**
 * Prefixed, time-sortable ids (TypeID: prefix + UUIDv7 in Crockford base32), generated in one place.
 * Add a prefix here when a module introduces an entity.
 */
export const ID_PREFIXES = {
  organisation: 'org',
  user: 'usr',
  session: 'ses',
  apiKey: 'key',
  party: 'pty',
  product: 'prd',
  order: 'ord',
  orderLine: 'oln',
  shipment: 'shp',
  shipmentLine: 'sln',
  document: 'doc',
  importRun: 'imp',
  quarantine: 'qrn',
  journalEntry: 'jnl',
  filing: 'fil',
  filingClock: 'fck',
  outbox: 'obx',
  alert: 'alr',
  classification: 'cls',
  traceEvent: 'trc',
  traceDossier: 'tdo',
  transferDecision: 'tfr',
  dataSubjectRequest: 'dsr',
  accessRequest: 'acr',
  grant: 'gnt',
  accessReview: 'arv',
  accessReviewItem: 'ari',
  oauthToken: 'tok',
  tariffRevision: 'trv',
  tariffDiff: 'tdf',
  classificationReference: 'crf',
  customsEndpoint: 'cep',
  submissionAttempt: 'att',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export interface IdGenerator {
  next(kind: IdKind): string;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const uuid = new Uint8Array(16);
let lastMs = -1;

/**
 * The 26-character TypeID suffix of a new UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7,
 * 74 random bits, variant 10. Within one millisecond (or if the clock steps back) the previous id's
 * random bits are incremented, so ids from this process sort in the order they were made, as the
 * `uuid` package's v7 does. Random bytes come from the pooled CSPRNG (platform/crypto/random.ts): this is
 * ~10x cheaper than `typeid-js` per id, which matters on bulk paths (journal appends, imports).
 */
function uuidV7Suffix(): string {
  const now = Date.now();
  if (now > lastMs) {
    randomInto(uuid, 6, 10);
    lastMs = now;
  } else {
    // Same millisecond: count up in the random bits (bytes 15 → 6, skipping the version/variant bits).
    let i = 15;
    while (i >= 6 && uuid[i] === 0xff) uuid[i--] = 0;
    if (i >= 6) uuid[i]! += 1;
    else lastMs += 1; // 74 bits exhausted within 1 ms: borrow the next millisecond
  }
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    uuid[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  uuid[6] = 0x70 | (uuid[6]! & 0x0f);
  uuid[8] = 0x80 | (uuid[8]! & 0x3f);
  // 130 bits (two zero bits, then the 128) as 26 Crockford base32 characters, most significant first.
  let out = '';
  let acc = 0;
  let bits = 2;
  for (let i = 0; i < 16; i++) {
    acc = ((acc << 8) | uuid[i]!) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
  }
  return out;
}

export const typeIdGenerator: IdGenerator = {
  next: (kind) => `${ID_PREFIXES[kind]}_${uuidV7Suffix()}`,
};

export function newId(kind: IdKind): string {
  return typeIdGenerator.next(kind);
}

/** True when `id` has the prefix for `kind`; used to give "not found" instead of a DB error on junk ids. */
export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`) && id.length === ID_PREFIXES[kind].length + 27;
}
