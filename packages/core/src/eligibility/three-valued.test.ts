import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { and3, CRITERION_STATUSES, not3, or3, type CriterionStatus } from './three-valued.js';

const status = fc.constantFrom(...CRITERION_STATUSES);
const M: CriterionStatus = 'met';
const N: CriterionStatus = 'not-met';
const U: CriterionStatus = 'unknown';

describe("Kleene's three-valued logic (truth tables)", () => {
  it('NOT', () => {
    expect([M, N, U].map((value) => not3(value))).toEqual([N, M, U]);
  });

  it('AND and OR of two operands', () => {
    // Rows: left operand M, N, U; columns: right operand M, N, U.
    const and: CriterionStatus[][] = [
      [M, N, U],
      [N, N, N],
      [U, N, U],
    ];
    const or: CriterionStatus[][] = [
      [M, M, M],
      [M, N, U],
      [M, U, U],
    ];
    const values = [M, N, U] as const;
    values.forEach((left, i) => {
      values.forEach((right, j) => {
        expect(and3([left, right]), `${left} and ${right}`).toBe(and[i]?.[j]);
        expect(or3([left, right]), `${left} or ${right}`).toBe(or[i]?.[j]);
      });
    });
  });

  it('empty AND is met, empty OR is not met (identities)', () => {
    expect(and3([])).toBe(M);
    expect(or3([])).toBe(N);
  });
});

describe('three-valued laws (properties)', () => {
  it('NOT NOT x = x', () => {
    fc.assert(fc.property(status, (x) => not3(not3(x)) === x));
  });

  it('De Morgan: NOT (x AND y) = NOT x OR NOT y, and NOT (x OR y) = NOT x AND NOT y, for any arity', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 6 }), (xs) => {
        expect(not3(and3(xs))).toBe(or3(xs.map(not3)));
        expect(not3(or3(xs))).toBe(and3(xs.map(not3)));
      }),
    );
  });

  it('AND and OR are commutative and associative (n-ary = nested)', () => {
    fc.assert(
      fc.property(status, status, status, (x, y, z) => {
        expect(and3([x, y])).toBe(and3([y, x]));
        expect(or3([x, y])).toBe(or3([y, x]));
        expect(and3([x, y, z])).toBe(and3([and3([x, y]), z]));
        expect(or3([x, y, z])).toBe(or3([x, or3([y, z])]));
      }),
    );
  });

  it('unknown is never decided by itself: replacing unknown by met or not-met can only refine a result', () => {
    const refinements: Record<CriterionStatus, CriterionStatus[]> = {
      met: [M],
      'not-met': [N],
      unknown: [M, N],
    };
    fc.assert(
      fc.property(
        fc.array(status, { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (xs, picks) => {
          const refined = xs.map(
            (x, i) => refinements[x][picks[i] === true ? 0 : refinements[x].length - 1] ?? x,
          );
          for (const op of [and3, or3]) {
            const before = op(xs);
            if (before !== U) {
              expect(op(refined)).toBe(before);
            }
          }
        },
      ),
    );
  });
});
