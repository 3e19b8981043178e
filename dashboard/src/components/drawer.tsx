import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorMessage, Loading } from './states';

/**
 * A side panel for a record's detail, opened from a table. It is a labelled dialog; Escape, the
 * Close button or a click on the backdrop closes it, and focus moves into it when it opens.
 */
export function Drawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    // Focus the panel, and give focus back to whatever opened it (the row link) when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [onClose]);
  return (
    <div className="drawer-root">
      <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <div
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={panel}
      >
        <header className="drawer-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="drawer-body">{children}</div>
      </div>
    </div>
  );
}

/**
 * A drawer for one record loaded by `query`: shows loading and error states, then `children(data)`.
 * `title` gets the data once loaded (and undefined before), e.g. `(o) => (o ? `Order ${o.externalId}` : 'Order')`.
 */
export function QueryDrawer<T>({
  query,
  title,
  onClose,
  children,
}: {
  query: UseQueryResult<T>;
  title: (data: T | undefined) => string;
  onClose: () => void;
  children: (data: T) => ReactNode;
}) {
  return (
    <Drawer title={title(query.data)} onClose={onClose}>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorMessage error={query.error} /> : null}
      {query.data !== undefined ? children(query.data) : null}
    </Drawer>
  );
}
