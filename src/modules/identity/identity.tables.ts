import type { ColumnType } from 'kysely';
import type { Level, ScopedRole } from '../../platform/auth/permissions.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the organisation's seat (drives residency rules). */
  country: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  org_id: string;
  /** HMAC of the normalised email under the global blind-index key: login lookup without clear text. */
  email_lookup: string;
  email_sealed: string;
  name_sealed: string;
  password_hash: string;
  level: Level;
  roles: ScopedRole[];
  created_at: Timestamp;
  last_login_at: Timestamp | null;
  disabled_at: Timestamp | null;
  /** TOTP (RFC 6238) shared secret, sealed; enabled once confirmed with a first code. */
  totp_secret_sealed: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted time step, so a code cannot be replayed. */
  totp_last_step: number | null;
}

export interface SessionTable {
  id: string;
  org_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiKeyTable {
  id: string;
  org_id: string;
  name: string;
  secret_hash: string;
  level: Level;
  roles: ScopedRole[];
  scopes: string[] | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A request for a higher level or a scoped role, decided by a second person (four eyes). */
export interface AccessRequestTable {
  id: string;
  org_id: string;
  user_id: string;
  requested_by: string;
  level: Level | null;
  role: ScopedRole | null;
  reason: string;
  /** Time-bound grant length; null = standing change of the user's rights. */
  duration_hours: number | null;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: Timestamp;
}

/** Rights given by an approved request. Active while not revoked and not expired. */
export interface GrantTable {
  id: string;
  org_id: string;
  user_id: string;
  request_id: string | null;
  level: Level | null;
  role: ScopedRole | null;
  granted_by: string;
  granted_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface AccessReviewTable {
  id: string;
  org_id: string;
  /** `2026-Q4` */
  period: string;
  status: 'open' | 'completed';
  created_by: string;
  created_at: Timestamp;
  due_at: Timestamp;
  completed_at: Timestamp | null;
  last_reminded_at: Timestamp | null;
}

export interface AccessReviewItemTable {
  id: string;
  org_id: string;
  review_id: string;
  principal_kind: 'user' | 'api_key';
  principal_id: string;
  level: Level;
  roles: string[];
  grants: ColumnType<Array<Record<string, unknown>>, string, string>;
  last_active_at: Timestamp | null;
  dormant: boolean;
  decision: 'keep' | 'revoke' | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Tables {
    organisations: OrganisationTable;
    users: UserTable;
    sessions: SessionTable;
    api_keys: ApiKeyTable;
    access_requests: AccessRequestTable;
    grants: GrantTable;
    access_reviews: AccessReviewTable;
    access_review_items: AccessReviewItemTable;
  }
}
