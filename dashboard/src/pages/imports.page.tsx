import { useInfiniteQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { type ImportRun, type QuarantinedRow, listImportRuns, listQuarantine } from '../api/imports';
import { type Column, DataTable, LoadMore } from '../components/data-table';
import { EmptyState, ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { formatDateTime, formatNumber, humanize } from '../lib/format';
import { Link, useLocation } from '../lib/router';

const PAGE_SIZE = 50;

function rawText(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

const RUN_COLUMNS: Array<Column<ImportRun>> = [
  {
    header: 'File',
    cell: (r) => (
      <Link to={`/imports?run=${encodeURIComponent(r.id)}`} className="row-link">
        {r.file}
      </Link>
    ),
  },
  { header: 'Kind', cell: (r) => humanize(r.kind) },
  { header: 'Format', cell: (r) => r.format },
  { header: 'Started', cell: (r) => formatDateTime(r.startedAt) },
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

  const runs = useInfiniteQuery({
    queryKey: ['imports', 'runs'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => listImportRuns({ limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const unavailable = runs.error instanceof ApiError && runs.error.status === 404;
  const rows = useInfiniteQuery({
    queryKey: ['imports', 'quarantine', runId ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => listQuarantine({ runId, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: runs.isSuccess,
  });

  const runList = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const rowList = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const selectedRun = runList.find((r) => r.id === runId);

  return (
    <>
      <PageHeader
        title="Import quarantine"
        description="Every imported row is accepted, unchanged or quarantined with its row number, field and reason."
      />
      {runs.isPending ? <Loading /> : null}
      {unavailable ? <Unavailable /> : null}
      {runs.error && !unavailable ? (
        <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      ) : null}
      {runs.data ? (
        <>
          <section aria-labelledby="runs-title" className="section">
            <h2 id="runs-title">Import runs</h2>
            {runList.length === 0 ? (
              <EmptyState>
                No imports yet. Run `crossgate import &lt;file&gt;` to bring in a platform export.
              </EmptyState>
            ) : (
              <>
                <DataTable
                  label="Import runs"
                  columns={RUN_COLUMNS}
                  rows={runList}
                  rowKey={(r) => r.id}
                  selectedKey={runId ?? null}
                />
                <LoadMore
                  shown={runList.length}
                  noun="runs"
                  hasMore={runs.hasNextPage}
                  loading={runs.isFetchingNextPage}
                  onMore={() => void runs.fetchNextPage()}
                />
              </>
            )}
          </section>
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
            {rows.isPending ? <Loading /> : null}
            {rows.error ? <ErrorMessage error={rows.error} onRetry={() => void rows.refetch()} /> : null}
            {rows.data && rowList.length === 0 ? <EmptyState>No quarantined rows.</EmptyState> : null}
            {rowList.length > 0 ? (
              <>
                <DataTable
                  label="Quarantined rows"
                  columns={ROW_COLUMNS}
                  rows={rowList}
                  rowKey={(q) => q.id}
                />
                <LoadMore
                  shown={rowList.length}
                  noun="rows"
                  hasMore={rows.hasNextPage}
                  loading={rows.isFetchingNextPage}
                  onMore={() => void rows.fetchNextPage()}
                />
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
