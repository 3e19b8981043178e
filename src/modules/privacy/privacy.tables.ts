import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/**
 * Data-encryption keys, wrapped by the key provider's KEK. Per organisation (subject_key null) or per
 * data subject (crypto-shredding), in versions: the highest live version seals, every version opens.
 * Shredding a subject empties `wrapped` and keeps the row as a tombstone (who, when, why).
 */
export interface DataKeyTable {
  id: string;
  org_id: string;
  subject_key: string | null;
  version: number;
  kek_id: string;
  /** The data key wrapped by KEK `kek_id`; null once shredded. */
  wrapped: string | null;
  created_at: Timestamp;
  /** Set when a newer version takes over sealing; values under a retired key are re-encrypted lazily. */
  retired_at: Timestamp | null;
  shredded_at: Timestamp | null;
  shred_reason: string | null;
}

/** A cross-border transfer evaluated against the residency rules, with its decision and basis. */
export interface TransferDecisionTable {
  id: string;
  org_id: string;
  category: string;
  from_country: string;
  to_country: string;
  purpose: string;
  recipient: string | null;
  volume: number | null;
  basis_claimed: string | null;
  outcome: 'allow' | 'deny';
  basis: string | null;
  rules_version: string;
  explanation: Json<string[]>;
  duties: Json<string[]>;
  actor: string;
  decided_at: Timestamp;
}

/** A data-subject request (access, export, correction, deletion) with its statutory deadline. */
export interface DsrTable {
  id: string;
  org_id: string;
  kind: 'access' | 'export' | 'correction' | 'deletion';
  regime: string;
  subject_key: string;
  /** Keyed hash of the requester's contact email (sealed copy below), for lookup. */
  contact_index: string | null;
  contact_sealed: string | null;
  status: 'open' | 'completed' | 'held' | 'rejected';
  received_at: Timestamp;
  due_at: Timestamp;
  deadline_rule: string;
  completed_at: Timestamp | null;
  /** Erasure deferred until this date by a legal hold (e.g. customs records). */
  hold_until: Timestamp | null;
  outcome: Json<Record<string, unknown> | null> | null;
  created_by: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    data_keys: DataKeyTable;
    transfer_decisions: TransferDecisionTable;
    data_subject_requests: DsrTable;
  }
}
