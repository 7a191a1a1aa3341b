import { checkAccess, visibleSiteIds } from '@celltrial/core';
import type { Site, StudySummary } from '@celltrial/contracts';
import {
  findStudyById,
  insertSite,
  listSites,
  listStudies,
  type SiteRow,
  type StudyWithSiteCount,
} from '@celltrial/db';
import { AppError, notFound } from '../errors/app-error.js';
import { auditedWrite } from './audited-write.js';
import type { Actor, ServiceDeps } from './service-context.js';

function toSummary(s: StudyWithSiteCount): StudySummary {
  return {
    id: s.id,
    code: s.code,
    registryIds: s.registry_ids,
    title: s.title,
    phase: s.phase,
    status: s.status,
    conditions: s.conditions,
    siteCount: s.site_count,
  };
}

export function toSite(s: SiteRow): Site {
  return { id: s.id, studyId: s.study_id, code: s.code, name: s.name, country: s.country };
}

/** The studies the actor holds a role in (every study for system administrators). */
export async function listVisibleStudies(deps: ServiceDeps, actor: Actor): Promise<StudySummary[]> {
  const p = actor.principal;
  if (p === null) {
    return [];
  }
  const ids = p.isSystemAdmin ? undefined : [...new Set(p.grants.map((g) => g.studyId))];
  return (await listStudies(deps.db, ids)).map(toSummary);
}

export async function getStudy(deps: ServiceDeps, studyId: string): Promise<StudySummary> {
  const rows = await listStudies(deps.db, [studyId]);
  const row = rows[0];
  if (row === undefined) {
    throw notFound('study');
  }
  return toSummary(row);
}

/** Sites of a study the actor may see (only assigned sites for site-limited roles). */
export async function listVisibleSites(deps: ServiceDeps, actor: Actor, studyId: string): Promise<Site[]> {
  if (actor.principal === null) {
    return [];
  }
  const visible = visibleSiteIds(actor.principal, 'site:read', studyId);
  return (await listSites(deps.db, studyId, visible === 'all' ? undefined : visible)).map(toSite);
}

export async function createSite(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; code: string; name: string; country: string | null },
): Promise<Site> {
  if ((await findStudyById(deps.db, params.studyId)) === undefined) {
    throw notFound('study');
  }
  const existing = await listSites(deps.db, params.studyId);
  if (existing.some((s) => s.code === params.code)) {
    throw new AppError('CONFLICT', `site code ${params.code} already exists in this study`, {
      field: 'code',
    });
  }
  const row = await auditedWrite(deps, actor, async (tx) => {
    const site = await insertSite(tx.trx, params);
    await tx.audit({
      action: 'site.create',
      entityType: 'site',
      entityId: site.id,
      studyId: site.study_id,
      siteId: site.id,
      after: toSite(site),
    });
    return site;
  });
  return toSite(row);
}

/** Guard used by services that take a site id from the request body. */
export function assertSiteAccess(actor: Actor, params: { studyId: string; siteId: string }): void {
  if (actor.principal === null || !checkAccess(actor.principal, 'site:read', params).allowed) {
    throw new AppError('FORBIDDEN', 'you are not assigned to this site');
  }
}
