import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isotonicRegression } from './isotonic.js';

/** Independent characterisation: f_i = max_{s ≤ i} min_{t ≥ i} (weighted mean of s…t). */
function minMaxFormula(values: readonly number[], weights: readonly number[]): number[] {
  const mean = (s: number, t: number): number => {
    let sw = 0;
    let sx = 0;
    for (let i = s; i <= t; i++) {
      sw += weights[i] ?? 0;
      sx += (weights[i] ?? 0) * (values[i] ?? 0);
    }
    return sx / sw;
  };
  return values.map((_, i) => {
    let best = -Infinity;
    for (let s = 0; s <= i; s++) {
      let inner = Infinity;
      for (let t = i; t < values.length; t++) {
        inner = Math.min(inner, mean(s, t));
      }
      best = Math.max(best, inner);
    }
    return best;
  });
}

const dataArb = fc
  .array(
    fc.record({
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      w: fc.double({ min: 0.1, max: 100, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) => ({ values: rows.map((r) => r.x), weights: rows.map((r) => r.w) }));

describe('isotonicRegression (PAVA)', () => {
  it('returns non-decreasing estimates (property)', () => {
    fc.assert(
      fc.property(dataArb, ({ values, weights }) => {
        const fit = isotonicRegression(values, weights);
        expect(fit).toHaveLength(values.length);
        for (let i = 1; i < fit.length; i++) {
          expect(fit[i]).toBeGreaterThanOrEqual((fit[i - 1] ?? 0) - 1e-12);
        }
      }),
    );
  });

  it('equals the max-min formula of the weighted isotonic fit (property)', () => {
    fc.assert(
      fc.property(dataArb, ({ values, weights }) => {
        const fit = isotonicRegression(values, weights);
        minMaxFormula(values, weights).forEach((v, i) => expect(fit[i]).toBeCloseTo(v, 10));
      }),
    );
  });

  it('keeps the weighted total and leaves sorted data unchanged', () => {
    fc.assert(
      fc.property(dataArb, ({ values, weights }) => {
        const fit = isotonicRegression(values, weights);
        const total = (xs: readonly number[]): number => xs.reduce((s, x, i) => s + x * (weights[i] ?? 0), 0);
        expect(total(fit)).toBeCloseTo(total(values), 8);
        const sorted = [...values].sort((a, b) => a - b);
        expect(isotonicRegression(sorted, weights)).toEqual(sorted);
      }),
    );
  });

  it('pools a violating pair into its weighted mean', () => {
    expect(isotonicRegression([0.1, 0.5, 0.3], [1, 1, 3])).toEqual([0.1, 0.35, 0.35]);
    expect(isotonicRegression([3, 2, 1])).toEqual([2, 2, 2]);
  });

  it('throws on non-positive weights or mismatched lengths', () => {
    expect(() => isotonicRegression([1, 2], [1, 0])).toThrow(RangeError);
    expect(() => isotonicRegression([1, 2], [1])).toThrow(RangeError);
  });
});
