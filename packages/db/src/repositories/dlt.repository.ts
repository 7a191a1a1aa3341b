import type { Selectable } from 'kysely';
import type { DltAssessmentTable, EscalationDecisionTable } from '../safety-database-types.js';
import type { Executor } from '../executor.js';

export type DltAssessmentRow = Selectable<DltAssessmentTable>;
export type EscalationDecisionRow = Selectable<EscalationDecisionTable>;

/** What a save of a DLT assessment stores. */
export interface DltAssessmentState {
  cohort: string | null;
  dlt: boolean;
  dltDate: string | null;
  adverseEventIds: readonly string[];
  comment: string | null;
  evaluable: boolean | null;
  firstDoseDate: string | null;
  windowEnd: string | null;
  explanation: string;
  userId: string | null;
}

function columns(s: DltAssessmentState) {
  return {
    cohort: s.cohort,
    dlt: s.dlt,
    dlt_date: s.dltDate,
    adverse_event_ids: JSON.stringify(s.adverseEventIds),
    comment: s.comment,
    evaluable: s.evaluable,
    first_dose_date: s.firstDoseDate,
    window_end: s.windowEnd,
    explanation: s.explanation,
    updated_by: s.userId,
  };
}

export async function findDltAssessment(
  db: Executor,
  participantId: string,
): Promise<DltAssessmentRow | undefined> {
  return db
    .selectFrom('dlt_assessment')
    .selectAll()
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

export async function lockDltAssessment(
  db: Executor,
  participantId: string,
): Promise<DltAssessmentRow | undefined> {
  return db
    .selectFrom('dlt_assessment')
    .selectAll()
    .where('participant_id', '=', participantId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listDltAssessments(db: Executor, studyId: string): Promise<DltAssessmentRow[]> {
  return db.selectFrom('dlt_assessment').selectAll().where('study_id', '=', studyId).execute();
}

export async function insertDltAssessment(
  db: Executor,
  r: DltAssessmentState & { studyId: string; siteId: string; participantId: string },
): Promise<DltAssessmentRow> {
  return db
    .insertInto('dlt_assessment')
    .values({
      study_id: r.studyId,
      site_id: r.siteId,
      participant_id: r.participantId,
      version: 1,
      ...columns(r),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A new version (unsigned: a change removes the signature); undefined when the version is stale. */
export async function updateDltAssessment(
  db: Executor,
  r: DltAssessmentState & { id: string; expectedVersion: number },
): Promise<DltAssessmentRow | undefined> {
  return db
    .updateTable('dlt_assessment')
    .set({
      ...columns(r),
      version: r.expectedVersion + 1,
      updated_at: new Date(),
      signed_by: null,
      signed_at: null,
      signed_version: null,
    })
    .where('id', '=', r.id)
    .where('version', '=', r.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Signs the given version; undefined when the assessment is at another version. */
export async function signDltAssessment(
  db: Executor,
  r: {
    id: string;
    version: number;
    userId: string;
    signedAt: Date;
    evaluable: boolean | null;
    firstDoseDate: string | null;
    windowEnd: string | null;
    explanation: string;
  },
): Promise<DltAssessmentRow | undefined> {
  return db
    .updateTable('dlt_assessment')
    .set({
      signed_by: r.userId,
      signed_at: r.signedAt,
      signed_version: r.version,
      evaluable: r.evaluable,
      first_dose_date: r.firstDoseDate,
      window_end: r.windowEnd,
      explanation: r.explanation,
    })
    .where('id', '=', r.id)
    .where('version', '=', r.version)
    .returningAll()
    .executeTakeFirst();
}

export async function listEscalationDecisions(
  db: Executor,
  studyId: string,
): Promise<EscalationDecisionRow[]> {
  return db
    .selectFrom('escalation_decision')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('cohort')
    .execute();
}

export async function insertEscalationDecision(
  db: Executor,
  r: {
    studyId: string;
    cohort: number;
    levelId: string;
    decision: string;
    summary: string;
    dlts: number;
    evaluable: number;
    nextLevel: string | null;
    note: string | null;
    userId: string | null;
  },
): Promise<EscalationDecisionRow> {
  return db
    .insertInto('escalation_decision')
    .values({
      study_id: r.studyId,
      cohort: r.cohort,
      level_id: r.levelId,
      decision: r.decision,
      summary: r.summary,
      dlts: r.dlts,
      evaluable: r.evaluable,
      next_level: r.nextLevel,
      note: r.note,
      confirmed_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
