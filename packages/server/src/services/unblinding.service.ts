import {
  findAllocationByParticipant,
  findProtocolVersion,
  insertNotification,
  insertUnblindingEvent,
} from '@celltrial/db';
import type { Protocol } from '@celltrial/core';
import { AppError } from '../errors/app-error.js';
import { auditedWrite } from './audited-write.js';
import { loadParticipantInScope } from './participant-access.js';
import type { Actor, ServiceDeps } from './service-context.js';

export interface UnblindOutcome {
  readonly participantId: string;
  readonly subjectNumber: string | null;
  readonly arm: { readonly id: string; readonly name: string };
  readonly unblindedAt: string;
}

/**
 * Emergency unblinding of one participant by an investigator (the route demands a fresh password): the
 * reason is required and audited, the study's data managers are notified, and only this participant's
 * arm is revealed, to this investigator.
 */
export async function emergencyUnblind(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; reason: string },
): Promise<UnblindOutcome> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'allocation:emergency-unblind',
  });
  const allocation = await findAllocationByParticipant(deps.db, participant.id);
  if (allocation === undefined) {
    throw new AppError('BUSINESS_RULE_VIOLATED', 'the participant has not been randomized', {
      rule: 'randomized',
    });
  }
  if (actor.userId === null) {
    throw new AppError('UNAUTHENTICATED', 'emergency unblinding needs a logged-in investigator');
  }
  const userId = actor.userId;
  const version = await findProtocolVersion(deps.db, {
    studyId: participant.study_id,
    version: participant.protocol_version,
  });
  const protocol = version?.content as Protocol | undefined;
  const armName = protocol?.design.arms.find((a) => a.id === allocation.arm_id)?.name ?? allocation.arm_id;
  const event = await auditedWrite(deps, actor, async (tx) => {
    const e = await insertUnblindingEvent(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      requestedBy: userId,
      reason: params.reason,
    });
    await tx.audit({
      action: 'allocation.emergency-unblind',
      entityType: 'unblinding_event',
      entityId: e.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        participantId: participant.id,
        subjectNumber: participant.subject_number,
        kitCode: allocation.kit_code,
      },
      reason: params.reason,
    });
    await insertNotification(tx.trx, {
      studyId: participant.study_id,
      recipientRole: 'data-manager',
      recipientUserId: null,
      kind: 'emergency-unblinding',
      message: `Emergency unblinding of ${participant.subject_number ?? participant.screening_number} by ${actor.name}: ${params.reason}`,
      payload: { participantId: participant.id, unblindingEventId: e.id },
    });
    return e;
  });
  return {
    participantId: participant.id,
    subjectNumber: participant.subject_number,
    arm: { id: allocation.arm_id, name: armName },
    unblindedAt: event.created_at.toISOString(),
  };
}
