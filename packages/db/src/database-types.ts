import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Timestamps come back as Date and may be written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DbGeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_system_admin: Generated<boolean>;
  disabled_at: Timestamp | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  created_at: DbGeneratedTimestamp;
}

export interface UserSessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: DbGeneratedTimestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  reauthenticated_at: Timestamp | null;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface StudyTable {
  id: Generated<string>;
  code: string;
  title: string;
  phase: string | null;
  status: Generated<string>;
  registry_ids: JSONColumnType<string[]>;
  conditions: JSONColumnType<string[]>;
  current_protocol_version: number | null;
  created_at: DbGeneratedTimestamp;
}

export interface SiteTable {
  id: Generated<string>;
  study_id: string;
  code: string;
  name: string;
  country: string | null;
  created_at: DbGeneratedTimestamp;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  study_id: string;
  site_id: string | null;
  role: string;
  created_at: DbGeneratedTimestamp;
}

export interface AuditEventTable {
  /** Assigned by the chaining trigger. */
  seq: Generated<string>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  study_id: string | null;
  site_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  reason: string | null;
  request_id: string | null;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface ProtocolVersionTable {
  id: Generated<string>;
  study_id: string;
  version: number;
  content: ColumnType<unknown, string, string>;
  content_sha256: string;
  source_name: string;
  source_text: string;
  amendment_reason: string | null;
  created_at: DbGeneratedTimestamp;
}

export interface Database {
  protocol_version: ProtocolVersionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  study: StudyTable;
  site: SiteTable;
  role_assignment: RoleAssignmentTable;
  audit_event: AuditEventTable;
}
