import type { FormRecordView } from '@celltrial/contracts';
import { evaluateFormEntry, findFormDefinition, type FormDefinition, type Protocol } from '@celltrial/core';
import {
  findFormRecord,
  findFormSlot,
  findVisit,
  insertFormRecord,
  insertItemRevisions,
  invalidateSignatures,
  invalidateVerifications,
  lockFormRecord,
  nextLogEntryNumber,
  updateFormRecord,
  type FormRecordRow,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import type { AuditedTransaction } from '../audited-write.js';
import { auditedWrite } from '../audited-write.js';
import { loadParticipantInScope } from '../participant-access.js';
import { proposeLabAdverseEvents } from '../safety/lab-ae-proposals.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { changedItems, protocolOfParticipant, refuseIfLocked } from './casebook-support.js';
import { syncEditCheckQueries } from './edit-check-queries.js';
import { buildFormContext } from './form-context.js';
import { toFormRecordView } from './form-view.js';

export interface SaveFormInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly values: Record<string, unknown>;
  readonly expectedVersion: number;
  readonly reasonForChange?: string | undefined;
}

export type SaveFormResult = FormRecordView & { raisedQueries: number; closedQueries: number };

/** Where the form goes: a visit form (created on first save), a new log entry, or an existing record. */
type FormSlot =
  | { readonly kind: 'visit'; readonly visitId: string; readonly formKey: string }
  | { readonly kind: 'new-log-entry'; readonly formKey: string }
  | { readonly kind: 'record'; readonly formRecordId: string };

function definitionFor(protocol: Protocol, formKey: string): FormDefinition {
  if (!protocol.forms.some((f) => f.id === formKey)) {
    throw new AppError('BUSINESS_RULE_VIOLATED', `the protocol has no form '${formKey}'`, {
      rule: 'form-in-protocol',
    });
  }
  const definition = findFormDefinition(formKey);
  if (definition === undefined) {
    throw new Error(`protocol form '${formKey}' has no definition in the form library`);
  }
  return definition;
}

/** Checks that the form belongs at the visit: the visit is recorded as done and lists the form. */
async function visitForForm(
  deps: ServiceDeps,
  params: { participant: ParticipantRow; protocol: Protocol; visitId: string; formKey: string; kind: string },
): Promise<{ id: string; date: string }> {
  const visit = await findVisit(deps.db, params.visitId);
  if (visit?.participant_id !== params.participant.id) {
    throw notFound('visit');
  }
  if (visit.status !== 'done' || visit.actual_date === null) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'record the visit date before entering its forms', {
      rule: 'visit-done-first',
    });
  }
  if (params.kind === 'log') {
    throw new AppError('BUSINESS_RULE_VIOLATED', `'${params.formKey}' is a log, not a visit form`, {
      rule: 'log-form',
    });
  }
  const planned = params.protocol.visits.find((v) => v.id === visit.visit_key);
  if (!visit.unscheduled && planned !== undefined && !(planned.forms ?? []).includes(params.formKey)) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `visit '${visit.visit_key}' does not collect the form '${params.formKey}'`,
      { rule: 'form-at-visit' },
    );
  }
  return { id: visit.id, date: visit.actual_date };
}

function reasonOrRefuse(input: SaveFormInput): string {
  const reason = input.reasonForChange?.trim() ?? '';
  if (reason.length < 3) {
    throw new AppError('VALIDATION_FAILED', 'a change to saved data needs a reason', {
      issues: [
        {
          path: 'body.reasonForChange',
          rule: 'reason-for-change',
          message: 'give a reason for changing saved data',
        },
      ],
    });
  }
  return reason;
}

async function staleVersion(
  tx: AuditedTransaction,
  params: { row: FormRecordRow; participant: ParticipantRow },
): Promise<AppError> {
  return new AppError('STALE_VERSION', 'the form changed since you loaded it; nothing was saved', {
    currentVersion: params.row.version,
    current: await toFormRecordView(tx.trx, params),
  });
}

