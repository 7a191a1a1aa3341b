import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairedTTest, wilcoxonRankSum, wilcoxonSignedRank } from './paired-tests.js';
import { readCsv, rValues } from './fixtures/r-reference.js';

// Golden values: R 4.2.2 t.test(x, y, paired = TRUE), wilcox.test(x, y, paired = TRUE, exact = FALSE,
// correct = TRUE) and wilcox.test(x, y, exact = FALSE, correct = TRUE) on fixtures/paired.csv
// (12 pairs with 2 zero differences and tied |differences|) — fixtures/make-fixtures.R.
const rows = readCsv('paired.csv');
const x = rows.map((r) => Number(r.x));
const y = rows.map((r) => Number(r.y));

describe('paired tests match R', () => {
  it('paired t-test', () => {
    const [t, df, p, lo, hi] = rValues('paired.ttest');
    const result = pairedTTest(x, y);
    expect(result.t).toBeCloseTo(t ?? Number.NaN, 10);
    expect(result.df).toBe(df);
    expect(result.p).toBeCloseTo(p ?? Number.NaN, 12);
    expect(result.ci95[0]).toBeCloseTo(lo ?? Number.NaN, 10);
    expect(result.ci95[1]).toBeCloseTo(hi ?? Number.NaN, 10);
  });

  it('signed-rank test drops zero differences and corrects for ties', () => {
    const [v, p] = rValues('paired.wilcoxon');
    const result = wilcoxonSignedRank(x, y);
    expect(result.nZero).toBe(2);
    expect(result.n).toBe(10);
    expect(result.hasTies).toBe(true);
    expect(result.v).toBe(v);
    expect(result.p).toBeCloseTo(p ?? Number.NaN, 12);
  });

  it('rank-sum test with ties', () => {
    const [w, p] = rValues('ranksum.wilcoxon');
    const result = wilcoxonRankSum(x, y);
    expect(result.w).toBe(w);
    expect(result.p).toBeCloseTo(p ?? Number.NaN, 12);
  });
});

describe('paired test invariants', () => {
  it('swapping x and y mirrors the statistic and keeps the p-value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), {
          minLength: 3,
          maxLength: 30,
        }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const w1 = wilcoxonSignedRank(a, b);
          const w2 = wilcoxonSignedRank(b, a);
          expect(w1.v + w2.v).toBeCloseTo((w1.n * (w1.n + 1)) / 2, 9);
          if (Number.isFinite(w1.p)) {
            expect(w1.p).toBeCloseTo(w2.p, 12);
            expect(w1.p).toBeGreaterThan(0);
            expect(w1.p).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('all-zero differences give no signed-rank p-value', () => {
    expect(Number.isNaN(wilcoxonSignedRank([1, 2], [1, 2]).p)).toBe(true);
  });
});
