import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<string, string | number, string | number>;

export interface FilingSettingsTable {
  org_id: string;
  settings: Json<Record<string, unknown>>;
  /** Next 7-digit entry transaction number for the filer code. */
  next_entry_seq: number;
  updated_at: Timestamp;
}

/** A filing: the canonical document (parties kept apart in filing_parties, persons sealed). */
export interface FilingTable {
  id: string;
  org_id: string;
  shipment_id: string;
  kind: string;
  variant: string;
  regime: string;
  status: string;
  reference: string;
  entry_number: string | null;
  rule_version: string;
  document: Json<Record<string, unknown>>;
  check_summary: Json<Record<string, unknown>> | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

export interface FilingLineTable {
  filing_id: string;
  line_no: number;
  org_id: string;
  sku: string;
  hs_code: string;
  origin_country: string;
  quantity: number;
  value: Numeric;
  currency: string;
  customs_value: Numeric;
  data: Json<Record<string, unknown>>;
}

export interface FilingPartyTable {
  filing_id: string;
  idx: number;
  org_id: string;
  role: string;
  party_ref: string | null;
  party_id: string | null;
  is_person: boolean;
  country: string;
  /** Companies: name, address and ids in clear. */
  clear: Json<Record<string, unknown>> | null;
  /** Natural persons: the same JSON sealed with the organisation's key. */
  sealed: string | null;
}

export interface FilingStatusHistoryTable {
  id: Generated<number>;
  org_id: string;
  filing_id: string;
  from_status: string | null;
  to_status: string;
  reasons: Json<string[]>;
  actor: string;
  at: Timestamp;
}

export interface FilingCheckResultTable {
  filing_id: string;
  code: string;
  org_id: string;
  severity: string;
  category: string;
  outcome: string;
  message: string;
  fix: string;
  findings: Json<Array<{ field: string; detail: string }>>;
  registry_version: string;
  checked_at: Timestamp;
}

export interface FilingClockTable {
  id: string;
  org_id: string;
  filing_id: string;
  shipment_id: string;
  regime: string;
  kind: string;
  clock: string;
  label: string;
  basis: string;
  due_at: Timestamp;
  anchor: string;
  anchor_at: Timestamp;
  time_zone: string;
  rule: string;
  explanation: string;
  /** open → met (filed in time) | missed (deadline passed unfiled) | late (filed after the deadline). */
  status: string;
  met_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FilingAlertTable {
  id: string;
  org_id: string;
  clock_id: string;
  filing_id: string;
  lead: string;
  due_at: Timestamp;
  raised_at: Timestamp;
  message: string;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    filing_settings: FilingSettingsTable;
    filings: FilingTable;
    filing_lines: FilingLineTable;
    filing_parties: FilingPartyTable;
    filing_status_history: FilingStatusHistoryTable;
    filing_check_results: FilingCheckResultTable;
    filing_clocks: FilingClockTable;
    filing_alerts: FilingAlertTable;
  }
}
