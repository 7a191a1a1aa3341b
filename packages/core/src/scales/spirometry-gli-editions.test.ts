import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gliPredict, type GliLookupRow, type GliLookupTable } from './spirometry-gli.js';

// Synthetic tables (NOT GLI numbers: no GLI table is bundled). Coefficients are chosen so that the LMS formulas of
// clinical.md §2.2 can be worked by hand: a1 = 1 and a2 = 0.5 make M = height · √age · exp(a0 + Mspline).
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

const globalTable: GliLookupTable = {
  edition: 'gli-global-2022',
  source: 'synthetic-global.csv',
  rows: [
    row({}),
    // FEV1 with L = 0.5 and a0 = −6.5
    row({ parameter: 'FEV1', a: [-6.5, 1, 0.5, 0, 0, 0, 0], q0: 0.5, m1: 0 }),
  ],
};

const male64 = { sex: 'male', ageYears: 64, heightCm: 175 } as const;

describe('gliPredict: GLI Global 2022 (race-neutral) with a synthetic table', () => {
  it('FVC at a quarter-year boundary, L = 1 (hand-computed)', () => {
    // M = 175 · √64 · e^−6 = 1400 · 0.002478752177 = 3.470253047
    // S = e^−2 = 0.1353352832; L = 1 ⇒ LLN = M·(1 − 1.645·S) = 3.470253047 · 0.7773734591 = 2.697682615
    // z(3.0) = (3.0/M − 1)/S = (0.8644902718 − 1)/0.1353352832 = −1.001288984; %pred = 300/M = 86.44902718
    const result = gliPredict(globalTable, { ...male64, parameter: 'FVC', measured: 3.0 });
    expect(result).toMatchObject({
      kind: 'ok',
      value: {
        edition: 'gli-global-2022',
        equation: 'gli-global-2022/fvc',
        tableSource: 'synthetic-global.csv',
      },
    });
    if (result.kind === 'ok') {
      expect(result.value.predicted).toBeCloseTo(3.470253047, 8);
      expect(result.value.s).toBeCloseTo(0.1353352832, 9);
      expect(result.value.l).toBe(1);
      expect(result.value.lln).toBeCloseTo(2.697682615, 8);
      expect(result.value.zScore).toBeCloseTo(-1.001288984, 8);
      expect(result.value.percentPredicted).toBeCloseTo(86.44902718, 7);
    }
  });

  it('interpolates Mspline within the quarter-year', () => {
    // age 64.1 → agebound 64, fraction (64.1 − 64)/0.25 = 0.4, Mspline = 0 + (0.04 − 0)·0.4 = 0.016
    // M = 175 · √64.1 · e^(−6 + 0.016) = 175 · 8.006247560 · 0.002518731191 = 3.528977454
    const result = gliPredict(globalTable, { ...male64, ageYears: 64.1, parameter: 'FVC' });
    expect(result.kind === 'ok' && result.value.predicted).toBeCloseTo(3.528977454, 8);
  });

  it('FEV1 with L = 0.5 (hand-computed)', () => {
    // M = 1400 · e^−6.5 = 2.104814870; S = e^−2; 1 − 1.645·0.5·S = 0.8886867295
    // LLN = M · 0.8886867295^(1/0.5) = 2.104814870 · 0.7897640… = 1.662307228
    // z(2.0) = ((2.0/M)^0.5 − 1)/(0.5·S) = (0.9747832236 − 1)/0.06766764162 = −0.3726563516
    const result = gliPredict(globalTable, { ...male64, parameter: 'FEV1', measured: 2.0 });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.value.predicted).toBeCloseTo(2.10481487, 8);
      expect(result.value.lln).toBeCloseTo(1.662307228, 8);
      expect(result.value.zScore).toBeCloseTo(-0.3726563516, 8);
      expect(result.value.equation).toBe('gli-global-2022/fev1');
    }
  });

  it('ignores ethnicity: the Global equations are race-neutral', () => {
    const asCaucasian = gliPredict(globalTable, { ...male64, parameter: 'FVC', ethnicity: 'caucasian' });
    const asAfrAm = gliPredict(globalTable, { ...male64, parameter: 'FVC', ethnicity: 'african-american' });
    const none = gliPredict(globalTable, { ...male64, parameter: 'FVC' });
    expect(asAfrAm).toEqual(asCaucasian);
    expect(none).toEqual(asCaucasian);
  });

  it('refuses an age, sex or parameter the table does not cover, and unusable numbers', () => {
    const rule = (input: Parameters<typeof gliPredict>[1]): string | undefined => {
      const result = gliPredict(globalTable, input);
      return result.kind === 'invalid' ? result.problems[0]?.rule : undefined;
    };
    expect(rule({ ...male64, ageYears: 64.25, parameter: 'FVC' })).toBe('gli-table-covers-age');
    expect(rule({ ...male64, sex: 'female', parameter: 'FVC' })).toBe('gli-table-covers-age');
    expect(rule({ ...male64, parameter: 'FEV1FVC' })).toBe('gli-table-covers-age');
    expect(rule({ ...male64, heightCm: 0, parameter: 'FVC' })).toBe('number-in-range');
    expect(rule({ ...male64, parameter: 'FVC', measured: -1 })).toBe('number-in-range');
  });
});

