import { findFormRecord, listItemRevisions, listSites, verifyAuditChain } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../services/protocol.service.js';
import { SYSTEM_ACTOR } from '../../services/service-context.js';
import { adminActor, enrollParticipants } from '../../testing/enroll-participants.js';
import { addUser, createTestApp, loginAs, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';
import { manualCriteriaProtocolText } from '../../testing/test-protocol.js';

let t: TestApp;
let studyId = '';
let participantId = '';
const cookie = new Map<string, string>();

type Body = Record<string, unknown>;
async function as(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie: cookie.get(who) ?? '' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json<Body>() };
}

const alsfrs = (overrides: Record<string, unknown> = {}) => ({
  gastrostomy: false,
  q1: 4,
  q2: 3,
  q3: 4,
  q4: 3,
  q5a: 3,
  q6: 3,
  q7: 3,
  q8: 3,
  q9: 2,
  q10: 4,
  q11: 4,
  q12: 4,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct04821479.yaml'),
      sourceName: 'test.json',
    })
  ).studyId;
  const siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  const admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
  [participantId = ''] = await enrollParticipants(t, { actor: admin, studyId, siteId, count: 1 });
  const users = [
    ['coord', 'coordinator'],
    ['inv', 'investigator'],
    ['mon', 'monitor'],
    ['dm', 'data-manager'],
  ] as const;
  for (const [username, role] of users) {
    await addUser(t, { username, role: { studyId, siteId, role } });
    cookie.set(username, await loginAs(t, username));
  }
});
afterAll(async () => t.close());

const pp = (rest = '') => `/api/studies/${studyId}/participants/${participantId}${rest}`;

