import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const SCHEDULES = ['US-HTS', 'HS'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/** A dated revision of a tariff schedule (global reference data, not per organisation). */
export interface TariffRevisionTable {
  id: string;
  schedule: ScheduleName;
  /** e.g. `2026 Revision 4` or `HS2022`. */
  label: string;
  /** The revision is in force from this date (inclusive) until the next revision's valid_from. */
  valid_from: string;
  source: string;
  content_sha256: string;
  line_count: number;
  etag: string | null;
  last_modified: string | null;
  imported_at: Timestamp;
}

export interface TariffLineTable {
  revision_id: string;
  seq: number;
  code: string;
  indent: number;
  parent_seq: number | null;
  description: string;
  units: Json<string[]>;
  general_rate: string;
  special_rate: string;
  column2_rate: string;
  quota_quantity: string;
  additional_duties: string;
  additional_duty_refs: Json<string[]>;
}

export interface HsNomenclatureTable {
  revision_id: string;
  code: string;
  level: number;
  parent: string | null;
  section: string;
  description: string;
}

export interface TariffDiffTable {
  id: string;
  from_revision_id: string;
  to_revision_id: string;
  summary: Json<Record<string, number>>;
  changes: Json<unknown[]>;
  created_at: Timestamp;
}

export const ALERT_KINDS = [
  'code_deleted',
  'code_not_declarable',
  'code_redescribed',
  'duty_changed',
  'code_moved',
] as const;
export type TariffAlertKind = (typeof ALERT_KINDS)[number];

export interface TariffAlertTable {
  id: string;
  org_id: string;
  diff_id: string;
  product_id: string;
  kind: TariffAlertKind;
  code: string;
  old_text: string | null;
  new_text: string | null;
  suggested_codes: Json<string[]>;
  status: 'open' | 'acknowledged';
  created_at: Timestamp;
}

/** Labelled items the classifier learns from: confirmed decisions and loaded reference corpora. */
export interface ClassificationMemoryTable {
  id: string;
  org_id: string;
  /** `confirmed` (a reviewer's decision) or `reference:<corpus>` (e.g. `reference:hmrc`). */
  source: string;
  text: string;
  /** Digits; 10 for US lines, 6 when only the HS-6 part carries (foreign codes). */
  code: string;
  country: string;
  product_id: string | null;
  content_hash: string;
  created_at: Timestamp;
}

export const REVIEW_STATUSES = ['pending', 'accepted', 'overridden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ClassificationReviewTable {
  id: string;
  org_id: string;
  product_id: string | null;
  input: Json<Record<string, unknown>>;
  suggestions: Json<unknown[]>;
  top_code: string | null;
  confidence: number;
  status: ReviewStatus;
  decided_code: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
  ruleset_version: string;
  revision_id: string;
  created_at: Timestamp;
}

export interface TariffSyncStateTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: Timestamp | null;
  status: string;
  revision_id: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    tariff_revisions: TariffRevisionTable;
    tariff_lines: TariffLineTable;
    hs_nomenclature: HsNomenclatureTable;
    tariff_diffs: TariffDiffTable;
    tariff_alerts: TariffAlertTable;
    classification_memory: ClassificationMemoryTable;
    classification_reviews: ClassificationReviewTable;
    tariff_sync_state: TariffSyncStateTable;
  }
}
