import type { ColumnType, Generated } from 'kysely';
import type {
  Environment,
  FilingStatus,
  OutboxState,
  Reason,
  Regime,
  SubmissionKind,
} from './gateway.types.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Where an organisation files for one regime in one environment. The secret itself is never stored here. */
export interface GatewayEndpointTable {
  id: string;
  org_id: string;
  regime: Regime;
  environment: Environment;
  base_url: string;
  client_id: string;
  /** Name of the secret in the secret store (e.g. `customs.acme.cds.production`). */
  secret_ref: string | null;
  /** HMAC secret name for push notifications (CDS-style webhook). */
  webhook_secret_ref: string | null;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The durable outbox: one row per submission (original, amendment or withdrawal) of a filing. */
export interface GatewayOutboxTable {
  id: string;
  org_id: string;
  filing_id: string;
  regime: Regime;
  kind: SubmissionKind;
  idempotency_key: string;
  /** The key as the authority sees it (the idempotency key, or a digest where the protocol's field is shorter). */
  transaction_ref: string;
  /** The wire payload, sealed with the organisation's data key (it names parties). */
  payload_sealed: string;
  payload_sha256: string;
  environment: Environment;
  state: OutboxState;
  attempts: number;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  dead_reason: string | null;
  authority_ref: string | null;
  conversation_id: string | null;
  deadline_at: Timestamp | null;
  enqueued_at: Timestamp;
  transmitted_at: Timestamp | null;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface GatewayAttemptTable {
  id: string;
  org_id: string;
  outbox_id: string;
  attempt_no: number;
  worker: string;
  started_at: Timestamp;
  latency_ms: number;
  /** `ok`, `retryable` or `fatal`. */
  outcome: string;
  http_status: number | null;
  error: string | null;
  endpoint: string;
}

/** Every authority message received, once (dedupe by message id). `applied` = it changed the status. */
export interface GatewayMessageTable {
  org_id: string;
  message_id: string;
  outbox_id: string | null;
  filing_id: string | null;
  /** The authority's transaction reference the message names. */
  idempotency_key: string;
  disposition: string;
  seq: number;
  authority_ref: string | null;
  reasons: Json<Reason[]>;
  issued_at: string;
  received_at: Timestamp;
  via: string;
  applied: boolean;
}

/** The gateway's own projection of each filing's status, so status works without the filings module. */
export interface GatewayFilingStatusTable {
  org_id: string;
  filing_id: string;
  regime: Regime;
  status: FilingStatus;
  reasons: Json<Reason[]>;
  authority_ref: string | null;
  /** Highest authority message seq applied, per current submission. */
  last_seq: number;
  outbox_id: string;
  updated_at: Timestamp;
}

export interface GatewayAlertTable {
  id: string;
  org_id: string;
  /** `dead_letter` or `deadline_near`. */
  kind: string;
  subject: string;
  message: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
}

/** Notification pull positions, per organisation and endpoint. */
export interface GatewayCursorTable {
  org_id: string;
  endpoint_key: string;
  position: Generated<number>;
  updated_at: Timestamp;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    gateway_endpoints: GatewayEndpointTable;
    gateway_outbox: GatewayOutboxTable;
    gateway_attempts: GatewayAttemptTable;
    gateway_messages: GatewayMessageTable;
    gateway_filing_status: GatewayFilingStatusTable;
    gateway_alerts: GatewayAlertTable;
    gateway_cursors: GatewayCursorTable;
  }
}
