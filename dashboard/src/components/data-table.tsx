import type { ReactNode } from 'react';

export interface Column<T> {
  /** Column header text (also the accessible column name). */
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-align numbers and amounts. */
  numeric?: boolean;
  className?: string;
}

/**
 * A plain accessible table: `label` names it for assistive tech (and for the browser tests:
 * `getByRole('table', { name: label })`).
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  selectedKey,
}: {
  label: string;
  columns: Array<Column<T>>;
  rows: T[];
  rowKey: (row: T) => string;
  selectedKey?: string | null;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <tr key={key} aria-selected={selectedKey === key ? true : undefined}>
                {columns.map((c) => (
                  <td
                    key={c.header}
                    className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined}
                  >
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "Showing 50 of many · Load more" under a cursor-paginated table. */
export function LoadMore({
  shown,
  noun,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  noun: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <div className="load-more">
      <span className="muted">
        Showing {shown} {noun}
        {hasMore ? '' : ' (all)'}
      </span>
      {hasMore ? (
        <button type="button" className="button" onClick={onMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}

/** A definition list of label/value pairs for detail panes. */
export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
