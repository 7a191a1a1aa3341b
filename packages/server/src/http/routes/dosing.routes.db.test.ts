import {
  listAllocations,
  listAuditEvents,
  listDosePreparations,
  listSites,
  verifyAuditChain,
} from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../services/protocol.service.js';
import { randomizeParticipant } from '../../services/randomization.service.js';
import { SYSTEM_ACTOR, type Actor } from '../../services/service-context.js';
import { adminActor, enrollParticipants } from '../../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../../testing/test-app.js';
import { manualCriteriaProtocolText, randomizedTestProtocolText } from '../../testing/test-protocol.js';
import { advanceTo, testClient, type TestClient } from './safety-test-client.js';

/**
 * Dosing through the API: NCT03268603's dose modification (a related grade-3 AE after dose 1 → the next dose one
 * level lower, with the reason), and NCT04745299's per-kg dose (no weight → refused; masked plan for blinded staff).
 */
let t: TestApp;
let c: TestClient;
let admin: Actor;
const ids = { als: '', alsParticipant: '', rand: '', randSite: '' };
const vitals = (weightKg: number) => ({
  heartRate: 72,
  systolicBp: 120,
  diastolicBp: 80,
  respiratoryRate: 14,
  temperatureC: 36.6,
  weightKg,
});

beforeAll(async () => {
  t = await createTestApp();
  c = testClient(t);
  admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
  ids.als = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct03268603.yaml'),
      sourceName: 'nct03268603.json',
    })
  ).studyId;
  ids.rand = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: randomizedTestProtocolText(),
      sourceName: 'nct04745299.json',
    })
  ).studyId;
  const alsSite = (await listSites(t.database.db, ids.als))[0]?.id ?? '';
  ids.randSite = (await listSites(t.database.db, ids.rand))[0]?.id ?? '';
  [ids.alsParticipant = ''] = await enrollParticipants(t, {
    actor: admin,
    studyId: ids.als,
    siteId: alsSite,
    count: 1,
  });
  for (const studyId of [ids.als, ids.rand]) {
    for (const [username, role] of [
      ['pharm', 'pharmacist'],
      ['coord', 'coordinator'],
      ['inv', 'investigator'],
    ] as const) {
      const name = `${username}-${studyId === ids.als ? 'als' : 'rand'}`;
      await addUser(t, { username: name, role: { studyId, siteId: null, role } });
      await c.login(name);
    }
  }
});
afterAll(async () => t.close());

