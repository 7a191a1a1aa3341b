import type { Actor } from '../services/service-context.js';
import { registerCandidate } from '../services/participant.service.js';
import { confirmEligibilityAndEnroll, saveScreening } from '../services/screening.service.js';
import type { TestApp } from './test-app.js';

/** A system-administrator actor for driving services directly in tests. */
export function adminActor(userId: string): Actor {
  return {
    userId,
    name: 'test-admin',
    principal: { userId, isSystemAdmin: true, grants: [] },
    requestId: null,
    sessionId: null,
  };
}

/** Registers, screens (eligible under the test protocol's manual criteria) and enrolls `count` participants. */
export async function enrollParticipants(
  t: TestApp,
  params: { actor: Actor; studyId: string; siteId: string; count: number },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < params.count; i++) {
    const p = await registerCandidate(t.deps, params.actor, {
      studyId: params.studyId,
      siteId: params.siteId,
    });
    const saved = await saveScreening(t.deps, params.actor, {
      studyId: params.studyId,
      participantId: p.id,
      data: { assessmentDate: '2026-01-05', manualChecks: { 'inc-1': true, 'exc-1': false } },
      expectedRevision: 0,
    });
    await confirmEligibilityAndEnroll(t.deps, params.actor, {
      studyId: params.studyId,
      participantId: p.id,
      recordRevision: saved.revision,
    });
    ids.push(p.id);
  }
  return ids;
}
