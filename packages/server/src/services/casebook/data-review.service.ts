import type { CasebookView, DataLockView, FormRecordView } from '@celltrial/contracts';
import {
  findDataLock,
  findFormRecord,
  findVisit,
  insertDataLock,
  insertSignature,
  insertSourceVerifications,
  listActiveLocks,
  listActiveSignatures,
  listActiveVerifications,
  listFormRecords,
  lockFormRecord,
  releaseDataLock,
  userDisplayNames,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { getCasebook } from './casebook.service.js';
import { toFormRecordView, toLockView } from './form-view.js';

/** What an investigator's signature on a form means (21 CFR 11.50: the meaning is part of the signature). */
export const FORM_SIGNATURE_MEANING =
  'I have reviewed the data on this form and confirm that they are accurate and complete to the best of my knowledge.';
/** What an investigator's signature on a whole casebook means. */
export const CASEBOOK_SIGNATURE_MEANING =
  "I have reviewed this participant's casebook and confirm that its data are accurate and complete.";

interface FormParams {
  readonly studyId: string;
  readonly participantId: string;
  readonly formRecordId: string;
  readonly formVersion: number;
}

async function loadFormFor(
  deps: ServiceDeps,
  actor: Actor,
  params: FormParams & { permission: 'form:verify' | 'form:sign' },
) {
  const { participant } = await loadParticipantInScope(deps, actor, params);
  const row = await findFormRecord(deps.db, params.formRecordId);
  if (row?.participant_id !== participant.id) {
    throw notFound('form record');
  }
  return { participant, row };
}

function requireVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw new AppError('STALE_VERSION', 'the form changed since you loaded it; review the current version', {
      currentVersion: current.version,
    });
  }
}

/** A monitor marks items (or every item with a value) as verified against source, for this form version. */
export async function verifyForm(
  deps: ServiceDeps,
  actor: Actor,
  params: FormParams & { itemIds?: readonly string[] | undefined },
): Promise<FormRecordView> {
  const { participant, row } = await loadFormFor(deps, actor, { ...params, permission: 'form:verify' });
  const values = row.item_values as Record<string, unknown>;
  const wanted = params.itemIds ?? Object.keys(values);
  const unknown = wanted.filter((id) => !(id in values));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `no value to verify for ${unknown.join(', ')}`, {
      issues: unknown.map((id) => ({
        path: 'body.itemIds',
        rule: 'item-has-value',
        message: `item '${id}' has no value`,
      })),
    });
  }
  return auditedWrite(deps, actor, async (tx) => {
    const current = (await lockFormRecord(tx.trx, row.id)) ?? row;
    requireVersion(current, params.formVersion);
    const already = new Set((await listActiveVerifications(tx.trx, [row.id])).map((v) => v.item_id));
    const fresh = wanted.filter((id) => !already.has(id));
    const inserted = await insertSourceVerifications(tx.trx, {
      formRecordId: row.id,
      itemIds: fresh,
      formVersion: current.version,
      verifiedBy: actor.userId ?? '',
    });
    await tx.audit({
      action: 'sdv.verify',
      entityType: 'form_record',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { items: fresh, formVersion: current.version },
    });
    for (const v of inserted) {
      await tx.audit({
        action: 'sdv.item',
        entityType: 'source_verification',
        entityId: v.id,
        studyId: participant.study_id,
        siteId: participant.site_id,
        after: { item: v.item_id, formVersion: v.form_version },
      });
    }
    return toFormRecordView(tx.trx, { row: current, participant });
  });
}

/** An investigator signs one form version (after re-authenticating; the route checks that). */
export async function signForm(deps: ServiceDeps, actor: Actor, params: FormParams): Promise<FormRecordView> {
  const { participant, row } = await loadFormFor(deps, actor, { ...params, permission: 'form:sign' });
  return auditedWrite(deps, actor, async (tx) => {
    const current = (await lockFormRecord(tx.trx, row.id)) ?? row;
    requireVersion(current, params.formVersion);
    const signed = (await listActiveSignatures(tx.trx, participant.id)).some(
      (s) => s.form_record_id === row.id,
    );
    if (signed) {
      throw new AppError('CONFLICT', 'this form version is already signed', { rule: 'already-signed' });
    }
    const signature = await insertSignature(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      scope: 'form',
      formRecordId: row.id,
      formVersion: current.version,
      meaning: FORM_SIGNATURE_MEANING,
      signedBy: actor.userId ?? '',
    });
    await tx.audit({
      action: 'signature.sign',
      entityType: 'signature',
      entityId: signature.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        scope: 'form',
        formRecordId: row.id,
        formVersion: current.version,
        meaning: FORM_SIGNATURE_MEANING,
      },
    });
    return toFormRecordView(tx.trx, { row: current, participant });
  });
}

/** An investigator signs the whole casebook: every saved form must be complete. */
export async function signCasebook(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<CasebookView> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...params, permission: 'form:sign' });
  const forms = await listFormRecords(deps.db, participant.id);
  const incomplete = forms.filter((f) => f.status !== 'complete');
  if (forms.length === 0 || incomplete.length > 0) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      forms.length === 0 ? 'the casebook has no data to sign' : `${incomplete.length} form(s) are incomplete`,
      { rule: 'casebook-complete', incomplete: incomplete.map((f) => f.form_key) },
    );
  }
  await auditedWrite(deps, actor, async (tx) => {
    const existing = (await listActiveSignatures(tx.trx, participant.id)).find((s) => s.scope === 'casebook');
    if (existing !== undefined) {
      throw new AppError('CONFLICT', 'the casebook is already signed', { rule: 'already-signed' });
    }
    const signature = await insertSignature(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      scope: 'casebook',
      formRecordId: null,
      formVersion: null,
      meaning: CASEBOOK_SIGNATURE_MEANING,
      signedBy: actor.userId ?? '',
    });
    await tx.audit({
      action: 'signature.sign',
      entityType: 'signature',
      entityId: signature.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { scope: 'casebook', meaning: CASEBOOK_SIGNATURE_MEANING, forms: forms.length },
    });
  });
  return getCasebook(deps, actor, params);
}

