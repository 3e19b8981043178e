import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState, ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { formatDate, formatNumber } from '../lib/format';

/** Customs transmission: the outbox, filings by acknowledgement status, dead letters and alerts. */
export default function CustomsPage() {
  const outbox = useQuery({
    queryKey: ['gateway', 'outbox'],
    queryFn: () => unwrap(api.GET('/api/gateway/outbox')),
    refetchInterval: 5000,
  });
  const filings = useQuery({
    queryKey: ['gateway', 'filings'],
    queryFn: () => unwrap(api.GET('/api/gateway/filings', { params: { query: { limit: 100 } } })),
    refetchInterval: 5000,
  });
  const o = outbox.data;
  return (
    <>
      <PageHeader
        title="Customs transmission"
        description="Filings on their way to the authorities, their acknowledgements, and what needs attention."
      />
      {outbox.isPending ? <Loading /> : null}
      {outbox.error ? <ErrorMessage error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {o ? (
        <section className="kpis" aria-label="Outbox">
          {(
            [
              ['Queued', o.queued],
              ['Awaiting acknowledgement', o.depth.transmitted ?? 0],
              ['Acknowledged', o.depth.done ?? 0],
              ['Dead letters', o.depth.dead ?? 0],
            ] as const
          ).map(([label, value]) => (
            <div className="kpi" key={label}>
              <span className="kpi-label">{label}</span>
              <span className="kpi-value">{formatNumber(value)}</span>
            </div>
          ))}
          <div className="kpi">
            <span className="kpi-label">Oldest unsent</span>
            <span className="kpi-value">
              {o.oldestUnsentAgeSeconds === null ? '—' : `${formatNumber(o.oldestUnsentAgeSeconds)} s`}
            </span>
          </div>
        </section>
      ) : null}
      {o && o.alerts.length > 0 ? (
        <section className="card">
          <h2>Alerts</h2>
          <DataTable
            label="Gateway alerts"
            rows={o.alerts}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Kind', cell: (a) => <StatusBadge status={a.kind} /> },
              { header: 'Message', cell: (a) => a.message },
              { header: 'Raised', cell: (a) => formatDate(a.at) },
            ]}
          />
        </section>
      ) : null}
      <section className="card">
        <h2>Filings</h2>
        {filings.isPending ? <Loading /> : null}
        {filings.error ? <ErrorMessage error={filings.error} onRetry={() => void filings.refetch()} /> : null}
        {filings.data && filings.data.filings.length === 0 ? (
          <EmptyState>No filing has been submitted yet.</EmptyState>
        ) : null}
        {filings.data && filings.data.filings.length > 0 ? (
          <>
            <p className="muted">
              {Object.entries(filings.data.counts)
                .map(([status, n]) => `${status.replaceAll('_', ' ')}: ${formatNumber(n)}`)
                .join(' · ')}
            </p>
            <DataTable
              label="Filings by transmission status"
              rows={filings.data.filings}
              rowKey={(f) => f.filingId}
              columns={[
                { header: 'Filing', cell: (f) => <code>{f.filingId}</code> },
                { header: 'Regime', cell: (f) => f.regime },
                { header: 'Status', cell: (f) => <StatusBadge status={f.status} /> },
                { header: 'Authority reference', cell: (f) => f.authorityRef ?? '—' },
                { header: 'Attempts', cell: (f) => formatNumber(f.attempts), numeric: true },
                {
                  header: 'Reasons',
                  cell: (f) =>
                    f.deadReason ?? (f.reasons.map((r) => `${r.code} ${r.text}`).join('; ') || '—'),
                },
              ]}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
