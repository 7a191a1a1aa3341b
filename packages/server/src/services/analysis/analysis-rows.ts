import {
  listActiveLocks,
  listAllocations,
  listStudyFormRecords,
  type DataLockRow,
  type Executor,
} from '@celltrial/db';

/** The forms the analysis reads (docs/analysis.md, "Data"). */
export const ANALYSIS_FORM_KEYS = [
  'alsfrs-r',
  'spirometry',
  'edss',
  'survival-status',
  'demographics',
] as const;

export interface AnalysisParticipantRow {
  readonly id: string;
  readonly subjectNumber: string | null;
  readonly screeningNumber: string;
  readonly status: string;
  readonly synthetic: boolean;
}

export interface AnalysisFormRow {
  readonly participantId: string;
  readonly formKey: string;
  readonly visitKey: string | null;
  readonly date: string | null;
  readonly values: Record<string, unknown>;
  readonly derived: Record<string, unknown>;
}

/** Everything the analysis dataset is built from, as read from the database. */
export interface StudyAnalysisRows {
  readonly participants: readonly AnalysisParticipantRow[];
  /** Participant id → arm id (the server always reads it; the dataset drops it for blinded callers). */
  readonly allocations: ReadonlyMap<string, string>;
  readonly forms: readonly AnalysisFormRow[];
  /** Dated visits (any status with a date), for the last known contact. */
  readonly visits: readonly { participantId: string; visitKey: string; date: string }[];
  /** The latest screening record of each participant (its `diagnosis` feeds ENCALS). */
  readonly screening: ReadonlyMap<string, Record<string, unknown>>;
  readonly studyLock: DataLockRow | null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const dateText = (value: unknown): string | null => {
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  return typeof value === 'string' ? value.slice(0, 10) : null;
};

/** Reads the study's participants, allocations, analysis forms, visit dates, screening records and lock. */
export async function loadStudyAnalysisRows(db: Executor, studyId: string): Promise<StudyAnalysisRows> {
  const [participants, allocations, forms, visits, screening, locks] = await Promise.all([
    db
      .selectFrom('participant')
      .select(['id', 'subject_number', 'screening_number', 'status', 'synthetic'])
      .where('study_id', '=', studyId)
      .orderBy('subject_number')
      .orderBy('screening_number')
      .execute(),
    listAllocations(db, studyId),
    listStudyFormRecords(db, { studyId, formKeys: ANALYSIS_FORM_KEYS }),
    db
      .selectFrom('visit')
      .innerJoin('participant', 'participant.id', 'visit.participant_id')
      .select(['visit.participant_id', 'visit.visit_key', 'visit.actual_date'])
      .where('participant.study_id', '=', studyId)
      .where('visit.actual_date', 'is not', null)
      .execute(),
    db
      .selectFrom('screening_record')
      .innerJoin('participant', 'participant.id', 'screening_record.participant_id')
      .select(['screening_record.participant_id', 'screening_record.revision', 'screening_record.data'])
      .where('participant.study_id', '=', studyId)
      .orderBy('screening_record.revision')
      .execute(),
    listActiveLocks(db, studyId),
  ]);
  return {
    participants: participants.map((p) => ({
      id: p.id,
      subjectNumber: p.subject_number,
      screeningNumber: p.screening_number,
      status: p.status,
      synthetic: p.synthetic,
    })),
    allocations: new Map(allocations.map((a) => [a.participant_id, a.arm_id])),
    forms: forms.map((f) => ({
      participantId: f.participant_id,
      formKey: f.form_key,
      visitKey: f.visit_key,
      date: dateText(f.actual_date),
      values: asRecord(f.item_values),
      derived: asRecord(f.derived),
    })),
    visits: visits.flatMap((v) => {
      const date = dateText(v.actual_date);
      return date === null ? [] : [{ participantId: v.participant_id, visitKey: v.visit_key, date }];
    }),
    // rows come in revision order: later revisions overwrite earlier ones
    screening: new Map(screening.map((s) => [s.participant_id, asRecord(s.data)])),
    studyLock: locks.find((l) => l.scope === 'study') ?? null,
  };
}
