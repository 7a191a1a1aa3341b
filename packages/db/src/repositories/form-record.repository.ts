import type { Selectable } from 'kysely';
import type { FormRecordTable, ItemRevisionTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type FormRecordRow = Selectable<FormRecordTable>;
export type ItemRevisionRow = Selectable<ItemRevisionTable>;

export async function listFormRecords(db: Executor, participantId: string): Promise<FormRecordRow[]> {
  return db
    .selectFrom('form_record')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();
}

export async function listStudyFormRecords(
  db: Executor,
  params: { studyId: string; formKeys?: readonly string[] },
): Promise<(FormRecordRow & { actual_date: string | null; visit_key: string | null })[]> {
  let q = db
    .selectFrom('form_record')
    .innerJoin('participant', 'participant.id', 'form_record.participant_id')
    .leftJoin('visit', 'visit.id', 'form_record.visit_id')
    .selectAll('form_record')
    .select(['visit.actual_date', 'visit.visit_key'])
    .where('participant.study_id', '=', params.studyId);
  if (params.formKeys !== undefined) {
    q = q.where('form_record.form_key', 'in', [...params.formKeys]);
  }
  return q.orderBy('form_record.participant_id').orderBy('visit.actual_date').execute();
}

export async function findFormRecord(db: Executor, id: string): Promise<FormRecordRow | undefined> {
  return db.selectFrom('form_record').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads the form record and locks it until the transaction ends. */
export async function lockFormRecord(db: Executor, id: string): Promise<FormRecordRow | undefined> {
  return db.selectFrom('form_record').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findFormSlot(
  db: Executor,
  slot: { participantId: string; visitId: string | null; formKey: string; entryNumber: number },
): Promise<FormRecordRow | undefined> {
  let q = db
    .selectFrom('form_record')
    .selectAll()
    .where('participant_id', '=', slot.participantId)
    .where('form_key', '=', slot.formKey)
    .where('entry_number', '=', slot.entryNumber);
  q = slot.visitId === null ? q.where('visit_id', 'is', null) : q.where('visit_id', '=', slot.visitId);
  return q.executeTakeFirst();
}

export async function nextLogEntryNumber(
  db: Executor,
  params: { participantId: string; formKey: string },
): Promise<number> {
  const row = await db
    .selectFrom('form_record')
    .select((eb) => eb.fn.max('entry_number').as('n'))
    .where('participant_id', '=', params.participantId)
    .where('form_key', '=', params.formKey)
    .where('visit_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** What a save stores besides the item values: the engine's verdict at that moment. */
export interface FormRecordState {
  definitionVersion: string;
  status: 'incomplete' | 'complete';
  values: Record<string, unknown>;
  derived: unknown;
  warnings: unknown;
  missing: readonly string[];
  userId: string | null;
}

export async function insertFormRecord(
  db: Executor,
  r: FormRecordState & {
    participantId: string;
    visitId: string | null;
    formKey: string;
    entryNumber: number;
  },
): Promise<FormRecordRow> {
  return db
    .insertInto('form_record')
    .values({
      participant_id: r.participantId,
      visit_id: r.visitId,
      form_key: r.formKey,
      entry_number: r.entryNumber,
      definition_version: r.definitionVersion,
      status: r.status,
      version: 1,
      item_values: JSON.stringify(r.values),
      derived: JSON.stringify(r.derived),
      warnings: JSON.stringify(r.warnings),
      missing: JSON.stringify(r.missing),
      created_by: r.userId,
      updated_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes a new version of a form record; undefined when its version is no longer `expectedVersion`. */
export async function updateFormRecord(
  db: Executor,
  r: FormRecordState & { id: string; expectedVersion: number },
): Promise<FormRecordRow | undefined> {
  return db
    .updateTable('form_record')
    .set({
      definition_version: r.definitionVersion,
      status: r.status,
      version: r.expectedVersion + 1,
      item_values: JSON.stringify(r.values),
      derived: JSON.stringify(r.derived),
      warnings: JSON.stringify(r.warnings),
      missing: JSON.stringify(r.missing),
      updated_at: new Date(),
      updated_by: r.userId,
    })
    .where('id', '=', r.id)
    .where('version', '=', r.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function insertItemRevisions(
  db: Executor,
  rows: readonly {
    formRecordId: string;
    itemId: string;
    formVersion: number;
    value: unknown;
    reason: string | null;
    changedBy: string | null;
  }[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('item_revision')
    .values(
      rows.map((r) => ({
        form_record_id: r.formRecordId,
        item_id: r.itemId,
        form_version: r.formVersion,
        value: r.value === undefined ? null : JSON.stringify(r.value),
        reason: r.reason,
        changed_by: r.changedBy,
      })),
    )
    .execute();
}

export async function listItemRevisions(db: Executor, formRecordId: string): Promise<ItemRevisionRow[]> {
  return db
    .selectFrom('item_revision')
    .selectAll()
    .where('form_record_id', '=', formRecordId)
    .orderBy('item_id')
    .orderBy('form_version')
    .execute();
}
