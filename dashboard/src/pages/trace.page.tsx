import { useCallback, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { type Column, Facts } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { QueryDrawer } from '../components/drawer';
import { ErrorMessage, Loading, PageHeader, StatusBadge } from '../components/states';
import { countryName, formatDateTime, humanize } from '../lib/format';
import { Link, setSearch, useLocation } from '../lib/router';
import { useCan } from '../lib/session';

type Summary =
  paths['/api/trace/shipments']['get']['responses'][200]['content']['application/json']['items'][number];
type Trace = paths['/api/trace/shipments/{shipment}']['get']['responses'][200]['content']['application/json'];
type LinkResult = Trace['completeness']['links'][number];
type TraceEvent = Trace['events'][number];

const PAGE_SIZE = 50;
const LINK_TONE: Record<string, string> = {
  present: 'ok',
  late: 'warn',
  contradictory: 'bad',
  missing: 'bad',
  not_applicable: 'neutral',
};
const LEVEL_TONE: Record<string, string> = { complete: 'ok', partial: 'warn', insufficient: 'bad' };

function LinkBadge({ status }: { status: string }) {
  return <span className={`badge badge-${LINK_TONE[status] ?? 'neutral'}`}>{humanize(status)}</span>;
}

function Score({ score, level }: { score: number; level: string }) {
  return (
    <span className="trace-score">
      <strong>{score.toFixed(1)}</strong>{' '}
      <span className={`badge badge-${LEVEL_TONE[level] ?? 'neutral'}`}>{level}</span>
    </span>
  );
}

function place(e: TraceEvent): string {
  return [countryName(e.country), e.location, e.facility].filter(Boolean).join(', ');
}

/** The latest signed tree head of the organisation's journal. */
function JournalHead() {
  const q = useQuery({
    queryKey: ['journal', 'head'],
    queryFn: () => unwrap(api.GET('/api/journal/heads/latest')),
    retry: false,
  });
  return (
    <section className="card trace-head" aria-label="Journal signed tree head">
      <h2>Journal: current signed tree head</h2>
      {q.isPending ? <Loading /> : null}
      {q.error ? <ErrorMessage error={q.error} /> : null}
      {q.data ? (
        <Facts
          items={[
            ['Entries', q.data.treeSize.toLocaleString('en')],
            ['Root hash', <code key="r">{q.data.rootHash}</code>],
            ['Signed at', formatDateTime(q.data.signedAt)],
            ['Signing key (Ed25519)', <code key="k">{q.data.keyId}</code>],
            ['Log', <code key="o">{q.data.origin}</code>],
          ]}
        />
      ) : null}
    </section>
  );
}

/** One shipment's chain of custody on a timeline: the 12 links in order, with their events. */
function ChainDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['trace', 'detail', id],
    queryFn: () =>
      unwrap(
        api.GET('/api/trace/shipments/{shipment}', {
          params: { path: { shipment: id }, query: { proofs: 'true' } },
        }),
      ),
  });
  const [dossier, setDossier] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/trace/shipments/{shipment}/dossiers', { params: { path: { shipment: id } } })),
    onSuccess: (d) => setDossier(d.id),
  });
  return (
    <QueryDrawer
      query={q}
      title={(t) => (t ? `Chain of custody: ${t.shipment.reference}` : 'Chain of custody')}
      onClose={onClose}
    >
      {(t) => {
        const byId = new Map(t.events.map((e) => [e.id, e]));
        return (
          <>
            <Facts
              items={[
                ['Completeness', <Score key="s" score={t.completeness.score} level={t.completeness.level} />],
                [
                  'Route',
                  `${countryName(t.shipment.originCountry)} → ${countryName(t.shipment.destinationCountry)}`,
                ],
                ['Mode', humanize(t.shipment.mode)],
                ['Status', <StatusBadge key="st" status={t.shipment.status} />],
                [
                  'Proofs',
                  t.proofs
                    ? `${t.proofs.entries.length} events proven in the journal (tree size ${t.proofs.checkpoint.text.split('\n')[1]})`
                    : 'no events recorded',
                ],
                ['Rules', <code key="v">{t.completeness.rulesVersion}</code>],
              ]}
            />
            <h3>Timeline</h3>
            <ol className="trace-timeline" aria-label={`Chain of custody of ${t.shipment.reference}`}>
              {t.completeness.links.map((l: LinkResult) => (
                <li key={l.code} className={`trace-link trace-link-${l.status}`}>
                  <div className="trace-link-head">
                    <span className="trace-link-order">{l.order}</span>
                    <strong>{l.label}</strong> <LinkBadge status={l.status} />
                  </div>
                  {l.eventIds.map((eid) => {
                    const e = byId.get(eid);
                    return e ? (
                      <div key={eid} className="trace-event">
                        <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time> · {place(e)}
                        {e.batch ? ` · batch ${e.batch}` : ''}
                        {e.leg ? ` · leg ${e.leg}` : ''}
                        {e.carrier ? ` · ${e.carrier}` : ''}
                      </div>
                    ) : null;
                  })}
                  {l.status !== 'present' ? (
                    <div className="trace-reasons muted">{l.reasons.join('; ')}</div>
                  ) : null}
                </li>
              ))}
            </ol>
            <div className="trace-actions">
              <button
                type="button"
                className="button"
                disabled={issue.isPending}
                onClick={() => issue.mutate()}
              >
                {issue.isPending ? 'Issuing…' : 'Issue traceability dossier'}
              </button>
              {issue.error ? <ErrorMessage error={issue.error} /> : null}
              {dossier ? (
                <span>
                  {' '}
                  <a href={`/api/trace/dossiers/${dossier}?format=pdf`}>PDF</a> ·{' '}
                  <a href={`/api/trace/dossiers/${dossier}?format=json`}>JSON with proofs</a>
                </span>
              ) : null}
            </div>
          </>
        );
      }}
    </QueryDrawer>
  );
}

const COLUMNS: Array<Column<Summary>> = [
  {
    header: 'Shipment',
    cell: (s) => {
      const p = new URLSearchParams(window.location.search);
      p.set('id', s.id);
      return (
        <Link to={`/traceability?${p}`} className="row-link">
          {s.reference}
        </Link>
      );
    },
  },
  { header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
  { header: 'Completeness', cell: (s) => <Score score={s.score} level={s.level} /> },
  {
    header: 'Missing links',
    cell: (s) => (s.missing.length ? s.missing.map(humanize).join(', ') : '—'),
  },
];

export default function TracePage() {
  const { search } = useLocation();
  const selected = search.get('id');
  const canJournal = useCan('journal:read');
  const list = useCursorList(['trace', 'list'], (cursor) =>
    unwrap(
      api.GET('/api/trace/shipments', {
        params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const close = useCallback(() => setSearch({ id: undefined }), []);
  return (
    <>
      <PageHeader
        title="Traceability"
        description="Each shipment's chain of custody from raw material to last mile, how complete it is, and the journal that proves it."
      />
      {canJournal ? <JournalHead /> : null}
      <PagedTable
        list={list}
        label="Shipments by traceability completeness"
        noun="shipments"
        columns={COLUMNS}
        rowKey={(s) => s.id}
        selectedKey={selected}
        empty="No shipments yet."
      />
      {selected ? <ChainDrawer id={selected} onClose={close} /> : null}
    </>
  );
}
