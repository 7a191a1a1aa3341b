import type { FormRecordView } from '@celltrial/contracts';
import { findFormRecord, findVisit, listItemRevisions, userDisplayNames } from '@celltrial/db';
import { notFound } from '../../errors/app-error.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { protocolOfParticipant } from './casebook-support.js';
import { buildFormContext } from './form-context.js';
import { toFormRecordView } from './form-view.js';

interface FormParams {
  readonly studyId: string;
  readonly participantId: string;
  readonly formRecordId: string;
}

async function loadForm(deps: ServiceDeps, actor: Actor, params: FormParams) {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const row = await findFormRecord(deps.db, params.formRecordId);
  if (row?.participant_id !== participant.id) {
    throw notFound('form record');
  }
  return { participant, row };
}

export async function getFormRecord(
  deps: ServiceDeps,
  actor: Actor,
  params: FormParams,
): Promise<FormRecordView> {
  return toFormRecordView(deps.db, await loadForm(deps, actor, params));
}

/** Every value each item has had, with who changed it, when and why (oldest first per item). */
export async function getFormHistory(deps: ServiceDeps, actor: Actor, params: FormParams) {
  const { row } = await loadForm(deps, actor, params);
  const revisions = await listItemRevisions(deps.db, row.id);
  const names = await userDisplayNames(
    deps.db,
    revisions.map((r) => r.changed_by),
  );
  return {
    revisions: revisions.map((r) => ({
      itemId: r.item_id,
      formVersion: r.form_version,
      value: r.value ?? null,
      reason: r.reason,
      changedBy: r.changed_by === null ? null : (names.get(r.changed_by) ?? null),
      changedAt: r.changed_at.toISOString(),
    })),
  };
}

/** The form engine's context for the participant at a visit (or without one, for logs), minus GLI tables. */
export async function getFormContext(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; visitId?: string | undefined },
) {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  let visitDate: string | null = null;
  if (params.visitId !== undefined) {
    const visit = await findVisit(deps.db, params.visitId);
    if (visit?.participant_id !== participant.id) {
      throw notFound('visit');
    }
    visitDate = visit.actual_date;
  }
  const protocol = await protocolOfParticipant(deps.db, participant);
  const { gliTables: _tables, ...context } = await buildFormContext(deps.db, {
    participant,
    protocol,
    visitDate,
  });
  return { visitId: params.visitId ?? null, context: context as Record<string, unknown> };
}
