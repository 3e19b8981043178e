import { ApiError } from '../api/client';
import { type ImportRun, type QuarantinedRow, listImportRuns, listQuarantine } from '../api/imports';
import type { Column } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { PageHeader, StatusBadge } from '../components/states';
import { formatDateTimeShort, formatNumber, humanize } from '../lib/format';
import { Link, useLocation } from '../lib/router';

const PAGE_SIZE = 50;

function rawText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  return typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2);
}

const RUN_COLUMNS: Array<Column<ImportRun>> = [
  {
    header: 'File',
    cell: (r) => (
      <>
        <Link to={`/imports?run=${encodeURIComponent(r.id)}`} className="row-link truncate" title={r.file}>
          {r.file}
        </Link>
        <div className="muted small">
          {humanize(r.kind)} · {r.format}
        </div>
      </>
    ),
  },
  { header: 'Started (UTC)', cell: (r) => formatDateTimeShort(r.startedAt) },
  { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
  { header: 'Accepted', cell: (r) => formatNumber(r.accepted), numeric: true },
  { header: 'Unchanged', cell: (r) => formatNumber(r.unchanged), numeric: true },
  {
    header: 'Quarantined',
    cell: (r) => (
      <span className={r.quarantined > 0 ? 'text-warn' : undefined}>{formatNumber(r.quarantined)}</span>
    ),
    numeric: true,
  },
  {
    header: 'Rows/s',
    cell: (r) => (r.rowsPerSecond === null ? '—' : formatNumber(Math.round(r.rowsPerSecond))),
    numeric: true,
  },
];

const ROW_COLUMNS: Array<Column<QuarantinedRow>> = [
  { header: 'File', cell: (q) => q.file },
  { header: 'Row', cell: (q) => q.rowNumber, numeric: true },
  { header: 'Field', cell: (q) => (q.field ? <code>{q.field}</code> : '—') },
  { header: 'Reason', cell: (q) => q.reason, className: 'wrap' },
  {
    header: 'Raw',
    cell: (q) => {
      const text = rawText(q.raw);
      return text ? (
        <details>
          <summary>Show</summary>
          <pre className="raw">{text}</pre>
        </details>
      ) : (
        '—'
      );
    },
  },
];

function Unavailable() {
  return (
    <div className="state state-warn" role="status">
      <p>
        <strong>Import service unavailable.</strong> This Crossgate server does not offer the import API yet,
        so import runs and quarantined rows cannot be shown.
      </p>
    </div>
  );
}

export default function ImportsPage() {
  const { search } = useLocation();
  const runId = search.get('run') ?? undefined;

  const runs = useCursorList(['imports', 'runs'], (cursor) => listImportRuns({ limit: PAGE_SIZE, cursor }));
  const unavailable = runs.query.error instanceof ApiError && runs.query.error.status === 404;
  const rows = useCursorList(
    ['imports', 'quarantine', runId ?? null],
    (cursor) => listQuarantine({ runId, limit: PAGE_SIZE, cursor }),
    { enabled: runs.query.isSuccess },
  );
  const selectedRun = runs.rows.find((r) => r.id === runId);

  return (
    <>
      <PageHeader
        title="Import quarantine"
        description="Every imported row is accepted, unchanged or quarantined with its row number, field and reason."
      />
      {unavailable ? (
        <Unavailable />
      ) : (
        <>
          <section aria-labelledby="runs-title" className="section">
            <h2 id="runs-title">Import runs</h2>
            <PagedTable
              list={runs}
              label="Import runs"
              noun="runs"
              columns={RUN_COLUMNS}
              rowKey={(r) => r.id}
              selectedKey={runId ?? null}
              empty="No imports yet. Runs appear here as platform exports are imported."
            />
          </section>
          {runs.query.isSuccess ? (
            <section aria-labelledby="rows-title" className="section">
              <div className="section-header">
                <h2 id="rows-title">
                  Quarantined rows
                  {selectedRun ? ` of ${selectedRun.file}` : runId ? ' of the selected run' : ', all runs'}
                </h2>
                {runId ? (
                  <Link to="/imports" className="small">
                    Show all runs
                  </Link>
                ) : null}
              </div>
              <PagedTable
                list={rows}
                label="Quarantined rows"
                noun="rows"
                columns={runId ? ROW_COLUMNS.slice(1) : ROW_COLUMNS}
                rowKey={(q) => q.id}
                empty="No quarantined rows."
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
