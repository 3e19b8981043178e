import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Deadline, FilingDetail, FilingSummary } from '../api/types';
import { type Column, DataTable, Facts } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { QueryDrawer } from '../components/drawer';
import { EmptyState, ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { formatDateTime, formatDateTimeShort, formatPercent, formatRelative, humanize } from '../lib/format';
import { Link, setSearch, useLocation } from '../lib/router';

const PAGE_SIZE = 50;

function filingLink(id: string, text: string) {
  return (
    <Link to={`/filings?id=${encodeURIComponent(id)}`} className="row-link">
      {text}
    </Link>
  );
}

/** A filing kind as customs people write it ("us_isf" → "US ISF"). */
const kindLabel = (kind: string) => kind.replaceAll('_', ' ').toUpperCase();

/** The shipment's own reference (loaded once per shipment, shared with the shipments page's cache). */
function ShipmentRef({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['shipments', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/shipments/{id}', { params: { path: { id } } })),
    retry: false,
    staleTime: 300_000,
  });
  return (
    <Link to={`/shipments?id=${encodeURIComponent(id)}`} className="row-link">
      {q.data?.reference ?? <code>{id}</code>}
    </Link>
  );
}

const deadlineColumns = (now: number): Array<Column<Deadline>> => [
  { header: 'Filing', cell: (d) => filingLink(d.filingId, kindLabel(d.kind)) },
  { header: 'Shipment', cell: (d) => <ShipmentRef id={d.shipmentId} /> },
  { header: 'Regime', cell: (d) => d.regime },
  { header: 'What is due', cell: (d) => d.label, className: 'wrap' },
  { header: 'Due (UTC)', cell: (d) => formatDateTimeShort(d.dueAt) },
  {
    header: 'Relative',
    cell: (d) => (
      <span className={d.hoursLeft < 0 ? 'text-bad' : 'text-warn'}>{formatRelative(d.dueAt, now)}</span>
    ),
  },
];

function FilingDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['filings', 'detail', id],
    queryFn: async () =>
      (await unwrap(api.GET('/api/filings/{id}', { params: { path: { id } } }))) as unknown as FilingDetail,
  });
  return (
    <QueryDrawer
      query={q}
      title={(f) => (f ? `${kindLabel(f.filing.kind)} ${f.filing.header.reference}` : 'Filing')}
      onClose={onClose}
    >
      {(f) => (
        <>
          <Facts
            items={[
              ['Status', <StatusBadge key="s" status={f.status} />],
              ['Regime', f.filing.regime],
              ['Shipment', f.filing.shipmentReference],
              ['Reference', <code key="r">{f.filing.header.reference}</code>],
              ['Entry number', f.filing.header.entryNumber ?? '—'],
              ['Version', String(f.version)],
              ['Rules', <code key="v">{f.filing.ruleVersion}</code>],
              ['Crossgate id', <code key="id">{f.id}</code>],
            ]}
          />
          <h3>Failed checks</h3>
          {f.checks.length === 0 ? (
            <EmptyState>Every checkpoint passes.</EmptyState>
          ) : (
            <DataTable
              label="Failed checks"
              rowKey={(c) => c.code}
              rows={f.checks}
              columns={[
                { header: 'Code', cell: (c) => <code>{c.code}</code> },
                { header: 'Severity', cell: (c) => <SeverityBadge severity={c.severity} /> },
                {
                  header: 'Problem and fix',
                  className: 'wrap',
                  cell: (c) => (
                    <>
                      <div>{c.message}</div>
                      {(c.findings ?? []).map((x) => (
                        <div key={`${x.field}:${x.detail}`} className="muted small">
                          <code>{x.field}</code>: {x.detail}
                        </div>
                      ))}
                      <div className="filings-fix">Fix: {c.fix}</div>
                    </>
                  ),
                },
              ]}
            />
          )}
          <h3>Deadlines</h3>
          <DataTable
            label="Deadline clocks"
            rowKey={(c) => c.id}
            rows={f.clocks}
            columns={[
              { header: 'What is due', cell: (c) => c.label, className: 'wrap' },
              { header: 'Due', cell: (c) => formatDateTime(c.dueAt) },
              { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
              { header: 'Rule', cell: (c) => <code>{c.rule}</code> },
            ]}
          />
          <h3>Status history</h3>
          <DataTable
            label="Status history"
            rowKey={(h) => `${h.at}:${h.to}`}
            rows={f.history}
            columns={[
              { header: 'When', cell: (h) => formatDateTime(h.at) },
              { header: 'From', cell: (h) => (h.from ? humanize(h.from) : '—') },
              { header: 'To', cell: (h) => <StatusBadge status={h.to} /> },
              { header: 'Reasons', cell: (h) => (h.reasons ?? []).join('; ') || '—', className: 'wrap' },
              { header: 'By', cell: (h) => h.actor },
            ]}
          />
          <h3>Decisions</h3>
          <DataTable
            label="Builder decisions"
            rowKey={(d) => `${d.rule}:${d.outcome}:${d.reason}`}
            rows={f.filing.decisions}
            columns={[
              { header: 'Rule', cell: (d) => <code>{d.rule}</code> },
              { header: 'Outcome', cell: (d) => d.outcome },
              { header: 'Why', cell: (d) => d.reason, className: 'wrap' },
            ]}
          />
        </>
      )}
    </QueryDrawer>
  );
}