describe('NCT03268603: dose modification before the second injection', () => {
  const pp = (rest = '') => `/api/studies/${ids.als}/participants/${ids.alsParticipant}${rest}`;
  let prepId = '';

  it('plans dose 1 at the protocol level 5×10^7 cells in 5–10 mL', async () => {
    await c.visit('coord-als', { base: pp(), visitKey: 'v1', date: '2026-01-05' });
    advanceTo(t, '2026-04-06T09:00:00Z');
    await c.relogin();
    await c.visit('coord-als', { base: pp(), visitKey: 'v4', date: '2026-04-06' });
    const plan = await c.call('pharm-als', { method: 'GET', url: pp('/dose-plan?visit=v4') });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      masked: false,
      doseDate: '2026-04-06',
      arm: { id: 'aamsc' },
      items: [
        {
          masked: false,
          interventionId: 'aamsc',
          plannedLevel: 'dl-5e7',
          levelSource: 'protocol',
          calculation: { kind: 'ok', amount: 5e7, unit: 'cells', doseLevel: 'dl-5e7' },
          modification: { kind: 'not-applicable' },
          volume: { volumeRangeMl: { min: 5, max: 10 } },
        },
      ],
    });
  });

  it('refuses an unknown level and a deviation without reason, saving nothing', async () => {
    const unknown = await c.call('pharm-als', {
      method: 'POST',
      url: pp('/dose-preparations'),
      payload: {
        visitKey: 'v4',
        interventionId: 'aamsc',
        doseLevel: 'dl-9e9',
        preparedAmount: 5e7,
        lot: 'L1',
        volumeMl: 8,
      },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: {
        code: 'FORM_INVALID',
        details: { issues: [{ path: 'doseLevel', rule: 'unknown-dose-level' }] },
      },
    });
    // No tolerance in the protocol: any deviation needs a reason (5.5×10^7 vs 5×10^7 = +10 %).
    const deviation = await c.call('pharm-als', {
      method: 'POST',
      url: pp('/dose-preparations'),
      payload: { visitKey: 'v4', interventionId: 'aamsc', preparedAmount: 5.5e7, lot: 'L1', volumeMl: 8 },
    });
    expect(deviation.body).toMatchObject({
      error: { details: { issues: [{ path: 'deviationReason', rule: 'required-when-deviation' }] } },
    });
    const byCoordinator = await c.call('coord-als', {
      method: 'POST',
      url: pp('/dose-preparations'),
      payload: { visitKey: 'v4', interventionId: 'aamsc', preparedAmount: 5e7, lot: 'L1', volumeMl: 8 },
    });
    expect(byCoordinator.status).toBe(403);
    expect(await listDosePreparations(t.database.db, ids.alsParticipant)).toEqual([]);
  });

  it('records the prepared and the administered dose 1', async () => {
    const prep = await c.call('pharm-als', {
      method: 'POST',
      url: pp('/dose-preparations'),
      payload: {
        visitKey: 'v4',
        interventionId: 'aamsc',
        preparedAmount: 5e7,
        lot: 'AAMSC-001',
        volumeMl: 8,
      },
    });
    expect(prep.status).toBe(201);
    expect(prep.body).toMatchObject({
      doseLevel: 'dl-5e7',
      calculatedAmount: 5e7,
      withinTolerance: true,
      deviationPercent: 0,
    });
    prepId = prep.body['id'] as string;
    const given = await c.call('coord-als', {
      method: 'POST',
      url: pp('/dose-administrations'),
      payload: {
        preparationId: prepId,
        administeredAt: '2026-04-06T10:00:00+02:00',
        volumeMl: 8,
        complete: true,
      },
    });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ administration: { volumeMl: 8, complete: true } });
    const twice = await c.call('coord-als', {
      method: 'POST',
      url: pp('/dose-administrations'),
      payload: {
        preparationId: prepId,
        administeredAt: '2026-04-06T10:00:00+02:00',
        volumeMl: 8,
        complete: true,
      },
    });
    expect(twice.status).toBe(409);
  });

  it('lowers the second dose one level after a related grade-3 AE, with the reason', async () => {
    advanceTo(t, '2026-04-21T09:00:00Z');
    await c.relogin();
    const ae = await c.call('inv-als', {
      method: 'POST',
      url: pp('/adverse-events'),
      payload: {
        term: 'Back pain',
        ctcaeTerm: 'Back pain',
        onsetDate: '2026-04-20',
        ongoing: false,
        resolutionDate: '2026-04-21',
        grade: 3,
        serious: false,
        relatedness: { product: 'probable', procedures: { 'lumbar-puncture': 'possible' } },
        actionTaken: 'dose-reduced',
        outcome: 'recovered',
      },
    });
    expect(ae.status).toBe(201);
    advanceTo(t, '2026-07-06T09:00:00Z');
    await c.relogin();
    await c.visit('coord-als', { base: pp(), visitKey: 'inj-2', date: '2026-07-06' });
    const plan = await c.call('pharm-als', { method: 'GET', url: pp('/dose-plan?visit=inj-2') });
    expect(plan.status).toBe(200);
    const item = (plan.body['items'] as Record<string, unknown>[])[0];
    expect(item).toMatchObject({
      plannedLevel: 'dl-1e7',
      levelSource: 'modification',
      calculation: { kind: 'ok', amount: 1e7 },
      modification: {
        kind: 'decision',
        action: 'decrease',
        previousLevel: 'dl-5e7',
        nextLevel: 'dl-1e7',
        rule: { id: 'reduce-after-grade-3', assumption: true },
        notMet: [{ rule: { id: 'stop-after-grade-4' } }],
      },
    });
    const reasons = (item?.['modification'] as { reasons: string[] }).reasons.join(' | ');
    expect(reasons).toContain('Back pain');
    expect(reasons).toContain("'dl-1e7'");
    const prep = await c.call('pharm-als', {
      method: 'POST',
      url: pp('/dose-preparations'),
      payload: {
        visitKey: 'inj-2',
        interventionId: 'aamsc',
        preparedAmount: 1e7,
        lot: 'AAMSC-002',
        volumeMl: 6,
      },
    });
    expect(prep.status).toBe(201);
    expect(prep.body).toMatchObject({ doseLevel: 'dl-1e7', calculatedAmount: 1e7 });
    expect((prep.body['modificationReasons'] as string[]).length).toBeGreaterThan(0);
  });

  it('audited every step', async () => {
    const events = await listAuditEvents(t.database.db, { studyId: ids.als, limit: 100_000 });
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'dose.prepare')).toHaveLength(2);
    expect(actions).toContain('dose.administer');
    expect(actions).toContain('adverse-event.create');
    const prepared = events.find((e) => e.action === 'dose.prepare');
    expect(prepared?.after).toMatchObject({ interventionId: 'aamsc', doseLevel: 'dl-5e7', lot: 'AAMSC-001' });
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});