describe('gliPredict: GLI-2012 ethnicity terms with a synthetic table', () => {
  const table2012: GliLookupTable = {
    edition: 'gli-2012',
    source: 'synthetic-2012.csv',
    rows: [row({ a: [-6, 1, 0.5, -0.1, 0, 0, 0], p: [-4, 0.5, 0.2, 0, 0, 0] })],
  };

  it('applies a3 and p2 for African-American (hand-computed)', () => {
    // M = 1400 · e^(−6 − 0.1) = 3.140014807; S = e^(−4 + 0.5·ln 64 + 0.2) = 8 · e^−3.8 = 0.1789661748
    // LLN = M·(1 − 1.645·S) = 3.140014807 · 0.7056006424 = 2.215596465; z(3.0) = (3.0/M − 1)/S = −0.2491559800
    const result = gliPredict(table2012, {
      ...male64,
      ethnicity: 'african-american',
      parameter: 'FVC',
      measured: 3.0,
    });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.value.predicted).toBeCloseTo(3.140014807, 8);
      expect(result.value.s).toBeCloseTo(0.1789661748, 9);
      expect(result.value.lln).toBeCloseTo(2.215596465, 8);
      expect(result.value.zScore).toBeCloseTo(-0.24915598, 8);
      expect(result.value.equation).toBe('gli-2012/fvc');
    }
    // Caucasian: no ethnicity term ⇒ M = 1400 · e^−6 = 3.470253047, S = 8 · e^−4 = 0.1465251111
    const caucasian = gliPredict(table2012, { ...male64, ethnicity: 'caucasian', parameter: 'FVC' });
    expect(caucasian.kind === 'ok' && caucasian.value.predicted).toBeCloseTo(3.470253047, 8);
    expect(caucasian.kind === 'ok' && caucasian.value.s).toBeCloseTo(0.1465251111, 9);
  });

  it('needs an ethnic group', () => {
    expect(gliPredict(table2012, { ...male64, parameter: 'FVC' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'ethnicity', rule: 'one-of' }],
    });
  });
});

describe('gliPredict invariants (property)', () => {
  it('LLN < predicted, %pred = 100·measured/M, and z has the sign of measured − M', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 64, max: 64.2499, noNaN: true }),
        fc.double({ min: 120, max: 210, noNaN: true }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        (ageYears, heightCm, measured) => {
          const result = gliPredict(globalTable, {
            sex: 'male',
            ageYears,
            heightCm,
            parameter: 'FVC',
            measured,
          });
          expect(result.kind).toBe('ok');
          if (result.kind === 'ok') {
            const v = result.value;
            expect(v.lln).toBeLessThan(v.predicted);
            expect(v.percentPredicted).toBeCloseTo((100 * measured) / v.m, 9);
            expect(Math.sign(v.zScore ?? Number.NaN)).toBe(Math.sign(measured - v.m));
          }
        },
      ),
    );
  });
});