/** Loads everything a save needs, outside the transaction (reads only). */
async function prepareSave(
  deps: ServiceDeps,
  actor: Actor,
  params: { input: SaveFormInput; slot: FormSlot },
) {
  const { participant } = await loadParticipantInScope(deps, actor, {
    studyId: params.input.studyId,
    participantId: params.input.participantId,
    permission: 'form:write',
  });
  if (
    participant.status !== 'enrolled' &&
    participant.status !== 'completed' &&
    participant.status !== 'withdrawn'
  ) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `casebook forms open at enrolment; the participant is ${participant.status}`,
      {
        rule: 'enrolled',
      },
    );
  }
  const protocol = await protocolOfParticipant(deps.db, participant);
  let existing: FormRecordRow | undefined;
  let formKey: string;
  let visitId: string | null = null;
  if (params.slot.kind === 'record') {
    existing = await findFormRecord(deps.db, params.slot.formRecordId);
    if (existing?.participant_id !== participant.id) {
      throw notFound('form record');
    }
    formKey = existing.form_key;
    visitId = existing.visit_id;
  } else {
    formKey = params.slot.formKey;
  }
  const definition = definitionFor(protocol, formKey);
  let visitDate: string | null = null;
  if (params.slot.kind === 'visit') {
    const visit = await visitForForm(deps, {
      participant,
      protocol,
      visitId: params.slot.visitId,
      formKey,
      kind: definition.kind,
    });
    visitId = visit.id;
    visitDate = visit.date;
    existing = await findFormSlot(deps.db, {
      participantId: participant.id,
      visitId,
      formKey,
      entryNumber: 1,
    });
  } else if (params.slot.kind === 'new-log-entry' && definition.kind !== 'log') {
    throw new AppError('BUSINESS_RULE_VIOLATED', `'${formKey}' is a visit form, not a log`, {
      rule: 'visit-form',
    });
  } else if (visitId !== null) {
    visitDate = (await findVisit(deps.db, visitId))?.actual_date ?? null;
  }
  const context = await buildFormContext(deps.db, { participant, protocol, visitDate });
  const evaluation = evaluateFormEntry(definition, { values: params.input.values, context });
  if (evaluation.errors.length > 0) {
    throw new AppError(
      'FORM_INVALID',
      `the ${definition.name} form has ${evaluation.errors.length} error(s); nothing was saved`,
      {
        issues: evaluation.errors.map((e) => ({ path: `values.${e.item}`, ...e })),
      },
    );
  }
  return { participant, definition, evaluation, existing, formKey, visitId };
}

/**
 * Saves a form: the engine checks every item (hard errors refuse the save, nothing written), derives the
 * scores, and the record, its changed items' history, the invalidation of signatures and verifications and
 * the automatic queries are written in one audited transaction. A stale version is refused with the current
 * values (409); a change to saved values needs a reason.
 */
