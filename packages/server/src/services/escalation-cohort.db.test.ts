import { listParticipants, listSites } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminActor, enrollParticipants } from '../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../testing/test-app.js';
import { manualCriteriaProtocolText } from '../testing/test-protocol.js';
import { registerCandidate } from './participant.service.js';
import { loadProtocol } from './protocol.service.js';
import { confirmEligibilityAndEnroll, saveScreening } from './screening.service.js';
import { SYSTEM_ACTOR } from './service-context.js';

let t: TestApp;
let studyId = '';
let siteId = '';
let actor: ReturnType<typeof adminActor>;

beforeAll(async () => {
  t = await createTestApp();
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct06598202.yaml'),
      sourceName: 'test.json',
    })
  ).studyId;
  siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  actor = adminActor(await addUser(t, { username: 'admin', admin: true }));
});
afterAll(async () => t.close());

describe('enrolment into dose-escalation cohorts (NCT06598202 part 1, 3+3)', () => {
  it('fills the first cohort at the starting level', async () => {
    await enrollParticipants(t, { actor, studyId, siteId, count: 3 });
    const enrolled = await listParticipants(t.database.db, { studyId, siteIds: 'all', status: 'enrolled' });
    expect(enrolled.map((p) => p.cohort)).toEqual(['1:low', '1:low', '1:low']);
  });

  it('refuses a fourth participant until the cohort has its DLT assessments, changing nothing', async () => {
    const p = await registerCandidate(t.deps, actor, { studyId, siteId });
    const saved = await saveScreening(t.deps, actor, {
      studyId,
      participantId: p.id,
      data: { assessmentDate: '2026-01-05', manualChecks: { 'inc-1': true, 'exc-1': false } },
      expectedRevision: 0,
    });
    await expect(
      confirmEligibilityAndEnroll(t.deps, actor, {
        studyId,
        participantId: p.id,
        recordRevision: saved.revision,
      }),
    ).rejects.toMatchObject({
      code: 'BUSINESS_RULE_VIOLATED',
      details: { rule: 'escalation-cohort-full', cohort: 1, pending: 3 },
    });
    const still = (await listParticipants(t.database.db, { studyId, siteIds: 'all' })).find(
      (x) => x.id === p.id,
    );
    expect(still).toMatchObject({ status: 'screening', subject_number: null, cohort: null });
  });
});