describe('casebook: visits, forms, queries, verification, signature and locks', () => {
  let visitId = '';
  let formId = '';

  it('shows the calendar and records the screening visit', async () => {
    const before = await as('coord', 'GET', pp('/casebook'));
    expect(before.status).toBe(200);
    const visits = before.body['visits'] as { visitKey: string; status: string }[];
    expect(visits.map((v) => v.visitKey)).toContain('scr');
    const rec = await as('coord', 'PUT', pp('/visits/scr'), {
      status: 'done',
      actualDate: '2026-01-05',
      expectedRowVersion: 0,
    });
    expect(rec.status).toBe(200);
    visitId = rec.body['visitId'] as string;
    const scr = ((rec.body['casebook'] as Body)['visits'] as Body[]).find((v) => v['visitKey'] === 'scr');
    expect(scr).toMatchObject({ status: 'done', actualDate: '2026-01-05', visitId });
  });

  it("gives the browser the server's form context for the visit (no GLI tables)", async () => {
    const res = await as('coord', 'GET', pp(`/form-context?visitId=${visitId}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      visitId,
      context: { assessmentDate: '2026-01-05', ctcaeVersion: 'v4.0' },
    });
    expect(res.body['context']).not.toHaveProperty('gliTables');
  });

  it('refuses a visit date in the future and a missed visit without a reason', async () => {
    expect(
      (
        await as('coord', 'PUT', pp('/visits/run-in-m3'), {
          status: 'done',
          actualDate: '2027-01-01',
          expectedRowVersion: 0,
        })
      ).body,
    ).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(
      (await as('coord', 'PUT', pp('/visits/run-in-m3'), { status: 'missed', expectedRowVersion: 0 })).status,
    ).toBe(400);
  });

  it('saves an ALSFRS-R form with its scores computed by the server', async () => {
    const res = await as('coord', 'PUT', pp(`/visits/${visitId}/forms/alsfrs-r`), {
      values: alsfrs(),
      expectedVersion: 0,
    });
    expect(res.status).toBe(200);
    formId = res.body['id'] as string;
    expect(res.body).toMatchObject({ status: 'complete', version: 1 });
    // 4+3+4 + 3+3+3 + 3+3+2 + 4+4+4 = 40 (hand sum); bulbar 11, respiratory 12.
    expect(res.body['derived']).toMatchObject({
      total: { value: 40, algorithm: expect.stringContaining('alsfrs-r') },
      bulbar: { value: 11 },
      respiratory: { value: 12 },
    });
  });

  it('rejects an out-of-range item naming it, and saves nothing', async () => {
    const res = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q1: 7 }),
      expectedVersion: 1,
      reasonForChange: 'typo',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { code: 'FORM_INVALID', details: { issues: [expect.objectContaining({ item: 'q1' })] } },
    });
    expect((await findFormRecord(t.database.db, formId))?.version).toBe(1);
  });

  it('answers a stale save with 409 and the current values, overwriting nothing', async () => {
    const first = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 3 }),
      expectedVersion: 1,
      reasonForChange: 'Corrected against the source worksheet',
    });
    expect(first.status).toBe(200);
    const stale = await as('inv', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 1 }),
      expectedVersion: 1,
      reasonForChange: 'Concurrent edit',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'STALE_VERSION', details: { currentVersion: 2, current: { values: { q9: 3 } } } },
    });
    const row = await findFormRecord(t.database.db, formId);
    expect(row).toMatchObject({ version: 2, item_values: expect.objectContaining({ q9: 3 }) });
    const history = (await listItemRevisions(t.database.db, formId)).filter((r) => r.item_id === 'q9');
    expect(history.map((r) => [r.form_version, r.value, r.reason])).toEqual([
      [1, 2, null],
      [2, 3, 'Corrected against the source worksheet'],
    ]);
  });

  it('lets exactly one of two concurrent saves of the same version through; the other gets 409', async () => {
    const save = (who: string, q8: number) =>
      as(who, 'PUT', pp(`/forms/${formId}`), {
        values: alsfrs({ q9: 3, q8 }),
        expectedVersion: 2,
        reasonForChange: `Concurrent correction by ${who}`,
      });
    const results = await Promise.all([save('coord', 2), save('inv', 1)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body as Body;
    const row = await findFormRecord(t.database.db, formId);
    expect(row).toMatchObject({ version: 3, item_values: (winner as { values: object }).values });
    // Put the form back to version-2 content for the following tests (as a normal, reasoned change).
    const back = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 3 }),
      expectedVersion: 3,
      reasonForChange: 'Reverted the concurrency check',
    });
    expect(back.status).toBe(200);
  });

  it('needs a reason to change saved data', async () => {
    const res = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 1 }),
      expectedVersion: 4,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { issues: [{ path: 'body.reasonForChange' }] } } });
  });

  it('raises a query from a soft edit check; the site answers, the monitor closes', async () => {
    const res = await as('coord', 'PUT', pp(`/visits/${visitId}/forms/vital-signs`), {
      values: {
        heartRate: 72,
        systolicBp: 80,
        diastolicBp: 95,
        respiratoryRate: 14,
        temperatureC: 36.8,
        weightKg: 70,
        heightCm: 175,
      },
      expectedVersion: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body['raisedQueries']).toBe(1);
    const list = await as('mon', 'GET', `/api/studies/${studyId}/queries?status=open`);
    const query = (list.body['queries'] as Body[])[0] as Body;
    expect(query).toMatchObject({ origin: 'edit-check', formKey: 'vital-signs', visitKey: 'scr' });
    expect((list.body['bySite'] as Body[])[0]).toMatchObject({ open: 1 });
    const q = `/api/studies/${studyId}/queries/${query['id'] as string}`;
    expect((await as('coord', 'POST', `${q}/close`, { text: 'closing my own' })).status).toBe(403);
    expect(
      (await as('coord', 'POST', `${q}/answer`, { text: 'Confirmed against the source: 80/95 as measured' }))
        .body,
    ).toMatchObject({
      status: 'answered',
    });
    const closed = await as('mon', 'POST', `${q}/close`, { text: 'Accepted' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect((closed.body['messages'] as Body[]).map((m) => m['action'])).toEqual(['open', 'answer', 'close']);
  });

  it('lets the monitor verify, the investigator sign (after re-authentication), and a change invalidates both', async () => {
    expect((await as('coord', 'POST', pp(`/forms/${formId}/verify`), { formVersion: 4 })).status).toBe(403);
    const verified = await as('mon', 'POST', pp(`/forms/${formId}/verify`), { formVersion: 4 });
    expect(verified.status).toBe(200);
    expect((verified.body['verifications'] as unknown[]).length).toBe(13);
    t.clock.advanceMinutes(6); // the login no longer counts as a fresh authentication
    for (const who of ['coord', 'mon', 'dm']) {
      cookie.set(who, await loginAs(t, who));
    }
    expect((await as('inv', 'POST', pp(`/forms/${formId}/sign`), { formVersion: 4 })).status).toBe(401);
    await as('inv', 'POST', '/api/auth/reauthenticate', { password: TEST_PASSWORD });
    const signed = await as('inv', 'POST', pp(`/forms/${formId}/sign`), { formVersion: 4 });
    expect(signed.body['signature']).toMatchObject({ scope: 'form', formVersion: 4 });
    const changed = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 2 }),
      expectedVersion: 4,
      reasonForChange: 'Source re-read by the rater',
    });
    expect(changed.status).toBe(200);
    expect(changed.body['signature']).toBeNull();
    const items = (changed.body['verifications'] as { itemId: string }[]).map((v) => v.itemId);
    expect(items).toHaveLength(12);
    expect(items).not.toContain('q9');
  });

  it('refuses changes to locked data until a data manager unlocks with a reason', async () => {
    const lock = await as('dm', 'POST', `/api/studies/${studyId}/locks`, {
      scope: 'casebook',
      participantId,
      reason: 'Interim analysis',
    });
    expect(lock.status).toBe(201);
    const refused = await as('coord', 'PUT', pp(`/forms/${formId}`), {
      values: alsfrs({ q9: 1 }),
      expectedVersion: 5,
      reasonForChange: 'late correction',
    });
    expect(refused.status).toBe(423);
    expect((await findFormRecord(t.database.db, formId))?.version).toBe(5);
    const lockId = lock.body['id'] as string;
    expect((await as('dm', 'POST', `/api/studies/${studyId}/locks/${lockId}/unlock`, {})).status).toBe(400);
    expect(
      (
        await as('dm', 'POST', `/api/studies/${studyId}/locks/${lockId}/unlock`, {
          reason: 'Query resolution',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await as('coord', 'PUT', pp(`/forms/${formId}`), {
          values: alsfrs({ q9: 1 }),
          expectedVersion: 5,
          reasonForChange: 'late correction',
        })
      ).status,
    ).toBe(200);
  });

  it('records the end of participation: later visits are no longer expected', async () => {
    const before = await as('coord', 'GET', pp('/casebook'));
    const rowVersion = (before.body['participant'] as { rowVersion: number }).rowVersion;
    const future = await as('coord', 'POST', pp('/end-of-participation'), {
      date: '2027-01-01',
      reason: 'died',
      expectedRowVersion: rowVersion,
    });
    expect(future.status).toBe(400);
    const noNote = await as('coord', 'POST', pp('/end-of-participation'), {
      date: '2026-01-05',
      reason: 'withdrawn',
      expectedRowVersion: rowVersion,
    });
    expect(noNote.body).toMatchObject({ error: { details: { issues: [{ path: 'body.note' }] } } });
    const ended = await as('coord', 'POST', pp('/end-of-participation'), {
      date: '2026-01-05',
      reason: 'withdrawn',
      note: 'Withdrew consent after the screening visit',
      expectedRowVersion: rowVersion,
    });
    expect(ended.status).toBe(200);
    expect(ended.body['participant']).toMatchObject({
      status: 'withdrawn',
      endOfParticipation: { date: '2026-01-05', reason: 'withdrawn' },
    });
    const statuses = (ended.body['visits'] as { visitKey: string; status: string }[]).map((v) => [
      v.visitKey,
      v.status,
    ]);
    expect(statuses).toContainEqual(['scr', 'done']);
    expect(
      statuses
        .filter(([key]) => key !== 'scr' && key !== 'unscheduled')
        .every(([, st]) => st === 'not-expected'),
    ).toBe(true);
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
