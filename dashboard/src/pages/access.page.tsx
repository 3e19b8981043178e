import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState, ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { formatDate, formatDateTime } from '../lib/format';
import { useCan, useSession } from '../lib/session';

/** Users and roles, access requests waiting for a second person, and the quarterly access reviews. */
export default function AccessPage() {
  const me = useSession();
  const canApprove = useCan('access:approve');
  const canSeeUsers = useCan('users:read');
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);

  const pending = useQuery({
    queryKey: ['access-requests', 'list', 'pending'],
    queryFn: () => unwrap(api.GET('/api/access-requests', { params: { query: { status: 'pending' } } })),
  });
  const users = useQuery({
    queryKey: ['users', 'list'],
    queryFn: () => unwrap(api.GET('/api/users')),
    enabled: canSeeUsers,
  });
  const reviews = useQuery({
    queryKey: ['access-reviews', 'list'],
    queryFn: () => unwrap(api.GET('/api/access-reviews')),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      decision === 'approve'
        ? unwrap(api.POST('/api/access-requests/{id}/approve', { params: { path: { id } }, body: {} }))
        : unwrap(api.POST('/api/access-requests/{id}/reject', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: ['access-requests'] });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => setError(e),
  });

  return (
    <>
      <PageHeader
        title="Access control"
        description="Least privilege: more rights need a second person's approval; every change is in the journal."
      />
      {error ? <ErrorMessage error={error} /> : null}

      <section className="card">
        <h2>Pending approvals</h2>
        {pending.isPending ? <Loading /> : null}
        {pending.error ? <ErrorMessage error={pending.error} onRetry={() => void pending.refetch()} /> : null}
        {pending.data && pending.data.items.length === 0 ? (
          <EmptyState>Nothing waits for approval.</EmptyState>
        ) : null}
        {pending.data && pending.data.items.length > 0 ? (
          <DataTable
            label="Pending approvals"
            rows={pending.data.items}
            rowKey={(r) => r.id}
            columns={[
              { header: 'User', cell: (r) => <code>{r.userId}</code> },
              { header: 'Asks for', cell: (r) => r.level ?? r.role ?? '—' },
              { header: 'For', cell: (r) => (r.durationHours ? `${r.durationHours} h` : 'standing') },
              { header: 'Reason', cell: (r) => r.reason },
              { header: 'Requested by', cell: (r) => <code>{r.requestedBy}</code> },
              { header: 'Requested', cell: (r) => formatDateTime(r.createdAt) },
              {
                header: 'Decision',
                cell: (r) =>
                  canApprove && r.requestedBy !== me.actor.id && r.userId !== me.actor.id ? (
                    <span className="page-actions">
                      <button
                        type="button"
                        className="button button-primary"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}
                      >
                        Approve
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: r.id, decision: 'reject' })}
                      >
                        Reject
                      </button>
                    </span>
                  ) : (
                    <span className="muted">needs another approver</span>
                  ),
              },
            ]}
          />
        ) : null}
      </section>

      {canSeeUsers ? (
        <section className="card">
          <h2>Users and roles</h2>
          {users.isPending ? <Loading /> : null}
          {users.error ? <ErrorMessage error={users.error} onRetry={() => void users.refetch()} /> : null}
          {users.data ? (
            <DataTable
              label="Users and roles"
              rows={users.data.items}
              rowKey={(u) => u.id}
              columns={[
                { header: 'User', cell: (u) => <code>{u.id}</code> },
                { header: 'Level', cell: (u) => u.effectiveLevel },
                { header: 'Roles', cell: (u) => u.effectiveRoles.join(', ') || '—' },
                {
                  header: 'Time-bound grants',
                  cell: (u) =>
                    u.grants.length
                      ? u.grants
                          .map((g) => `${g.level ?? g.role} until ${formatDate(g.expiresAt)}`)
                          .join('; ')
                      : '—',
                },
                { header: 'Last sign-in', cell: (u) => formatDateTime(u.lastLoginAt) },
                {
                  header: 'State',
                  cell: (u) => (
                    <StatusBadge status={u.disabled ? 'disabled' : u.dormant ? 'dormant' : 'active'} />
                  ),
                },
                { header: 'Second factor', cell: (u) => (u.twoFactor ? 'TOTP' : '—') },
              ]}
            />
          ) : null}
        </section>
      ) : null}

      <section className="card">
        <h2>Access reviews</h2>
        {reviews.isPending ? <Loading /> : null}
        {reviews.error ? <ErrorMessage error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
        {reviews.data && reviews.data.items.length === 0 ? (
          <EmptyState>No review yet: the service opens one each quarter.</EmptyState>
        ) : null}
        {reviews.data && reviews.data.items.length > 0 ? (
          <DataTable
            label="Access reviews"
            rows={reviews.data.items}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Quarter', cell: (r) => r.period },
              { header: 'Status', cell: (r) => <StatusBadge status={r.overdue ? 'overdue' : r.status} /> },
              { header: 'Undecided', cell: (r) => r.pending, numeric: true },
              { header: 'Due', cell: (r) => formatDate(r.dueAt) },
              { header: 'Completed', cell: (r) => formatDate(r.completedAt) },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}
