import {
  listAuditEvents,
  listEscalationDecisions,
  listParticipants,
  listSites,
  verifyAuditChain,
} from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../services/protocol.service.js';
import { SYSTEM_ACTOR, type Actor } from '../../services/service-context.js';
import { adminActor, enrollParticipants } from '../../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../../testing/test-app.js';
import { manualCriteriaProtocolText } from '../../testing/test-protocol.js';
import { advanceTo, testClient, type TestClient } from './safety-test-client.js';

/**
 * NCT06598202 part 1 (3+3, DLT window 14 days, levels low < middle < high) through the API: DLT assessments signed
 * by the investigator, the board's decision confirmed after each complete cohort, every step audited.
 * Cohort 1 (low) 0/3 → escalate; cohort 2 (middle) 1/3 → expand; cohort 3 (middle) 1/3 → 2/6 → stop, MTD low.
 */
let t: TestApp;
let c: TestClient;
let admin: Actor;
let studyId = '';
let siteId = '';
const cohorts: string[][] = [];
const pp = (participantId: string, rest = '') =>
  `/api/studies/${studyId}/participants/${participantId}${rest}`;
const board = async (who = 'coord') =>
  (await c.call(who, { method: 'GET', url: `/api/studies/${studyId}/escalation` })).body;

async function cohortOf(ids: readonly string[]): Promise<(string | null)[]> {
  const all = await listParticipants(t.database.db, { studyId, siteIds: 'all' });
  return ids.map((id) => all.find((p) => p.id === id)?.cohort ?? null);
}

/** Enrols n participants and records their first nasal drop (visit dose-1) on `doseDate`. */
async function treat(n: number, doseDate: string): Promise<string[]> {
  const ids = await enrollParticipants(t, { actor: admin, studyId, siteId, count: n });
  for (const id of ids) {
    await c.visit('coord', { base: pp(id), visitKey: 'dose-1', date: doseDate });
  }
  return ids;
}

async function assess(id: string, body: { dlt: boolean; dltDate?: string; adverseEventIds?: string[] }) {
  return c.call('coord', {
    method: 'PUT',
    url: pp(id, '/dlt-assessment'),
    payload: { ...body, expectedVersion: 0 },
  });
}

async function sign(id: string) {
  return c.call('inv', { method: 'POST', url: pp(id, '/dlt-assessment/sign'), payload: { version: 1 } });
}

async function confirm(
  who: string,
  body: { cohort: number; decision: string; dlts: number; evaluable: number },
) {
  await c.reauth(who);
  return c.call(who, { method: 'POST', url: `/api/studies/${studyId}/escalation/decisions`, payload: body });
}

async function relatedGrade3(id: string, onsetDate: string): Promise<string> {
  const res = await c.call('inv', {
    method: 'POST',
    url: pp(id, '/adverse-events'),
    payload: {
      term: 'Epistaxis',
      ctcaeTerm: 'Epistaxis',
      onsetDate,
      ongoing: false,
      resolutionDate: onsetDate,
      grade: 3,
      serious: false,
      relatedness: { product: 'probable', procedures: { 'nasal-administration': 'possible' } },
      actionTaken: 'drug-withdrawn',
      outcome: 'recovered',
    },
  });
  expect(res.status).toBe(201);
  return res.body['id'] as string;
}

beforeAll(async () => {
  t = await createTestApp();
  c = testClient(t);
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct06598202.yaml'),
      sourceName: 'nct06598202.json',
    })
  ).studyId;
  siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
  for (const [username, role] of [
    ['coord', 'coordinator'],
    ['inv', 'investigator'],
    ['sadmin', 'admin'],
  ] as const) {
    await addUser(t, { username, role: { studyId, siteId: null, role } });
    await c.login(username);
  }
});
afterAll(async () => t.close());

