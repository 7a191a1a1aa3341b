import type { Selectable } from 'kysely';
import type { EligibilityAssessmentTable, ScreeningRecordTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type ScreeningRecordRow = Selectable<ScreeningRecordTable>;
export type EligibilityAssessmentRow = Selectable<EligibilityAssessmentTable>;

export async function latestScreeningRecord(
  db: Executor,
  participantId: string,
): Promise<ScreeningRecordRow | undefined> {
  return db
    .selectFrom('screening_record')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertScreeningRecord(
  db: Executor,
  r: {
    participantId: string;
    revision: number;
    data: unknown;
    reasonForChange: string | null;
    createdBy: string | null;
  },
): Promise<ScreeningRecordRow> {
  return db
    .insertInto('screening_record')
    .values({
      participant_id: r.participantId,
      revision: r.revision,
      data: JSON.stringify(r.data),
      reason_for_change: r.reasonForChange,
      created_by: r.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEligibilityAssessment(
  db: Executor,
  a: {
    participantId: string;
    protocolVersion: number;
    recordRevision: number;
    verdict: string;
    criteria: unknown;
  },
): Promise<EligibilityAssessmentRow> {
  return db
    .insertInto('eligibility_assessment')
    .values({
      participant_id: a.participantId,
      protocol_version: a.protocolVersion,
      record_revision: a.recordRevision,
      verdict: a.verdict,
      criteria: JSON.stringify(a.criteria),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function latestEligibilityAssessment(
  db: Executor,
  participantId: string,
): Promise<EligibilityAssessmentRow | undefined> {
  return db
    .selectFrom('eligibility_assessment')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('evaluated_at', 'desc')
    .orderBy('record_revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function confirmEligibilityAssessment(
  db: Executor,
  params: { id: string; userId: string; at: Date; meaning: string },
): Promise<void> {
  await db
    .updateTable('eligibility_assessment')
    .set({ confirmed_by: params.userId, confirmed_at: params.at, signature_meaning: params.meaning })
    .where('id', '=', params.id)
    .where('confirmed_at', 'is', null)
    .execute();
}
