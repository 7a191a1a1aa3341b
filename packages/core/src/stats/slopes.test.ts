import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysToMonths, runInTreatmentSlopes, subjectSlopes } from './slopes.js';
import type { Observation } from './slopes.js';
import { readCsv, rValues } from './fixtures/r-reference.js';

// Golden values: R 4.2.2, coef(lm()) per subject, t.test(paired = TRUE) and
// wilcox.test(paired = TRUE, exact = FALSE, correct = TRUE) — fixtures/make-fixtures.R, r-output.txt.
const observations: Observation[] = readCsv('slopes.csv').map((r) => ({
  subject: r.subject ?? '',
  time: Number(r.months),
  value: Number(r.alsfrs_r),
}));

function expectAll(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - (expected[i] ?? Number.NaN))).toBeLessThanOrEqual(tol));
}

describe('per-subject slopes', () => {
  it('matches R lm() slopes over all visits', () => {
    const result = subjectSlopes(observations);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expectAll(
        result.subjects.map((s) => s.slope),
        rValues('slopes.all'),
        1e-10,
      );
    }
  });

  it('reports subjects with too few points by name', () => {
    const result = subjectSlopes([...observations, { subject: 'LONE', time: 0, value: 40 }]);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.problems[0]?.subject).toBe('LONE');
      expect(result.problems[0]?.code).toBe('too-few-points');
    }
  });

  it('rejects a subject whose points are all at one time', () => {
    const result = subjectSlopes([
      { subject: 'A', time: 1, value: 40 },
      { subject: 'A', time: 1, value: 38 },
    ]);
    expect(result.kind === 'invalid' && result.problems[0]?.code).toBe('degenerate-time');
  });

  it('converts days to months with 30.4375 days per month', () => {
    expect(daysToMonths(365.25)).toBe(12);
  });

  it('recovers an exact linear trajectory (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 48, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 24 }), { minLength: 2, maxLength: 8 }),
        (slope, intercept, times) => {
          const obs = times.map((t) => ({ subject: 'X', time: t, value: intercept + slope * t }));
          const result = subjectSlopes(obs);
          expect(result.kind).toBe('ok');
          if (result.kind === 'ok') {
            expect(result.subjects[0]?.slope).toBeCloseTo(slope, 9);
            expect(result.subjects[0]?.n).toBe(times.length);
          }
        },
      ),
    );
  });
});

describe('run-in versus treatment', () => {
  const result = runInTreatmentSlopes(observations, 0);

  it('matches R for the per-subject slopes on each side of the split', () => {
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expectAll(
        result.subjects.map((s) => s.slopeRunIn),
        rValues('slopes.runin'),
        1e-10,
      );
      expectAll(
        result.subjects.map((s) => s.slopeTreatment),
        rValues('slopes.treatment'),
        1e-10,
      );
    }
  });

  it('matches R paired t-test and Wilcoxon signed-rank test', () => {
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    const [t, df, p, lo, hi] = rValues('slopes.ttest');
    expect(result.summary.t).toBeCloseTo(t ?? Number.NaN, 9);
    expect(result.summary.df).toBe(df);
    expect(result.summary.pT).toBeCloseTo(p ?? Number.NaN, 12);
    expect(result.summary.tTest.ci95[0]).toBeCloseTo(lo ?? Number.NaN, 9);
    expect(result.summary.tTest.ci95[1]).toBeCloseTo(hi ?? Number.NaN, 9);
    const [v, pw] = rValues('slopes.wilcoxon');
    expect(result.summary.wilcoxon.v).toBe(v);
    expect(result.summary.pWilcoxon).toBeCloseTo(pw ?? Number.NaN, 12);
    expect(result.summary.improved25).toBeCloseTo(rValues('slopes.improved25')[0] ?? Number.NaN, 12);
  });

  it('counts the visit at the split in both windows', () => {
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    const s05 = result.subjects.find((s) => s.subject === 'S05');
    // S05 misses its month −3 visit: run-in = months −6 and 0.
    expect(s05?.nRunIn).toBe(2);
    expect(s05?.nTreatment).toBe(4);
  });

  it('names the subject with too few run-in points', () => {
    const bad = runInTreatmentSlopes(
      [
        { subject: 'Q1', time: 0, value: 40 },
        { subject: 'Q1', time: 3, value: 39 },
        { subject: 'Q1', time: 6, value: 37 },
      ],
      0,
    );
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid') {
      expect(bad.problems[0]?.message).toContain('Q1');
      expect(bad.problems[0]?.message).toContain('before the split');
    }
  });
});
