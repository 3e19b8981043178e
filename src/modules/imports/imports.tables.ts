import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const IMPORT_FORMATS = ['csv', 'ndjson', 'json', 'shopify', 'amazon'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_KINDS = ['products', 'orders', 'shipments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/**
 * `running` while reading; `succeeded` when every record was accepted or unchanged; `partial` when
 * some rows were quarantined (or reading stopped early after some records were stored); `failed` when
 * reading stopped on a file-level fault before any record was stored.
 */
export const IMPORT_STATUSES = ['running', 'succeeded', 'partial', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One run of one file through an importer, with its outcome counts. */
export interface ImportRunTable {
  id: string;
  org_id: string;
  file_name: string;
  format: ImportFormat;
  kind: ImportKind;
  status: ImportStatus;
  /** User id, API key id or `system:<process>`. */
  actor: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  bytes_read: Generated<number>;
  /** Source rows read (CSV records after the header, NDJSON lines, JSON array elements). */
  rows_read: Generated<number>;
  /** Canonical records assembled from the rows (an order of three line rows is one record). */
  records: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  /** Quarantine records written (rows or record groups that could not be imported, and file faults). */
  quarantined: Generated<number>;
  rows_per_second: Generated<number>;
  /** The file-level fault that stopped reading, if any. */
  error: string | null;
}

/**
 * A row (or record group) that could not be imported, or a file-level fault. The raw text may hold
 * personal data: it is sealed, truncated to RAW_LIMIT characters, with its original length.
 */
export interface ImportQuarantineTable {
  id: string;
  org_id: string;
  run_id: string;
  /** 1-based CSV record number (header = 1), NDJSON line number, or JSON array index. */
  row_number: number;
  /** Source column name where known, else the dotted path of the canonical field, or `(file)`/`(row)`. */
  field: string;
  reason: string;
  /** Every issue of the row: [{ field, reason }]. */
  issues: Json<Array<{ field: string; reason: string }>>;
  raw_sealed: string | null;
  raw_length: number;
  raw_truncated: Generated<boolean>;
  created_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    import_runs: ImportRunTable;
    import_quarantine: ImportQuarantineTable;
  }
}
