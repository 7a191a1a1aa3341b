import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitGrowthModel, fitPiecewiseModel } from './growth-models.js';
import { fitLmm } from './fit-lmm.js';
import type { LmmFit } from './fit-lmm.js';
import { nelderMead } from './nelder-mead.js';
import { readCsv, rValues } from '../fixtures/r-reference.js';

// Golden values: R 4.2.2, lme4 1.1.31 lmer() with bobyqa (rhoend 1e-10) — fixtures/make-fixtures.R,
// r-output.txt. Tolerance: 1e-4 relative for estimates (lme4's own optimizer tolerance), 1e-6 for the criterion.

function load(name: string): { subject: string[]; time: number[]; response: number[]; group: string[] } {
  const rows = readCsv(name);
  return {
    subject: rows.map((r) => r.subject ?? ''),
    time: rows.map((r) => Number(r.months)),
    response: rows.map((r) => Number(r.alsfrs_r)),
    group: rows.map((r) => r.arm ?? ''),
  };
}

function expectRelative(actual: readonly number[], expected: readonly number[], tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? Number.NaN;
    expect(Math.abs(a - e) / Math.max(Math.abs(e), 1e-3), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(
      tol,
    );
  });
}

function expectLme4(fit: LmmFit, tag: string): void {
  expectRelative(
    fit.fixed.map((f) => f.estimate),
    rValues(`${tag}.fixef`),
  );
  expectRelative(
    fit.fixed.map((f) => f.se),
    rValues(`${tag}.se`),
  );
  const [sd1, sd2, corr, sigma] = rValues(`${tag}.varcorr`);
  expectRelative(
    [fit.randomSd[0] ?? 0, fit.randomSd[1] ?? 0, fit.randomCorr[0]?.[1] ?? 0, fit.sdResidual],
    [sd1 ?? 0, sd2 ?? 0, corr ?? 0, sigma ?? 0],
  );
  const [criterion, logLik] = rValues(`${tag}.deviance`);
  // Our optimum may be marginally lower (better) than lme4's; never meaningfully higher.
  expect(fit.criterion - (criterion ?? 0)).toBeLessThan(1e-6);
  expect(Math.abs(fit.criterion - (criterion ?? 0))).toBeLessThan(1e-5);
  expect(fit.logLik).toBeCloseTo(logLik ?? Number.NaN, 5);
  expect(fit.converged).toBe(true);
  expect(fit.boundary).toBe(rValues(`${tag}.singular`)[0] === 1);
}

