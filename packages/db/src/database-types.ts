import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  AdverseEventRevisionTable,
  AdverseEventTable,
  AeProposalTable,
  DltAssessmentTable,
  DoseAdministrationTable,
  DosePreparationTable,
  EscalationDecisionTable,
  SaeReportTable,
} from './safety-database-types.js';

/** Timestamps come back as Date and may be written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DbGeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

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

export interface ParticipantTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  screening_number: string;
  subject_number: string | null;
  status: Generated<string>;
  protocol_version: number;
  screen_failure: ColumnType<unknown, string | null, string | null>;
  cohort: string | null;
  row_version: Generated<number>;
  created_at: DbGeneratedTimestamp;
  enrolled_at: Timestamp | null;
  synthetic: Generated<boolean>;
  ended_on: CalendarDate | null;
  end_reason: string | null;
  end_note: string | null;
}

export interface ScreeningRecordTable {
  id: Generated<string>;
  participant_id: string;
  revision: number;
  data: ColumnType<unknown, string, never>;
  reason_for_change: string | null;
  created_at: DbGeneratedTimestamp;
  created_by: string | null;
}

export interface EligibilityAssessmentTable {
  id: Generated<string>;
  participant_id: string;
  protocol_version: number;
  record_revision: number;
  verdict: string;
  criteria: ColumnType<unknown, string, never>;
  evaluated_at: DbGeneratedTimestamp;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  signature_meaning: string | null;
}

export interface StudySecretTable {
  study_id: string;
  randomization_seed: string;
  created_at: DbGeneratedTimestamp;
}

export interface AllocationTable {
  id: Generated<string>;
  study_id: string;
  participant_id: string;
  stratum_key: string;
  stratum_sequence: number;
  arm_id: string;
  kit_code: string;
  method: string;
  details: ColumnType<unknown, string | null, never>;
  allocated_at: DbGeneratedTimestamp;
  allocated_by: string | null;
}

export interface UnblindingEventTable {
  id: Generated<string>;
  study_id: string;
  participant_id: string;
  requested_by: string;
  reason: string;
  created_at: DbGeneratedTimestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  study_id: string | null;
  recipient_role: string | null;
  recipient_user_id: string | null;
  kind: string;
  message: string;
  payload: ColumnType<unknown, string | null, never>;
  created_at: DbGeneratedTimestamp;
  read_at: Timestamp | null;
}

/** A `date` column: read back as 'YYYY-MM-DD' (the opener sets the parser), written as the same string. */
export type CalendarDate = ColumnType<string, string, string>;
export type Json = ColumnType<unknown, string, string>;

export interface VisitTable {
  id: Generated<string>;
  participant_id: string;
  visit_key: string;
  occurrence: Generated<number>;
  unscheduled: Generated<boolean>;
  status: string;
  actual_date: CalendarDate | null;
  reason: string | null;
  out_of_window_reason: string | null;
  row_version: Generated<number>;
  created_at: DbGeneratedTimestamp;
  created_by: string | null;
  updated_at: DbGeneratedTimestamp;
}

export interface FormRecordTable {
  id: Generated<string>;
  participant_id: string;
  visit_id: string | null;
  form_key: string;
  entry_number: Generated<number>;
  definition_version: string;
  status: string;
  version: number;
  item_values: Json;
  derived: Json;
  warnings: Json;
  missing: Json;
  created_at: DbGeneratedTimestamp;
  created_by: string | null;
  updated_at: DbGeneratedTimestamp;
  updated_by: string | null;
}

export interface ItemRevisionTable {
  id: Generated<string>;
  form_record_id: string;
  item_id: string;
  form_version: number;
  value: ColumnType<unknown, string | null, never>;
  reason: string | null;
  changed_by: string | null;
  changed_at: DbGeneratedTimestamp;
}

export interface DataQueryTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  participant_id: string;
  form_record_id: string;
  item_id: string;
  status: string;
  origin: string;
  check_id: string | null;
  item_value: ColumnType<unknown, string | null, string | null>;
  opened_by: string | null;
  opened_at: DbGeneratedTimestamp;
  resolved_at: Timestamp | null;
  row_version: Generated<number>;
}

export interface QueryMessageTable {
  id: Generated<string>;
  query_id: string;
  action: string;
  body: string;
  author_id: string | null;
  created_at: DbGeneratedTimestamp;
}

export interface SourceVerificationTable {
  id: Generated<string>;
  form_record_id: string;
  item_id: string;
  form_version: number;
  verified_by: string;
  verified_at: DbGeneratedTimestamp;
  invalidated_at: Timestamp | null;
  invalidated_reason: string | null;
}

export interface SignatureTable {
  id: Generated<string>;
  study_id: string;
  participant_id: string;
  scope: string;
  form_record_id: string | null;
  form_version: number | null;
  meaning: string;
  signed_by: string;
  signed_at: DbGeneratedTimestamp;
  invalidated_at: Timestamp | null;
  invalidated_reason: string | null;
}

export interface DataLockTable {
  id: Generated<string>;
  study_id: string;
  scope: string;
  participant_id: string | null;
  visit_id: string | null;
  form_record_id: string | null;
  reason: string | null;
  locked_by: string;
  locked_at: DbGeneratedTimestamp;
  unlocked_by: string | null;
  unlocked_at: Timestamp | null;
  unlock_reason: string | null;
}

export interface SiteLabRangeTable {
  id: Generated<string>;
  site_id: string;
  test: string;
  unit: string;
  lln: number | null;
  uln: number | null;
  sex: string | null;
  age_min: number | null;
  age_max: number | null;
  source: string | null;
  created_at: DbGeneratedTimestamp;
  created_by: string | null;
  retired_at: Timestamp | null;
}

export interface ReferenceTableTable {
  id: Generated<string>;
  kind: string;
  name: string;
  sha256: string;
  content: ColumnType<unknown, string, never>;
  loaded_at: DbGeneratedTimestamp;
  loaded_by: string | null;
}

export interface Database {
  adverse_event: AdverseEventTable;
  adverse_event_revision: AdverseEventRevisionTable;
  sae_report: SaeReportTable;
  ae_proposal: AeProposalTable;
  dose_preparation: DosePreparationTable;
  dose_administration: DoseAdministrationTable;
  dlt_assessment: DltAssessmentTable;
  escalation_decision: EscalationDecisionTable;
  visit: VisitTable;
  form_record: FormRecordTable;
  item_revision: ItemRevisionTable;
  data_query: DataQueryTable;
  query_message: QueryMessageTable;
  source_verification: SourceVerificationTable;
  signature: SignatureTable;
  data_lock: DataLockTable;
  site_lab_range: SiteLabRangeTable;
  reference_table: ReferenceTableTable;
  participant: ParticipantTable;
  screening_record: ScreeningRecordTable;
  eligibility_assessment: EligibilityAssessmentTable;
  study_secret: StudySecretTable;
  allocation: AllocationTable;
  unblinding_event: UnblindingEventTable;
  notification: NotificationTable;
  protocol_version: ProtocolVersionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  study: StudyTable;
  site: SiteTable;
  role_assignment: RoleAssignmentTable;
  audit_event: AuditEventTable;
}
