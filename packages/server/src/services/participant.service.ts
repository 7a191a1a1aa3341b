import type { ParticipantView } from '@celltrial/contracts';
import { visibleSiteIds } from '@celltrial/core';
import {
  findCurrentProtocolVersion,
  findSiteById,
  insertParticipant,
  latestEligibilityAssessment,
  listParticipants,
  nextSiteSequence,
  sql,
  updateParticipant,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../errors/app-error.js';
import { auditedWrite } from './audited-write.js';
import { loadParticipantInScope, requireSiteAccess } from './participant-access.js';
import { toParticipantViews } from './participant-view.js';
import { getCurrentProtocol } from './protocol.service.js';
import type { Actor, ServiceDeps } from './service-context.js';

/** Serialises numbering within a study (screening and subject numbers) across app instances. */
export async function lockStudyNumbering(db: ServiceDeps['db'], studyId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`numbering:${studyId}`}))`.execute(db);
}

const pad = (n: number): string => String(n).padStart(3, '0');

/** A coordinator registers a candidate at a site: the participant gets a site-prefixed screening number. */
export async function registerCandidate(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; siteId: string; synthetic?: boolean },
): Promise<ParticipantView> {
  const site = await findSiteById(deps.db, params.siteId);
  if (site?.study_id !== params.studyId) {
    throw new AppError('VALIDATION_FAILED', 'the site does not belong to this study', {
      issues: [
        { path: 'body.siteId', rule: 'site-in-study', message: 'the site does not belong to this study' },
      ],
    });
  }
  requireSiteAccess(actor, { studyId: params.studyId, siteId: site.id, permission: 'subject:write' });
  const version = await findCurrentProtocolVersion(deps.db, params.studyId);
  if (version === undefined) {
    throw notFound('protocol');
  }
  const row = await auditedWrite(deps, actor, async (tx) => {
    await lockStudyNumbering(tx.trx, params.studyId);
    const prefix = `${site.code}-S`;
    const n = await nextSiteSequence(tx.trx, { studyId: params.studyId, prefix, column: 'screening_number' });
    const p = await insertParticipant(tx.trx, {
      studyId: params.studyId,
      siteId: site.id,
      screeningNumber: `${prefix}${pad(n)}`,
      protocolVersion: version.version,
      synthetic: params.synthetic === true,
    });
    await tx.audit({
      action: 'participant.register',
      entityType: 'participant',
      entityId: p.id,
      studyId: p.study_id,
      siteId: p.site_id,
      after: { screeningNumber: p.screening_number, protocolVersion: p.protocol_version },
    });
    return p;
  });
  return (await viewsFor(deps, actor, [row]))[0] as ParticipantView;
}

export async function viewsFor(
  deps: ServiceDeps,
  actor: Actor,
  rows: readonly ParticipantRow[],
): Promise<ParticipantView[]> {
  const studyId = rows[0]?.study_id;
  const protocol = studyId === undefined ? null : (await getCurrentProtocol(deps, studyId)).protocol;
  return toParticipantViews(deps.db, { actor, rows, protocol });
}

/** Participants at the sites the actor may see. */
export async function listParticipantViews(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; siteId?: string | undefined; status?: string | undefined },
): Promise<ParticipantView[]> {
  if (actor.principal === null) {
    return [];
  }
  const visible = visibleSiteIds(actor.principal, 'subject:read', params.studyId);
  let siteIds: readonly string[] | 'all' = visible;
  if (params.siteId !== undefined) {
    siteIds = visible === 'all' || visible.includes(params.siteId) ? [params.siteId] : [];
  }
  const rows = await listParticipants(deps.db, { studyId: params.studyId, siteIds, status: params.status });
  return viewsFor(deps, actor, rows);
}

export async function getParticipantView(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<ParticipantView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  return (await viewsFor(deps, actor, [participant]))[0] as ParticipantView;
}

/** Records a screen failure with the criteria not met (from the latest assessment) and a note. */
export async function markScreenFailure(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; note: string; expectedRowVersion: number },
): Promise<ParticipantView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:write',
  });
  if (participant.status !== 'screening') {
    throw new AppError('BUSINESS_RULE_VIOLATED', `participant is ${participant.status}, not in screening`, {
      rule: 'status-screening',
    });
  }
  const assessment = await latestEligibilityAssessment(deps.db, participant.id);
  const failed = ((assessment?.criteria ?? []) as Array<{ id: string; kind: string; status: string }>)
    .filter((c) => (c.kind === 'inclusion' ? c.status === 'not-met' : c.status === 'met'))
    .map((c) => c.id);
  const updated = await auditedWrite(deps, actor, async (tx) => {
    const row = await updateParticipant(tx.trx, {
      id: participant.id,
      expectedVersion: params.expectedRowVersion,
      change: { status: 'screen-failed', screenFailure: { criteria: failed, note: params.note } },
    });
    if (row === undefined) {
      throw staleParticipant(participant);
    }
    await tx.audit({
      action: 'participant.screen-fail',
      entityType: 'participant',
      entityId: row.id,
      studyId: row.study_id,
      siteId: row.site_id,
      before: { status: participant.status },
      after: { status: row.status, criteria: failed },
      reason: params.note,
    });
    return row;
  });
  return (await viewsFor(deps, actor, [updated]))[0] as ParticipantView;
}

export function staleParticipant(current: ParticipantRow): AppError {
  return new AppError('STALE_VERSION', 'the participant changed since you loaded it; reload and try again', {
    currentRowVersion: current.row_version,
    status: current.status,
  });
}
