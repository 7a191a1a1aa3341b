import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './form-conditions.js';
import { dateProblem, datetimeProblem, secondsOf } from './form-temporal.js';
import type { FormValue } from './form-types.js';
import { decimalPlaces, isAbsent } from './form-values.js';

describe('decimalPlaces', () => {
  it('counts the decimals JavaScript writes for the number', () => {
    expect(decimalPlaces(36)).toBe(0);
    expect(decimalPlaces(36.6)).toBe(1);
    expect(decimalPlaces(-0.25)).toBe(2);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(1e21)).toBe(0);
    expect(decimalPlaces(0.1 + 0.2)).toBe(17);
  });

  it('is 0 exactly for integers and never more than the written fraction (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 4 }), (n, digits) => {
        expect(decimalPlaces(n)).toBe(0);
        expect(decimalPlaces(n / 10 ** digits)).toBeLessThanOrEqual(digits);
      }),
    );
  });
});

describe('dates and datetimes', () => {
  it('tells a wrong shape from an impossible date and an implausible year', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2025-02-29')).toBe('real-date');
    expect(dateProblem('2025-13-01')).toBe('real-date');
    expect(dateProblem('2025-1-01')).toBe('format');
    expect(dateProblem('1899-12-31')).toBe('year-range');
    expect(dateProblem('2101-01-01')).toBe('year-range');
    expect(datetimeProblem('2025-01-01T23:59:59')).toBeNull();
    expect(datetimeProblem('2025-01-01T23:60')).toBe('real-date');
    expect(datetimeProblem('2025-01-01T10:00Z')).toBe('format');
    expect(datetimeProblem('2025-02-30T10:00')).toBe('real-date');
  });

  it('orders datetimes in seconds (10:00 equals 10:00:00)', () => {
    expect(secondsOf('2025-01-01T10:00')).toBe(secondsOf('2025-01-01T10:00:00'));
    expect(secondsOf('2025-01-02T00:00') - secondsOf('2025-01-01T23:59:59')).toBe(1);
    expect(secondsOf('2025-01-02')).toBe(secondsOf('2025-01-02T00:00'));
  });
});

describe('absence and conditions', () => {
  it('treats undefined, null and blank text as absent, but not 0, false or an empty object', () => {
    expect([undefined, null, '', '  '].every(isAbsent)).toBe(true);
    expect([0, false, {}, 'x'].some(isAbsent)).toBe(false);
  });

  it('is false for equals / notEquals on an absent item, true only for present: false', () => {
    const values: Record<string, FormValue> = { a: 1, q: { value: 2, unit: 'U/L' } };
    const lookup = (id: string) => values[id];
    expect(evaluateCondition({ item: 'b', equals: 1 }, lookup)).toBe(false);
    expect(evaluateCondition({ item: 'b', notEquals: 1 }, lookup)).toBe(false);
    expect(evaluateCondition({ item: 'b', present: false }, lookup)).toBe(true);
    expect(evaluateCondition({ item: 'a', notEquals: 2 }, lookup)).toBe(true);
    expect(evaluateCondition({ item: 'q', equals: { value: 2, unit: 'U/L' } }, lookup)).toBe(true);
    expect(
      evaluateCondition(
        {
          all: [
            { item: 'a', equals: 1 },
            { item: 'b', present: true },
          ],
        },
        lookup,
      ),
    ).toBe(false);
    expect(
      evaluateCondition(
        {
          any: [
            { item: 'a', equals: 1 },
            { item: 'b', present: true },
          ],
        },
        lookup,
      ),
    ).toBe(true);
  });
});
