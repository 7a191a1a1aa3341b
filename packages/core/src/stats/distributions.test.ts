import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chiSquareCdf,
  chiSquareQuantile,
  nonCentralTCdf,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from './distributions.js';
import { regularizedBeta, regularizedGammaP } from './special-functions.js';
import { rValues } from './fixtures/r-reference.js';

// Golden values: R 4.2.2 pnorm/qnorm/pt/qt/pchisq/qchisq/pbeta/pgamma, printed by fixtures/make-fixtures.R.

function expectClose(actual: readonly number[], expected: readonly number[], tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? Number.NaN;
    expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

function expectRelative(actual: readonly number[], expected: readonly number[], tol: number): void {
  actual.forEach((a, i) => {
    const e = expected[i] ?? Number.NaN;
    expect(Math.abs(a - e) / Math.abs(e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol);
  });
}

describe('distributions match R', () => {
  it('normal CDF, including the far lower tail (relative)', () => {
    expectRelative([-8, -3.2, -1.5, 0, 0.7, 2.5, 6].map(normalCdf), rValues('pnorm'), 1e-12);
  });
  it('normal quantile', () => {
    expectClose(
      [1e-12, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999].map(normalQuantile),
      rValues('qnorm'),
      1e-9,
    );
  });
  it('t CDF for integer, fractional and large df', () => {
    expectRelative(
      [-6, -1.2, 0, 0.4, 2.5, 30].map((t) => tCdf(t, 3)),
      rValues('pt.df3'),
      1e-12,
    );
    expectRelative(
      [-4, -0.3, 1.1, 2.9].map((t) => tCdf(t, 17.5)),
      rValues('pt.df17.5'),
      1e-12,
    );
    expectRelative(
      [-2.2, 0.5, 3].map((t) => tCdf(t, 1000)),
      rValues('pt.df1000'),
      1e-11,
    );
  });
  it('t quantiles', () => {
    expectClose(
      [0.001, 0.05, 0.6, 0.975].map((p) => tQuantile(p, 4)),
      rValues('qt.df4'),
      1e-10,
    );
    expectClose(
      [0.01, 0.5, 0.9, 0.995].map((p) => tQuantile(p, 29)),
      rValues('qt.df29'),
      1e-10,
    );
  });
  it('chi-square CDF and quantiles', () => {
    expectClose(
      [0.01, 1, 3.84, 10, 40].map((x) => chiSquareCdf(x, 1)),
      rValues('pchisq.df1'),
    );
    expectClose(
      [0.5, 2, 9.49, 25].map((x) => chiSquareCdf(x, 4)),
      rValues('pchisq.df4'),
    );
    expectClose(
      [0.05, 0.5, 0.95, 0.999].map((p) => chiSquareQuantile(p, 2)),
      rValues('qchisq.df2'),
      1e-10,
    );
    expectClose(
      [0.01, 0.5, 0.95].map((p) => chiSquareQuantile(p, 7)),
      rValues('qchisq.df7'),
      1e-10,
    );
  });
  it('non-central t CDF (used by power.t.test)', () => {
    const got = [
      ...[1.2, 1.97, 2.5].map((t) => nonCentralTCdf(t, 30, 2.2)),
      nonCentralTCdf(-0.5, 10, 1),
      nonCentralTCdf(2, 118, 2.8),
    ];
    expectClose(got, rValues('pt.ncp'), 1e-10);
  });
  it('incomplete beta and gamma', () => {
    const got = [
      ...[0.1, 0.5, 0.9].map((x) => regularizedBeta(x, 2.5, 7)),
      regularizedBeta(0.3, 0.5, 0.5),
      ...[0.5, 3, 12].map((x) => regularizedGammaP(2.7, x)),
    ];
    expectClose(got, rValues('pbeta'), 1e-12);
  });
});

describe('distribution invariants', () => {
  it('quantile inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        (p, df) => {
          expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 10);
          expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
          expect(chiSquareCdf(chiSquareQuantile(p, df), df)).toBeCloseTo(p, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('CDFs are symmetric / monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        (x, df) => {
          expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 12);
          expect(tCdf(x, df) + tCdf(-x, df)).toBeCloseTo(1, 12);
          expect(tCdf(x + 0.1, df)).toBeGreaterThanOrEqual(tCdf(x, df));
        },
      ),
    );
  });
});
