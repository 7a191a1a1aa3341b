import { describe, expect, it } from 'vitest';
import {
  DELTA_FRS_DAYS_PER_MONTH,
  deltaFrsFromDates,
  deltaFrsFromMonths,
  parseIsoDateToDayNumber,
} from './delta-frs.js';

describe('ΔFRS', () => {
  it('matches the worked example: ALSFRS-R 39 at 18 months → 0.50 points/month (clinical.md §1.2)', () => {
    expect(deltaFrsFromMonths({ total: 39, monthsSinceOnset: 18 })).toBeCloseTo(0.5, 10);
  });

  it('uses a month of 365.25 / 12 = 30.4375 days', () => {
    expect(DELTA_FRS_DAYS_PER_MONTH).toBe(30.4375);
    // 2023-01-01 → 2024-01-01 = 365 days = 11.9918 months; (48 − 36) / 11.9918… = 1.000684…
    const result = deltaFrsFromDates({
      total: 36,
      symptomOnsetDate: '2023-01-01',
      assessmentDate: '2024-01-01',
    });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.value.daysSinceOnset).toBe(365);
      expect(result.value.deltaFrs).toBeCloseTo(12 / (365 / 30.4375), 12);
      expect(result.value.deltaFrs).toBeCloseTo(1.000685, 5);
    }
  });

  it('gives 0 for a full score and refuses a non-positive interval as a broken invariant', () => {
    expect(deltaFrsFromMonths({ total: 48, monthsSinceOnset: 3 })).toBe(0);
    expect(() => deltaFrsFromMonths({ total: 40, monthsSinceOnset: 0 })).toThrow();
  });

  it('parses only real calendar dates', () => {
    expect(parseIsoDateToDayNumber('1970-01-02')).toBe(1);
    expect(parseIsoDateToDayNumber('2024-02-29')).not.toBeNull();
    expect(parseIsoDateToDayNumber('2023-02-29')).toBeNull();
    expect(parseIsoDateToDayNumber('2023-13-01')).toBeNull();
    expect(parseIsoDateToDayNumber('2023-1-01')).toBeNull();
    expect(parseIsoDateToDayNumber('2023-01-01T00:00:00Z')).toBeNull();
  });

  it('names both bad date fields', () => {
    const result = deltaFrsFromDates({ total: 40, symptomOnsetDate: 20200101, assessmentDate: 'soon' });
    expect(result).toMatchObject({
      kind: 'invalid',
      problems: [
        { path: 'symptomOnsetDate', rule: 'iso-date' },
        { path: 'assessmentDate', rule: 'iso-date' },
      ],
    });
  });
});
