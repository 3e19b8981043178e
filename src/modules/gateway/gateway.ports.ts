import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { FilingStatus, Reason, Regime, SubmissionKind } from './gateway.types.ts';

/**
 * The gateway's two ports to the filings module (wired at composition; see README "Wiring the filings
 * module"). The gateway never reads the filings tables: it is handed the payload at enqueue time and
 * reports status changes back. Both are called with the caller's context and transaction.
 */
export interface FilingToSubmit {
  regime: Regime;
  /** The wire payload: CATAIR records (ACE), WCO DMS XML (CDS) or ENS XML (ICS2). */
  payload: string;
  /** Stable per submission: a retry of the same submission reuses it, an amendment gets a new one. */
  idempotencyKey: string;
  kind?: SubmissionKind;
  /** The regulatory deadline for transmission, if any (alerts when it nears while still unsent). */
  deadlineAt?: Date | null;
}

export interface FilingSource {
  load(ctx: AppContext, tx: Executor, orgId: string, filingId: string): Promise<FilingToSubmit>;
  /** Filings ready to submit (for `crossgate filings submit --all`). */
  ready?(tx: Executor, orgId: string): Promise<string[]>;
}

export interface FilingStatusSink {
  apply(
    ctx: AppContext,
    tx: Executor,
    orgId: string,
    filingId: string,
    status: FilingStatus,
    reasons: Reason[],
    authorityRef: string | null,
  ): Promise<void>;
}

const sinks: FilingStatusSink[] = [];
let source: FilingSource | undefined;

/** Registers the filings module's source of payloads (one). */
export function setFilingSource(s: FilingSource | undefined): void {
  source = s;
}
export function filingSource(): FilingSource | undefined {
  return source;
}

/** Registers a sink told of every status change, in the transaction that makes it. */
export function addFilingStatusSink(s: FilingStatusSink): () => void {
  sinks.push(s);
  return () => {
    const i = sinks.indexOf(s);
    if (i >= 0) sinks.splice(i, 1);
  };
}

export async function notifySinks(...args: Parameters<FilingStatusSink['apply']>): Promise<void> {
  for (const s of sinks) await s.apply(...args);
}
