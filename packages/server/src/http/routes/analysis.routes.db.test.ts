import { existsSync } from 'node:fs';
import type { AnalysisResponse } from '@celltrial/contracts';
import {
  cafs,
  daysBetweenIsoDates,
  kaplanMeier,
  logRankTest,
  runInTreatmentSlopes,
  type Observation,
} from '@celltrial/core';
import { findParticipant, listAllocations, listSites } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGRESSION_TO_THE_MEAN_NOTE } from '../../services/analysis/run-in-analysis.js';
import {
  markSynthetic,
  seedVisitData,
  type SeedVisit,
} from '../../services/analysis/testing/seed-analysis-data.js';
import { lockData } from '../../services/casebook/data-review.service.js';
import { saveVisitForm } from '../../services/casebook/form-entry.service.js';
import { recordVisit } from '../../services/casebook/visit.service.js';
import { loadProtocol } from '../../services/protocol.service.js';
import { randomizeParticipant } from '../../services/randomization.service.js';
import { SYSTEM_ACTOR, type Actor } from '../../services/service-context.js';
import { adminActor, enrollParticipants } from '../../testing/enroll-participants.js';
import { addUser, createTestApp, loginAs, type TestApp } from '../../testing/test-app.js';
import { manualCriteriaProtocolText, randomizedTestProtocolText } from '../../testing/test-protocol.js';

let t: TestApp;
let admin: Actor;
let runInStudy = '';
let armStudy = '';
const cookies = new Map<string, string>();

// NCT04821479 (single arm, 6-month run-in): month 0 = inj-1 on 2025-07-01.
const SPLIT = '2025-07-01';
const DATES = {
  scr: '2025-01-01',
  'run-in-m3': '2025-04-02',
  'inj-1': SPLIT,
  interim: '2025-08-15',
  'inj-2': '2025-09-30',
};
const ALSFRS = [
  [44, 42, 40, 40, 39],
  [40, 37, 35, 34, 34],
  [46, 45, 43, 43, 42],
  [38, 36, 33, 32, 30],
];
const FVC = [
  [90, 86, 84, 83, 80],
  [75, 70, 68, 66, 65],
  [101, 99, 96, 95, 95],
  [80, 74, 70, 69, 64],
];
const runInSubjects: string[] = [];

// NCT04745299 (randomized 1:2:2): six participants, two die.
const ARM_VISITS = (i: number): SeedVisit[] => {
  const base = ['p-v0', 'fu-m2', 'fu-m6'] as const;
  const dates = ['2025-01-10', '2025-03-12', '2025-07-11'];
  const dies = i === 1 || i === 4;
  return base.map((visitKey, k) => ({
    visitKey,
    date: dates[k] ?? '',
    alsfrs: 42 - i - k * (2 + (i % 3)),
    ...(k === 0
      ? {}
      : {
          survival:
            dies && k === 2
              ? {
                  vitalStatus: 'dead',
                  deathDate: '2025-06-20',
                  tracheostomy: false,
                  permanentVentilation: false,
                }
              : { vitalStatus: 'alive', tracheostomy: false, permanentVentilation: false },
        }),
  }));
};

async function get(url: string, who: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) ?? '' } });
}

async function analysisOf(studyId: string, who: string): Promise<AnalysisResponse> {
  const res = await get(`/api/studies/${studyId}/analysis`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AnalysisResponse>();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
  runInStudy = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct04821479.yaml'),
      sourceName: 'a.json',
    })
  ).studyId;
  armStudy = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, { text: randomizedTestProtocolText(), sourceName: 'b.json' })
  ).studyId;
  const siteA = (await listSites(t.database.db, runInStudy))[0]?.id ?? '';
  const ids = await enrollParticipants(t, { actor: admin, studyId: runInStudy, siteId: siteA, count: 5 });
  for (const [i, participantId] of ids.entries()) {
    const visits: SeedVisit[] =
      i < 4
        ? Object.entries(DATES).map(([visitKey, date], k) => ({
            visitKey,
            date,
            alsfrs: ALSFRS[i]?.[k],
            fvc: FVC[i]?.[k],
          }))
        : [
            { visitKey: 'scr', date: DATES.scr, alsfrs: 41 },
            { visitKey: 'inj-1', date: SPLIT, alsfrs: 39 },
          ];
    await seedVisitData(t.deps, admin, { studyId: runInStudy, participantId, visits });
  }
  await markSynthetic(t.deps, admin, { studyId: runInStudy, participantId: ids[0] ?? '' });
  const siteB = (await listSites(t.database.db, armStudy))[0]?.id ?? '';
  const armIds = await enrollParticipants(t, { actor: admin, studyId: armStudy, siteId: siteB, count: 6 });
  for (const [i, participantId] of armIds.entries()) {
    await randomizeParticipant(t.deps, admin, { studyId: armStudy, participantId });
    await seedVisitData(t.deps, admin, { studyId: armStudy, participantId, visits: ARM_VISITS(i) });
  }
  for (const [studyId, key] of [
    [runInStudy, 'a'],
    [armStudy, 'b'],
  ] as const) {
    for (const role of ['statistician-blinded', 'statistician-unblinded', 'coordinator'] as const) {
      await addUser(t, { username: `${key}-${role}`, role: { studyId, siteId: null, role } });
      cookies.set(`${key}-${role}`, await loginAs(t, `${key}-${role}`));
    }
  }
  for (const id of ids) {
    runInSubjects.push((await findParticipant(t.database.db, id))?.subject_number ?? '');
  }
});
afterAll(async () => t.close());