export interface LockInput {
  readonly studyId: string;
  readonly scope: 'form' | 'visit' | 'casebook' | 'study';
  readonly participantId?: string | undefined;
  readonly visitId?: string | undefined;
  readonly formRecordId?: string | undefined;
  readonly reason?: string | undefined;
}

/** Resolves and checks what a lock request targets; returns its participant (none for a study lock). */
async function lockTarget(deps: ServiceDeps, actor: Actor, input: LockInput) {
  if (input.scope === 'study') {
    return { participant: null as ParticipantRow | null, visitId: null, formRecordId: null };
  }
  if (input.participantId === undefined) {
    throw new AppError('VALIDATION_FAILED', `a ${input.scope} lock names the participant`, {
      issues: [{ path: 'body.participantId', rule: 'required', message: 'participantId is required' }],
    });
  }
  const { participant } = await loadParticipantInScope(deps, actor, {
    studyId: input.studyId,
    participantId: input.participantId,
    permission: 'form:lock',
  });
  let visitId: string | null = null;
  let formRecordId: string | null = null;
  if (input.scope === 'visit') {
    const visit = input.visitId === undefined ? undefined : await findVisit(deps.db, input.visitId);
    if (visit?.participant_id !== participant.id) {
      throw notFound('visit');
    }
    visitId = visit.id;
  }
  if (input.scope === 'form') {
    const form =
      input.formRecordId === undefined ? undefined : await findFormRecord(deps.db, input.formRecordId);
    if (form?.participant_id !== participant.id) {
      throw notFound('form record');
    }
    formRecordId = form.id;
  }
  return { participant, visitId, formRecordId };
}

/** A data manager locks a form, visit, casebook or the whole study; locked data cannot change. */
export async function lockData(deps: ServiceDeps, actor: Actor, input: LockInput): Promise<DataLockView> {
  const target = await lockTarget(deps, actor, input);
  return auditedWrite(deps, actor, async (tx) => {
    const locks = await listActiveLocks(tx.trx, input.studyId);
    const same = locks.find(
      (l) =>
        l.scope === input.scope &&
        (input.scope === 'study' ||
          (l.participant_id === target.participant?.id &&
            l.visit_id === target.visitId &&
            l.form_record_id === target.formRecordId)),
    );
    if (same !== undefined) {
      throw new AppError('CONFLICT', `the ${input.scope} is already locked`, { lock: { id: same.id } });
    }
    const row = await insertDataLock(tx.trx, {
      studyId: input.studyId,
      scope: input.scope,
      participantId: target.participant?.id ?? null,
      visitId: target.visitId,
      formRecordId: target.formRecordId,
      reason: input.reason ?? null,
      lockedBy: actor.userId ?? '',
    });
    await tx.audit({
      action: 'lock.lock',
      entityType: 'data_lock',
      entityId: row.id,
      studyId: input.studyId,
      siteId: target.participant?.site_id ?? null,
      after: {
        scope: row.scope,
        participantId: row.participant_id,
        visitId: row.visit_id,
        formRecordId: row.form_record_id,
      },
      reason: input.reason ?? null,
    });
    return toLockView(row, await userDisplayNames(tx.trx, [row.locked_by]));
  });
}

/** A data manager unlocks with a reason (audited); the data may then be corrected. */
export async function unlockData(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; lockId: string; reason: string },
): Promise<DataLockView> {
  const lock = await findDataLock(deps.db, params.lockId);
  if (lock?.study_id !== params.studyId) {
    throw notFound('lock');
  }
  if (lock.participant_id !== null) {
    await loadParticipantInScope(deps, actor, {
      studyId: params.studyId,
      participantId: lock.participant_id,
      permission: 'form:lock',
    });
  }
  return auditedWrite(deps, actor, async (tx) => {
    const row = await releaseDataLock(tx.trx, {
      id: lock.id,
      unlockedBy: actor.userId ?? '',
      reason: params.reason,
    });
    if (row === undefined) {
      throw new AppError('CONFLICT', 'the lock was already released', { rule: 'already-unlocked' });
    }
    await tx.audit({
      action: 'lock.unlock',
      entityType: 'data_lock',
      entityId: row.id,
      studyId: params.studyId,
      before: { scope: row.scope, locked: true },
      after: { locked: false },
      reason: params.reason,
    });
    return toLockView(row, await userDisplayNames(tx.trx, [row.locked_by, row.unlocked_by]));
  });
}

export async function listLocks(
  deps: ServiceDeps,
  params: { studyId: string },
): Promise<{ locks: DataLockView[] }> {
  const rows = await listActiveLocks(deps.db, params.studyId);
  const names = await userDisplayNames(
    deps.db,
    rows.map((r) => r.locked_by),
  );
  return { locks: rows.map((r) => toLockView(r, names)) };
}