async function saveForm(
  deps: ServiceDeps,
  actor: Actor,
  params: { input: SaveFormInput; slot: FormSlot },
): Promise<SaveFormResult> {
  const prepared = await prepareSave(deps, actor, params);
  const { participant, definition, evaluation, formKey, visitId } = prepared;
  const { input } = params;
  const state = {
    definitionVersion: definition.version,
    status: evaluation.complete ? ('complete' as const) : ('incomplete' as const),
    values: evaluation.values as Record<string, unknown>,
    derived: evaluation.derived,
    warnings: evaluation.warnings,
    missing: evaluation.missing,
    userId: actor.userId,
  };
  const unchanged =
    prepared.existing !== undefined &&
    prepared.existing.version === input.expectedVersion &&
    changedItems(prepared.existing.item_values as Record<string, unknown>, state.values).length === 0;
  if (unchanged && prepared.existing !== undefined) {
    const view = await toFormRecordView(deps.db, { row: prepared.existing, participant });
    return { ...view, raisedQueries: 0, closedQueries: 0 };
  }
  return auditedWrite(deps, actor, async (tx) => {
    const current =
      prepared.existing === undefined ? undefined : await lockFormRecord(tx.trx, prepared.existing.id);
    await refuseIfLocked(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      visitId,
      formRecordId: current?.id ?? null,
    });
    if ((current?.version ?? 0) !== input.expectedVersion) {
      if (current === undefined) {
        throw new AppError('STALE_VERSION', 'the form does not exist yet; create it with expectedVersion 0', {
          currentVersion: 0,
          current: null,
        });
      }
      throw await staleVersion(tx, { row: current, participant });
    }
    const before = (current?.item_values ?? {}) as Record<string, unknown>;
    const changed = changedItems(before, state.values);
    const reason = current === undefined ? null : reasonOrRefuse(input);
    let row: FormRecordRow;
    if (current === undefined) {
      const entryNumber =
        params.slot.kind === 'new-log-entry'
          ? await nextLogEntryNumber(tx.trx, { participantId: participant.id, formKey })
          : 1;
      row = await insertFormRecord(tx.trx, {
        ...state,
        participantId: participant.id,
        visitId,
        formKey,
        entryNumber,
      });
    } else {
      const updated = await updateFormRecord(tx.trx, {
        ...state,
        id: current.id,
        expectedVersion: current.version,
      });
      if (updated === undefined) {
        throw await staleVersion(tx, { row: current, participant });
      }
      row = updated;
    }
    await insertItemRevisions(
      tx.trx,
      changed.map((itemId) => ({
        formRecordId: row.id,
        itemId,
        formVersion: row.version,
        value: state.values[itemId],
        reason,
        changedBy: actor.userId,
      })),
    );
    await tx.audit({
      action: current === undefined ? 'form.create' : 'form.update',
      entityType: 'form_record',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before:
        current === undefined ? null : Object.fromEntries(changed.map((id) => [id, before[id] ?? null])),
      after: {
        form: formKey,
        version: row.version,
        status: row.status,
        values: Object.fromEntries(changed.map((id) => [id, state.values[id] ?? null])),
        derived: state.derived,
      },
      reason,
    });
    if (current !== undefined && changed.length > 0) {
      await invalidateReviews(tx, { participant, row, changed, reason: reason ?? '' });
    }
    const queries = await syncEditCheckQueries(tx, {
      participant,
      form: row,
      fired: evaluation.warnings,
      values: state.values,
    });
    // A 'labs' form proposes AEs for values graded at or above the protocol's threshold (issue #6).
    await proposeLabAdverseEvents(tx, { participant, form: row });
    const view = await toFormRecordView(tx.trx, { row, participant });
    return { ...view, raisedQueries: queries.raised, closedQueries: queries.closed };
  });
}

/** A change invalidates the form's (and casebook's) signatures and the changed items' verifications. */
async function invalidateReviews(
  tx: AuditedTransaction,
  params: { participant: ParticipantRow; row: FormRecordRow; changed: readonly string[]; reason: string },
): Promise<void> {
  const { participant, row } = params;
  const because = `data changed after review: ${params.reason}`;
  const signatures = await invalidateSignatures(tx.trx, {
    participantId: participant.id,
    formRecordId: row.id,
    reason: because,
  });
  for (const s of signatures) {
    await tx.audit({
      action: 'signature.invalidate',
      entityType: 'signature',
      entityId: s.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { scope: s.scope, formRecordId: s.form_record_id },
      reason: because,
    });
  }
  const verifications = await invalidateVerifications(tx.trx, {
    formRecordId: row.id,
    itemIds: params.changed,
    reason: because,
  });
  for (const v of verifications) {
    await tx.audit({
      action: 'sdv.invalidate',
      entityType: 'source_verification',
      entityId: v.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { item: v.item_id },
      reason: because,
    });
  }
}

export const saveVisitForm = (
  deps: ServiceDeps,
  actor: Actor,
  input: SaveFormInput & { visitId: string; formKey: string },
): Promise<SaveFormResult> =>
  saveForm(deps, actor, { input, slot: { kind: 'visit', visitId: input.visitId, formKey: input.formKey } });

export const createLogEntry = (
  deps: ServiceDeps,
  actor: Actor,
  input: SaveFormInput & { formKey: string },
): Promise<SaveFormResult> =>
  saveForm(deps, actor, { input, slot: { kind: 'new-log-entry', formKey: input.formKey } });

export const updateFormRecordValues = (
  deps: ServiceDeps,
  actor: Actor,
  input: SaveFormInput & { formRecordId: string },
): Promise<SaveFormResult> =>
  saveForm(deps, actor, { input, slot: { kind: 'record', formRecordId: input.formRecordId } });
