import type { DataLockView, DataQueryView, FormRecordView, SignatureView } from '@celltrial/contracts';
import {
  findVisit,
  listActiveLocks,
  listActiveSignatures,
  listActiveVerifications,
  listFormQueries,
  listQueryMessages,
  userDisplayNames,
  type DataLockRow,
  type DataQueryRow,
  type Executor,
  type FormRecordRow,
  type ParticipantRow,
  type SignatureRow,
} from '@celltrial/db';
import { lockCovering } from './casebook-support.js';

const iso = (d: Date): string => d.toISOString();

export function toLockView(row: DataLockRow, names: ReadonlyMap<string, string>): DataLockView {
  return {
    id: row.id,
    scope: row.scope as DataLockView['scope'],
    participantId: row.participant_id,
    visitId: row.visit_id,
    formRecordId: row.form_record_id,
    reason: row.reason,
    lockedBy: names.get(row.locked_by) ?? row.locked_by,
    lockedAt: iso(row.locked_at),
    unlockedAt: row.unlocked_at === null ? null : iso(row.unlocked_at),
    unlockReason: row.unlock_reason,
  };
}

export function toSignatureView(row: SignatureRow, names: ReadonlyMap<string, string>): SignatureView {
  return {
    id: row.id,
    scope: row.scope as SignatureView['scope'],
    meaning: row.meaning,
    signedBy: names.get(row.signed_by) ?? row.signed_by,
    signedAt: iso(row.signed_at),
    formVersion: row.form_version,
  };
}

/** Query rows with their threads, as the API shows them. */
export async function toQueryViews(
  db: Executor,
  params: {
    rows: readonly DataQueryRow[];
    participantNumber: (participantId: string) => string;
    formOf: (formRecordId: string) => { formKey: string; visitKey: string | null };
  },
): Promise<DataQueryView[]> {
  const messages = await listQueryMessages(
    db,
    params.rows.map((r) => r.id),
  );
  const names = await userDisplayNames(db, [
    ...params.rows.map((r) => r.opened_by),
    ...messages.map((m) => m.author_id),
  ]);
  return params.rows.map((r) => {
    const form = params.formOf(r.form_record_id);
    return {
      id: r.id,
      studyId: r.study_id,
      siteId: r.site_id,
      participantId: r.participant_id,
      participantNumber: params.participantNumber(r.participant_id),
      formRecordId: r.form_record_id,
      formKey: form.formKey,
      visitKey: form.visitKey,
      itemId: r.item_id,
      status: r.status as DataQueryView['status'],
      origin: r.origin as DataQueryView['origin'],
      checkId: r.check_id,
      itemValue: r.item_value ?? null,
      openedAt: iso(r.opened_at),
      openedBy: r.opened_by === null ? null : (names.get(r.opened_by) ?? null),
      messages: messages
        .filter((m) => m.query_id === r.id)
        .map((m) => ({
          action: m.action as DataQueryView['messages'][number]['action'],
          body: m.body,
          author: m.author_id === null ? 'system' : (names.get(m.author_id) ?? null),
          at: iso(m.created_at),
        })),
    };
  });
}

export function participantNumberOf(participant: ParticipantRow): string {
  return participant.subject_number ?? participant.screening_number;
}

/** The full view of one form record: values, derived scores, queries, verifications, signature and lock. */
export async function toFormRecordView(
  db: Executor,
  params: { row: FormRecordRow; participant: ParticipantRow },
): Promise<FormRecordView> {
  const { row, participant } = params;
  const visit = row.visit_id === null ? undefined : await findVisit(db, row.visit_id);
  const [queryRows, verifications, signatures, locks] = await Promise.all([
    listFormQueries(db, row.id),
    listActiveVerifications(db, [row.id]),
    listActiveSignatures(db, participant.id),
    listActiveLocks(db, participant.study_id),
  ]);
  const signature = signatures.find((s) => s.scope === 'form' && s.form_record_id === row.id);
  const lock = lockCovering(locks, {
    participantId: participant.id,
    visitId: row.visit_id,
    formRecordId: row.id,
  });
  const names = await userDisplayNames(db, [
    row.updated_by,
    ...verifications.map((v) => v.verified_by),
    signature?.signed_by ?? null,
    lock?.locked_by ?? null,
  ]);
  return {
    id: row.id,
    participantId: row.participant_id,
    visitId: row.visit_id,
    visitKey: visit?.visit_key ?? null,
    formKey: row.form_key,
    entryNumber: row.entry_number,
    definitionVersion: row.definition_version,
    status: row.status as FormRecordView['status'],
    version: row.version,
    values: row.item_values as FormRecordView['values'],
    derived: row.derived as FormRecordView['derived'],
    warnings: row.warnings as FormRecordView['warnings'],
    missing: row.missing as string[],
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by === null ? null : (names.get(row.updated_by) ?? null),
    queries: await toQueryViews(db, {
      rows: queryRows,
      participantNumber: () => participantNumberOf(participant),
      formOf: () => ({ formKey: row.form_key, visitKey: visit?.visit_key ?? null }),
    }),
    verifications: verifications.map((v) => ({
      itemId: v.item_id,
      formVersion: v.form_version,
      verifiedBy: names.get(v.verified_by) ?? v.verified_by,
      verifiedAt: iso(v.verified_at),
    })),
    signature: signature === undefined ? null : toSignatureView(signature, names),
    lock: lock === undefined ? null : toLockView(lock, names),
    synthetic: participant.synthetic,
  };
}
