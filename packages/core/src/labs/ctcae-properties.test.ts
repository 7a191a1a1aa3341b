import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeLabValue } from './ctcae-grading.js';
import { CTCAE_LAB_RULES } from './ctcae-rules.js';
import type { CtcaeLabRule } from './ctcae-terms.js';
import { findLabTest, LAB_TESTS } from './lab-catalogue.js';
import { convertLabValue } from './lab-conversion.js';

/** Invariants of grading and conversion over every rule, test and unit (fast-check). */

const limits = fc
  .record({
    lln: fc.double({ min: 0.01, max: 500, noNaN: true }),
    width: fc.double({ min: 0.01, max: 500, noNaN: true }),
    baseline: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  })
  .map(({ lln, width, baseline }) => ({ lln, uln: lln + width, baseline }));

const gradeNumber = (
  rule: CtcaeLabRule,
  input: { value: number; unit: string; lln: number; uln: number; baseline: number },
) => {
  const outcome = gradeLabValue({ version: rule.version, term: rule.term, test: rule.test, ...input });
  if (outcome.kind !== 'graded') {
    throw new Error(`not graded with every limit given: ${JSON.stringify(outcome)}`);
  }
  return outcome.grade;
};

describe('grade is monotone in the direction of severity (every rule, both versions)', () => {
  for (const rule of CTCAE_LAB_RULES) {
    for (const convention of ['lab-only', 'worst-case'] as const) {
      it(`${rule.version} ${rule.term} (${rule.test}, ${convention})`, () => {
        fc.assert(
          fc.property(
            limits,
            fc.double({ min: 0, max: 5000, noNaN: true }),
            fc.double({ min: 0, max: 5000, noNaN: true }),
            (lim, a, b) => {
              const [low, high] = a <= b ? [a, b] : [b, a];
              const input = { unit: rule.unit, ...lim, convention } as const;
              const gLow = gradeNumber(rule, { ...input, value: low });
              const gHigh = gradeNumber(rule, { ...input, value: high });
              expect(rule.direction === 'high' ? gLow <= gHigh : gLow >= gHigh).toBe(true);
            },
          ),
          { numRuns: 200 },
        );
      });
    }
  }
});

describe('SI and every other unit of the test give the same grade', () => {
  for (const rule of CTCAE_LAB_RULES.filter((r) => r.version === 'v5.0' || r.test === 'creatinine')) {
    const test = findLabTest(rule.test);
    if (test?.kind !== 'quantitative') {
      continue;
    }
    for (const { unit } of test.units.filter((u) => u.unit !== rule.unit)) {
      it(`${rule.version} ${rule.term}: ${rule.unit} vs ${unit}`, () => {
        fc.assert(
          fc.property(limits, fc.double({ min: 0, max: 5000, noNaN: true }), (lim, value) => {
            const to = (x: number) => {
              const converted = convertLabValue({ test: rule.test, value: x, from: rule.unit, to: unit });
              return converted.kind === 'ok' ? converted.value : Number.NaN;
            };
            const inRuleUnit = gradeNumber(rule, { value, unit: rule.unit, ...lim });
            const converted = {
              value: to(value),
              unit,
              lln: to(lim.lln),
              uln: to(lim.uln),
              baseline: to(lim.baseline),
            };
            expect(gradeNumber(rule, converted)).toBe(inRuleUnit);
          }),
          { numRuns: 100 },
        );
      });
    }
  }
});

describe('conversions round-trip (every test, every pair of its units)', () => {
  for (const test of LAB_TESTS) {
    if (test.kind !== 'quantitative') {
      continue;
    }
    it(test.code, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
          fc.constantFrom(...test.units),
          fc.constantFrom(...test.units),
          (value, from, to) => {
            const there = convertLabValue({ test: test.code, value, from: from.unit, to: to.unit });
            const back =
              there.kind === 'ok'
                ? convertLabValue({ test: test.code, value: there.value, from: to.unit, to: from.unit })
                : there;
            expect(back.kind).toBe('ok');
            const result = back.kind === 'ok' ? back.value : Number.NaN;
            expect(Math.abs(result - value) / value).toBeLessThan(1e-14);
          },
        ),
      );
    });
  }
});
