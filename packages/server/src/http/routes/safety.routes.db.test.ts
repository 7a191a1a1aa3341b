import { existsSync } from 'node:fs';
import type { Protocol } from '@celltrial/core';
import {
  listAdverseEvents,
  listAllocations,
  listAuditEvents,
  listSites,
  verifyAuditChain,
} from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../services/protocol.service.js';
import { randomizeParticipant } from '../../services/randomization.service.js';
import { SYSTEM_ACTOR } from '../../services/service-context.js';
import { adminActor, enrollParticipants } from '../../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../../testing/test-app.js';
import { randomizedTestProtocolText } from '../../testing/test-protocol.js';
import { advanceTo, testClient, type TestClient } from './safety-test-client.js';

/**
 * Adverse events, SAE clocks and reports, lab AE proposals and AE tables through the API, on NCT04745299
 * (randomized, quadruple-masked, intrathecal after bone-marrow aspiration) with the AE threshold raised to grade 3.
 */
let t: TestApp;
let c: TestClient;
let studyId = '';
let participantIds: string[] = [];
let arms: { id: string; name: string }[] = [];
let armNames: string[] = [];
const pp = (rest = '', i = 0) => `/api/studies/${studyId}/participants/${participantIds[i] ?? ''}${rest}`;

const nonSerious = {
  term: 'Headache after lumbar puncture',
  ctcaeTerm: 'headache',
  onsetDate: '2026-01-05',
  ongoing: true,
  grade: 2,
  serious: false,
  relatedness: { product: 'unlikely', procedures: { 'lumbar-puncture': 'probable' } },
  actionTaken: 'none',
  outcome: 'recovering',
};

beforeAll(async () => {
  t = await createTestApp();
  c = testClient(t);
  const protocol = JSON.parse(randomizedTestProtocolText()) as Protocol;
  const text = JSON.stringify({ ...protocol, safety: { ...protocol.safety, aeGradeThreshold: 3 } });
  studyId = (await loadProtocol(t.deps, SYSTEM_ACTOR, { text, sourceName: 'test.json' })).studyId;
  arms = protocol.design.arms.map((a) => ({ id: a.id, name: a.name }));
  armNames = arms.map((a) => a.name);
  const siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  const admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
  participantIds = await enrollParticipants(t, { actor: admin, studyId, siteId, count: 3 });
  for (const participantId of participantIds) {
    await randomizeParticipant(t.deps, admin, { studyId, participantId });
  }
  const users = [
    ['coord', 'coordinator'],
    ['inv', 'investigator'],
    ['pharm', 'pharmacist'],
    ['stat', 'statistician-unblinded'],
    ['mon', 'monitor'],
  ] as const;
  for (const [username, role] of users) {
    await addUser(t, { username, role: { studyId, siteId: null, role } });
    await c.login(username);
  }
});
afterAll(async () => t.close());

describe('CTCAE term search', () => {
  it('finds terms for any logged-in user, ranked', async () => {
    const res = await c.call('mon', { method: 'GET', url: '/api/ctcae-terms?q=headache&limit=5' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 'v5.0',
      terms: [{ term: 'Headache', soc: 'Nervous system disorders', match: 'exact' }],
    });
  });
});

