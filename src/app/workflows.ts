import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { configureFilings, recordFilingStatus, type TariffCodeValidator } from '../modules/filings/index.ts';
import { encodeForTransport, listReadyFilings } from '../modules/filings/index.ts';
import {
  addFilingStatusSink,
  setFilingSource,
  type FilingStatus as GatewayStatus,
  type Regime,
} from '../modules/gateway/index.ts';
import {
  nomenclatureInForce,
  revisionInForce,
  scheduleInForce,
  validateHsCode,
  validateUsCode,
} from '../modules/tariff/index.ts';

/**
 * Cross-module workflows, wired once in the composition root (STYLE.md: modules never reach into each
 * other; the flows between them are written down here):
 *
 *   tariff ──validateCode──► filings (builders and checkpoints check codes against the revision in force)
 *   filings ──encoded payload──► gateway outbox ──acknowledgements──► filings status
 */

const TRANSPORT_OF_KIND: Record<string, Regime | undefined> = {
  us_isf: 'US-ACE',
  us_entry: 'US-ACE',
  eu_ens: 'EU-ICS2',
  uk_cds: 'UK-CDS',
  // eu_h7 goes to the member state's national import system, for which there is no transport yet.
};

/** Gateway status → filing status; undefined = no change to the filing (the gateway keeps the detail). */
const FILING_STATUS_OF: Partial<
  Record<GatewayStatus, 'submitted' | 'accepted' | 'rejected' | 'held' | 'released' | 'withdrawn'>
> = {
  queued: 'submitted',
  accepted: 'accepted',
  rejected: 'rejected',
  held: 'held',
  referred: 'held',
  do_not_load: 'held',
  released: 'released',
  withdrawn: 'withdrawn',
};

/** A tariff validator backed by the revisions in force now; undefined when no tariff has been imported. */
async function tariffInForce(ctx: AppContext): Promise<TariffCodeValidator | undefined> {
  if (!(await revisionInForce(ctx, 'US-HTS'))) return undefined;
  const { revision, schedule } = await scheduleInForce(ctx);
  const hs = await nomenclatureInForce(ctx);
  return {
    validate({ code, destination }) {
      const r = destination === 'US' ? validateUsCode(schedule, code) : validateHsCode(hs, code, destination);
      return {
        valid: r.valid,
        declarable: r.valid,
        unitsOfQuantity: r.line?.units ?? [],
        message: r.message,
        source: destination === 'US' ? `hts@${revision.label}` : `hs@${hs ? 'in-force' : 'none'}`,
      };
    },
  };
}

/**
 * The gateway's idempotency key (at most 40 characters, like an authority's transaction reference) from
 * the filing's `fil_<id>:v<version>:<sha16>`: the id without its prefix, the version and 8 hex of the
 * payload hash, so an amendment or a changed payload is a new submission and a retry is not.
 */
export function transportKey(filingKey: string): string {
  const [id = '', version = '', sha = ''] = filingKey.split(':');
  return `${id.replace(/^fil_/, '')}:${version}:${sha.slice(0, 8)}`;
}

let wired = false;

/**
 * Idempotent: the registries are per process, so wiring twice must not add a second sink. The ports are
 * called with the caller's context, so one wiring serves every context of the process.
 */
export function wireWorkflows(): void {
  if (wired) return;
  wired = true;
  configureFilings({ tariffFor: tariffInForce });

  setFilingSource({
    async load(ctx, tx, orgId, filingId) {
      const e = await encodeForTransport(ctx, orgId, filingId, tx);
      const regime = TRANSPORT_OF_KIND[e.kind];
      if (!regime) throw new AppError('invalid', `A ${e.kind} filing has no customs transport yet`);
      if (e.status !== 'validated' && e.status !== 'amended' && e.status !== 'submitted')
        throw new AppError(
          'conflict',
          `Filing ${filingId} is ${e.status}: only validated filings can be submitted`,
        );
      return {
        regime,
        payload: e.payload,
        idempotencyKey: transportKey(e.idempotencyKey),
        kind: e.status === 'amended' ? 'amendment' : 'original',
        deadlineAt: e.deadlineAt,
      };
    },
    ready: (tx, orgId) => listReadyFilings(tx, orgId, Object.keys(TRANSPORT_OF_KIND)),
  });

  addFilingStatusSink({
    async apply(ctx, tx, orgId, filingId, status, reasons) {
      const to = FILING_STATUS_OF[status];
      if (!to || !filingId.startsWith('fil_')) return;
      try {
        await recordFilingStatus(
          ctx,
          orgId,
          filingId,
          to,
          reasons.map((r) => `${r.code}: ${r.text}`),
          'system:gateway',
          tx,
        );
      } catch (err) {
        // An acknowledgement must never be lost because the filing moved on (or was queued by hand
        // without a filing record): the gateway keeps the authority's answer; the mismatch is logged.
        if (err instanceof AppError && (err.code === 'not_found' || err.code === 'conflict')) {
          ctx.logger.warn({ filingId, status, code: err.code }, 'gateway status not applied to the filing');
          return;
        }
        throw err;
      }
    },
  });
}
