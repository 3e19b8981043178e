import { getJson, type Page } from './client';

/**
 * The import-quarantine API (importers module), written by hand from its agreed contract because the
 * module is not merged yet. Once it is, run `npm run gen:api` and replace these with
 * `api.GET('/api/imports')` / `api.GET('/api/imports/quarantine')` and ResponseOf<…> types.
 */
export interface ImportRun {
  id: string;
  file: string;
  format: string;
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  accepted: number;
  unchanged: number;
  quarantined: number;
  rowsPerSecond: number | null;
}

export interface QuarantinedRow {
  id: string;
  runId: string;
  file: string;
  rowNumber: number;
  field: string | null;
  reason: string;
  raw?: unknown;
}

export function listImportRuns(query: { limit?: number; cursor?: string | undefined }) {
  return getJson<Page<ImportRun>>('/api/imports', query);
}

export function listQuarantine(query: {
  runId?: string | undefined;
  limit?: number;
  cursor?: string | undefined;
}) {
  return getJson<Page<QuarantinedRow>>('/api/imports/quarantine', query);
}
