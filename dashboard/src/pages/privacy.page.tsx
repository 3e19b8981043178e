import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState, ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { countryName, formatDate, formatDateTime, humanize } from '../lib/format';
import { useCan } from '../lib/session';

/** Cross-border transfer decisions and data-subject requests with their deadlines. */
export default function PrivacyPage() {
  const canDsr = useCan('privacy:dsr');
  const transfers = useQuery({
    queryKey: ['privacy-transfers', 'list'],
    queryFn: () => unwrap(api.GET('/api/privacy/transfers', { params: { query: {} } })),
  });
  const dsrs = useQuery({
    queryKey: ['privacy-dsr', 'list'],
    queryFn: () => unwrap(api.GET('/api/privacy/dsr', { params: { query: {} } })),
    enabled: canDsr,
  });

  return (
    <>
      <PageHeader
        title="Privacy"
        description="Where personal data may go and on what basis, and what data subjects asked for. Personal data itself is encrypted and not shown here."
      />
      {canDsr ? (
        <section className="card">
          <h2>Data-subject requests</h2>
          {dsrs.isPending ? <Loading /> : null}
          {dsrs.error ? <ErrorMessage error={dsrs.error} onRetry={() => void dsrs.refetch()} /> : null}
          {dsrs.data && dsrs.data.items.length === 0 ? <EmptyState>No requests.</EmptyState> : null}
          {dsrs.data && dsrs.data.items.length > 0 ? (
            <DataTable
              label="Data-subject requests"
              rows={dsrs.data.items}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Request', cell: (r) => <code>{r.id}</code> },
                { header: 'Kind', cell: (r) => humanize(r.kind) },
                { header: 'Regime', cell: (r) => r.regime.toUpperCase() },
                { header: 'Status', cell: (r) => <StatusBadge status={r.overdue ? 'overdue' : r.status} /> },
                { header: 'Received', cell: (r) => formatDate(r.receivedAt) },
                {
                  header: 'Due',
                  cell: (r) =>
                    r.daysLeft === null ? formatDate(r.dueAt) : `${formatDate(r.dueAt)} (${r.daysLeft} d)`,
                },
                { header: 'Held until', cell: (r) => formatDate(r.holdUntil) },
              ]}
            />
          ) : null}
        </section>
      ) : null}

      <section className="card">
        <h2>Transfer decisions</h2>
        {transfers.isPending ? <Loading /> : null}
        {transfers.error ? (
          <ErrorMessage error={transfers.error} onRetry={() => void transfers.refetch()} />
        ) : null}
        {transfers.data && transfers.data.items.length === 0 ? (
          <EmptyState>No transfer evaluated yet.</EmptyState>
        ) : null}
        {transfers.data && transfers.data.items.length > 0 ? (
          <DataTable
            label="Transfer decisions"
            rows={transfers.data.items}
            rowKey={(d) => d.id}
            columns={[
              { header: 'When', cell: (d) => formatDateTime(d.decidedAt) },
              { header: 'Data', cell: (d) => humanize(d.category) },
              { header: 'From', cell: (d) => countryName(d.from) },
              { header: 'To', cell: (d) => countryName(d.to) },
              { header: 'Purpose', cell: (d) => humanize(d.purpose) },
              { header: 'People', cell: (d) => d.volume ?? '—', numeric: true },
              {
                header: 'Decision',
                cell: (d) => <StatusBadge status={d.outcome === 'allow' ? 'allowed' : 'denied'} />,
              },
              { header: 'Basis', cell: (d) => (d.basis ? humanize(d.basis) : '—') },
              { header: 'Why', cell: (d) => d.explanation.join(' ') },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}
