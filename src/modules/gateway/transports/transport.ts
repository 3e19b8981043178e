import type { AuthorityMessage, Environment, Reason, Regime, SubmissionKind } from '../gateway.types.ts';

/**
 * The transport port: how a submission reaches one authority endpoint and how the authority's later
 * messages come back. One adapter per protocol shape (ACE ABI-style batches; CDS-style and ICS2-style
 * REST with OAuth 2.0 and notifications); the conformance suite runs against each.
 */
export interface TransportItem {
  submissionId: string;
  filingId: string;
  idempotencyKey: string;
  kind: SubmissionKind;
  payload: string;
}

export type SendOutcome =
  | {
      outcome: 'ok';
      httpStatus: number;
      conversationId?: string | undefined;
      authorityRef?: string | undefined;
      /** Acknowledgements that came with the answer (ACE dispositions, ICS2 registration, CDS 400 rejections). */
      messages: AuthorityMessage[];
    }
  | {
      /** `retryable`: try again later (5xx, timeout, reset, 429). `fatal`: retrying cannot help. */
      outcome: 'retryable' | 'fatal';
      httpStatus?: number | undefined;
      error: string;
      reasons?: Reason[] | undefined;
    };

export interface PullResult {
  messages: AuthorityMessage[];
  position: number;
}

export interface CustomsTransport {
  readonly regime: Regime;
  /** Stable label of the endpoint (regime, environment, host) for metrics and the circuit breaker. */
  readonly endpoint: string;
  /** Submissions per request (ACE batches; the REST regimes send one per request). */
  readonly maxBatch: number;
  /** Sends the items; answers one outcome per item, in order. Never throws for transport failures. */
  send(items: TransportItem[]): Promise<SendOutcome[]>;
  /** Messages after `position` (long-polls up to `waitMs`). Throws on transport failure. */
  pull(position: number, waitMs: number): Promise<PullResult>;
}

/** A resolved endpoint with its credentials (from the secret store; never logged). */
export interface EndpointConfig {
  regime: Regime;
  environment: Environment;
  baseUrl: string;
  clientId: string;
  secret: string;
  timeoutMs: number;
}

export function endpointLabel(cfg: Pick<EndpointConfig, 'regime' | 'environment' | 'baseUrl'>): string {
  return `${cfg.regime}:${cfg.environment}:${new URL(cfg.baseUrl).host}`;
}
