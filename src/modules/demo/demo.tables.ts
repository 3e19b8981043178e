import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * One row per organisation the demo was loaded into: the seed, scale and the anchor ("now" of the first
 * load). Loading again reuses the anchor, so the same seed and scale produce the same records and
 * ingest reports them unchanged.
 */
export interface DemoDatasetTable {
  org_id: string;
  seed: number;
  scale: number;
  anchor_at: Timestamp;
  /** SHA-256 of the generated records of the last load. */
  records_hash: string;
  loaded_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    demo_datasets: DemoDatasetTable;
  }
}