function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge badge-${severity === 'error' ? 'bad' : 'warn'}`}>{humanize(severity)}</span>;
}

const FILING_COLUMNS: Array<Column<FilingSummary>> = [
  { header: 'Reference', cell: (f) => filingLink(f.id, f.reference) },
  { header: 'Kind', cell: (f) => kindLabel(f.kind) },
  { header: 'Shipment', cell: (f) => <ShipmentRef id={f.shipmentId} /> },
  { header: 'Regime', cell: (f) => f.regime },
  { header: 'Status', cell: (f) => <StatusBadge status={f.status} /> },
  { header: 'Errors', cell: (f) => f.errors ?? '—', numeric: true },
  { header: 'Warnings', cell: (f) => f.warnings ?? '—', numeric: true },
  { header: 'Updated (UTC)', cell: (f) => formatDateTimeShort(f.updatedAt) },
];

export default function FilingsPage() {
  const { search } = useLocation();
  const selected = search.get('id');
  const close = useCallback(() => setSearch({ id: undefined }), []);
  const board = useQuery({
    queryKey: ['filings', 'dashboard'],
    queryFn: () => unwrap(api.GET('/api/filings/dashboard')),
    refetchInterval: 60_000,
  });
  const list = useCursorList(['filings', 'list'], (cursor) =>
    unwrap(
      api.GET('/api/filings', { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const failing = { ...list, rows: list.rows.filter((f) => (f.errors ?? 0) > 0 || (f.warnings ?? 0) > 0) };
  const now = board.dataUpdatedAt || Date.now();
  const d = board.data;

  return (
    <>
      <PageHeader
        title="Filings"
        description="Customs deadlines that are overdue or due in the next 24 hours, on-time rates, and failing checkpoints."
      />
      {board.isPending ? <Loading /> : null}
      {board.error ? <ErrorMessage error={board.error} onRetry={() => void board.refetch()} /> : null}
      {d ? (
        <>
          <div className="kpis">
            <div className="kpi">
              <span className="kpi-label">Overdue</span>
              <span className="kpi-value">{d.overdue.length}</span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Due in 24 h</span>
              <span className="kpi-value">{d.dueNext24h.length}</span>
            </div>
            {Object.entries(d.filingsByStatus).map(([status, n]) => (
              <div className="kpi" key={status}>
                <span className="kpi-label">{humanize(status)}</span>
                <span className="kpi-value">{n}</span>
              </div>
            ))}
          </div>
          <section className="section" aria-labelledby="filings-overdue">
            <h2 id="filings-overdue">Overdue</h2>
            {d.overdue.length ? (
              <DataTable
                label="Overdue deadlines"
                rowKey={(x) => x.id}
                rows={d.overdue}
                columns={deadlineColumns(now)}
              />
            ) : (
              <EmptyState>Nothing is overdue.</EmptyState>
            )}
          </section>
          <section className="section" aria-labelledby="filings-due">
            <h2 id="filings-due">Due in the next 24 hours</h2>
            {d.dueNext24h.length ? (
              <DataTable
                label="Deadlines due in 24 hours"
                rowKey={(x) => x.id}
                rows={d.dueNext24h}
                columns={deadlineColumns(now)}
              />
            ) : (
              <EmptyState>Nothing is due in the next 24 hours.</EmptyState>
            )}
          </section>
          <section className="section" aria-labelledby="filings-timeliness">
            <h2 id="filings-timeliness">On-time rate per regime</h2>
            {d.timeliness.length ? (
              <DataTable
                label="On-time rate per regime"
                rowKey={(t) => t.regime}
                rows={d.timeliness}
                columns={[
                  { header: 'Regime', cell: (t) => t.regime },
                  { header: 'On time', cell: (t) => formatPercent(t.onTimeRate), numeric: true },
                  { header: 'Met', cell: (t) => t.met, numeric: true },
                  { header: 'Late', cell: (t) => t.late, numeric: true },
                  { header: 'Missed', cell: (t) => t.missed, numeric: true },
                  { header: 'Open', cell: (t) => t.open, numeric: true },
                ]}
              />
            ) : (
              <EmptyState>No deadline clocks yet.</EmptyState>
            )}
          </section>
          <section className="section" aria-labelledby="filings-checkpoints">
            <h2 id="filings-checkpoints">Failing checkpoints</h2>
            {d.failingCheckpoints.length ? (
              <DataTable
                label="Failing checkpoints"
                rowKey={(c) => c.code}
                rows={d.failingCheckpoints}
                columns={[
                  { header: 'Code', cell: (c) => <code>{c.code}</code> },
                  { header: 'Severity', cell: (c) => <SeverityBadge severity={c.severity} /> },
                  { header: 'Message', cell: (c) => c.message, className: 'wrap' },
                  { header: 'Fix', cell: (c) => c.fix, className: 'wrap' },
                  { header: 'Filings', cell: (c) => c.filings, numeric: true },
                ]}
              />
            ) : (
              <EmptyState>No checkpoint fails.</EmptyState>
            )}
          </section>
        </>
      ) : null}
      <section className="section" aria-labelledby="filings-failing">
        <h2 id="filings-failing">Filings with failing checkpoints</h2>
        <PagedTable
          list={failing}
          label="Filings with failing checkpoints"
          noun="filings"
          columns={FILING_COLUMNS}
          rowKey={(f) => f.id}
          selectedKey={selected}
          empty="No filing has a failing checkpoint among those loaded."
        />
      </section>
      {selected ? <FilingDrawer id={selected} onClose={close} /> : null}
    </>
  );
}