describe('cohort 1 at the low dose: 0 of 3 with DLT → escalate', () => {
  it('treats three participants at the starting level and refuses a fourth', async () => {
    advanceTo(t, '2026-01-26T09:00:00Z');
    await c.relogin();
    cohorts.push(await treat(3, '2026-01-26'));
    expect(await cohortOf(cohorts[0] ?? [])).toEqual(['1:low', '1:low', '1:low']);
    await expect(enrollParticipants(t, { actor: admin, studyId, siteId, count: 1 })).rejects.toMatchObject({
      details: { rule: 'escalation-cohort-full', cohort: 1, pending: 3 },
    });
  });

  it('shows the window open and refuses a decision while it is', async () => {
    const b = await board();
    expect(b).toMatchObject({
      state: 'refused',
      rule: 'dlt-pending',
      design: { cohortSize: 3, dltWindowDays: 14, stopIfDltsAtLeast: 2 },
      cohorts: [{ cohort: 1, levelId: 'low', pending: 3, complete: false }],
    });
    const first = (b['cohorts'] as { participants: { firstDoseDate: string; windowEnd: string }[] }[])[0]
      ?.participants[0];
    // Hand: first drop 2026-01-26 + 14 days = 2026-02-09.
    expect(first).toMatchObject({ firstDoseDate: '2026-01-26', windowEnd: '2026-02-09' });
    const early = await confirm('inv', { cohort: 1, decision: 'escalate', dlts: 0, evaluable: 3 });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ error: { details: { rule: 'dlt-pending' } } });
  });

  it('refuses a DLT dated outside the window, saving nothing', async () => {
    const id = cohorts[0]?.[0] ?? '';
    const res = await assess(id, { dlt: true, dltDate: '2026-01-20' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { details: { issues: [{ path: 'dltDate', rule: 'dlt-within-window' }] } },
    });
    expect((await c.call('coord', { method: 'GET', url: pp(id, '/dlt-assessment') })).body).toEqual({
      assessment: null,
    });
  });

  it('counts only signed assessments, signed after re-authentication', async () => {
    advanceTo(t, '2026-02-09T09:00:00Z');
    await c.relogin();
    for (const id of cohorts[0] ?? []) {
      expect((await assess(id, { dlt: false })).status).toBe(200);
    }
    const unsigned = await board();
    expect(unsigned).toMatchObject({ state: 'refused', rule: 'dlt-pending' });
    expect(JSON.stringify(unsigned)).toContain('saved but not signed');
    const refused = await confirm('inv', { cohort: 1, decision: 'escalate', dlts: 0, evaluable: 3 });
    expect(refused.body).toMatchObject({ error: { details: { rule: 'dlt-pending' } } });
    advanceTo(t, '2026-02-09T09:06:00Z'); // the login's password check is older than 5 minutes now
    expect((await sign(cohorts[0]?.[0] ?? '')).body).toMatchObject({
      error: { code: 'REAUTHENTICATION_REQUIRED' },
    });
    await c.reauth('inv');
    for (const id of cohorts[0] ?? []) {
      const res = await sign(id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        assessment: { signedBy: 'inv', evaluable: true, windowEnd: '2026-02-09' },
      });
    }
  });

  it('shows the engine’s decision and refuses wrong counts, a coordinator, and a new cohort before confirmation', async () => {
    const b = await board();
    expect(b).toMatchObject({
      state: 'ready',
      awaitingConfirmation: 1,
      cohorts: [
        { cohort: 1, evaluable: 3, dlts: 0, complete: true, decision: 'escalate', confirmation: null },
      ],
      next: { kind: 'treat', levelId: 'middle' },
    });
    await expect(enrollParticipants(t, { actor: admin, studyId, siteId, count: 1 })).rejects.toMatchObject({
      details: { rule: 'escalation-decision-unconfirmed', cohort: 1 },
    });
    const beyond = await confirm('inv', { cohort: 1, decision: 'escalate', dlts: 4, evaluable: 3 });
    expect(beyond.body).toMatchObject({ error: { details: { rule: 'counts-within-cohort' } } });
    const wrong = await confirm('inv', { cohort: 1, decision: 'expand', dlts: 0, evaluable: 3 });
    expect(wrong.body).toMatchObject({
      error: { details: { rule: 'board-mismatch', decision: 'escalate' } },
    });
    const coordinator = await c.call('coord', {
      method: 'POST',
      url: `/api/studies/${studyId}/escalation/decisions`,
      payload: { cohort: 1, decision: 'escalate', dlts: 0, evaluable: 3 },
    });
    expect(coordinator.status).toBe(403);
    expect(await listEscalationDecisions(t.database.db, studyId)).toEqual([]);
    const ok = await confirm('inv', { cohort: 1, decision: 'escalate', dlts: 0, evaluable: 3 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      awaitingConfirmation: null,
      cohorts: [{ confirmation: { decision: 'escalate', confirmedBy: 'inv', nextLevel: 'middle' } }],
    });
  });
});

