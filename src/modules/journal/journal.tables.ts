import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface JournalLogTable {
  org_id: string;
  size: ColumnType<number, number | undefined, number>;
  frontier: Bytes;
}

export interface JournalEntryTable {
  org_id: string;
  /** 0-based leaf index in the organisation's log (RFC 6962 leaf index). */
  idx: number;
  id: string;
  kind: string;
  version: number;
  actor: string;
  subject: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  recorded_at: Timestamp;
  leaf_hash: Bytes;
  identity_hash: Bytes;
  /** Appended with de-duplication: indexed by identity hash. */
  dedupe: ColumnType<boolean, boolean | undefined, boolean>;
  /** Hashes of the complete subtrees that end at this leaf, level 1 first, 32 bytes each. */
  nodes: Bytes;
}

export interface JournalHeadTable {
  org_id: string;
  tree_size: number;
  root_hash: Bytes;
  signed_at: Timestamp;
  key_id: string;
  checkpoint: string;
  signature: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    journal_logs: JournalLogTable;
    journal_entries: JournalEntryTable;
    journal_heads: JournalHeadTable;
  }
}
