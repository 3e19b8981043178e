import type { AppContext } from '../../platform/context.ts';
import { unavailable } from '../../platform/errors.ts';
import { importRevision, revisionInForce } from './tariff.service.ts';
import { raiseImpactAlerts } from './tariff-impact.service.ts';

/** The USITC export service (current HTS as CSV). Overridden by CROSSGATE_TARIFF_SYNC_URL or the caller. */
export const DEFAULT_SYNC_URL =
  'https://hts.usitc.gov/reststop/exportList?from=0100&to=9999&format=CSV&styles=false';

/** Port for HTTP fetches (conditional GET). Production uses `httpFetcher`; tests point it at a local server. */
export interface Fetcher {
  get(
    url: string,
    headers: Record<string, string>,
  ): Promise<{
    status: number;
    headers: { etag?: string | null; lastModified?: string | null };
    body: Buffer;
  }>;
}

export const httpFetcher: Fetcher = {
  async get(url, headers) {
    const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(120_000) });
    const body = res.status === 200 ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
    return {
      status: res.status,
      headers: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') },
      body,
    };
  },
};

export interface SyncResult {
  url: string;
  outcome: 'not_modified' | 'imported' | 'unchanged_content';
  revisionId: string | null;
  alerts: number;
}

/**
 * One sync: a conditional GET (If-None-Match / If-Modified-Since from the last successful fetch); on 200
 * the file is imported as a new revision in force from today (atomic: one transaction), and every
 * organisation gets impact alerts against the revision that was in force before.
 */
export async function syncTariff(
  ctx: AppContext,
  opts: { url?: string; fetcher?: Fetcher; label?: string } = {},
): Promise<SyncResult> {
  const url = opts.url ?? DEFAULT_SYNC_URL;
  const fetcher = opts.fetcher ?? httpFetcher;
  const state = await ctx.db
    .selectFrom('tariff_sync_state')
    .selectAll()
    .where('url', '=', url)
    .executeTakeFirst();
  const headers: Record<string, string> = {};
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.last_modified) headers['if-modified-since'] = state.last_modified;
  let res: Awaited<ReturnType<Fetcher['get']>>;
  try {
    res = await fetcher.get(url, headers);
  } catch (err) {
    await saveState(
      ctx,
      url,
      state?.etag ?? null,
      state?.last_modified ?? null,
      `error: ${(err as Error).message}`,
      state?.revision_id ?? null,
    );
    throw unavailable(`Tariff source ${url} could not be reached: ${(err as Error).message}`);
  }
  if (res.status === 304) {
    await saveState(
      ctx,
      url,
      state?.etag ?? null,
      state?.last_modified ?? null,
      'not_modified',
      state?.revision_id ?? null,
    );
    return { url, outcome: 'not_modified', revisionId: state?.revision_id ?? null, alerts: 0 };
  }
  if (res.status !== 200) {
    await saveState(
      ctx,
      url,
      state?.etag ?? null,
      state?.last_modified ?? null,
      `http ${res.status}`,
      state?.revision_id ?? null,
    );
    throw unavailable(`Tariff source ${url} answered HTTP ${res.status}`);
  }
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const before = await revisionInForce(ctx, 'US-HTS', today);
  const { revision, created } = await importRevision(ctx, {
    content: res.body,
    label: opts.label ?? `sync ${today}`,
    validFrom: today,
    source: url,
    etag: res.headers.etag ?? null,
    lastModified: res.headers.lastModified ?? null,
  });
  await saveState(
    ctx,
    url,
    res.headers.etag ?? null,
    res.headers.lastModified ?? null,
    created ? 'imported' : 'unchanged_content',
    revision.id,
  );
  let alerts = 0;
  if (created && before && before.id !== revision.id) {
    const orgs = await ctx.db.selectFrom('organisations').select('id').execute();
    for (const o of orgs) alerts += (await raiseImpactAlerts(ctx, o.id, before.id, revision.id)).alerts;
  }
  return { url, outcome: created ? 'imported' : 'unchanged_content', revisionId: revision.id, alerts };
}

async function saveState(
  ctx: AppContext,
  url: string,
  etag: string | null,
  lastModified: string | null,
  status: string,
  revisionId: string | null,
): Promise<void> {
  const row = {
    url,
    etag,
    last_modified: lastModified,
    checked_at: ctx.clock.now(),
    status,
    revision_id: revisionId,
  };
  await ctx.db
    .insertInto('tariff_sync_state')
    .values(row)
    .onConflict((oc) =>
      oc.column('url').doUpdateSet({
        etag,
        last_modified: lastModified,
        checked_at: row.checked_at,
        status,
        revision_id: revisionId,
      }),
    )
    .execute();
}

/**
 * The scheduled sync started by `crossgate serve` when CROSSGATE_TARIFF_SYNC_URL is set: every
 * `intervalHours` (CROSSGATE_TARIFF_SYNC_HOURS, default 24). Failures are logged and retried next tick.
 */
export function startTariffSync(
  ctx: AppContext,
  opts: { url: string; intervalHours: number; fetcher?: Fetcher },
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = syncTariff(ctx, { url: opts.url, fetcher: opts.fetcher })
      .then((r) =>
        ctx.logger.info({ outcome: r.outcome, revision: r.revisionId, alerts: r.alerts }, 'tariff sync'),
      )
      .catch((err) => ctx.logger.warn({ err: (err as Error).message }, 'tariff sync failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, opts.intervalHours * 3_600_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
