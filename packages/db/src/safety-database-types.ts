import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, DbGeneratedTimestamp, Json, Timestamp } from './database-types.js';

/** Tables of migration 0005-safety (adverse events, lab AE proposals, dosing, DLT assessments, escalation). */
export interface AdverseEventTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  participant_id: string;
  ae_number: number;
  version: number;
  term: string;
  ctcae_term: string | null;
  soc: string | null;
  onset_date: CalendarDate;
  resolution_date: CalendarDate | null;
  ongoing: boolean;
  grade: number;
  serious: boolean;
  seriousness: Json;
  relatedness: Json;
  expected: boolean | null;
  action_taken: string;
  outcome: string;
  awareness_date: CalendarDate | null;
  awareness_at: Timestamp | null;
  narrative: string | null;
  source: string;
  created_at: DbGeneratedTimestamp;
  created_by: string | null;
  updated_at: DbGeneratedTimestamp;
  updated_by: string | null;
}

export interface AdverseEventRevisionTable {
  id: Generated<string>;
  adverse_event_id: string;
  version: number;
  data: ColumnType<unknown, string, never>;
  reason: string | null;
  changed_by: string | null;
  changed_at: DbGeneratedTimestamp;
}

export interface SaeReportTable {
  id: Generated<string>;
  adverse_event_id: string;
  kind: string;
  sent_at: Timestamp;
  recipient: string | null;
  reference: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: DbGeneratedTimestamp;
}

export interface AeProposalTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  participant_id: string;
  form_record_id: string;
  form_version: number;
  test: string;
  value: number;
  unit: string;
  grade: number;
  ctcae_term: string;
  ctcae_version: string;
  reason: string;
  status: string;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  adverse_event_id: string | null;
  created_at: DbGeneratedTimestamp;
}

export interface DosePreparationTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  participant_id: string;
  visit_key: string;
  occurrence: Generated<number>;
  dose_date: CalendarDate;
  intervention_id: string;
  dose_level: string | null;
  calculated_amount: number | null;
  prepared_amount: number | null;
  unit: string | null;
  tolerance_percent: number | null;
  deviation_percent: number | null;
  within_tolerance: boolean | null;
  deviation_reason: string | null;
  lot: string;
  volume_ml: number;
  weight_kg: number | null;
  calculation: Json;
  modification: ColumnType<unknown, string | null, string | null>;
  prepared_by: string | null;
  prepared_at: DbGeneratedTimestamp;
}

export interface DoseAdministrationTable {
  id: Generated<string>;
  preparation_id: string;
  participant_id: string;
  administered_at: Timestamp;
  administered_date: CalendarDate;
  volume_ml: number;
  complete: boolean;
  note: string | null;
  recorded_by: string | null;
  recorded_at: DbGeneratedTimestamp;
}

export interface DltAssessmentTable {
  id: Generated<string>;
  study_id: string;
  site_id: string;
  participant_id: string;
  cohort: string | null;
  version: number;
  dlt: boolean;
  dlt_date: CalendarDate | null;
  adverse_event_ids: Json;
  comment: string | null;
  evaluable: boolean | null;
  first_dose_date: CalendarDate | null;
  window_end: CalendarDate | null;
  explanation: string;
  created_at: DbGeneratedTimestamp;
  updated_at: DbGeneratedTimestamp;
  updated_by: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  signed_version: number | null;
}

export interface EscalationDecisionTable {
  id: Generated<string>;
  study_id: string;
  cohort: number;
  level_id: string;
  decision: string;
  summary: string;
  dlts: number;
  evaluable: number;
  next_level: string | null;
  note: string | null;
  confirmed_by: string | null;
  confirmed_at: DbGeneratedTimestamp;
}
