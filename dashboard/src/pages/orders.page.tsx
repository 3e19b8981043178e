import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { OrderSummary } from '../api/types';
import { type Column, DataTable, Facts } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { QueryDrawer } from '../components/drawer';
import { PageHeader, StatusBadge } from '../components/states';
import { countryName, formatDateTime, formatDateTimeShort, formatMoney } from '../lib/format';
import { Link, setSearch, useLocation } from '../lib/router';

const PAGE_SIZE = 50;

function OrderDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['orders', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/orders/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryDrawer query={q} title={(o) => (o ? `Order ${o.externalId}` : 'Order')} onClose={onClose}>
      {(o) => (
        <>
          <Facts
            items={[
              ['Platform', o.platform],
              ['Status', <StatusBadge key="s" status={o.status} />],
              ['Ordered', formatDateTime(o.orderedAt)],
              ['Paid', formatDateTime(o.paidAt)],
              ['Payment method', o.paymentMethod ?? '—'],
              ['Ship to', countryName(o.shipToCountry)],
              ['Subtotal', formatMoney(o.subtotal, o.currency)],
              ['Shipping', formatMoney(o.shipping, o.currency)],
              ['Tax', formatMoney(o.tax, o.currency)],
              ['Total', <strong key="t">{formatMoney(o.total, o.currency)}</strong>],
              ['Crossgate id', <code key="id">{o.id}</code>],
            ]}
          />
          <h3>Lines</h3>
          <DataTable
            label={`Lines of order ${o.externalId}`}
            rowKey={(l) => String(l.lineNo)}
            rows={o.lines}
            columns={[
              { header: '#', cell: (l) => l.lineNo, numeric: true },
              { header: 'SKU', cell: (l) => <code>{l.sku}</code> },
              { header: 'Title', cell: (l) => l.title },
              { header: 'Qty', cell: (l) => l.quantity, numeric: true },
              { header: 'Unit price', cell: (l) => formatMoney(l.unitPrice, o.currency), numeric: true },
              { header: 'Total', cell: (l) => formatMoney(l.total, o.currency), numeric: true },
            ]}
          />
        </>
      )}
    </QueryDrawer>
  );
}

const COLUMNS: Array<Column<OrderSummary>> = [
  {
    header: 'Order',
    cell: (o) => (
      <Link to={`/orders?${withParam('id', o.id)}`} className="row-link">
        {o.externalId}
      </Link>
    ),
  },
  { header: 'Platform', cell: (o) => o.platform },
  { header: 'Ordered (UTC)', cell: (o) => formatDateTimeShort(o.orderedAt) },
  { header: 'Destination', cell: (o) => countryName(o.shipToCountry) },
  { header: 'Lines', cell: (o) => o.lineCount, numeric: true },
  { header: 'Total', cell: (o) => formatMoney(o.total, o.currency), numeric: true },
  { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
];

/** The current query string with one parameter set (keeps the filters when opening a detail). */
function withParam(key: string, value: string): string {
  const p = new URLSearchParams(window.location.search);
  p.set(key, value);
  return p.toString();
}

export default function OrdersPage() {
  const { search } = useLocation();
  const platform = search.get('platform') ?? '';
  const country = search.get('country') ?? '';
  const selected = search.get('id');

  const [platformInput, setPlatformInput] = useState(platform);
  const [countryInput, setCountryInput] = useState(country);
  const [countryError, setCountryError] = useState<string | null>(null);
  useEffect(() => {
    setPlatformInput(platform);
    setCountryInput(country);
  }, [platform, country]);

  const list = useCursorList(['orders', 'list', { platform, country }], (cursor) =>
    unwrap(
      api.GET('/api/orders', {
        params: {
          query: {
            limit: PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
            ...(platform ? { platform } : {}),
            ...(country ? { country } : {}),
          },
        },
      }),
    ),
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const c = countryInput.trim().toUpperCase();
    if (c && !/^[A-Z]{2}$/.test(c)) {
      setCountryError('Use a two-letter country code, e.g. DE or US.');
      return;
    }
    setCountryError(null);
    setSearch({ platform: platformInput.trim() || undefined, country: c || undefined, id: undefined });
  };
  const clear = () => {
    setCountryError(null);
    setSearch({ platform: undefined, country: undefined, id: undefined });
  };
  const close = useCallback(() => setSearch({ id: undefined }), []);
  const filtered = Boolean(platform || country);

  return (
    <>
      <PageHeader
        title="Orders"
        description="Orders imported from sales platforms, in the order they arrived."
      />
      <form className="filters" onSubmit={apply} aria-label="Filter orders">
        <label className="field field-inline">
          <span>Platform</span>
          <input
            value={platformInput}
            onChange={(e) => setPlatformInput(e.target.value)}
            placeholder="e.g. shopify"
          />
        </label>
        <label className="field field-inline">
          <span>Destination country</span>
          <input
            value={countryInput}
            onChange={(e) => setCountryInput(e.target.value)}
            placeholder="e.g. DE"
            maxLength={2}
            className="input-code"
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? 'country-error' : undefined}
          />
        </label>
        <button type="submit" className="button">
          Apply filters
        </button>
        {filtered ? (
          <button type="button" className="button button-quiet" onClick={clear}>
            Clear
          </button>
        ) : null}
        {countryError ? (
          <span className="field-error" id="country-error" role="alert">
            {countryError}
          </span>
        ) : null}
      </form>
      <PagedTable
        list={list}
        label="Orders"
        noun="orders"
        columns={COLUMNS}
        rowKey={(o) => o.id}
        selectedKey={selected}
        empty={filtered ? 'No orders match these filters.' : 'No orders yet.'}
      />
      {selected ? <OrderDrawer id={selected} onClose={close} /> : null}
    </>
  );
}