function expectedRunIn(values: number[][]) {
  const observations: Observation[] = values.flatMap((row, i) =>
    Object.values(DATES).map((date, k) => ({
      subject: runInSubjects[i] ?? '',
      time: daysBetweenIsoDates(SPLIT, date) / 30.4375,
      value: row[k] ?? Number.NaN,
    })),
  );
  const out = runInTreatmentSlopes(observations, 0);
  if (out.kind !== 'ok') {
    throw new Error('expected slopes');
  }
  return out;
}

describe('GET /api/studies/:studyId/analysis — run-in design (NCT04821479)', () => {
  it('builds the dataset: months from the first-dose visit, current data flagged, synthetic counted', async () => {
    const a = await analysisOf(runInStudy, 'a-statistician-unblinded');
    expect(a.dataset.splitVisit).toBe('inj-1');
    expect(a.dataset.status.source).toBe('current');
    expect(a.dataset.status.dataCutDate).toBe('2026-01-05');
    expect(a.dataset.status.lastDataDate).toBe('2025-09-30');
    expect(a.dataset.messages[0]?.text).toMatch(/not locked/i);
    expect(a.dataset.syntheticParticipants).toBe(1);
    const first = a.dataset.observations.find((o) => o.subject === runInSubjects[0] && o.visitKey === 'scr');
    // 2025-01-01 → 2025-07-01 is 181 days: −181 / 30.4375 months
    expect(first).toMatchObject({ measure: 'alsfrs-r', value: 44, synthetic: true, months: -181 / 30.4375 });
    expect(a.dataset.observations.filter((o) => o.measure === 'fvc')).toHaveLength(20);
  });

  it('gives the run-in vs treatment numbers core computes on the same data, and names who is left out', async () => {
    const a = await analysisOf(runInStudy, 'a-statistician-blinded');
    const endpoint = a.endpoints.find((e) => e.endpointId === 'alsfrs-r-slope');
    expect(endpoint?.result.kind).toBe('run-in-treatment');
    if (endpoint?.result.kind !== 'run-in-treatment') {
      return;
    }
    const expected = expectedRunIn(ALSFRS);
    const s = endpoint.result.summary;
    expect(s.nSubjects).toBe(4);
    expect(s.meanChange).toBeCloseTo(expected.summary.meanChange, 12);
    expect(s.tTest.t).toBeCloseTo(expected.summary.t, 12);
    expect(s.tTest.p).toBeCloseTo(expected.summary.pT, 12);
    expect(s.wilcoxon.p).toBeCloseTo(expected.summary.pWilcoxon, 12);
    expect(s.nImproved25).toBe(expected.summary.nImproved25);
    for (const subject of expected.subjects) {
      const got = endpoint.result.subjects.find((x) => x.subject === subject.subject);
      expect(got?.slopeRunIn).toBeCloseTo(subject.slopeRunIn, 12);
      expect(got?.slopeTreatment).toBeCloseTo(subject.slopeTreatment, 12);
    }
    expect(endpoint.result.regressionToTheMeanNote).toBe(REGRESSION_TO_THE_MEAN_NOTE);
    expect(endpoint.result.piecewise?.fixed.map((f) => f.name)).toEqual(['intercept', 'time', 'slopeChange']);
    const excluded = endpoint.messages.find((m) => m.text.includes('not in the slope comparison'));
    expect(excluded?.text).toContain(runInSubjects[4]);
    const fvc = a.endpoints.find((e) => e.endpointId === 'fvc-slope');
    expect(fvc?.result.kind === 'run-in-treatment' && fvc.result.summary.meanChange).toBeCloseTo(
      expectedRunIn(FVC).summary.meanChange,
      12,
    );
    const safety = a.endpoints.find((e) => e.endpointId === 'safety-ae');
    expect(safety).toMatchObject({ result: { kind: 'none' }, messages: [{ level: 'info' }] });
    expect(a.survival).toBeNull();
  });

  it('refuses roles without analysis:run', async () => {
    expect((await get(`/api/studies/${runInStudy}/analysis`, 'a-coordinator')).statusCode).toBe(403);
  });
});

