import type { Selectable } from 'kysely';
import type { DataLockTable, SignatureTable, SourceVerificationTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type SourceVerificationRow = Selectable<SourceVerificationTable>;
export type SignatureRow = Selectable<SignatureTable>;
export type DataLockRow = Selectable<DataLockTable>;

export async function insertSourceVerifications(
  db: Executor,
  v: { formRecordId: string; itemIds: readonly string[]; formVersion: number; verifiedBy: string },
): Promise<SourceVerificationRow[]> {
  if (v.itemIds.length === 0) {
    return [];
  }
  return db
    .insertInto('source_verification')
    .values(
      v.itemIds.map((itemId) => ({
        form_record_id: v.formRecordId,
        item_id: itemId,
        form_version: v.formVersion,
        verified_by: v.verifiedBy,
      })),
    )
    .returningAll()
    .execute();
}

/** Active (not invalidated) verifications of a form's items. */
export async function listActiveVerifications(
  db: Executor,
  formRecordIds: readonly string[],
): Promise<SourceVerificationRow[]> {
  if (formRecordIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('source_verification')
    .selectAll()
    .where('form_record_id', 'in', [...formRecordIds])
    .where('invalidated_at', 'is', null)
    .execute();
}

export async function invalidateVerifications(
  db: Executor,
  v: { formRecordId: string; itemIds: readonly string[]; reason: string },
): Promise<SourceVerificationRow[]> {
  if (v.itemIds.length === 0) {
    return [];
  }
  return db
    .updateTable('source_verification')
    .set({ invalidated_at: new Date(), invalidated_reason: v.reason })
    .where('form_record_id', '=', v.formRecordId)
    .where('item_id', 'in', [...v.itemIds])
    .where('invalidated_at', 'is', null)
    .returningAll()
    .execute();
}

export async function insertSignature(
  db: Executor,
  s: {
    studyId: string;
    participantId: string;
    scope: 'form' | 'casebook';
    formRecordId: string | null;
    formVersion: number | null;
    meaning: string;
    signedBy: string;
  },
): Promise<SignatureRow> {
  return db
    .insertInto('signature')
    .values({
      study_id: s.studyId,
      participant_id: s.participantId,
      scope: s.scope,
      form_record_id: s.formRecordId,
      form_version: s.formVersion,
      meaning: s.meaning,
      signed_by: s.signedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listActiveSignatures(db: Executor, participantId: string): Promise<SignatureRow[]> {
  return db
    .selectFrom('signature')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('invalidated_at', 'is', null)
    .execute();
}

/** Invalidates the form's signature and the casebook signature of its participant. */
export async function invalidateSignatures(
  db: Executor,
  s: { participantId: string; formRecordId: string | null; reason: string },
): Promise<SignatureRow[]> {
  let q = db
    .updateTable('signature')
    .set({ invalidated_at: new Date(), invalidated_reason: s.reason })
    .where('participant_id', '=', s.participantId)
    .where('invalidated_at', 'is', null);
  q =
    s.formRecordId === null
      ? q
      : q.where((eb) => eb.or([eb('scope', '=', 'casebook'), eb('form_record_id', '=', s.formRecordId)]));
  return q.returningAll().execute();
}

export async function insertDataLock(
  db: Executor,
  l: {
    studyId: string;
    scope: 'form' | 'visit' | 'casebook' | 'study';
    participantId: string | null;
    visitId: string | null;
    formRecordId: string | null;
    reason: string | null;
    lockedBy: string;
  },
): Promise<DataLockRow> {
  return db
    .insertInto('data_lock')
    .values({
      study_id: l.studyId,
      scope: l.scope,
      participant_id: l.participantId,
      visit_id: l.visitId,
      form_record_id: l.formRecordId,
      reason: l.reason,
      locked_by: l.lockedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findDataLock(db: Executor, id: string): Promise<DataLockRow | undefined> {
  return db.selectFrom('data_lock').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active locks of a study (all scopes). */
export async function listActiveLocks(db: Executor, studyId: string): Promise<DataLockRow[]> {
  return db
    .selectFrom('data_lock')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('unlocked_at', 'is', null)
    .orderBy('locked_at')
    .execute();
}

export async function releaseDataLock(
  db: Executor,
  l: { id: string; unlockedBy: string; reason: string },
): Promise<DataLockRow | undefined> {
  return db
    .updateTable('data_lock')
    .set({ unlocked_at: new Date(), unlocked_by: l.unlockedBy, unlock_reason: l.reason })
    .where('id', '=', l.id)
    .where('unlocked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
