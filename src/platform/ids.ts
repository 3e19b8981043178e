import { typeid } from 'typeid-js';

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

export const typeIdGenerator: IdGenerator = {
  next: (kind) => typeid(ID_PREFIXES[kind]).toString(),
};

export function newId(kind: IdKind): string {
  return typeIdGenerator.next(kind);
}

/** True when `id` has the prefix for `kind`; used to give "not found" instead of a DB error on junk ids. */
export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`) && id.length === ID_PREFIXES[kind].length + 27;
}
