import type { Selectable } from 'kysely';
import type { VisitTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type VisitRow = Selectable<VisitTable>;

export async function listVisits(db: Executor, participantId: string): Promise<VisitRow[]> {
  return db
    .selectFrom('visit')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('actual_date')
    .orderBy('created_at')
    .execute();
}

export async function findVisit(db: Executor, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVisitSlot(
  db: Executor,
  slot: { participantId: string; visitKey: string; occurrence: number },
): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visit')
    .selectAll()
    .where('participant_id', '=', slot.participantId)
    .where('visit_key', '=', slot.visitKey)
    .where('occurrence', '=', slot.occurrence)
    .executeTakeFirst();
}

export interface VisitValues {
  status: 'done' | 'missed';
  actualDate: string | null;
  reason: string | null;
  outOfWindowReason: string | null;
}

export async function insertVisit(
  db: Executor,
  v: VisitValues & {
    participantId: string;
    visitKey: string;
    occurrence: number;
    unscheduled: boolean;
    createdBy: string | null;
  },
): Promise<VisitRow> {
  return db
    .insertInto('visit')
    .values({
      participant_id: v.participantId,
      visit_key: v.visitKey,
      occurrence: v.occurrence,
      unscheduled: v.unscheduled,
      status: v.status,
      actual_date: v.actualDate,
      reason: v.reason,
      out_of_window_reason: v.outOfWindowReason,
      created_by: v.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates a visit if it still has `expectedRowVersion`; undefined when someone changed it first. */
export async function updateVisit(
  db: Executor,
  v: VisitValues & { id: string; expectedRowVersion: number },
): Promise<VisitRow | undefined> {
  return db
    .updateTable('visit')
    .set((eb) => ({
      status: v.status,
      actual_date: v.actualDate,
      reason: v.reason,
      out_of_window_reason: v.outOfWindowReason,
      row_version: eb('row_version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', v.id)
    .where('row_version', '=', v.expectedRowVersion)
    .returningAll()
    .executeTakeFirst();
}

/** The next occurrence number of an unscheduled visit for the participant. */
export async function nextUnscheduledOccurrence(db: Executor, participantId: string): Promise<number> {
  const row = await db
    .selectFrom('visit')
    .select((eb) => eb.fn.max('occurrence').as('n'))
    .where('participant_id', '=', participantId)
    .where('unscheduled', '=', true)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
