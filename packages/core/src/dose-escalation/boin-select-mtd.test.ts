import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boinSelectMtd, type BoinMtdSelection, type BoinSelectMtdInput } from './boin-select-mtd.js';

function select(input: BoinSelectMtdInput): BoinMtdSelection {
  const result = boinSelectMtd(input);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

// All select.mtd worked examples of the reference file are checked in
// packages/cli/src/commands/design/reference-values.test.ts; these are the rules one by one.

describe('boinSelectMtd', () => {
  it('breaks a tie inside a pooled block below the target upward (design.md §2.1 example)', () => {
    // design.md §2.1: n = (3,6,9,3,0), y = (0,2,2,2,0) → p̃ = (.02,.26,.26,.66) → MTD = 3 (BOIN 2.7.2)
    const result = select({ target: 0.3, patients: [3, 6, 9, 3, 0], dlts: [0, 2, 2, 2, 0] });
    expect(result.mtd).toBe(3);
    expect(result.isotonicEstimates[1]).toBeCloseTo(result.isotonicEstimates[2] ?? 0, 15);
    expect(result.isotonicEstimates[4]).toBeNull();
  });

  it('breaks a tie inside a pooled block above the target downward', () => {
    // 2/3 then 1/3 pool (equal weights) to (2.05 + 1.05)/(2 · 3.1) = 0.5
    const result = select({ target: 0.3, patients: [3, 3, 3], dlts: [0, 2, 1] });
    expect(result.isotonicEstimates[1]).toBeCloseTo(0.5, 12);
    expect(result.isotonicEstimates[2]).toBeCloseTo(0.5, 12);
    expect(result.mtd).toBe(2);
    // the same block below the target: the higher dose of the block
    expect(select({ target: 0.6, patients: [3, 3, 3], dlts: [0, 2, 1] }).mtd).toBe(3);
  });

  it('excludes eliminated doses from selection but still reports their estimates', () => {
    const result = select({ target: 0.3, patients: [3, 3, 6, 0, 0], dlts: [0, 0, 4, 0, 0] });
    expect(result.eliminatedFrom).toBe(3);
    expect(result.mtd).toBe(2);
    expect(result.isotonicEstimates[2]).toBeCloseTo(4.05 / 6.1, 12);
    expect(result.selectionEstimates[2]).toBeNull();
  });

  it('selects nothing when the lowest dose is eliminated', () => {
    expect(select({ target: 0.3, patients: [6, 0], dlts: [5, 0] }).mtd).toBeNull();
  });

  it('skips untreated doses, e.g. below a higher start dose', () => {
    const result = select({ target: 0.3, patients: [0, 6, 6], dlts: [0, 1, 2] });
    expect(result.isotonicEstimates[0]).toBeNull();
    expect(result.mtd).toBe(3);
  });

  it('with boundMtd, refuses doses whose estimate is above λd', () => {
    const result = select({ target: 0.3, patients: [3, 3], dlts: [2, 2], boundMtd: true });
    expect(result.mtd).toBeNull();
    expect(select({ target: 0.3, patients: [3, 3], dlts: [2, 2] }).mtd).toBe(1);
  });

  it('returns non-decreasing estimates and a treated, non-eliminated MTD (property)', () => {
    const dataArb = fc
      .array(
        fc
          .integer({ min: 0, max: 12 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        { minLength: 1, maxLength: 6 },
      )
      .map((rows) => ({ patients: rows.map((r) => r[0]), dlts: rows.map((r) => r[1]) }));
    fc.assert(
      fc.property(dataArb, fc.double({ min: 0.1, max: 0.5, noNaN: true }), ({ patients, dlts }, target) => {
        const result = select({ target, patients, dlts });
        const fitted = result.isotonicEstimates.filter((v): v is number => v !== null);
        for (let i = 1; i < fitted.length; i++) {
          expect(fitted[i]).toBeGreaterThanOrEqual((fitted[i - 1] ?? 0) - 1e-12);
        }
        if (result.mtd !== null) {
          expect(patients[result.mtd - 1]).toBeGreaterThan(0);
          expect(result.eliminatedFrom === null || result.mtd < result.eliminatedFrom).toBe(true);
        }
      }),
    );
  });

  it('names the field for DLTs above patients and for lists of different length', () => {
    const result = boinSelectMtd({ target: 0.25, patients: [3, 6], dlts: [0, 7, 1] });
    expect(result.kind === 'invalid' && result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([
      'dlts:same-length',
      'dlts[1]:at-most-patients',
    ]);
  });
});
