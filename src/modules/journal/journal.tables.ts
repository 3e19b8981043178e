import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface JournalEntryTable {
  id: string;
  org_id: string;
  seq: number;
  kind: string;
  version: number;
  actor: string;
  subject: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  recorded_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    journal_entries: JournalEntryTable;
  }
}