describe('linear mixed models match lme4::lmer', () => {
  const data = load('lmm.csv');

  it('REML: alsfrs_r ~ months * arm + (1 + months | subject)', () => {
    const result = fitGrowthModel(data, { method: 'reml' });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.reference).toBe('msc');
      expect(result.fit.fixed.map((f) => f.name)).toEqual([
        'intercept',
        'time',
        'group:placebo',
        'time:group:placebo',
      ]);
      expectLme4(result.fit, 'lmm.reml');
      expectRelative(result.fit.theta, rValues('lmm.reml.theta'));
    }
  });

  it('ML', () => {
    const result = fitGrowthModel(data, { method: 'ml' });
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expectLme4(result.fit, 'lmm.ml');
  });

  it('REML without a group', () => {
    const result = fitGrowthModel(
      { subject: data.subject, time: data.time, response: data.response },
      { method: 'reml' },
    );
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expectLme4(result.fit, 'lmm.nogroup');
  });

  it('detects a boundary (singular) fit and matches lme4 on the boundary', () => {
    const boundary = load('lmm-boundary.csv');
    const result = fitGrowthModel(
      { subject: boundary.subject, time: boundary.time, response: boundary.response },
      { method: 'reml' },
    );
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expect(result.fit.boundary).toBe(true);
    expect(result.fit.boundaryTerms).toEqual(['time']);
    expectRelative(
      result.fit.fixed.map((f) => f.estimate),
      rValues('lmm.boundary.fixef'),
    );
    expectRelative(
      result.fit.fixed.map((f) => f.se),
      rValues('lmm.boundary.se'),
    );
    expect(result.fit.criterion).toBeCloseTo(rValues('lmm.boundary.deviance')[0] ?? Number.NaN, 5);
    expect(result.fit.randomCorr[0]?.[1]).toBeCloseTo(-1, 6);
  });

  it('piecewise (broken-stick) model, random intercept and slope', () => {
    const pw = load('piecewise.csv');
    const result = fitPiecewiseModel(pw, { method: 'reml', split: 0 });
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expect(result.fit.fixed.map((f) => f.name)).toEqual(['intercept', 'time', 'slopeChange']);
    expectLme4(result.fit, 'piecewise.reml');
  });

  it('piecewise model with a random slope change (3×3 blocks)', () => {
    const pw = load('piecewise.csv');
    const result = fitPiecewiseModel(pw, { method: 'reml', split: 0, randomChange: true });
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expectRelative(
      result.fit.fixed.map((f) => f.estimate),
      rValues('piecewise3.reml.fixef'),
    );
    expectRelative(
      result.fit.fixed.map((f) => f.se),
      rValues('piecewise3.reml.se'),
    );
    const vc = rValues('piecewise3.reml.varcorr'); // sd1 sd2 sd3 corr12 corr13 corr23 sigma
    expectRelative(
      [
        ...result.fit.randomSd,
        result.fit.randomCorr[0]?.[1] ?? 0,
        result.fit.randomCorr[0]?.[2] ?? 0,
        result.fit.randomCorr[1]?.[2] ?? 0,
        result.fit.sdResidual,
      ],
      vc,
      1e-3,
    );
    expect(Math.abs(result.fit.criterion - (rValues('piecewise3.reml.deviance')[0] ?? 0))).toBeLessThan(1e-5);
  });
});

describe('LMM input problems', () => {
  it('one-level group is invalid', () => {
    const result = fitGrowthModel(
      {
        subject: ['a', 'a', 'b', 'b'],
        time: [0, 1, 0, 1],
        response: [1, 2, 3, 4],
        group: ['x', 'x', 'x', 'x'],
      },
      { method: 'reml' },
    );
    expect(result.kind === 'invalid' && result.problems[0]?.code).toBe('one-level-group');
  });

  it('too few observations for the random effects is invalid', () => {
    const result = fitLmm(
      {
        response: [1, 2, 3],
        fixed: [[1, 1, 1]],
        fixedNames: ['intercept'],
        random: [
          [1, 1, 1],
          [0, 1, 0],
        ],
        randomNames: ['intercept', 'time'],
        subject: ['a', 'a', 'b'],
      },
      { method: 'reml' },
    );
    expect(result.kind).toBe('invalid');
  });

  it('rank-deficient fixed effects are invalid', () => {
    const result = fitLmm(
      {
        response: [1, 2, 3, 4, 5, 6],
        fixed: [
          [1, 1, 1, 1, 1, 1],
          [2, 2, 2, 2, 2, 2],
        ],
        fixedNames: ['a', 'b'],
        random: [[1, 1, 1, 1, 1, 1]],
        randomNames: ['intercept'],
        subject: ['a', 'a', 'b', 'b', 'c', 'c'],
      },
      { method: 'reml' },
    );
    expect(result.kind === 'invalid' && result.problems[0]?.code).toBe('singular-fit');
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of shifted quadratics (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (centre) => {
          const f = (x: readonly number[]): number =>
            x.reduce((s, v, i) => s + (i + 1) * (v - (centre[i] ?? 0)) ** 2, 0);
          const result = nelderMead(
            f,
            centre.map(() => 0),
          );
          result.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i] ?? 0, 4));
        },
      ),
      { numRuns: 30 },
    );
  });
});
