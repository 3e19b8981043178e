import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * What the generator planted for later features to find: the ground truth of the demo (suspicious
 * orders as `platform|externalId`, products without or with an outdated HTS code, products from a
 * supplier in a forced-labour risk region, shipments that arrive late or are overdue).
 */
export interface DemoPlanted {
  suspiciousOrders: Record<string, string[]>;
  missingHsCode: string[];
  staleHsCode: Array<{ sku: string; code: string; replacedBy: string }>;
  forcedLabourRiskRegion: string[];
  lateShipments: string[];
}

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
  /** JSON text on write; a default of `{}` until the first load completes. */
  planted: ColumnType<DemoPlanted, string | undefined, string>;
  loaded_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    demo_datasets: DemoDatasetTable;
  }
}
