import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { humanize } from '../lib/format';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** An error from a query, with the problem+json `detail` when the service sent one. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const detail =
    error instanceof ApiError
      ? error.status === 403
        ? 'You do not have access to this information.'
        : (error.problem.detail ?? error.message)
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  return (
    <div className="state state-error" role="alert">
      <p>{detail}</p>
      {requestId ? <p className="muted small">Request id: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'info' | 'neutral'> = {
  paid: 'ok',
  delivered: 'ok',
  arrived: 'ok',
  completed: 'ok',
  succeeded: 'ok',
  cleared: 'ok',
  in_transit: 'info',
  shipped: 'info',
  running: 'info',
  planned: 'neutral',
  pending: 'neutral',
  held: 'warn',
  partial: 'warn',
  refunded: 'warn',
  completed_with_quarantine: 'warn',
  cancelled: 'bad',
  failed: 'bad',
  rejected: 'bad',
  allowed: 'ok',
  active: 'ok',
  denied: 'bad',
  overdue: 'bad',
  disabled: 'bad',
  dormant: 'warn',
  open: 'info',
};

/** A status word as a coloured pill (colour is a hint only; the text carries the meaning). */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? 'neutral';
  return <span className={`badge badge-${tone}`}>{humanize(status)}</span>;
}