describe('blinding (NCT04745299)', () => {
  const ARMS = ['single-cycle', 'multiple', 'control'];

  it('gives a blinded statistician no arm anywhere and pooled analyses', async () => {
    const a = await analysisOf(armStudy, 'b-statistician-blinded');
    expect(a.dataset.blinded).toBe(true);
    expect(a.dataset.arms).toEqual([]);
    expect(a.dataset.observations.every((o) => o.arm === null)).toBe(true);
    expect(a.dataset.participants.every((p) => p.arm === null)).toBe(true);
    const text = JSON.stringify(a);
    for (const arm of ARMS) {
      expect(text).not.toContain(`"${arm}"`);
    }
    expect(a.survival?.groups.map((g) => g.group)).toEqual(['all']);
    expect(a.survival?.logRank).toBeNull();
    const cafsEndpoint = a.endpoints.find((e) => e.endpointId === 'cafs-6m');
    expect(cafsEndpoint?.result.kind).toBe('none');
    expect(cafsEndpoint?.messages[0]?.text).toMatch(/blinded/);
    const change = a.endpoints.find((e) => e.endpointId === 'alsfrs-r-change');
    expect(change?.result.kind === 'change-from-baseline' && change.result.lmm?.formula).toBe(
      'alsfrs_r ~ months + (1 + months | subject)',
    );
    const csv = (await get(`/api/studies/${armStudy}/analysis/dataset.csv`, 'b-statistician-blinded')).body;
    expect(csv.split('\r\n')[0]).toBe('subject,synthetic,measure,visit,date,months,value');
  });

  it('gives an unblinded statistician KM, log-rank, Cox and CAFS by arm, equal to core on the same data', async () => {
    const a = await analysisOf(armStudy, 'b-statistician-unblinded');
    expect(a.dataset.blinded).toBe(false);
    const arms = new Map(
      (await listAllocations(t.database.db, armStudy)).map((x) => [x.participant_id, x.arm_id]),
    );
    expect(new Set(a.dataset.participants.map((p) => p.arm))).toEqual(new Set(arms.values()));
    const withTime = a.dataset.participants.flatMap((p) =>
      p.survival === null || p.arm === null ? [] : [{ ...p.survival, arm: p.arm, subject: p.subject }],
    );
    expect(withTime).toHaveLength(6);
    expect(withTime.filter((p) => p.event)).toHaveLength(2);
    const lr = logRankTest({
      time: withTime.map((p) => p.months),
      event: withTime.map((p) => p.event),
      group: withTime.map((p) => p.arm),
    });
    expect(a.survival?.logRank?.chisq).toBeCloseTo(lr.chisq, 12);
    for (const g of a.survival?.groups ?? []) {
      const members = withTime.filter((p) => p.arm === g.group);
      const km = kaplanMeier({ time: members.map((p) => p.months), event: members.map((p) => p.event) });
      expect(g.steps.map((s) => s.survival)).toEqual(km.steps.map((s) => s.survival));
    }
    const coxSkipped = a.survival?.messages.some((m) => m.text.startsWith('Cox model not fitted')) ?? false;
    expect(a.survival?.cox === null).toBe(coxSkipped);
    const cafs6 = a.endpoints.find((e) => e.endpointId === 'cafs-6m');
    expect(cafs6?.result.kind).toBe('cafs');
    if (cafs6?.result.kind === 'cafs') {
      expect(cafs6.result.reference).toBe('control');
      const expected = cafs(
        withTime.map((p) => {
          const values = a.dataset.observations.filter((o) => o.subject === p.subject && o.months <= 6);
          return {
            id: p.subject,
            arm: p.arm,
            time: p.months,
            event: p.event,
            change: (values.at(-1)?.value ?? 0) - (values[0]?.value ?? 0),
          };
        }),
        { horizon: 6, reference: 'control' },
      );
      expect(expected.kind === 'ok' && expected.arms.map((x) => x.meanRank)).toEqual(
        cafs6.result.arms.map((x) => x.meanRank),
      );
    }
    const csv = (
      await get(`/api/studies/${armStudy}/analysis/dataset.csv`, 'b-statistician-unblinded')
    ).body.split('\r\n');
    expect(csv[0]).toBe('subject,synthetic,arm,measure,visit,date,months,value');
    expect(csv.filter((l) => l !== '')).toHaveLength(1 + a.dataset.observations.length);
  });
});

