import type { AdverseEventDetailView, AdverseEventFields, AdverseEventView } from '@celltrial/contracts';
import {
  findAdverseEvent,
  insertAdverseEvent,
  insertAdverseEventRevision,
  listAdverseEventRevisions,
  listAdverseEvents,
  lockAdverseEvent,
  updateAdverseEvent,
  userDisplayNames,
  type AdverseEventRow,
  type AdverseEventState,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { auditedWrite, type AuditedTransaction } from '../audited-write.js';
import { protocolOfParticipant, sameValue, todayOf } from '../casebook/casebook-support.js';
import { participantNumberOf } from '../casebook/form-view.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { toAdverseEventState } from './ae-input.js';
import { stateOf, toAdverseEventViews } from './ae-view.js';
import { aeProceduresOf } from './safety-support.js';

interface ParticipantParams {
  readonly studyId: string;
  readonly participantId: string;
}

export async function viewOf(
  db: ServiceDeps['db'],
  params: { row: AdverseEventRow; participant: ParticipantRow; now: Date },
): Promise<AdverseEventView> {
  const [view] = await toAdverseEventViews(db, {
    rows: [params.row],
    participantNumber: () => participantNumberOf(params.participant),
    now: params.now,
  });
  if (view === undefined) {
    throw new Error('an AE row produced no view');
  }
  return view;
}

/** A participant's AEs, the procedures to assess causality against, and the protocol's CTCAE settings. */
export async function listParticipantAdverseEvents(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams,
) {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const rows = await listAdverseEvents(deps.db, participant.id);
  return {
    adverseEvents: await toAdverseEventViews(deps.db, {
      rows,
      participantNumber: () => participantNumberOf(participant),
      now: deps.clock.now(),
    }),
    procedures: aeProceduresOf(protocol),
    ctcaeVersion: protocol.safety.ctcaeVersion,
    aeGradeThreshold: protocol.safety.aeGradeThreshold,
  };
}

/** Loads an AE of the participant (404 when it belongs to another). */
export async function loadAdverseEvent(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams & { aeId: string; permission: 'subject:read' | 'safety:write' },
): Promise<{ participant: ParticipantRow; row: AdverseEventRow }> {
  const { participant } = await loadParticipantInScope(deps, actor, params);
  const row = await findAdverseEvent(deps.db, params.aeId);
  if (row?.participant_id !== participant.id) {
    throw notFound('adverse event');
  }
  return { participant, row };
}

/** Fields that differ between two stored states. */
export function changedFields(before: AdverseEventState, after: AdverseEventState): string[] {
  return (Object.keys(after) as (keyof AdverseEventState)[]).filter((k) => !sameValue(before[k], after[k]));
}

/** One AE with every saved version (what changed, who, when, why). */
export async function getAdverseEvent(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams & { aeId: string },
): Promise<AdverseEventDetailView> {
  const { participant, row } = await loadAdverseEvent(deps, actor, { ...params, permission: 'subject:read' });
  const revisions = await listAdverseEventRevisions(deps.db, row.id);
  const names = await userDisplayNames(
    deps.db,
    revisions.map((r) => r.changed_by),
  );
  let previous: AdverseEventState | null = null;
  const history = revisions.map((r) => {
    const data = r.data as AdverseEventState;
    const fields =
      previous === null ? (Object.keys(data) as (keyof AdverseEventState)[]) : changedFields(previous, data);
    const before = previous;
    previous = data;
    return {
      version: r.version,
      changedAt: r.changed_at.toISOString(),
      changedBy: r.changed_by === null ? null : (names.get(r.changed_by) ?? null),
      reason: r.reason,
      changes: fields.map((field) => ({
        field,
        before: before === null ? null : (before[field as keyof AdverseEventState] ?? null),
        after: data[field as keyof AdverseEventState] ?? null,
      })),
    };
  });
  return { ...(await viewOf(deps.db, { row, participant, now: deps.clock.now() })), revisions: history };
}

function refuseUnlessEnrolled(participant: ParticipantRow): void {
  if (participant.status === 'screening' || participant.status === 'screen-failed') {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `adverse events are recorded from enrolment on; the participant is ${participant.status}`,
      { rule: 'enrolled' },
    );
  }
}

