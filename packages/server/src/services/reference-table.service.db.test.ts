import { listAuditEvents, listSites } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { adminActor, enrollParticipants } from '../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../testing/test-app.js';
import { manualCriteriaProtocolText } from '../testing/test-protocol.js';
import { recordVisit } from './casebook/visit.service.js';
import { saveVisitForm } from './casebook/form-entry.service.js';
import { loadProtocol } from './protocol.service.js';
import {
  formatReferenceTableError,
  latestGliTables,
  listReferenceTables,
  loadGliReferenceTable,
} from './reference-table.service.js';
import { SYSTEM_ACTOR, type Actor } from './service-context.js';

// A synthetic GLI Global 2022 table (NOT GLI numbers; no GLI table is ever committed): M = height·√age·e^(a0 + Mspline),
// S = e^−2, L = q0. Rows cover males aged 64.5–64.75 only.
const SYNTHETIC = [
  'sex,f,a0,a1,a2,p0,p1,q0,q1,agebound,l0,l1,m0,m1,s0,s1',
  '1,FVC,-6,1,0.5,-2,0,1,0,64.5,0,0,0,0.04,0,0',
  '1,FEV1,-6.5,1,0.5,-2,0,0.5,0,64.5,0,0,0,0,0,0',
  '',
].join('\n');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

let t: TestApp;
let admin: Actor;

beforeAll(async () => {
  t = await createTestApp();
  admin = adminActor(await addUser(t, { username: 'admin', admin: true }));
});
afterAll(async () => t.close());

describe('GLI reference tables', () => {
  it('refuses a bad file naming line and column, storing nothing', async () => {
    const bad = SYNTHETIC.replace('1,FEV1,-6.5', 'x,FEV1,NA');
    const error = await loadGliReferenceTable(t.deps, SYSTEM_ACTOR, {
      bytes: bytes(bad),
      fileName: 'bad.csv',
      edition: 'gli-global-2022',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(formatReferenceTableError('bad.csv', error as AppError).split('\n')).toEqual([
      'bad.csv: 2 problem(s); nothing was stored',
      'bad.csv:3: sex: one-of: must be 1, 2, m, f, male or female (got "x")',
      'bad.csv:3: a0: number: must be a number (got "NA")',
    ]);
    expect(await listReferenceTables(t.deps)).toEqual([]);
  });

  it('loads a table once (the same file again is a no-op) and lists it', async () => {
    const input = { bytes: bytes(SYNTHETIC), fileName: 'synthetic.csv', edition: 'gli-global-2022' } as const;
    const first = await loadGliReferenceTable(t.deps, SYSTEM_ACTOR, { ...input, name: 'Synthetic GLI' });
    expect(first).toMatchObject({ kind: 'gli-global-2022', name: 'Synthetic GLI', rows: 2, loaded: true });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await loadGliReferenceTable(t.deps, SYSTEM_ACTOR, input);
    expect(again).toEqual({ ...first, loaded: false });
    const listed = await listReferenceTables(t.deps);
    expect(listed).toEqual([
      expect.objectContaining({
        kind: 'gli-global-2022',
        name: 'Synthetic GLI',
        sha256: first.sha256,
        rows: 2,
      }),
    ]);
    const audit = await listAuditEvents(t.database.db, { entityType: 'reference_table', limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ kind: 'gli-global-2022', sha256: first.sha256, rows: 2 });
    const tables = await latestGliTables(t.database.db);
    expect(tables.map((x) => [x.edition, x.source, x.rows.length])).toEqual([
      ['gli-global-2022', 'Synthetic GLI', 2],
    ]);
  });

  it('a spirometry form saved after loading carries GLI values beside Hankinson', async () => {
    const { studyId } = await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: manualCriteriaProtocolText('nct04821479.yaml'),
      sourceName: 'test.json',
    });
    const siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
    const [participantId = ''] = await enrollParticipants(t, { actor: admin, studyId, siteId, count: 1 });
    const ids = { studyId, participantId };
    const { visitId } = await recordVisit(t.deps, admin, {
      ...ids,
      visitKey: 'scr',
      status: 'done',
      actualDate: '2026-01-05',
      expectedRowVersion: 0,
    });
    const save = (formKey: string, values: Record<string, unknown>) =>
      saveVisitForm(t.deps, admin, { ...ids, visitId, formKey, values, expectedVersion: 0 });
    await save('demographics', {
      sex: 'male',
      birthDate: '1961-06-01',
      ethnicity: 'caucasian',
      symptomOnsetDate: '2024-06-01',
      diagnosisDate: '2025-01-10',
    });
    await save('vital-signs', { heightCm: 175, weightKg: 70 });
    const spirometry = await save('spirometry', { fvcL: 3.0, fev1L: 2.0 });
    const derived = spirometry.derived as Record<string, { value: unknown; algorithm: string }>;
    // Hankinson stays the headline.
    expect(derived['equation']?.value).toBe('hankinson-1999');
    expect(derived['fvcPercentPredicted']).toBeDefined();
    // GLI decimal age: 1961-06-01 → 2026-01-05 = 64 years + 218/365 days = 64.59726027; agebound 64.5,
    // fraction (64.59726027 − 64.5)/0.25 = 0.3890410959, Mspline = 0.04·0.3890410959 = 0.01556164384;
    // M = 175 · √64.59726027 · e^(−6 + 0.01556164384) = 175 · 8.037242081 · 0.002517627331 = 3.541086558
    expect(derived['fvcGliGlobal2022PredictedL']?.value).toBeCloseTo(3.541086558, 8);
    expect(derived['fvcGliGlobal2022PercentPredicted']?.value).toBeCloseTo(300 / 3.541086558, 6);
    expect(derived['fvcGliGlobal2022Equation']?.value).toBe('gli-global-2022/fvc');
    expect(derived['fev1GliGlobal2022Equation']?.value).toBe('gli-global-2022/fev1');
    expect(derived['gliGlobal2022Table']?.value).toBe('Synthetic GLI');
    expect(derived['fvcGliGlobal2022ZScore']?.algorithm).toBe('spirometry-gli@1');
  });
});
