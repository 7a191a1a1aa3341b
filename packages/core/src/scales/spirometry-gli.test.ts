import { describe, expect, it } from 'vitest';
import { gliPredict, type GliLookupRow, type GliLookupTable } from './spirometry-gli.js';

// A synthetic two-row table: the GLI-2012 FVC constants from clinical.md §2.2 (male a = −11.2281, 2.4135, 0.0865,
// −0.1684, −0.0405, −0.1177, −0.0825; p = −2.2963, 0.0718, 0.0794, −0.46, 0.0325, −0.0503; L = 0.9481) with
// spline values set by the test. It checks the formulas only: real GLI values need the published table (not bundled).
const maleFvcRow = (ageBound: number, m0: number, m1: number): GliLookupRow => ({
  sex: 'male',
  parameter: 'FVC',
  a: [-11.2281, 2.4135, 0.0865, -0.1684, -0.0405, -0.1177, -0.0825],
  p: [-2.2963, 0.0718, 0.0794, -0.46, 0.0325, -0.0503],
  q0: 0.9481,
  q1: 0,
  ageBound,
  l0: 0,
  l1: 0,
  m0,
  m1,
  s0: 0,
  s1: 0,
});
const table: GliLookupTable = {
  edition: 'gli-2012',
  source: 'synthetic.csv',
  rows: [maleFvcRow(60, 0, 0), maleFvcRow(60.25, 0.01, 0.02)],
};

describe('gliPredict (GLI-2012) with a supplied table', () => {
  it('applies the LMS formulas (hand-computed, zero splines)', () => {
    // M = exp(−11.2281 + 2.4135·ln 175 + 0.0865·ln 60) = 4.909989; S = exp(−2.2963 + 0.0718·ln 60) = 0.1350209
    // LLN = M·(1 − 1.645·0.9481·S)^(1/0.9481) = 3.826187; z(4.2) = ((4.2/M)^0.9481 − 1)/(0.9481·S) = −1.075192
    const input = {
      sex: 'male',
      ageYears: 60,
      heightCm: 175,
      ethnicity: 'caucasian',
      parameter: 'FVC',
      measured: 4.2,
    } as const;
    const result = gliPredict(table, input);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.value.predicted).toBeCloseTo(4.909989, 5);
      expect(result.value.s).toBeCloseTo(0.1350209, 6);
      expect(result.value.lln).toBeCloseTo(3.826187, 5);
      expect(result.value.zScore).toBeCloseTo(-1.075192, 5);
      expect(result.value.percentPredicted).toBeCloseTo(85.5399, 3);
      expect(result.value.tableSource).toBe('synthetic.csv');
    }
  });

  it('interpolates the spline within the quarter-year and applies the ethnicity term', () => {
    // age 60.35 → agebound 60.25, fraction 0.4, Mspline = 0.01 + 0.01·0.4 = 0.014; AfrAm adds a3 = −0.1684:
    // M = exp(−11.2281 + 2.4135·ln 175 + 0.0865·ln 60.35 − 0.1684 + 0.014)
    const result = gliPredict(table, {
      sex: 'male',
      ageYears: 60.35,
      heightCm: 175,
      ethnicity: 'african-american',
      parameter: 'FVC',
    });
    const expected = Math.exp(-11.2281 + 2.4135 * Math.log(175) + 0.0865 * Math.log(60.35) - 0.1684 + 0.014);
    expect(result).toMatchObject({ kind: 'ok', value: { predicted: expected } });
  });

  it('reports an age the table does not cover', () => {
    const result = gliPredict(table, {
      sex: 'female',
      ageYears: 60,
      heightCm: 160,
      ethnicity: 'caucasian',
      parameter: 'FVC',
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'ageYears', rule: 'gli-table-covers-age' }],
    });
  });
});
