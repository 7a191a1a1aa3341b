import { visibleSiteIds } from '@celltrial/core';
import { listParticipants } from '@celltrial/db';
import type { z } from 'zod';
import type { ScreeningLogResponseSchema } from '@celltrial/contracts';
import type { Actor, ServiceDeps } from './service-context.js';
import { viewsFor } from './participant.service.js';

type ScreeningLog = z.infer<typeof ScreeningLogResponseSchema>;

/** The screening log of the sites the actor may see, with the counts CONSORT diagrams start from. */
export async function screeningLog(deps: ServiceDeps, actor: Actor, studyId: string): Promise<ScreeningLog> {
  const visible = actor.principal === null ? [] : visibleSiteIds(actor.principal, 'subject:read', studyId);
  const rows = await listParticipants(deps.db, { studyId, siteIds: visible });
  const views = await viewsFor(deps, actor, rows);
  const reasons = new Map<string, number>();
  for (const v of views) {
    for (const c of v.screenFailure?.criteria ?? []) {
      reasons.set(c, (reasons.get(c) ?? 0) + 1);
    }
  }
  const count = (status: string): number => views.filter((v) => v.status === status).length;
  return {
    counts: {
      screened: views.length,
      inScreening: count('screening'),
      screenFailed: count('screen-failed'),
      enrolled: views.filter((v) => v.enrolledAt !== null).length,
      randomized: views.filter((v) => v.allocation !== null).length,
    },
    failureReasons: [...reasons.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([criterion, n]) => ({ criterion, count: n })),
    rows: views.map((v) => ({
      screeningNumber: v.screeningNumber,
      subjectNumber: v.subjectNumber,
      siteCode: v.siteCode,
      status: v.status,
      registeredAt: v.createdAt,
      verdict: v.eligibility?.verdict ?? null,
      failedCriteria: v.screenFailure?.criteria ?? [],
      note: v.screenFailure?.note ?? null,
    })),
  };
}
