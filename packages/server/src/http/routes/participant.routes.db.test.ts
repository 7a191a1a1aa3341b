import { findCurrentProtocolVersion, listAuditEvents, listSites, verifyAuditChain } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../services/protocol.service.js';
import { SYSTEM_ACTOR } from '../../services/service-context.js';
import { randomizedTestProtocolText } from '../../testing/test-protocol.js';
import { addUser, createTestApp, loginAs, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let studyId = '';
let siteA = '';
let siteB = '';
const cookie = new Map<string, string>();

async function as(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie: cookie.get(who) ?? '' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
}

beforeAll(async () => {
  t = await createTestApp();
  const loaded = await loadProtocol(t.deps, SYSTEM_ACTOR, {
    text: randomizedTestProtocolText(),
    sourceName: 'test.json',
  });
  studyId = loaded.studyId;
  const sites = await listSites(t.database.db, studyId);
  siteA = sites[0]?.id ?? '';
  siteB = sites[1]?.id ?? '';
  const users = [
    ['coord', { studyId, siteId: siteA, role: 'coordinator' as const }],
    ['inv', { studyId, siteId: siteA, role: 'investigator' as const }],
    ['pharm', { studyId, siteId: null, role: 'pharmacist' as const }],
    ['stat', { studyId, siteId: null, role: 'statistician-blinded' as const }],
    ['dm', { studyId, siteId: null, role: 'data-manager' as const }],
    ['monB', { studyId, siteId: siteB, role: 'monitor' as const }],
  ] as const;
  for (const [username, role] of users) {
    await addUser(t, { username, role });
    cookie.set(username, await loginAs(t, username));
  }
});
afterAll(async () => t.close());

const p = (id = '') => `/api/studies/${studyId}/participants${id === '' ? '' : `/${id}`}`;
const eligibleRecord = {
  assessmentDate: '2026-01-05',
  birthDate: '1970-03-01',
  sex: 'female',
  manualChecks: { 'inc-1': true, 'exc-1': false },
};

describe('screening, enrollment and randomization', () => {
  let participantId = '';

  it('registers a candidate with a site-prefixed screening number, only at assigned sites', async () => {
    const res = await as('coord', 'POST', p(), { siteId: siteA });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      screeningNumber: expect.stringMatching(/^[A-Z]+-S001$/),
      status: 'screening',
      subjectNumber: null,
      allocation: null,
    });
    participantId = res.body['id'] as string;
    expect((await as('coord', 'POST', p(), { siteId: siteB })).status).toBe(403);
    const second = await as('coord', 'POST', p(), { siteId: siteA });
    expect(second.body).toMatchObject({ screeningNumber: expect.stringMatching(/-S002$/) });
  });

  it('rejects impossible screening values naming the field, saving nothing', async () => {
    const bad = await as('coord', 'PUT', `${p(participantId)}/screening`, {
      data: { ...eligibleRecord, sex: 'x', alsfrsR: { total: 52 } },
      expectedRevision: 0,
    });
    expect(bad.status).toBe(400);
    const paths = (
      bad.body as { error: { details: { issues: Array<{ path: string }> } } }
    ).error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.data.sex', 'body.data.alsfrsR.total']));
    expect((await as('coord', 'GET', `${p(participantId)}/screening`)).body).toMatchObject({
      revision: 0,
      data: null,
    });
  });

  it('evaluates eligibility on save, refuses stale revisions and unexplained changes', async () => {
    const first = await as('coord', 'PUT', `${p(participantId)}/screening`, {
      data: { ...eligibleRecord, manualChecks: { 'inc-1': true, 'exc-1': true } },
      expectedRevision: 0,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      revision: 1,
      eligibility: {
        verdict: 'ineligible',
        criteria: [
          { id: 'inc-1', status: 'met' },
          { id: 'exc-1', status: 'met' },
        ],
      },
    });

    const stale = await as('coord', 'PUT', `${p(participantId)}/screening`, {
      data: eligibleRecord,
      expectedRevision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'STALE_VERSION', details: { currentRevision: 1 } } });

    const noReason = await as('coord', 'PUT', `${p(participantId)}/screening`, {
      data: eligibleRecord,
      expectedRevision: 1,
    });
    expect(noReason.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.reasonForChange' }] } },
    });

    const fixed = await as('coord', 'PUT', `${p(participantId)}/screening`, {
      data: eligibleRecord,
      expectedRevision: 1,
      reasonForChange: 'exclusion answered from source',
    });
    expect(fixed.body).toMatchObject({ revision: 2, eligibility: { verdict: 'eligible' } });
    const audit = await listAuditEvents(t.database.db, { entityType: 'screening_record', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['screening.create', 'screening.update']);
    expect(audit[1]?.reason).toBe('exclusion answered from source');
  });

  it('enrolls only on an investigator e-signature with a fresh password', async () => {
    expect(
      (await as('coord', 'POST', `${p(participantId)}/eligibility/confirm`, { recordRevision: 2 })).status,
    ).toBe(403);
    t.clock.advanceMinutes(6);
    const stale = await as('inv', 'POST', `${p(participantId)}/eligibility/confirm`, { recordRevision: 2 });
    expect(stale.body).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED' } });
    expect((await as('inv', 'POST', '/api/auth/reauthenticate', { password: TEST_PASSWORD })).status).toBe(
      200,
    );
    expect(
      (await as('inv', 'POST', `${p(participantId)}/eligibility/confirm`, { recordRevision: 1 })).status,
    ).toBe(409);
    const enrolled = await as('inv', 'POST', `${p(participantId)}/eligibility/confirm`, {
      recordRevision: 2,
    });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({
      status: 'enrolled',
      subjectNumber: expect.stringMatching(/^[A-Z]+-001$/),
      eligibility: { verdict: 'eligible', confirmedAt: expect.any(String) },
    });
    const sig = (
      await listAuditEvents(t.database.db, { entityType: 'eligibility_assessment', limit: 10 })
    ).find((a) => a.action === 'eligibility.confirm');
    expect(sig).toMatchObject({
      actorName: 'inv',
      after: { meaning: expect.stringContaining('meets all inclusion criteria') },
    });
  });

  it('randomizes once: a repeat returns the same allocation; blinded roles see only the kit code', async () => {
    const first = await as('coord', 'POST', `${p(participantId)}/randomize`);
    expect(first.status).toBe(201);
    const allocation = (first.body['participant'] as { allocation: Record<string, unknown> }).allocation;
    expect(allocation['kitCode']).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(allocation).not.toHaveProperty('arm');
    const again = await as('coord', 'POST', `${p(participantId)}/randomize`);
    expect(again).toMatchObject({
      status: 200,
      body: { created: false, participant: { allocation: { kitCode: allocation['kitCode'] } } },
    });

    const pharm = await as('pharm', 'GET', p(participantId));
    expect(pharm.body).toMatchObject({
      allocation: {
        kitCode: allocation['kitCode'],
        arm: { id: expect.any(String), name: expect.any(String) },
      },
    });
    for (const blinded of ['stat', 'dm', 'inv', 'coord']) {
      expect((await as(blinded, 'GET', p(participantId))).body['allocation']).not.toHaveProperty('arm');
    }
    expect((await as('monB', 'GET', p(participantId))).status).toBe(404);
  });

  it('records a screen failure with the unmet criteria and counts it in the screening log', async () => {
    const list = await as('coord', 'GET', p());
    const other = (
      list.body['participants'] as Array<{ id: string; status: string; rowVersion: number }>
    ).find((x) => x.status === 'screening');
    await as('coord', 'PUT', `${p(other?.id)}/screening`, {
      data: { ...eligibleRecord, manualChecks: { 'inc-1': false, 'exc-1': false } },
      expectedRevision: 0,
    });
    const failed = await as('coord', 'POST', `${p(other?.id)}/screen-failure`, {
      note: 'Does not meet diagnostic criteria',
      expectedRowVersion: other?.rowVersion,
    });
    expect(failed.body).toMatchObject({
      status: 'screen-failed',
      screenFailure: { criteria: ['inc-1'], note: 'Does not meet diagnostic criteria' },
    });
    const log = await as('dm', 'GET', `/api/studies/${studyId}/screening-log`);
    expect(log.body).toMatchObject({
      counts: { screened: 2, screenFailed: 1, enrolled: 1, randomized: 1 },
      failureReasons: [{ criterion: 'inc-1', count: 1 }],
    });
  });

  it('unblinds one participant in an emergency: reason, fresh password, notification, audit', async () => {
    expect((await as('inv', 'POST', `${p(participantId)}/unblind`, {})).status).toBe(400);
    t.clock.advanceMinutes(6);
    expect(
      (
        await as('inv', 'POST', `${p(participantId)}/unblind`, {
          reason: 'Anaphylaxis; treating physician needs the arm',
        })
      ).body,
    ).toMatchObject({ error: { code: 'REAUTHENTICATION_REQUIRED' } });
    await as('inv', 'POST', '/api/auth/reauthenticate', { password: TEST_PASSWORD });
    const res = await as('inv', 'POST', `${p(participantId)}/unblind`, {
      reason: 'Anaphylaxis; treating physician needs the arm',
    });
    expect(res.status).toBe(200);
    const pharm = await as('pharm', 'GET', p(participantId));
    expect(res.body['arm']).toEqual((pharm.body['allocation'] as { arm: unknown }).arm);
    expect((await as('inv', 'GET', p(participantId))).body).toMatchObject({
      emergencyUnblinded: true,
      allocation: { arm: res.body['arm'] },
    });
    expect((await as('coord', 'GET', p(participantId))).body['allocation']).not.toHaveProperty('arm');
    const notes = await as('dm', 'GET', `/api/studies/${studyId}/notifications`);
    expect(notes.body['notifications']).toEqual([
      expect.objectContaining({
        kind: 'emergency-unblinding',
        message: expect.stringContaining('Anaphylaxis'),
      }),
    ]);
    expect((await as('coord', 'GET', `/api/studies/${studyId}/notifications`)).body['notifications']).toEqual(
      [],
    );
    const audit = (await listAuditEvents(t.database.db, { entityType: 'unblinding_event', limit: 5 }))[0];
    expect(audit).toMatchObject({
      actorName: 'inv',
      reason: 'Anaphylaxis; treating physician needs the arm',
    });
    expect(JSON.stringify(audit)).not.toContain(JSON.stringify((res.body['arm'] as { id: string }).id));
  });

  it('keeps the audit chain intact and the participant on the protocol version it was registered under', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    expect((await findCurrentProtocolVersion(t.database.db, studyId))?.version).toBe(1);
  });
});
