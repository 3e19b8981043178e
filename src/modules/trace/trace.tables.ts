import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TraceEventTable {
  id: string;
  org_id: string;
  /** The sender's id for the event (natural key): re-sending it changes nothing. */
  reference: string;
  link: string;
  shipment_id: string | null;
  product_id: string | null;
  occurred_at: Timestamp;
  country: string;
  location: string | null;
  facility: string | null;
  party_id: string | null;
  batch: string | null;
  leg: number | null;
  carrier: string | null;
  /** Document references, quantities, conveyance, keyed-hash person references, free attributes. */
  details: Json<Record<string, unknown>>;
  source: string;
  journal_entry_id: string;
  recorded_by: string;
  created_at: Timestamp;
}

export interface TraceDossierTable {
  id: string;
  org_id: string;
  shipment_id: string;
  score: ColumnType<string, string | number, string | number>;
  tree_size: number;
  json: string;
  json_sha256: string;
  pdf: Uint8Array;
  pdf_sha256: string;
  created_by: string;
  created_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    trace_events: TraceEventTable;
    trace_dossiers: TraceDossierTable;
  }
}