/** Inserts an AE with its first revision and audit row, inside the caller's transaction. */
export async function insertAuditedAdverseEvent(
  tx: AuditedTransaction,
  params: {
    participant: ParticipantRow;
    state: AdverseEventState;
    source: 'manual' | 'lab-proposal';
    actor: Actor;
    proposalId?: string;
  },
): Promise<AdverseEventRow> {
  const { participant, state } = params;
  const row = await insertAdverseEvent(tx.trx, {
    studyId: participant.study_id,
    siteId: participant.site_id,
    participantId: participant.id,
    source: params.source,
    state,
    userId: params.actor.userId,
  });
  await insertAdverseEventRevision(tx.trx, {
    adverseEventId: row.id,
    version: 1,
    state,
    reason: null,
    userId: params.actor.userId,
  });
  await tx.audit({
    action: 'adverse-event.create',
    entityType: 'adverse_event',
    entityId: row.id,
    studyId: participant.study_id,
    siteId: participant.site_id,
    after: {
      aeNumber: row.ae_number,
      version: 1,
      source: params.source,
      proposalId: params.proposalId ?? null,
      ...state,
    },
  });
  return row;
}

/** Records an AE (validated by core; 422 naming each field, nothing saved). */
export async function createAdverseEvent(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams & { fields: AdverseEventFields },
): Promise<AdverseEventView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'safety:write',
  });
  refuseUnlessEnrolled(participant);
  const protocol = await protocolOfParticipant(deps.db, participant);
  const state = toAdverseEventState(params.fields, {
    today: todayOf(deps),
    now: deps.clock.now(),
    procedures: aeProceduresOf(protocol).map((p) => p.id),
  });
  return auditedWrite(deps, actor, async (tx) => {
    const row = await insertAuditedAdverseEvent(tx, { participant, state, source: 'manual', actor });
    return viewOf(tx.trx, { row, participant, now: deps.clock.now() });
  });
}

/**
 * Saves a new version of an AE: a stale version is refused with the current record (409), a reason for change is
 * required, the previous values stay in the revision history and the audit trail.
 */
export async function updateAdverseEventRecord(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams & {
    aeId: string;
    fields: AdverseEventFields;
    expectedVersion: number;
    reasonForChange: string;
  },
): Promise<AdverseEventView> {
  const { participant, row: loaded } = await loadAdverseEvent(deps, actor, {
    ...params,
    permission: 'safety:write',
  });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const state = toAdverseEventState(params.fields, {
    today: todayOf(deps),
    now: deps.clock.now(),
    procedures: aeProceduresOf(protocol).map((p) => p.id),
  });
  const now = deps.clock.now();
  if (loaded.version === params.expectedVersion && changedFields(stateOf(loaded), state).length === 0) {
    return viewOf(deps.db, { row: loaded, participant, now });
  }
  return auditedWrite(deps, actor, async (tx) => {
    const current = await lockAdverseEvent(tx.trx, loaded.id);
    if (current === undefined) {
      throw notFound('adverse event');
    }
    const stale = async () =>
      new AppError('STALE_VERSION', 'the adverse event changed since you loaded it; nothing was saved', {
        currentVersion: current.version,
        current: await viewOf(tx.trx, { row: current, participant, now }),
      });
    if (current.version !== params.expectedVersion) {
      throw await stale();
    }
    const before = stateOf(current);
    const changed = changedFields(before, state);
    const updated = await updateAdverseEvent(tx.trx, {
      id: current.id,
      expectedVersion: current.version,
      state,
      userId: actor.userId,
    });
    if (updated === undefined) {
      throw await stale();
    }
    await insertAdverseEventRevision(tx.trx, {
      adverseEventId: updated.id,
      version: updated.version,
      state,
      reason: params.reasonForChange,
      userId: actor.userId,
    });
    await tx.audit({
      action: 'adverse-event.update',
      entityType: 'adverse_event',
      entityId: updated.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof AdverseEventState] ?? null])),
      after: {
        version: updated.version,
        ...Object.fromEntries(changed.map((k) => [k, state[k as keyof AdverseEventState] ?? null])),
      },
      reason: params.reasonForChange,
    });
    return viewOf(tx.trx, { row: updated, participant, now });
  });
}
