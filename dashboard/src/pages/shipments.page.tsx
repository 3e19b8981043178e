import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { ShipmentSummary } from '../api/types';
import { type Column, DataTable, Facts } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { QueryDrawer } from '../components/drawer';
import { EmptyState, PageHeader, StatusBadge } from '../components/states';
import { countryName, formatDate, formatDateTime, formatNumber, humanize } from '../lib/format';
import { Link, setSearch, useLocation } from '../lib/router';
import { useCan } from '../lib/session';

const PAGE_SIZE = 50;
/** The transport modes of the canonical shipment record (src/modules/core/core.tables.ts). */
const MODES = ['air', 'ocean', 'road', 'rail', 'postal', 'express'] as const;

function route(s: {
  originCountry: string;
  destinationCountry: string;
  originPort: string | null;
  destinationPort: string | null;
}) {
  const from = s.originPort ? `${s.originPort} (${s.originCountry})` : s.originCountry;
  const to = s.destinationPort ? `${s.destinationPort} (${s.destinationCountry})` : s.destinationCountry;
  return `${from} → ${to}`;
}

function ShipmentDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const canOrders = useCan('orders:read');
  const q = useQuery({
    queryKey: ['shipments', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/shipments/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryDrawer query={q} title={(s) => (s ? `Shipment ${s.reference}` : 'Shipment')} onClose={onClose}>
      {(s) => (
        <>
          <Facts
            items={[
              ['Mode', humanize(s.mode)],
              ['Status', <StatusBadge key="s" status={s.status} />],
              ['Carrier', s.carrier ?? '—'],
              ['Tracking number', s.trackingNumber ?? '—'],
              ['From', `${countryName(s.originCountry)}${s.originPort ? `, ${s.originPort}` : ''}`],
              [
                'To',
                `${countryName(s.destinationCountry)}${s.destinationPort ? `, ${s.destinationPort}` : ''}`,
              ],
              ['ETD / ATD', `${formatDateTime(s.etd)} / ${formatDateTime(s.atd)}`],
              ['ETA / ATA', `${formatDateTime(s.eta)} / ${formatDateTime(s.ata)}`],
              ['Gross weight', s.grossWeightKg ? `${s.grossWeightKg} kg` : '—'],
              ['Packages', formatNumber(s.packageCount)],
              ['Crossgate id', <code key="id">{s.id}</code>],
            ]}
          />
          <h3>Lines</h3>
          {s.lines.length === 0 ? (
            <EmptyState>This shipment has no lines.</EmptyState>
          ) : (
            <DataTable
              label={`Lines of shipment ${s.reference}`}
              rowKey={(l) => String(l.lineNo)}
              rows={s.lines}
              columns={[
                { header: '#', cell: (l) => l.lineNo, numeric: true },
                { header: 'SKU', cell: (l) => <code>{l.sku}</code> },
                { header: 'Qty', cell: (l) => l.quantity, numeric: true },
                {
                  header: 'Order',
                  cell: (l) =>
                    l.orderId && canOrders ? (
                      <Link to={`/orders?id=${encodeURIComponent(l.orderId)}`}>
                        {l.orderExternalId ?? l.orderId}
                      </Link>
                    ) : (
                      (l.orderExternalId ?? '—')
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </QueryDrawer>
  );
}

const COLUMNS: Array<Column<ShipmentSummary>> = [
  {
    header: 'Reference',
    cell: (s) => {
      const p = new URLSearchParams(window.location.search);
      p.set('id', s.id);
      return (
        <Link to={`/shipments?${p}`} className="row-link">
          {s.reference}
        </Link>
      );
    },
  },
  { header: 'Mode', cell: (s) => humanize(s.mode) },
  { header: 'Carrier', cell: (s) => s.carrier ?? '—' },
  { header: 'Route', cell: route },
  { header: 'ETD', cell: (s) => formatDate(s.etd) },
  { header: 'ETA', cell: (s) => formatDate(s.eta) },
  { header: 'Lines', cell: (s) => s.lineCount, numeric: true },
  { header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
];

export default function ShipmentsPage() {
  const { search } = useLocation();
  const mode = search.get('mode') ?? '';
  const selected = search.get('id');
  const list = useCursorList(['shipments', 'list', { mode }], (cursor) =>
    unwrap(
      api.GET('/api/shipments', {
        params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(mode ? { mode } : {}) } },
      }),
    ),
  );
  const close = useCallback(() => setSearch({ id: undefined }), []);

  return (
    <>
      <PageHeader
        title="Shipments"
        description="Consignments and their transport, in the order they were recorded."
      />
      <div className="filters">
        <label className="field field-inline">
          <span>Mode</span>
          <select
            value={mode}
            onChange={(e) => setSearch({ mode: e.target.value || undefined, id: undefined })}
          >
            <option value="">All modes</option>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {humanize(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedTable
        list={list}
        label="Shipments"
        noun="shipments"
        columns={COLUMNS}
        rowKey={(s) => s.id}
        selectedKey={selected}
        empty={mode ? `No ${mode} shipments.` : 'No shipments yet.'}
      />
      {selected ? <ShipmentDrawer id={selected} onClose={close} /> : null}
    </>
  );
}
