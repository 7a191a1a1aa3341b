import { describe, expect, it } from 'vitest';
import { GLI_ALGORITHM, type GliLookupRow, type GliLookupTable } from '../scales/spirometry-gli.js';
import { SPIROMETRY_ALGORITHM } from '../scales/spirometry.js';
import {
  SPIROMETRY_GLI_DERIVED_ITEMS,
  deriveSpirometry,
  spirometryGliDerivedIds,
} from './derive-spirometry.js';
import type { FormContext } from './form-types.js';

// Synthetic GLI tables (not GLI numbers): M = height · √age · exp(a0 + Mspline), S = exp(p0 + p1·ln age + …), L = q0.
// Their predictions are worked by hand in scales/spirometry-gli-editions.test.ts.
const row = (overrides: Partial<GliLookupRow>): GliLookupRow => ({
  sex: 'male',
  parameter: 'FVC',
  a: [-6, 1, 0.5, 0, 0, 0, 0],
  p: [-2, 0, 0, 0, 0, 0],
  q0: 1,
  q1: 0,
  ageBound: 64,
  l0: 0,
  l1: 0,
  m0: 0,
  m1: 0.04,
  s0: 0,
  s1: 0,
  ...overrides,
});
const GLOBAL: GliLookupTable = {
  edition: 'gli-global-2022',
  source: 'synthetic-global.csv',
  rows: [row({}), row({ parameter: 'FEV1', a: [-6.5, 1, 0.5, 0, 0, 0, 0], q0: 0.5, m1: 0 })],
};
const GLI_2012: GliLookupTable = {
  edition: 'gli-2012',
  source: 'synthetic-2012.csv',
  rows: [row({ a: [-6, 1, 0.5, -0.1, 0, 0, 0], p: [-4, 0.5, 0.2, 0, 0, 0] })],
};

const male64: FormContext = { sex: 'male', ageYears: 64, heightCm: 175, ethnicity: 'caucasian' };

function derive(values: Record<string, number>, context: FormContext) {
  const output = deriveSpirometry({ values, blocked: new Set(), context });
  const derived = Object.fromEntries(Object.entries(output.derived).map(([id, d]) => [id, d.value]));
  return { output, derived, notes: output.notes.map((n) => n.message).join(' | ') };
}