describe('adverse events', () => {
  let aeId = '';

  it('lists the procedures causality is asked for: protocol procedures and the route’s lumbar puncture', async () => {
    const res = await c.call('coord', { method: 'GET', url: pp('/adverse-events') });
    expect(res.status).toBe(200);
    expect((res.body['procedures'] as { id: string }[]).map((p) => p.id)).toEqual([
      'bone-marrow-aspiration',
      'lumbar-puncture',
    ]);
    expect(res.body).toMatchObject({ adverseEvents: [], ctcaeVersion: 'v5.0', aeGradeThreshold: 3 });
  });

  it('records an AE in the dictionary spelling with its SOC', async () => {
    const res = await c.call('coord', { method: 'POST', url: pp('/adverse-events'), payload: nonSerious });
    expect(res.status).toBe(201);
    aeId = res.body['id'] as string;
    expect(res.body).toMatchObject({
      aeNumber: 1,
      version: 1,
      ctcaeTerm: 'Headache',
      soc: 'Nervous system disorders',
      related: true,
      susar: 'not-susar',
      clock: null,
      source: 'manual',
    });
  });

  it('refuses grade 6 and a serious AE without causality or awareness, naming the fields, saving nothing', async () => {
    const grade6 = await c.call('coord', {
      method: 'POST',
      url: pp('/adverse-events'),
      payload: { ...nonSerious, grade: 6 },
    });
    expect(grade6.status).toBe(422);
    expect(grade6.body).toMatchObject({
      error: { code: 'FORM_INVALID', details: { issues: [expect.objectContaining({ path: 'grade' })] } },
    });
    const serious = await c.call('coord', {
      method: 'POST',
      url: pp('/adverse-events'),
      payload: {
        ...nonSerious,
        serious: true,
        seriousness: ['hospitalisation'],
        relatedness: { product: null, procedures: {} },
      },
    });
    expect(serious.status).toBe(422);
    const issues = (
      (serious.body['error'] as { details: { issues: { path: string; rule: string }[] } }).details.issues as {
        path: string;
        rule: string;
      }[]
    ).map((i) => `${i.path}:${i.rule}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'relatedness.product:required-when-serious',
        'relatedness.procedures.lumbar-puncture:required-when-serious',
        'relatedness.procedures.bone-marrow-aspiration:required-when-serious',
        'awarenessAt:required-when-serious',
      ]),
    );
    expect(await listAdverseEvents(t.database.db, participantIds[0] ?? '')).toHaveLength(1);
  });

  it('answers a stale edit with 409 and the current record, and keeps every version with its reason', async () => {
    const noReason = await c.call('inv', {
      method: 'PUT',
      url: pp(`/adverse-events/${aeId}`),
      payload: { ...nonSerious, grade: 3, expectedVersion: 1 },
    });
    expect(noReason.status).toBe(400);
    const ok = await c.call('inv', {
      method: 'PUT',
      url: pp(`/adverse-events/${aeId}`),
      payload: {
        ...nonSerious,
        grade: 3,
        expectedVersion: 1,
        reasonForChange: 'Worse on day 2 per source notes',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, grade: 3 });
    const stale = await c.call('coord', {
      method: 'PUT',
      url: pp(`/adverse-events/${aeId}`),
      payload: { ...nonSerious, grade: 1, expectedVersion: 1, reasonForChange: 'typo' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'STALE_VERSION', details: { currentVersion: 2, current: { grade: 3, version: 2 } } },
    });
    const detail = await c.call('mon', { method: 'GET', url: pp(`/adverse-events/${aeId}`) });
    const revisions = detail.body['revisions'] as {
      version: number;
      reason: string | null;
      changes: unknown[];
    }[];
    expect(revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(revisions[1]).toMatchObject({
      reason: 'Worse on day 2 per source notes',
      changes: [{ field: 'grade', before: 2, after: 3 }],
    });
  });
});

describe('serious adverse events: clocks, reports, list and report', () => {
  let saeId = '';
  const serious = {
    term: 'Headache <b>severe</b> & vomiting',
    ctcaeTerm: 'Headache',
    onsetDate: '2026-01-05',
    ongoing: true,
    grade: 3,
    serious: true,
    seriousness: ['hospitalisation'],
    relatedness: {
      product: 'possible',
      procedures: { 'lumbar-puncture': 'unlikely', 'bone-marrow-aspiration': 'not-related' },
    },
    expected: false,
    actionTaken: 'none',
    outcome: 'recovering',
    // 08:00 at UTC+1 = 07:00Z; the test clock stands at 09:00Z on 2026-01-05.
    awarenessAt: '2026-01-05T08:00:00+01:00',
    narrative: 'Admitted for observation <script>alert(1)</script>.',
  };

  it('starts the 24-hour clock and, for a SUSAR, the 15-day clock', async () => {
    const res = await c.call('coord', { method: 'POST', url: pp('/adverse-events', 1), payload: serious });
    expect(res.status).toBe(201);
    saeId = res.body['id'] as string;
    // Hand: due 2026-01-06T07:00Z; now 09:00Z → 22 h remain. SUSAR (serious, product-related, unexpected, not
    // fatal/life-threatening): 15 days → 2026-01-20T07:00Z.
    expect(res.body).toMatchObject({
      susar: 'susar',
      awarenessDate: '2026-01-05',
      clock: {
        initial: { status: 'pending', due: '2026-01-06T07:00:00.000Z', hours: 22 },
        susar: { status: 'pending', due: '2026-01-20T07:00:00.000Z' },
        overdue: false,
      },
    });
  });

  it('shows an overdue warning in the AE and the study SAE list once the deadline passed', async () => {
    advanceTo(t, '2026-01-06T10:00:00Z');
    await c.relogin();
    const ae = await c.call('coord', { method: 'GET', url: pp(`/adverse-events/${saeId}`, 1) });
    expect(ae.body['clock']).toMatchObject({ overdue: true, initial: { status: 'overdue', hours: 3 } });
    expect((ae.body['clock'] as { warnings: string[] }).warnings[0]).toContain(
      'Initial SAE report overdue by 3 h',
    );
    const list = await c.call('mon', { method: 'GET', url: `/api/studies/${studyId}/sae` });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      overdue: 1,
      events: [{ adverseEventId: saeId, clock: { overdue: true } }],
    });
  });

  it('records the initial report (late), refuses a report in the future or on a non-serious AE', async () => {
    const future = await c.call('coord', {
      method: 'POST',
      url: pp(`/adverse-events/${saeId}/reports`, 1),
      payload: { kind: 'initial', sentAt: '2026-01-07T00:00:00Z' },
    });
    expect(future.status).toBe(422);
    const list0 = await c.call('coord', { method: 'GET', url: pp('/adverse-events') });
    const nonSeriousId = (list0.body['adverseEvents'] as { id: string }[])[0]?.id ?? '';
    const notSerious = await c.call('coord', {
      method: 'POST',
      url: pp(`/adverse-events/${nonSeriousId}/reports`),
      payload: { kind: 'initial', sentAt: '2026-01-06T09:00:00Z' },
    });
    expect(notSerious.body).toMatchObject({ error: { details: { rule: 'serious-only' } } });
    const sent = await c.call('coord', {
      method: 'POST',
      url: pp(`/adverse-events/${saeId}/reports`, 1),
      payload: {
        kind: 'initial',
        sentAt: '2026-01-06T09:30:00Z',
        recipient: 'Sponsor PV',
        reference: 'CASE-1',
      },
    });
    expect(sent.status).toBe(201);
    // Hand: sent 09:30Z, due 07:00Z → 2.5 h late.
    expect(sent.body['clock']).toMatchObject({ overdue: false, initial: { status: 'late', hours: 2.5 } });
    const list = await c.call('mon', { method: 'GET', url: `/api/studies/${studyId}/sae` });
    expect(list.body).toMatchObject({ overdue: 0 });
  });

  it('renders the SAE report as escaped HTML without the arm for blinded viewers', async () => {
    const blinded = await c.call('coord', {
      method: 'GET',
      url: pp(`/adverse-events/${saeId}/report.html`, 1),
    });
    expect(blinded.status).toBe(200);
    expect(blinded.headers['content-type']).toContain('text/html');
    expect(blinded.raw).toContain('Serious adverse event report');
    expect(blinded.raw).toContain('Blinded');
    expect(blinded.raw).not.toContain('<script>');
    expect(blinded.raw).toContain('&lt;script&gt;');
    expect(blinded.raw).toContain('Headache &lt;b&gt;severe&lt;/b&gt; &amp; vomiting');
    for (const name of armNames) {
      expect(blinded.raw).not.toContain(name);
    }
    const armId = (await listAllocations(t.database.db, studyId)).find(
      (a) => a.participant_id === participantIds[1],
    )?.arm_id;
    const armName = arms.find((a) => a.id === armId)?.name ?? 'no arm';
    const unblinded = await c.call('pharm', {
      method: 'GET',
      url: pp(`/adverse-events/${saeId}/report.html`, 1),
    });
    expect(unblinded.raw).toContain(armName);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints the SAE report to PDF',
    async () => {
      const res = await c.call('coord', { method: 'GET', url: pp(`/adverse-events/${saeId}/report.pdf`, 1) });
      expect(res.status).toBe(200);
      expect(res.raw.startsWith('%PDF')).toBe(true);
    },
    60_000,
  );

  it('answers 503 with a clear message when Chromium is missing', async () => {
    const saved = process.env['CELLTRIAL_CHROMIUM'];
    process.env['CELLTRIAL_CHROMIUM'] = '/nonexistent/chromium';
    try {
      const res = await c.call('coord', { method: 'GET', url: pp(`/adverse-events/${saeId}/report.pdf`, 1) });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        error: { code: 'PDF_RENDERER_UNAVAILABLE', details: { executablePath: '/nonexistent/chromium' } },
      });
    } finally {
      if (saved === undefined) {
        delete process.env['CELLTRIAL_CHROMIUM'];
      } else {
        process.env['CELLTRIAL_CHROMIUM'] = saved;
      }
    }
  });
});

describe('lab values propose AEs (threshold grade 3 in this test)', () => {
  let visitId = '';
  let proposalId = '';
  const labs = (platelets: number) => ({
    platelets: { value: platelets, unit: '10*9/L' }, // v5.0: < 50 → grade 3
    neutrophils: { value: 1.2, unit: '10*9/L' }, // v5.0: 1.0–1.5 → grade 2, below the threshold
  });

  it('proposes an AE for a grade-3 platelet count, not for a grade-2 neutrophil count', async () => {
    visitId = await c.visit('coord', { base: pp('', 2), visitKey: 'p-v0', date: '2026-01-05' });
    const saved = await c.call('coord', {
      method: 'PUT',
      url: pp(`/visits/${visitId}/forms/labs`, 2),
      payload: { values: labs(40), expectedVersion: 0 },
    });
    expect(saved.status).toBe(200);
    const res = await c.call('coord', { method: 'GET', url: pp('/ae-proposals', 2) });
    const proposals = res.body['proposals'] as Record<string, unknown>[];
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      test: 'platelets',
      value: 40,
      grade: 3,
      ctcaeTerm: 'Platelet count decreased',
      status: 'proposed',
      sampleDate: '2026-01-05',
      prefill: { ctcaeTerm: 'Platelet count decreased', grade: 3, onsetDate: '2026-01-05' },
    });
    proposalId = proposals[0]?.['id'] as string;
  });

  it('does not propose twice for the same value; a changed value supersedes the open proposal', async () => {
    const same = await c.call('coord', {
      method: 'PUT',
      url: pp(`/visits/${visitId}/forms/labs`, 2),
      payload: {
        values: { ...labs(40), neutrophils: { value: 1.3, unit: '10*9/L' } },
        expectedVersion: 1,
        reasonForChange: 'Transcription error',
      },
    });
    expect(same.status).toBe(200);
    expect(
      ((await c.call('coord', { method: 'GET', url: pp('/ae-proposals', 2) })).body['proposals'] as unknown[])
        .length,
    ).toBe(1);
    await c.call('coord', {
      method: 'PUT',
      url: pp(`/visits/${visitId}/forms/labs`, 2),
      payload: { values: labs(30), expectedVersion: 2, reasonForChange: 'Corrected from the lab report' },
    });
    const all = (await c.call('coord', { method: 'GET', url: pp('/ae-proposals', 2) })).body['proposals'] as {
      id: string;
      status: string;
      value: number;
      decisionReason: string | null;
    }[];
    expect(all.map((p) => [p.value, p.status])).toEqual([
      [40, 'dismissed'],
      [30, 'proposed'],
    ]);
    expect(all[0]?.decisionReason).toContain('superseded');
    proposalId = all[1]?.id ?? '';
    const queue = (
      await c.call('coord', { method: 'GET', url: `/api/studies/${studyId}/ae-proposals?status=proposed` })
    ).body['proposals'] as { id: string }[];
    expect(queue.map((p) => p.id)).toEqual([proposalId]);
  });

  it('lets only the investigator confirm; confirming records the AE prefilled from the proposal', async () => {
    const byCoordinator = await c.call('coord', {
      method: 'POST',
      url: pp(`/ae-proposals/${proposalId}/confirm`, 2),
      payload: {},
    });
    expect(byCoordinator.status).toBe(403);
    const res = await c.call('inv', {
      method: 'POST',
      url: pp(`/ae-proposals/${proposalId}/confirm`, 2),
      payload: { relatedness: { product: 'possible', procedures: {} } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      proposal: { status: 'confirmed' },
      adverseEvent: {
        source: 'lab-proposal',
        proposalId,
        ctcaeTerm: 'Platelet count decreased',
        soc: 'Investigations',
        grade: 3,
        onsetDate: '2026-01-05',
      },
    });
    const again = await c.call('inv', {
      method: 'POST',
      url: pp(`/ae-proposals/${proposalId}/dismiss`, 2),
      payload: { reason: 'not needed' },
    });
    expect(again.status).toBe(422);
  });
});

describe('AE tables', () => {
  it('shows blinded users one group, never arms', async () => {
    const res = await c.call('coord', {
      method: 'GET',
      url: `/api/studies/${studyId}/safety/ae-table?by=soc-term`,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ grouping: 'all', participants: 3 });
    expect((res.body['columns'] as { label: string }[]).map((col) => col.label)).toEqual([
      'All participants',
      'Total',
    ]);
    // Hand: 3 AEs in 3 participants; Headache in participants 1 and 2 → 2 of 3.
    const headache = (
      res.body['rows'] as { term: string | null; category: string | null; cells: { count: number }[] }[]
    ).find((r) => r.term === 'Headache' && r.category === null);
    expect(headache?.cells.map((cell) => cell.count)).toEqual([2, 2]);
  });

  it('shows arms to unblinded statisticians and writes CSV through csv-stringify', async () => {
    const res = await c.call('stat', {
      method: 'GET',
      url: `/api/studies/${studyId}/safety/ae-table?by=max-grade`,
    });
    expect(res.body['grouping']).toBe('arm');
    const labels = (res.body['columns'] as { label: string }[]).map((col) => col.label);
    expect(labels.at(-1)).toBe('Total');
    expect(labels.slice(0, -1).every((l) => armNames.includes(l))).toBe(true);
    const csv = await c.call('coord', {
      method: 'GET',
      url: `/api/studies/${studyId}/safety/ae-table?by=relatedness&format=csv`,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.raw.split('\n')[0]).toBe(
      'System organ class,Term,Category,All participants (N=3) n,All participants (N=3) %,Total (N=3) n,Total (N=3) %',
    );
  });
});

describe('audit', () => {
  it('records every safety write and keeps the chain intact', async () => {
    const actions = new Set(
      (await listAuditEvents(t.database.db, { studyId, limit: 100_000 })).map((e) => e.action),
    );
    for (const action of [
      'adverse-event.create',
      'adverse-event.update',
      'sae-report.record',
      'ae-proposal.create',
      'ae-proposal.supersede',
      'ae-proposal.confirm',
    ]) {
      expect(actions).toContain(action);
    }
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
