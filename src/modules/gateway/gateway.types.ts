/**
 * The gateway's vocabulary: regimes, environments, submission kinds, the authority's dispositions and
 * the filing statuses they map to. Regime jargon (CATAIR record ids, DMS elements) stays in adapters.
 */
export const REGIMES = ['US-ACE', 'UK-CDS', 'EU-ICS2'] as const;
export type Regime = (typeof REGIMES)[number];

export const ENVIRONMENTS = ['sandbox', 'certification', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** What a submission asks of the authority: a first filing, a replacement, or a withdrawal. */
export const SUBMISSION_KINDS = ['original', 'amendment', 'withdrawal'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/**
 * Outbox states. `pending`/`retry` wait for a worker; `sending` is leased to one; `transmitted` means the
 * authority took the message (receipt) and an acknowledgement is awaited; `done` means a final
 * disposition arrived; `dead` is the dead letter (exhausted retries or a permanent transport error).
 */
export const OUTBOX_STATES = ['pending', 'sending', 'retry', 'transmitted', 'done', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** What an authority says about a filing, normalised across ACE, CDS and ICS2. */
export const DISPOSITIONS = [
  'received',
  'accepted',
  'rejected',
  'hold',
  'released',
  'referral',
  'do_not_load',
  'amended',
  'withdrawn',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The gateway's projection of a filing's status (gateway_filing_status). */
export const FILING_STATUSES = [
  'queued',
  'transmitted',
  'received',
  'accepted',
  'rejected',
  'held',
  'released',
  'referred',
  'do_not_load',
  'withdrawn',
  'dead_letter',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export interface Reason {
  /** The authority's code (e.g. ACE condition code, CDS error code, ICS2 referral code). */
  code: string;
  text: string;
}

/**
 * One message from the authority about one filing: a synchronous acknowledgement in a submit response,
 * or a later notification (pulled or pushed). `messageId` is unique per authority and endpoint, so a
 * duplicate is recognised; `seq` orders the messages of one filing, so an out-of-order one is recognised.
 */
export interface AuthorityMessage {
  messageId: string;
  idempotencyKey: string;
  disposition: Disposition;
  seq: number;
  authorityRef?: string | undefined;
  reasons: Reason[];
  /** When the authority issued it (ISO 8601), as the authority says. */
  issuedAt: string;
}

/** Dispositions after which no more is expected for the submission (the outbox row is `done`). */
export const FINAL_DISPOSITIONS: ReadonlySet<Disposition> = new Set(
  DISPOSITIONS.filter((d) => d !== 'received'),
);

export function statusOfDisposition(d: Disposition): FilingStatus {
  switch (d) {
    case 'received':
      return 'received';
    case 'accepted':
    case 'amended':
      return 'accepted';
    case 'rejected':
      return 'rejected';
    case 'hold':
      return 'held';
    case 'released':
      return 'released';
    case 'referral':
      return 'referred';
    case 'do_not_load':
      return 'do_not_load';
    case 'withdrawn':
      return 'withdrawn';
  }
}
