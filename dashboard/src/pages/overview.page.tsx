import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, unwrap } from '../api/client';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../components/states';
import { countryName, formatDate, formatNumber, humanize } from '../lib/format';
import { Link } from '../lib/router';
import { fillDays } from '../lib/series';
import { useSession } from '../lib/session';

const ACCENT = '#1d4f91';
function Kpi({ label, value, to }: { label: string; value: number; to?: string }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{formatNumber(value)}</span>
      {to ? (
        <Link to={to} className="small">
          View {label.toLowerCase()}
        </Link>
      ) : null}
    </div>
  );
}

function ChartCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <figure className="card chart-card" aria-labelledby={id}>
      <figcaption id={id} className="card-title">
        {title}
      </figcaption>
      {children}
    </figure>
  );
}

export default function OverviewPage() {
  const me = useSession();
  const q = useQuery({ queryKey: ['overview'], queryFn: () => unwrap(api.GET('/api/overview')) });
  const canShipments = me.permissions.includes('shipments:read');

  if (q.isPending)
    return (
      <>
        <PageHeader title="Overview" />
        <Loading />
      </>
    );
  if (q.error)
    return (
      <>
        <PageHeader title="Overview" />
        <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
      </>
    );

  const o = q.data;
  const days = fillDays(o.ordersByDay, 'orders');
  const destinations = o.ordersByDestination
    .slice(0, 10)
    .map((d) => ({ ...d, name: countryName(d.country) }));
  const modes = o.shipmentsByMode.map((m) => ({ ...m, name: humanize(m.mode) }));
  const firstDay = days[0]?.day;
  const lastDay = days.at(-1)?.day;

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          firstDay && lastDay
            ? `${me.organisation.name}: orders from ${formatDate(firstDay)} to ${formatDate(lastDay)}`
            : me.organisation.name
        }
      />
      <section className="kpis" aria-label="Headline figures">
        <Kpi label="Orders" value={o.counts.orders} to="/orders" />
        <Kpi label="Shipments" value={o.counts.shipments} {...(canShipments ? { to: '/shipments' } : {})} />
        <Kpi label="Products" value={o.counts.products} />
        <Kpi label="Destinations" value={o.ordersByDestination.length} />
      </section>

      {o.counts.orders === 0 ? (
        <EmptyState>No orders yet. Import a sales-platform export to see activity here.</EmptyState>
      ) : (
        <div className="chart-grid">
          <ChartCard title="Orders per day" id="chart-orders-per-day">
            <div className="chart chart-wide">
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart data={days} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="#e5e7eb" vertical={false} />
                  <XAxis
                    dataKey="day"
                    tickFormatter={(d: string) => d.slice(5)}
                    tick={{ fontSize: 12, fill: '#4b5563' }}
                    minTickGap={24}
                  />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#4b5563' }} width={40} />
                  <Tooltip labelFormatter={(d) => formatDate(String(d))} />
                  <Area
                    type="linear"
                    dataKey="orders"
                    name="Orders"
                    stroke={ACCENT}
                    fill={ACCENT}
                    fillOpacity={0.12}
                    strokeWidth={2}
                    isAnimationActive={false}
                  />
                </AreaChart>
              </ResponsiveContainer>
            </div>
          </ChartCard>
          <ChartCard title="Orders by destination (top 10)" id="chart-destinations">
            <div className="chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={destinations}
                  layout="vertical"
                  margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
                >
                  <CartesianGrid stroke="#e5e7eb" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#4b5563' }} />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={120}
                    tick={{ fontSize: 12, fill: '#374151' }}
                  />
                  <Tooltip />
                  <Bar dataKey="orders" name="Orders" fill={ACCENT} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </ChartCard>
          <ChartCard title="Shipments by mode" id="chart-modes">
            {modes.length === 0 ? (
              <EmptyState>No shipments yet.</EmptyState>
            ) : (
              <div className="chart">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={modes} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
                    <CartesianGrid stroke="#e5e7eb" vertical={false} />
                    <XAxis dataKey="name" tick={{ fontSize: 12, fill: '#374151' }} />
                    <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#4b5563' }} width={40} />
                    <Tooltip />
                    <Bar dataKey="shipments" name="Shipments" fill="#3f7d5a" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )}
          </ChartCard>
        </div>
      )}
    </>
  );
}
