import { validateReferenceRange, type LabReferenceRange, type LabUnit } from '@celltrial/core';
import { findSiteById, listSiteLabRanges, replaceSiteLabRanges, type SiteLabRangeRow } from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import type { Actor, ServiceDeps } from '../service-context.js';

export interface SiteLabRangeInput {
  readonly test: string;
  readonly unit: string;
  readonly lln: number | null;
  readonly uln: number | null;
  readonly sex: 'female' | 'male' | null;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  readonly source: string | null;
}

function toView(row: SiteLabRangeRow) {
  return {
    id: row.id,
    test: row.test,
    unit: row.unit,
    lln: row.lln,
    uln: row.uln,
    sex: row.sex as 'female' | 'male' | null,
    ageMin: row.age_min,
    ageMax: row.age_max,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  };
}

export function toReferenceRange(r: SiteLabRangeInput): LabReferenceRange {
  return {
    test: r.test,
    unit: r.unit as LabUnit,
    ...(r.lln === null ? {} : { lln: r.lln }),
    ...(r.uln === null ? {} : { uln: r.uln }),
    ...(r.sex === null ? {} : { sex: r.sex }),
    ...(r.ageMin === null ? {} : { ageMin: r.ageMin }),
    ...(r.ageMax === null ? {} : { ageMax: r.ageMax }),
    ...(r.source === null ? {} : { source: r.source }),
  };
}

async function siteOfStudy(deps: ServiceDeps, params: { studyId: string; siteId: string }) {
  const site = await findSiteById(deps.db, params.siteId);
  if (site?.study_id !== params.studyId) {
    throw notFound('site');
  }
  return site;
}

export async function getSiteLabRanges(deps: ServiceDeps, params: { studyId: string; siteId: string }) {
  await siteOfStudy(deps, params);
  return { siteId: params.siteId, ranges: (await listSiteLabRanges(deps.db, params.siteId)).map(toView) };
}

/**
 * Sets the site's laboratory reference ranges (LLN/ULN per test, optionally per sex and age band). Ranges for
 * the tests named replace the earlier ones, which are kept as retired; every range is checked first (known test,
 * a unit of that test, ordered limits) and nothing is saved when one is wrong.
 */
export async function setSiteLabRanges(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; siteId: string; ranges: readonly SiteLabRangeInput[] },
) {
  const site = await siteOfStudy(deps, params);
  const problems = params.ranges.flatMap((r, i) =>
    validateReferenceRange(toReferenceRange(r), `ranges.${i}`),
  );
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${problems.length} reference range problem(s); nothing was saved`,
      {
        issues: problems.map((p) => ({ path: `body.${p.path}`, rule: p.rule, message: p.message })),
      },
    );
  }
  await auditedWrite(deps, actor, async (tx) => {
    const { retired, inserted } = await replaceSiteLabRanges(tx.trx, {
      siteId: site.id,
      ranges: params.ranges,
      createdBy: actor.userId,
    });
    for (const row of inserted) {
      await tx.audit({
        action: 'lab-range.set',
        entityType: 'site_lab_range',
        entityId: row.id,
        studyId: params.studyId,
        siteId: site.id,
        before: (() => {
          const old = retired.find((r) => r.test === row.test);
          return old === undefined ? null : toView(old);
        })(),
        after: toView(row),
      });
    }
  });
  return getSiteLabRanges(deps, params);
}
