import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Candidate, Classification, Review } from '../api/types';
import { type Column, Facts } from '../components/data-table';
import { PagedTable, useCursorList } from '../components/paged-table';
import { QueryDrawer } from '../components/drawer';
import { EmptyState, ErrorMessage, PageHeader, StatusBadge } from '../components/states';
import { formatDateTime, formatDateTimeShort, formatPercent } from '../lib/format';
import { useCan } from '../lib/session';
import { Link, setSearch, useLocation } from '../lib/router';

const PAGE_SIZE = 50;

function Confidence({ value }: { value: number }) {
  return (
    <span title={`Confidence ${formatPercent(value, 1)}`}>
      <span className="classify-confidence" aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      {formatPercent(value)}
    </span>
  );
}

/** One ranked code with its evidence: the tariff text down the hierarchy, matched terms, rules, neighbours. */
function CandidateCard({ c, rank, onUse }: { c: Candidate; rank: number; onUse?: (code: string) => void }) {
  const e = c.evidence;
  return (
    <article className="classify-candidate" aria-label={`Candidate ${rank}: ${c.formatted}`}>
      <header>
        <strong>
          {rank}. <code>{c.formatted}</code>
        </strong>
        <span>
          <Confidence value={c.confidence} />
          {onUse ? (
            <button type="button" className="button button-quiet" onClick={() => onUse(c.code)}>
              Use {c.formatted}
            </button>
          ) : null}
        </span>
      </header>
      <ol className="classify-path" aria-label={`Tariff text of ${c.formatted}`}>
        {c.tariffText
          .map((t, depth) => ({ t, depth, key: c.tariffText.slice(0, depth + 1).join(' › ') }))
          .map(({ t, depth, key }) => (
            <li key={key} style={{ marginLeft: `${depth * 12}px` }}>
              {t}
            </li>
          ))}
      </ol>
      <dl className="classify-evidence small">
        <dt>Duty</dt>
        <dd>
          General rate {c.generalRate || '—'}
          {c.units.length ? ` · units ${c.units.join(', ')}` : ''}
        </dd>
        <dt>Matched terms</dt>
        <dd>{e.matchedTerms.length ? e.matchedTerms.join(', ') : 'none'}</dd>
        <dt>Rules that fired</dt>
        <dd>
          {e.rules.length
            ? e.rules.map((r) => (
                <div key={r.id}>
                  <code>{r.id}</code> {r.description}{' '}
                  <span className="muted">
                    ({r.basis}; {r.boost >= 0 ? '+' : ''}
                    {r.boost.toFixed(2)})
                  </span>
                </div>
              ))
            : 'none'}
        </dd>
        <dt>Similar confirmed items</dt>
        <dd>
          {e.neighbours.length
            ? e.neighbours.map((n) => (
                <div key={n.id}>
                  “{n.text}” → <code>{n.code}</code>{' '}
                  <span className="muted">
                    ({n.source}, similarity {formatPercent(n.similarity)})
                  </span>
                </div>
              ))
            : 'none'}
        </dd>
        <dt>Score components</dt>
        <dd className="muted">
          text {e.components.lexical.toFixed(2)} · heading {e.components.heading.toFixed(2)} · neighbours{' '}
          {e.components.neighbours.toFixed(2)} · rules {e.components.rules.toFixed(2)}
        </dd>
      </dl>
    </article>
  );
}

function DecisionForm({
  review,
  code,
  setCode,
}: {
  review: Review;
  code: string;
  setCode: (c: string) => void;
}) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (body: { action: 'accept' | 'override'; code?: string; reason?: string }) =>
      unwrap(api.POST('/api/classify/reviews/{id}/decision', { params: { path: { id: review.id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['classification'] }),
  });
  const override = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ action: 'override', code: code.trim(), reason: reason.trim() });
  };
  return (
    <section aria-labelledby="classify-decide">
      <h3 id="classify-decide">Decision</h3>
      {review.topCode ? (
        <button
          type="button"
          className="button button-primary"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ action: 'accept' })}
        >
          Accept {review.suggestions[0]?.formatted ?? review.topCode}
        </button>
      ) : null}
      <form className="classify-form" onSubmit={override} aria-label="Override the classification">
        <label className="field">
          <span>Code</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="e.g. 9405.21.00" />
        </label>
        <label className="field">
          <span>Reason</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
        </label>
        <button type="submit" className="button" disabled={decide.isPending}>
          Override
        </button>
      </form>
      {decide.error ? <ErrorMessage error={decide.error} /> : null}
    </section>
  );
}

function ReviewDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const canDecide = useCan('classification:review');
  const [code, setCode] = useState('');
  const q = useQuery({
    queryKey: ['classification', 'review', id],
    queryFn: () => unwrap(api.GET('/api/classify/reviews/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryDrawer query={q} title={(r) => (r ? r.input.title : 'Review')} onClose={onClose}>
      {(r) => (
        <>
          <Facts
            items={[
              ['Status', <StatusBadge key="s" status={r.status} />],
              ['Product', r.input.title],
              ['Description', r.input.description ?? '—'],
              ['Category', r.input.categoryPath?.join(' › ') ?? '—'],
              [
                'Attributes',
                r.input.attributes
                  ? Object.entries(r.input.attributes)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(' · ')
                  : '—',
              ],
              ['Queued', formatDateTime(r.createdAt)],
              ['Ruleset', <code key="v">{r.rulesetVersion}</code>],
              ...(r.decidedCode
                ? ([
                    ['Decided code', <code key="c">{r.decidedCode}</code>],
                    ['Decided', `${formatDateTime(r.decidedAt)} by ${r.decidedBy ?? '—'}`],
                    ['Reason', r.reason ?? '—'],
                  ] as Array<[string, ReactNode]>)
                : []),
            ]}
          />
          {canDecide && r.status === 'pending' ? (
            <DecisionForm review={r} code={code} setCode={setCode} />
          ) : null}
          <h3>Ranked codes</h3>
          {r.suggestions.length === 0 ? <EmptyState>No candidate code.</EmptyState> : null}
          {r.suggestions.map((c, i) => (
            <CandidateCard
              key={c.code}
              c={c}
              rank={i + 1}
              {...(canDecide && r.status === 'pending' ? { onUse: setCode } : {})}
            />
          ))}
        </>
      )}
    </QueryDrawer>
  );
}

/** Title + optional attributes → ranked codes with evidence (POST /api/classify, nothing is stored). */
function ClassifyBox() {
  const [title, setTitle] = useState('');
  const [attributes, setAttributes] = useState('');
  const [attrError, setAttrError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (body: { title: string; attributes?: Record<string, string> }): Promise<Classification> =>
      unwrap(api.POST('/api/classify', { params: { query: { k: 5, queue: 'false' } }, body })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const attrs: Record<string, string> = {};
    for (const line of attributes
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const at = line.indexOf(':');
      if (at < 1) {
        setAttrError(`Write attributes as "name: value", one per line ("${line}" has no colon).`);
        return;
      }
      attrs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    setAttrError(null);
    run.mutate({ title: title.trim(), ...(Object.keys(attrs).length ? { attributes: attrs } : {}) });
  };
  return (
    <section className="section card" aria-labelledby="classify-box">
      <h2 id="classify-box">Classify a product</h2>
      <form className="classify-form" onSubmit={submit} aria-label="Classify a product">
        <label className="field">
          <span>Product title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} size={40} required />
        </label>
        <label className="field">
          <span>Attributes (optional, one "name: value" per line)</span>
          <textarea value={attributes} onChange={(e) => setAttributes(e.target.value)} rows={2} />
        </label>
        <button type="submit" className="button button-primary" disabled={run.isPending || !title.trim()}>
          Classify
        </button>
      </form>
      {attrError ? (
        <p className="form-error" role="alert">
          {attrError}
        </p>
      ) : null}
      {run.error ? <ErrorMessage error={run.error} /> : null}
      {run.data ? (
        <section aria-label="Classification result">
          <p className="muted small">
            Tariff {run.data.revision.label} · ruleset {run.data.rulesetVersion}
            {run.data.needsReview ? ' · below the confidence threshold: a reviewer should confirm' : ''}
          </p>
          {run.data.candidates.length === 0 ? <EmptyState>No candidate code.</EmptyState> : null}
          {run.data.candidates.map((c, i) => (
            <CandidateCard key={c.code} c={c} rank={i + 1} />
          ))}
        </section>
      ) : null}
    </section>
  );
}

const COLUMNS: Array<Column<Review>> = [
  {
    header: 'Product',
    cell: (r) => (
      <Link to={`/classification?id=${encodeURIComponent(r.id)}`} className="row-link">
        {r.input.title}
      </Link>
    ),
  },
  { header: 'Top code', cell: (r) => (r.suggestions[0] ? <code>{r.suggestions[0].formatted}</code> : '—') },
  { header: 'Confidence', cell: (r) => <Confidence value={r.confidence} /> },
  { header: 'Candidates', cell: (r) => r.suggestions.length, numeric: true },
  { header: 'Queued (UTC)', cell: (r) => formatDateTimeShort(r.createdAt) },
];

export default function ClassificationPage() {
  const { search } = useLocation();
  const selected = search.get('id');
  const close = useCallback(() => setSearch({ id: undefined }), []);
  const list = useCursorList(['classification', 'reviews', 'pending'], (cursor) =>
    unwrap(
      api.GET('/api/classify/reviews', {
        params: { query: { limit: PAGE_SIZE, status: 'pending', ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  return (
    <>
      <PageHeader
        title="Classification review"
        description="Products whose tariff code the classifier was not sure of: check the evidence, accept the suggestion or override it."
      />
      <section className="section" aria-labelledby="classify-queue">
        <h2 id="classify-queue">Pending reviews</h2>
        <PagedTable
          list={list}
          label="Pending reviews"
          noun="reviews"
          columns={COLUMNS}
          rowKey={(r) => r.id}
          selectedKey={selected}
          empty="Nothing to review."
        />
      </section>
      <ClassifyBox />
      {selected ? <ReviewDrawer id={selected} onClose={close} /> : null}
    </>
  );
}
