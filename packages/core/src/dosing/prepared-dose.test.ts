import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPreparedDose } from './prepared-dose.js';

describe('checkPreparedDose', () => {
  it('is within tolerance at exactly the limit (hand: 1.2×10^8 vs 1×10^8 is +20 %)', () => {
    expect(
      checkPreparedDose({ calculated: { amount: 1e8 }, preparedAmount: 1.2e8, tolerancePercent: 20 }),
    ).toEqual({ kind: 'within-tolerance', percent: 20 });
  });

  it('compares exactly where the double quotient overshoots (0.33 vs 0.3 is 10 %, not 10.000000000000009 %)', () => {
    expect((Math.abs(0.33 - 0.3) / 0.3) * 100).toBeGreaterThan(10); // the artefact avoided
    expect(
      checkPreparedDose({ calculated: { amount: 0.3 }, preparedAmount: 0.33, tolerancePercent: 10 }).kind,
    ).toBe('within-tolerance');
  });

  it('reports a deviation beyond the limit with its signed percentage (hand: 3.9×10^7 vs 5×10^7 = −22 %)', () => {
    const result = checkPreparedDose({
      calculated: { amount: 5e7 },
      preparedAmount: 3.9e7,
      tolerancePercent: 20,
    });
    expect(result.kind).toBe('deviation');
    expect(result.kind === 'deviation' && result.needsReason).toBe(true);
    expect(result.kind === 'deviation' && result.percent).toBeCloseTo(-22, 12);
  });

  it('a zero tolerance accepts only the exact amount', () => {
    expect(
      checkPreparedDose({ calculated: { amount: 5e7 }, preparedAmount: 5e7, tolerancePercent: 0 }).kind,
    ).toBe('within-tolerance');
    expect(
      checkPreparedDose({ calculated: { amount: 5e7 }, preparedAmount: 5e7 + 1, tolerancePercent: 0 }).kind,
    ).toBe('deviation');
  });

  it('names every bad input', () => {
    const result = checkPreparedDose({
      calculated: { amount: 0 },
      preparedAmount: -1,
      tolerancePercent: Number.NaN,
    });
    expect(result.kind === 'invalid' && result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([
      'calculated.amount:positive',
      'preparedAmount:non-negative',
      'tolerancePercent:non-negative',
    ]);
  });

  it('agrees with the percentage away from the boundary (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).map((n) => n * 1e6),
        fc.integer({ min: 0, max: 2000 }).map((n) => n * 1e6),
        fc.integer({ min: 0, max: 50 }),
        (amount, preparedAmount, tolerancePercent) => {
          const result = checkPreparedDose({ calculated: { amount }, preparedAmount, tolerancePercent });
          const percent = ((preparedAmount - amount) / amount) * 100;
          if (result.kind === 'invalid') {
            throw new Error('unexpected invalid');
          }
          expect(result.percent).toBe(percent);
          if (Math.abs(Math.abs(percent) - tolerancePercent) > 1e-9) {
            expect(result.kind).toBe(Math.abs(percent) < tolerancePercent ? 'within-tolerance' : 'deviation');
          }
        },
      ),
    );
  });
});
