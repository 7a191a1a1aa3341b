import { STUDY_ROLES, isUnblindedRole } from '@celltrial/core';
import { listAllocations, listSites } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../services/protocol.service.js';
import { randomizeParticipant } from '../services/randomization.service.js';
import { SYSTEM_ACTOR } from '../services/service-context.js';
import { adminActor, enrollParticipants } from '../testing/enroll-participants.js';
import { addUser, createTestApp, loginAs, type TestApp } from '../testing/test-app.js';
import { randomizedTestProtocolText } from '../testing/test-protocol.js';

/**
 * Sweeps every GET endpoint as every blinded role: no response may link a participant (id, numbers,
 * kit code) to the arm it was allocated. Unblinded roles are the control: they must see the link.
 */
let t: TestApp;
let studyId = '';
let participantIds: string[] = [];
const identifiers = new Map<string, string>(); // identifier value → arm id

beforeAll(async () => {
  t = await createTestApp();
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, { text: randomizedTestProtocolText(), sourceName: 'test.json' })
  ).studyId;
  const siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  const actor = adminActor(await addUser(t, { username: 'admin', admin: true }));
  participantIds = await enrollParticipants(t, { actor, studyId, siteId, count: 6 });
  for (const participantId of participantIds) {
    const out = await randomizeParticipant(t.deps, actor, { studyId, participantId });
    const arm =
      (await listAllocations(t.database.db, studyId)).find((a) => a.participant_id === participantId)
        ?.arm_id ?? '';
    for (const id of [
      participantId,
      out.participant.subjectNumber,
      out.participant.screeningNumber,
      out.participant.allocation?.kitCode,
    ]) {
      identifiers.set(id ?? '', arm);
    }
  }
  for (const role of STUDY_ROLES) {
    await addUser(t, { username: `u-${role}`, role: { studyId, siteId: null, role } });
  }
});
afterAll(async () => t.close());

/** Objects (at any depth) that name a participant and also hold its arm id somewhere inside. */
function leaks(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v) => leaks(v, found));
  } else if (value !== null && typeof value === 'object') {
    const text = JSON.stringify(value);
    for (const [identifier, arm] of identifiers) {
      const namesParticipant =
        Object.values(value).some((v) => v === identifier) ||
        (value as Record<string, unknown>)['participantId'] === identifier;
      if (identifier !== '' && namesParticipant && text.includes(`"${arm}"`)) {
        found.push(`${identifier} → ${arm}`);
      }
    }
    Object.values(value).forEach((v) => leaks(v, found));
  }
  return found;
}

async function sweep(role: string): Promise<{ leaks: string[]; calls: number }> {
  const cookie = await loginAs(t, `u-${role}`);
  const found: string[] = [];
  let calls = 0;
  for (const route of t.app.apiRoutes.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs'))) {
    for (const participantId of route.url.includes(':participantId') ? participantIds : ['']) {
      const url = route.url.replace(':studyId', studyId).replace(':participantId', participantId);
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      calls++;
      if (res.headers['content-type']?.toString().includes('json') === true) {
        found.push(...leaks(res.json()).map((l) => `${route.url}: ${l}`));
      }
    }
  }
  return { leaks: found, calls };
}

describe('blinding', () => {
  it('never links a participant to its arm for any blinded role, on any GET endpoint', async () => {
    for (const role of STUDY_ROLES.filter((r) => !isUnblindedRole(r))) {
      const result = await sweep(role);
      expect(result.calls).toBeGreaterThan(10);
      expect({ role, leaks: result.leaks }).toEqual({ role, leaks: [] });
    }
  });

  it('does show the link to unblinded roles (the sweep can see a leak)', async () => {
    for (const role of STUDY_ROLES.filter((r) => isUnblindedRole(r))) {
      expect((await sweep(role)).leaks.length).toBeGreaterThan(0);
    }
  });
});
