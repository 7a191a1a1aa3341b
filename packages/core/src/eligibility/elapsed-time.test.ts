import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, dayNumberToIsoDate } from '../protocol/iso-date.js';
import { ageInYears, completedYears, elapsedTime, elapsedYears } from './elapsed-time.js';

describe('age in completed years', () => {
  it('turns 18 on the 18th birthday, not the day before', () => {
    expect(ageInYears('2007-06-15', '2025-06-14')).toBe(17);
    expect(ageInYears('2007-06-15', '2025-06-15')).toBe(18);
    expect(ageInYears('2007-06-15', '2025-06-16')).toBe(18);
  });

  it('stays 70 until the day before the 71st birthday', () => {
    expect(ageInYears('1954-03-01', '2025-02-28')).toBe(70);
    expect(ageInYears('1954-03-01', '2025-03-01')).toBe(71);
  });

  it('a 29 February birthday counts on 1 March in common years and on 29 February in leap years', () => {
    expect(ageInYears('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageInYears('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageInYears('2000-02-29', '2024-02-29')).toBe(24);
    expect(ageInYears('2000-02-29', '2024-02-28')).toBe(23);
  });
});

describe('elapsed calendar years', () => {
  it('is exactly N on the N-th anniversary whatever leap days lie between', () => {
    expect(elapsedYears('2022-05-10', '2024-05-10')).toBe(2); // 731 days (includes 2024-02-29)
    expect(elapsedYears('2021-05-10', '2023-05-10')).toBe(2); // 730 days
    expect(elapsedYears('2004-02-29', '2006-03-01')).toBe(2);
  });

  it('exceeds N the day after and is below N the day before', () => {
    // 2024-05-10 → 2025-05-10 is 365 days: one day is 1/365 of that year.
    expect(elapsedYears('2022-05-10', '2024-05-11')).toBeCloseTo(2 + 1 / 365, 12);
    // 2023-05-10 → 2024-05-10 is 366 days: the day before the anniversary is 365/366 into it.
    expect(elapsedYears('2022-05-10', '2024-05-09')).toBeCloseTo(1 + 365 / 366, 12);
  });

  it('is negative when the end is earlier', () => {
    expect(elapsedYears('2024-05-10', '2022-05-10')).toBe(-2);
  });

  it('floors to the completed years and grows with the end date (property)', () => {
    const day = fc.integer({ min: -20000, max: 30000 });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40000 }), (start, span) => {
        const from = dayNumberToIsoDate(start);
        const to = dayNumberToIsoDate(start + span);
        const years = elapsedYears(from, to);
        expect(Math.floor(years)).toBe(completedYears(from, to));
        expect(elapsedYears(from, addDaysToIsoDate(to, 1))).toBeGreaterThan(years);
      }),
    );
  });
});

describe('elapsedTime in each unit', () => {
  it('days are calendar days, weeks 7 days, months 30.4375 days (365.25 / 12)', () => {
    expect(elapsedTime('2025-01-01', '2025-03-01', 'days')).toBe(59);
    expect(elapsedTime('2025-01-01', '2025-05-01', 'weeks')).toBe(120 / 7);
    expect(elapsedTime('2025-01-01', '2025-05-01', 'months')).toBe(120 / 30.4375);
    // 6 months = 182.625 days: 182 days is below, 183 above.
    expect(elapsedTime('2024-01-01', addDaysToIsoDate('2024-01-01', 182), 'months')).toBeLessThan(6);
    expect(elapsedTime('2024-01-01', addDaysToIsoDate('2024-01-01', 183), 'months')).toBeGreaterThan(6);
    expect(elapsedTime('2020-01-01', '2023-01-01', 'years')).toBe(3);
  });
});