describe('spirometry derivation with loaded GLI tables', () => {
  it('adds GLI Global 2022 values beside the Hankinson headline', () => {
    const { output, derived } = derive({ fvcL: 3.0, fev1L: 2.0 }, { ...male64, gliTables: [GLOBAL] });
    // Hankinson stays: M Cau 60+ → the scorer's values, equation 'hankinson-1999'
    expect(derived['equation']).toBe('hankinson-1999');
    expect(output.derived['fvcPercentPredicted']?.algorithm).toBe(SPIROMETRY_ALGORITHM);
    // FVC: M = 175·√64·e^−6 = 3.470253047; LLN 2.697682615; z(3.0) −1.001288984; %pred 86.44902718
    expect(derived['fvcGliGlobal2022PredictedL']).toBeCloseTo(3.470253047, 8);
    expect(derived['fvcGliGlobal2022LlnL']).toBeCloseTo(2.697682615, 8);
    expect(derived['fvcGliGlobal2022ZScore']).toBeCloseTo(-1.001288984, 8);
    expect(derived['fvcGliGlobal2022PercentPredicted']).toBeCloseTo(86.44902718, 7);
    expect(derived['fvcGliGlobal2022Equation']).toBe('gli-global-2022/fvc');
    // FEV1 (L = 0.5): M = 1400·e^−6.5 = 2.10481487; LLN 1.662307228; z(2.0) −0.3726563516
    expect(derived['fev1GliGlobal2022PredictedL']).toBeCloseTo(2.10481487, 8);
    expect(derived['fev1GliGlobal2022ZScore']).toBeCloseTo(-0.3726563516, 8);
    expect(derived['fev1GliGlobal2022Equation']).toBe('gli-global-2022/fev1');
    expect(derived['gliGlobal2022Table']).toBe('synthetic-global.csv');
    expect(output.derived['fvcGliGlobal2022ZScore']?.algorithm).toBe(GLI_ALGORITHM);
    expect(Object.keys(derived).some((id) => id.includes('Gli2012'))).toBe(false);
  });

  it('derives each edition loaded; GLI-2012 uses the ethnic group', () => {
    const { derived } = derive({ fvcL: 3.0 }, { ...male64, gliTables: [GLI_2012, GLOBAL] });
    // Caucasian: M = 1400·e^−6 = 3.470253047, S = 8·e^−4 = 0.1465251111; z(3.0) = (0.8644902718 − 1)/S = −0.9248225591
    expect(derived['fvcGli2012PredictedL']).toBeCloseTo(3.470253047, 8);
    expect(derived['fvcGli2012ZScore']).toBeCloseTo(-0.9248225591, 8);
    expect(derived['fvcGli2012LlnL']).toBeCloseTo(2.633804741, 8);
    expect(derived['fvcGli2012Equation']).toBe('gli-2012/fvc');
    expect(derived['gli2012Table']).toBe('synthetic-2012.csv');
    expect(derived['fvcGliGlobal2022PredictedL']).toBeCloseTo(3.470253047, 8);
  });

  it('uses the decimal age from birth and visit dates (Hankinson keeps completed years)', () => {
    // 1961-06-01 → 2025-07-14: 64 years + 43/365 = 64.11780822; agebound 64, fraction 0.4712328767,
    // Mspline = 0.04 · 0.4712328767 = 0.01884931507; M = 175 · √64.11780822 · e^(−6 + 0.01884931507) = 3.539538535
    const context: FormContext = {
      sex: 'male',
      heightCm: 175,
      ethnicity: 'caucasian',
      birthDate: '1961-06-01',
      assessmentDate: '2025-07-14',
      ageYears: 64,
      gliTables: [GLOBAL],
    };
    const { derived } = derive({ fvcL: 3.0 }, context);
    expect(derived['fvcGliGlobal2022PredictedL']).toBeCloseTo(3.539538535, 8);
    expect(derived['fvcPredictedL']).toEqual(derive({ fvcL: 3.0 }, male64).derived['fvcPredictedL']);
  });

  it('derives GLI Global when Hankinson has no equation for the group; GLI-2012 notes a group it lacks', () => {
    const other = derive(
      { fvcL: 3.0 },
      { ...male64, ethnicity: 'mexican-american', gliTables: [GLI_2012, GLOBAL] },
    );
    expect(other.derived['fvcPredictedL']).toBeDefined(); // Hankinson has Mexican-Americans
    expect(other.derived).not.toHaveProperty('fvcGli2012PredictedL');
    expect(other.notes).toContain(
      'GLI-2012 (synthetic-2012.csv) not derived: GLI-2012 needs an ethnic group',
    );
    expect(other.derived['fvcGliGlobal2022PredictedL']).toBeCloseTo(3.470253047, 8);

    const noEthnicity = derive(
      { fvcL: 3.0 },
      { sex: 'male', ageYears: 64, heightCm: 175, gliTables: [GLOBAL] },
    );
    expect(noEthnicity.derived).not.toHaveProperty('fvcPredictedL');
    expect(noEthnicity.notes).toContain('% predicted not derived: the context has no ethnicity');
    expect(noEthnicity.derived['fvcGliGlobal2022PredictedL']).toBeCloseTo(3.470253047, 8);
  });

  it('notes what it cannot derive: SVC only, an age the table lacks, missing context', () => {
    expect(derive({ svcL: 3.0 }, { ...male64, gliTables: [GLOBAL] }).notes).toContain(
      'GLI Global 2022 (synthetic-global.csv) not derived: no FVC or FEV1 entered (GLI has no SVC equation)',
    );
    const old = derive({ fvcL: 3.0 }, { ...male64, ageYears: 70, gliTables: [GLOBAL] });
    expect(old.derived).not.toHaveProperty('fvcGliGlobal2022PredictedL');
    expect(old.derived).not.toHaveProperty('gliGlobal2022Table');
    expect(old.notes).toContain('FVC: synthetic-global.csv has no male FVC row for age 70');
    const noHeight = derive({ fvcL: 3.0 }, { sex: 'male', ageYears: 64, gliTables: [GLOBAL] });
    expect(noHeight.derived).toEqual({});
    expect(noHeight.notes).toContain(
      'GLI Global 2022 (synthetic-global.csv) not derived: the context has no height',
    );
  });

  it('without tables derives no GLI value', () => {
    const { derived } = derive({ fvcL: 3.0, fev1L: 2.0 }, male64);
    expect(Object.keys(derived).filter((id) => /gli/i.test(id))).toEqual([]);
  });

  it('declares every GLI id it can produce (for the form definition)', () => {
    const declared = SPIROMETRY_GLI_DERIVED_ITEMS.map((d) => d.id);
    expect(declared).toEqual([
      ...spirometryGliDerivedIds('gli-2012'),
      ...spirometryGliDerivedIds('gli-global-2022'),
    ]);
    const { derived } = derive({ fvcL: 3.0, fev1L: 2.0 }, { ...male64, gliTables: [GLI_2012, GLOBAL] });
    const gliIds = Object.keys(derived).filter((id) => /gli/i.test(id));
    expect(gliIds.length).toBeGreaterThan(0);
    expect(gliIds.every((id) => declared.includes(id))).toBe(true);
    expect(SPIROMETRY_GLI_DERIVED_ITEMS.find((d) => d.id === 'fvcGli2012ZScore')).toEqual({
      id: 'fvcGli2012ZScore',
      label: 'FVC z-score (GLI-2012)',
    });
  });
});
