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

declare module '../../platform/db/tables.ts' {
  interface Tables {
    organisations: OrganisationTable;
    users: UserTable;
    sessions: SessionTable;
    api_keys: ApiKeyTable;
  }
}
