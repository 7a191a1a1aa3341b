import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kaplanMeier, survivalAt } from './kaplan-meier.js';
import { logRankTest } from './log-rank.js';
import { coxRegression } from './cox.js';
import { readCsv, rValues } from './fixtures/r-reference.js';

// Golden values: R 4.2.2 with survival 3.5.3 — survfit() (conf.type "log"), summary(times = 6, 12, 18),
// survdiff(), coxph(ties = "efron") on fixtures/survival.csv (60 subjects, half-month grid with many
// tied times) — fixtures/make-fixtures.R, r-output.txt.
const rows = readCsv('survival.csv');
const time = rows.map((r) => Number(r.months));
const event = rows.map((r) => r.event === '1');
const arm = rows.map((r) => r.arm ?? '');
const arm3 = rows.map((r) => r.arm3 ?? '');
const age = rows.map((r) => Number(r.age));

function expectAll(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? Number.NaN;
    if (Number.isNaN(e)) {
      expect(a).toBeNaN();
    } else {
      expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
    }
  });
}

describe('Kaplan–Meier matches survfit', () => {
  for (const group of ['msc', 'placebo']) {
    it(`group ${group}: curve, Greenwood SE, log CI, median and survival at 6/12/18 months`, () => {
      const idx = arm.map((g, i) => (g === group ? i : -1)).filter((i) => i >= 0);
      const fit = kaplanMeier({
        time: idx.map((i) => time[i] ?? 0),
        event: idx.map((i) => event[i] ?? false),
      });
      expectAll(
        fit.steps.map((s) => s.time),
        rValues(`km.${group}.time`),
        0,
      );
      expectAll(
        fit.steps.map((s) => s.survival),
        rValues(`km.${group}.surv`),
        1e-12,
      );
      expectAll(
        fit.steps.map((s) => s.stdErr),
        rValues(`km.${group}.stderr`),
        1e-12,
      );
      expectAll(
        fit.steps.map((s) => s.lower),
        rValues(`km.${group}.lower`),
        1e-10,
      );
      expectAll(
        fit.steps.map((s) => s.upper),
        rValues(`km.${group}.upper`),
        1e-10,
      );
      expectAll([fit.median.estimate, fit.median.lower, fit.median.upper], rValues(`km.${group}.median`), 0);
      expectAll(
        [6, 12, 18].map((t) => survivalAt(fit, t)?.survival ?? Number.NaN),
        rValues(`km.${group}.at.6.12.18`),
        1e-12,
      );
    });
  }

  it('median when the curve sits exactly at 0.5: midpoint of the flat stretch', () => {
    expect(kaplanMeier({ time: [1, 2, 3, 4], event: [true, true, true, true] }).median.estimate).toBe(
      rValues('km.half.median')[0],
    );
    const flat = kaplanMeier({ time: [1, 2, 3, 4, 5], event: [true, true, false, true, true] });
    expect(flat.median.estimate).toBe(rValues('km.flat.median')[0]);
  });

  it('survival at a time beyond follow-up is null', () => {
    expect(survivalAt(kaplanMeier({ time: [1, 2], event: [true, false] }), 3)).toBeNull();
  });

  it('survival is non-increasing and within the CI (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 60 }),
        (data) => {
          const fit = kaplanMeier({ time: data.map((d) => d[0]), event: data.map((d) => d[1]) });
          let previous = 1;
          for (const step of fit.steps) {
            expect(step.survival).toBeLessThanOrEqual(previous + 1e-15);
            previous = step.survival;
            if (Number.isFinite(step.lower)) {
              expect(step.lower).toBeLessThanOrEqual(step.survival + 1e-12);
              expect(step.upper).toBeGreaterThanOrEqual(step.survival - 1e-12);
            }
          }
          expect(fit.events).toBe(data.filter((d) => d[1]).length);
        },
      ),
    );
  });
});

describe('log-rank test matches survdiff', () => {
  it('two groups', () => {
    const result = logRankTest({ time, event, group: arm });
    const [chisq, p, o1, o2, e1, e2] = rValues('logrank.2');
    expect(result.chisq).toBeCloseTo(chisq ?? Number.NaN, 10);
    expect(result.p).toBeCloseTo(p ?? Number.NaN, 12);
    expectAll(result.observed, [o1 ?? 0, o2 ?? 0], 0);
    expectAll(result.expected, [e1 ?? 0, e2 ?? 0], 1e-12);
  });

  it('three groups (df 2)', () => {
    const result = logRankTest({ time, event, group: arm3 });
    const [chisq, p] = rValues('logrank.3');
    expect(result.df).toBe(2);
    expect(result.chisq).toBeCloseTo(chisq ?? Number.NaN, 10);
    expect(result.p).toBeCloseTo(p ?? Number.NaN, 10);
  });
});

describe('Cox model (Efron ties) matches coxph', () => {
  it('treatment only', () => {
    const result = coxRegression({
      time,
      event,
      covariates: arm.map((g) => [g === 'msc' ? 1 : 0]),
      names: ['msc'],
    });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') {
      return;
    }
    const [coef, hr, se, p, ll0, ll1] = rValues('cox.arm');
    const term = result.fit.terms[0];
    expect(Math.abs((term?.coef ?? 0) - (coef ?? 0))).toBeLessThan(1e-6 * Math.abs(coef ?? 1));
    expect(term?.hr).toBeCloseTo(hr ?? Number.NaN, 7);
    expect(term?.se).toBeCloseTo(se ?? Number.NaN, 7);
    expect(term?.p).toBeCloseTo(p ?? Number.NaN, 7);
    expect(result.fit.logLikNull).toBeCloseTo(ll0 ?? Number.NaN, 9);
    expect(result.fit.logLik).toBeCloseTo(ll1 ?? Number.NaN, 9);
  });

  it('treatment and age (continuous covariate)', () => {
    const result = coxRegression({
      time,
      event,
      covariates: arm.map((g, i) => [g === 'msc' ? 1 : 0, age[i] ?? 0]),
      names: ['msc', 'age'],
    });
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expectAll(
      result.fit.terms.map((t) => t.coef),
      rValues('cox.armage.coef'),
      1e-6,
    );
    expectAll(
      result.fit.terms.map((t) => t.se),
      rValues('cox.armage.se'),
      1e-6,
    );
    expectAll(
      result.fit.terms.map((t) => t.p),
      rValues('cox.armage.p'),
      1e-6,
    );
    expect(result.fit.logLik).toBeCloseTo(rValues('cox.armage.loglik')[1] ?? Number.NaN, 8);
  });

  it('reports no events as invalid', () => {
    const result = coxRegression({
      time: [1, 2],
      event: [false, false],
      covariates: [[0], [1]],
      names: ['x'],
    });
    expect(result.kind).toBe('invalid');
  });
});