describe('NCT04745299: per-kg dose, weight, masking', () => {
  const rp = (participantId: string, rest = '') =>
    `/api/studies/${ids.rand}/participants/${participantId}${rest}`;
  let active = '';
  let control = '';

  it('randomizes until it has an investigational and a placebo participant', async () => {
    for (let i = 0; i < 10 && (active === '' || control === ''); i++) {
      const [id = ''] = await enrollParticipants(t, {
        actor: admin,
        studyId: ids.rand,
        siteId: ids.randSite,
        count: 1,
      });
      await randomizeParticipant(t.deps, admin, { studyId: ids.rand, participantId: id });
      const arm = (await listAllocations(t.database.db, ids.rand)).find(
        (a) => a.participant_id === id,
      )?.arm_id;
      if (arm === 'control' && control === '') {
        control = id;
      } else if (arm !== 'control' && active === '') {
        active = id;
      }
    }
    expect(active).not.toBe('');
    expect(control).not.toBe('');
  });

  it('refuses to prepare a per-kg dose without a weight, saving nothing', async () => {
    const plan = await c.call('pharm-rand', { method: 'GET', url: rp(active, '/dose-plan?visit=inj-1') });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      items: [
        { calculation: { kind: 'invalid', problems: [{ path: 'weightKg', rule: 'weight-required' }] } },
      ],
    });
    const prep = await c.call('pharm-rand', {
      method: 'POST',
      url: rp(active, '/dose-preparations'),
      payload: {
        visitKey: 'inj-1',
        interventionId: 'lenzumestrocel',
        preparedAmount: 7e7,
        lot: 'L',
        volumeMl: 2,
      },
    });
    expect(prep.status).toBe(422);
    expect(prep.body).toMatchObject({
      error: { details: { issues: [{ path: 'weightKg', rule: 'weight-required' }] } },
    });
    expect(await listDosePreparations(t.database.db, active)).toEqual([]);
  });

  it('computes 1×10^6 cells/kg × 72.3 kg = 7.23×10^7 cells from the latest vital-signs weight', async () => {
    const visitId = await c.visit('coord-rand', { base: rp(active), visitKey: 'p-v0', date: '2026-07-06' });
    const saved = await c.call('coord-rand', {
      method: 'PUT',
      url: rp(active, `/visits/${visitId}/forms/vital-signs`),
      payload: { values: vitals(72.3), expectedVersion: 0 },
    });
    expect(saved.status).toBe(200);
    const plan = await c.call('pharm-rand', { method: 'GET', url: rp(active, '/dose-plan?visit=inj-1') });
    // Hand: 1e6 × 72.3 = 72 300 000 exactly (docs/methods/dosing.md golden value).
    expect(plan.body).toMatchObject({
      masked: false,
      items: [
        {
          interventionId: 'lenzumestrocel',
          calculation: {
            kind: 'ok',
            amount: 72_300_000,
            perKg: 1e6,
            weight: { weightKg: 72.3, source: 'vital-signs', date: '2026-07-06' },
          },
        },
      ],
    });
  });

  it('shows a blinded coordinator only the kit code, route and volume', async () => {
    for (const participantId of [active, control]) {
      const plan = await c.call('coord-rand', {
        method: 'GET',
        url: rp(participantId, '/dose-plan?visit=inj-1'),
      });
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({
        masked: true,
        arm: null,
        items: [{ masked: true, route: 'intrathecal' }],
      });
      expect(typeof plan.body['kitCode']).toBe('string');
      expect(JSON.stringify(plan.body)).not.toMatch(/lenzumestrocel|placebo|control|single-cycle|multiple/i);
    }
    const placebo = await c.call('pharm-rand', { method: 'GET', url: rp(control, '/dose-plan?visit=inj-1') });
    expect(placebo.body).toMatchObject({
      arm: { id: 'control' },
      items: [{ interventionId: 'placebo', calculation: { kind: 'volume-only' } }],
    });
  });
});