describe('study report', () => {
  it('is one self-contained HTML page with status, version, methods and inline SVG charts', async () => {
    const res = await get(`/api/studies/${runInStudy}/analysis/report.html`, 'a-statistician-blinded');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('CURRENT DATA, NOT LOCKED');
    expect(res.body).toContain('SYNTHETIC DATA');
    expect(res.body).toMatch(/celltrial 0\.1\.0 \(commit [0-9a-f]{7,40}|celltrial 0\.1\.0 \(commit unknown/);
    expect(res.body).toContain('docs/methods/progression-slopes.md');
    expect(res.body.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(res.body).not.toMatch(/<script|src="http|href="http/);
  });

  it('answers 503 with a clear message when Chromium is missing', async () => {
    const before = process.env['CELLTRIAL_CHROMIUM'];
    process.env['CELLTRIAL_CHROMIUM'] = '/nonexistent/chromium';
    try {
      const res = await get(`/api/studies/${runInStudy}/analysis/report.pdf`, 'a-statistician-blinded');
      expect(res.statusCode).toBe(503);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(
        /Chromium at \/nonexistent\/chromium/,
      );
    } finally {
      if (before === undefined) {
        delete process.env['CELLTRIAL_CHROMIUM'];
      } else {
        process.env['CELLTRIAL_CHROMIUM'] = before;
      }
    }
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'renders a PDF with Chromium',
    async () => {
      const res = await get(`/api/studies/${armStudy}/analysis/report.pdf`, 'b-statistician-unblinded');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    },
    60_000,
  );
});

describe('locked data and the casebook save path', () => {
  it('reads a value saved through the casebook services, then reports locked data after a study lock', async () => {
    const siteA = (await listSites(t.database.db, runInStudy))[0]?.id ?? '';
    const [participantId] = await enrollParticipants(t, {
      actor: admin,
      studyId: runInStudy,
      siteId: siteA,
      count: 1,
    });
    const { visitId } = await recordVisit(t.deps, admin, {
      studyId: runInStudy,
      participantId: participantId ?? '',
      visitKey: 'scr',
      status: 'done',
      actualDate: '2026-01-05',
      expectedRowVersion: 0,
    });
    const items = Object.fromEntries(
      ['q1', 'q2', 'q3', 'q4', 'q5a', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12'].map((q) => [q, 3]),
    );
    await saveVisitForm(t.deps, admin, {
      studyId: runInStudy,
      participantId: participantId ?? '',
      visitId,
      formKey: 'alsfrs-r',
      values: { gastrostomy: false, ...items },
      expectedVersion: 0,
    });
    const subject = (await findParticipant(t.database.db, participantId ?? ''))?.subject_number;
    const before = await analysisOf(runInStudy, 'a-statistician-blinded');
    expect(before.dataset.observations.find((o) => o.subject === subject)).toMatchObject({
      measure: 'alsfrs-r',
      value: 36,
      visitKey: 'scr',
    });
    await lockData(t.deps, admin, { studyId: runInStudy, scope: 'study', reason: 'final analysis' });
    const after = await analysisOf(runInStudy, 'a-statistician-blinded');
    expect(after.dataset.status).toMatchObject({ source: 'locked', lockReason: 'final analysis' });
    // the lock time is stamped by the database clock: the data cut is its day
    expect(after.dataset.status.dataCutDate).toBe(after.dataset.status.lockedAt?.slice(0, 10));
    expect(after.dataset.messages.some((m) => /not locked/i.test(m.text))).toBe(false);
  });
});
