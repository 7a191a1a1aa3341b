import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encalsMedian, encalsPredict, encalsSurvival } from './encals.js';
import type { EncalsInput } from './encals.js';
import { rValues } from './fixtures/r-reference.js';

// Golden values: (1) the worked examples of clinical.md §1.7 (LP −4.453, S(36) = 0.49, median ≈ 36 months;
// LP −2.406, median ≈ 20 months); (2) the same formula evaluated independently in R 4.2.2 with uniroot for
// the median (fixtures/make-fixtures.R, keys encals.*: LP, S(12, 24, 36, 60), median).
const caseA: EncalsInput = {
  ageOnset: 60,
  diagnosticDelay: 10,
  deltaFrs: 0.5,
  fvcPercent: 90,
  bulbarOnset: false,
  definiteElEscorial: false,
  ftd: false,
  c9orf72: false,
};
const caseB: EncalsInput = {
  ageOnset: 65,
  diagnosticDelay: 6,
  deltaFrs: 1.2,
  fvcPercent: 75,
  bulbarOnset: true,
  definiteElEscorial: true,
  ftd: false,
  c9orf72: false,
};
const caseC: EncalsInput = {
  ageOnset: 52,
  diagnosticDelay: 14,
  deltaFrs: 0.8,
  fvcPercent: 82,
  bulbarOnset: false,
  definiteElEscorial: true,
  ftd: true,
  c9orf72: null,
};

describe('ENCALS prediction model', () => {
  it('reproduces the worked examples of clinical.md §1.7', () => {
    const a = encalsPredict(caseA, [36]);
    const b = encalsPredict(caseB, [36]);
    if (a.kind !== 'ok' || b.kind !== 'ok') {
      throw new Error('expected ok');
    }
    expect(a.prediction.linearPredictor).toBeCloseTo(-4.453, 3);
    expect(a.prediction.survivalAt[0]?.survival).toBeCloseTo(0.49, 2);
    expect(Math.round(a.prediction.medianMonthsFromOnset)).toBe(36);
    expect(b.prediction.linearPredictor).toBeCloseTo(-2.406, 3);
    expect(Math.round(b.prediction.medianMonthsFromOnset)).toBe(20);
    expect(a.prediction.label).toContain('prediction model');
  });

  for (const [key, input] of [
    ['encals.a', caseA],
    ['encals.b', caseB],
    ['encals.c', caseC],
  ] as const) {
    it(`matches the R evaluation (${key})`, () => {
      const result = encalsPredict(input, [12, 24, 36, 60]);
      if (result.kind !== 'ok') {
        throw new Error('expected ok');
      }
      const [lp, s12, s24, s36, s60, median] = rValues(key);
      expect(result.prediction.linearPredictor).toBeCloseTo(lp ?? Number.NaN, 12);
      expect(result.prediction.survivalAt.map((s) => s.survival)).toEqual(
        [s12, s24, s36, s60].map((v) => expect.closeTo(v ?? Number.NaN, 12) as unknown),
      );
      expect(result.prediction.medianMonthsFromOnset).toBeCloseTo(median ?? Number.NaN, 8);
      expect(result.prediction.usedC9orf72).toBe(input.c9orf72 !== null);
    });
  }

  it('survival decreases with time and the median solves S = ½ (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 0, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (lp, t) => {
          expect(encalsSurvival(lp, t * 1.1)).toBeLessThanOrEqual(encalsSurvival(lp, t) + 1e-15);
          const m = encalsMedian(lp);
          if (Number.isFinite(m)) {
            expect(encalsSurvival(lp, m)).toBeCloseTo(0.5, 9);
          }
        },
      ),
    );
  });

  it('rejects impossible inputs', () => {
    expect(encalsPredict({ ...caseA, diagnosticDelay: 0 }).kind).toBe('invalid');
    expect(encalsPredict({ ...caseA, fvcPercent: -5 }).kind).toBe('invalid');
  });
});
