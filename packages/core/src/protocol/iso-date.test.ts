import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysToIsoDate,
  dayNumberToIsoDate,
  daysBetweenIsoDates,
  isIsoCalendarDate,
  isoDateToDayNumber,
  monthsToStudyDays,
} from './iso-date.js';

describe('ISO date arithmetic on UTC days', () => {
  it('numbers days from 1970-01-01', () => {
    expect(isoDateToDayNumber('1970-01-01')).toBe(0);
    expect(isoDateToDayNumber('1969-12-31')).toBe(-1);
    // 30 years of 365 days + 7 leap days (72, 76, 80, 84, 88, 92, 96) = 10957.
    expect(isoDateToDayNumber('2000-01-01')).toBe(10957);
    expect(dayNumberToIsoDate(10957 + 59)).toBe('2000-02-29');
    expect(dayNumberToIsoDate(isoDateToDayNumber('0001-01-01'))).toBe('0001-01-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoCalendarDate('2024-02-29')).toBe(true);
    expect(isIsoCalendarDate('2000-02-29')).toBe(true);
    expect(isIsoCalendarDate('1900-02-29')).toBe(false);
    expect(isIsoCalendarDate('2025-02-29')).toBe(false);
    expect(isIsoCalendarDate('2025-04-31')).toBe(false);
    expect(isIsoCalendarDate('2025-13-01')).toBe(false);
    expect(isIsoCalendarDate('2025-1-01')).toBe(false);
    expect(() => isoDateToDayNumber('2025-02-30')).toThrow(RangeError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysToIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDaysToIsoDate('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetweenIsoDates('2025-01-06', '2025-04-07')).toBe(91);
  });

  it('converts months to whole days as round(months × 30.4375)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 18].map(monthsToStudyDays)).toEqual([
      30, 61, 91, 122, 152, 183, 213, 274, 304, 365, 548,
    ]);
  });

  it('agrees with the JavaScript UTC calendar and round-trips (property)', () => {
    // Independent oracle: Date.UTC normalises day overflow on the proleptic Gregorian calendar.
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 2_900_000 }), (dayNumber) => {
        const expected = new Date(Date.UTC(1970, 0, 1 + dayNumber)).toISOString().slice(0, 10);
        const iso = dayNumberToIsoDate(dayNumber);
        expect(iso).toBe(expected);
        expect(isoDateToDayNumber(iso)).toBe(dayNumber);
      }),
    );
  });
});