describe('cohort 2 at the middle dose: 1 of 3 → expand; cohort 3: 2 of 6 → stop, MTD low', () => {
  it('expands after one DLT in three', async () => {
    advanceTo(t, '2026-02-10T09:00:00Z');
    await c.relogin();
    cohorts.push(await treat(3, '2026-02-10'));
    expect(await cohortOf(cohorts[1] ?? [])).toEqual(['2:middle', '2:middle', '2:middle']);
    advanceTo(t, '2026-02-24T09:00:00Z');
    await c.relogin();
    const [withDlt = '', ...others] = cohorts[1] ?? [];
    const aeId = await relatedGrade3(withDlt, '2026-02-15');
    expect(
      (await assess(withDlt, { dlt: true, dltDate: '2026-02-15', adverseEventIds: [aeId] })).status,
    ).toBe(200);
    for (const id of others) {
      await assess(id, { dlt: false });
    }
    await c.reauth('inv');
    for (const id of cohorts[1] ?? []) {
      expect((await sign(id)).status).toBe(200);
    }
    const b = await board();
    expect((b['cohorts'] as unknown[])[1]).toMatchObject({ dlts: 1, evaluable: 3, decision: 'expand' });
    expect(b['next']).toMatchObject({ kind: 'treat', levelId: 'middle' });
    const byStudyAdmin = await confirm('sadmin', { cohort: 2, decision: 'expand', dlts: 1, evaluable: 3 });
    expect(byStudyAdmin.status).toBe(201);
  });

  it('stops at ≥ 2 of 6 ("more than 33 %") with the low dose as MTD', async () => {
    advanceTo(t, '2026-02-25T09:00:00Z');
    await c.relogin();
    cohorts.push(await treat(3, '2026-02-25'));
    expect(await cohortOf(cohorts[2] ?? [])).toEqual(['3:middle', '3:middle', '3:middle']);
    advanceTo(t, '2026-03-11T09:00:00Z');
    await c.relogin();
    const [withDlt = '', ...others] = cohorts[2] ?? [];
    await assess(withDlt, {
      dlt: true,
      dltDate: '2026-03-01',
      adverseEventIds: [await relatedGrade3(withDlt, '2026-03-01')],
    });
    for (const id of others) {
      await assess(id, { dlt: false });
    }
    await c.reauth('inv');
    for (const id of cohorts[2] ?? []) {
      await sign(id);
    }
    const b = await board();
    expect((b['cohorts'] as unknown[])[2]).toMatchObject({
      dlts: 1,
      evaluable: 3,
      levelPatients: 6,
      levelDlts: 2,
      decision: 'stop',
    });
    expect(b['next']).toMatchObject({ kind: 'stop', mtdLevelId: 'low' });
    const levels = b['levels'] as { levelId: string; closed: boolean }[];
    expect(levels.map((l) => [l.levelId, l.closed])).toEqual([
      ['low', false],
      ['middle', true],
      ['high', true],
    ]);
    const later = await confirm('inv', { cohort: 3, decision: 'stop', dlts: 1, evaluable: 3 });
    expect(later.status).toBe(201);
    // Escalation finished: the next participant enters part 2 (no cohort).
    const [next = ''] = await enrollParticipants(t, { actor: admin, studyId, siteId, count: 1 });
    expect(await cohortOf([next])).toEqual([null]);
  });

  it('audited every step and the chain verifies', async () => {
    const actions = (await listAuditEvents(t.database.db, { studyId, limit: 100_000 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'dlt-assessment.sign')).toHaveLength(9);
    expect(actions.filter((a) => a === 'escalation.confirm')).toHaveLength(3);
    expect(actions.filter((a) => a === 'dlt-assessment.create')).toHaveLength(9);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
