import { checkAccess, isBlindedInStudy, type Permission } from '@celltrial/core';
import { findParticipant, findSiteById, type ParticipantRow, type SiteRow } from '@celltrial/db';
import { AppError, notFound } from '../errors/app-error.js';
import type { Actor, ServiceDeps } from './service-context.js';

/** Throws FORBIDDEN unless the actor holds the permission on this study site. */
export function requireSiteAccess(
  actor: Actor,
  params: { studyId: string; siteId: string; permission: Permission },
): void {
  const decision =
    actor.principal === null
      ? { allowed: false as const, reason: 'no-role-in-study' }
      : checkAccess(actor.principal, params.permission, { studyId: params.studyId, siteId: params.siteId });
  if (!decision.allowed) {
    throw new AppError(
      'FORBIDDEN',
      `you lack the permission ${params.permission} at this site (${decision.reason})`,
      {
        permission: params.permission,
        reason: decision.reason,
      },
    );
  }
}

export interface ParticipantInScope {
  readonly participant: ParticipantRow;
  readonly site: SiteRow;
}

/**
 * Loads a participant of the study for an actor who holds `permission` at its site. A participant at a
 * site the actor cannot see is reported as not found, so its existence is not revealed.
 */
export async function loadParticipantInScope(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; permission: Permission },
): Promise<ParticipantInScope> {
  const participant = await findParticipant(deps.db, params.participantId);
  if (participant?.study_id !== params.studyId) {
    throw notFound('participant');
  }
  const canSee =
    actor.principal !== null &&
    checkAccess(actor.principal, 'subject:read', { studyId: params.studyId, siteId: participant.site_id })
      .allowed;
  if (!canSee) {
    throw notFound('participant');
  }
  requireSiteAccess(actor, {
    studyId: params.studyId,
    siteId: participant.site_id,
    permission: params.permission,
  });
  const site = await findSiteById(deps.db, participant.site_id);
  if (site === undefined) {
    throw new Error(`participant ${participant.id} has no site`);
  }
  return { participant, site };
}

/** Whether this actor may see treatment arms in this study (pharmacist, unblinded statistician). */
export function actorIsUnblinded(actor: Actor, studyId: string): boolean {
  return actor.principal !== null && !isBlindedInStudy(actor.principal, studyId);
}
