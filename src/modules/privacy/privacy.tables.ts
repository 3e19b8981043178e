import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Data-encryption keys, wrapped by the key provider's KEK. One per organisation (subject_key null) or per data subject. */
export interface DataKeyTable {
  id: string;
  org_id: string;
  subject_key: string | null;
  kek_id: string;
  wrapped: string;
  created_at: Timestamp;
  shredded_at: Timestamp | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    data_keys: DataKeyTable;
  }
}
