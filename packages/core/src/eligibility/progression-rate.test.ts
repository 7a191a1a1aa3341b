import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import { run } from './eligibility-test-helpers.js';
import { alsfrsRProgressionRate } from './progression-rate.js';
import type { ScreeningRecord } from './screening-record.js';

const A = '2025-04-30';
const W17 = { amount: 17, unit: 'weeks' } as const;
const RULE = 'progressionRate(alsfrsR, over 17 weeks) between 0.515 and 1.545';

function record(history: ScreeningRecord['alsfrsRHistory'], total: number | null = 40): ScreeningRecord {
  return {
    assessmentDate: A,
    ...(total === null ? {} : { alsfrsR: { total } }),
    ...(history === undefined ? {} : { alsfrsRHistory: history }),
  };
}

describe('alsfrsRProgressionRate', () => {
  it('is (start − end) / months over the actual span (hand-computed)', () => {
    // 2025-01-01 → 2025-04-30 = 119 days = 17 weeks; 5 points / (119 / 30.4375) months = 1.278886… points/month.
    const result = alsfrsRProgressionRate(record([{ date: '2025-01-01', total: 45 }]), W17);
    expect(result).toEqual({
      kind: 'ok',
      rate: (5 * 30.4375) / 119,
      start: { date: '2025-01-01', total: 45 },
      end: { date: A, total: 40 },
      days: 119,
    });
  });

  it('picks the measurement closest to 17 weeks before, the earlier one on a tie', () => {
    const history = [
      { date: addDaysToIsoDate(A, -140), total: 47 }, // 20 weeks
      { date: addDaysToIsoDate(A, -112), total: 44 }, // 16 weeks: closest
      { date: addDaysToIsoDate(A, -56), total: 42 }, // 8 weeks
    ];
    expect(alsfrsRProgressionRate(record(history), W17)).toMatchObject({ start: { total: 44 }, days: 112 });
    const tie = [
      { date: addDaysToIsoDate(A, -126), total: 46 }, // 18 weeks
      { date: addDaysToIsoDate(A, -112), total: 44 }, // 16 weeks
    ];
    expect(alsfrsRProgressionRate(record(tie), W17)).toMatchObject({ start: { total: 46 }, days: 126 });
  });

  it('accepts a start within 17 ± 8.5 weeks only', () => {
    const at = (days: number) =>
      alsfrsRProgressionRate(record([{ date: addDaysToIsoDate(A, -days), total: 45 }]), W17);
    expect(at(178).kind).toBe('ok'); // 25.43 weeks
    expect(at(179).kind).toBe('unknown'); // 25.57 weeks > 25.5
    expect(at(60).kind).toBe('ok'); // 8.57 weeks
    expect(at(59)).toEqual({
      kind: 'unknown',
      reason:
        'no ALSFRS-R total in alsfrsRHistory between 25.5 weeks and 8.5 weeks before the assessment (lead-in 17 weeks)',
    });
  });

  it('uses a history entry on the assessment date when alsfrsR is absent, and is unknown without an end point', () => {
    const history = [
      { date: '2025-01-01', total: 45 },
      { date: A, total: 41 },
    ];
    expect(alsfrsRProgressionRate(record(history, null), W17)).toMatchObject({
      kind: 'ok',
      end: { total: 41 },
    });
    expect(alsfrsRProgressionRate(record([{ date: '2025-01-01', total: 45 }], null), W17)).toEqual({
      kind: 'unknown',
      reason: 'no ALSFRS-R total at the assessment date (alsfrsR)',
    });
    expect(alsfrsRProgressionRate(record(undefined), W17)).toEqual({
      kind: 'unknown',
      reason: 'no alsfrsRHistory to measure the 17 weeks lead-in',
    });
  });

  it('is negative for an improvement', () => {
    expect(alsfrsRProgressionRate(record([{ date: '2025-01-01', total: 38 }]), W17)).toMatchObject({
      rate: (-2 * 30.4375) / 119,
    });
  });
});

describe('the ALSUMMIT window 1.03 ± 50 %/month = 0.515–1.545 over a 17-week lead-in', () => {
  const drop = (points: number): ScreeningRecord => record([{ date: '2025-01-01', total: 40 + points }]);
  it('2 points in 17 weeks (0.512/month) is too slow, 3 (0.767) and 6 (1.535) are inside, 7 (1.790) too fast', () => {
    expect(run(RULE, drop(2)).status).toBe('not-met');
    expect(run(RULE, drop(3)).status).toBe('met');
    expect(run(RULE, drop(6)).status).toBe('met');
    expect(run(RULE, drop(7)).status).toBe('not-met');
  });

  it('explains the rate, its span and the window', () => {
    expect(run(RULE, drop(2)).reasons).toEqual([
      'ALSFRS-R decline 0.512 points/month over 119 days (42 on 2025-01-01 → 40 on 2025-04-30); the protocol requires between 0.515 and 1.545 points/month',
    ]);
    expect(run(RULE, record(undefined))).toEqual({
      status: 'unknown',
      reasons: [
        'ALSFRS-R progression rate unknown: no alsfrsRHistory to measure the 17 weeks lead-in; the protocol requires between 0.515 and 1.545 points/month',
      ],
    });
  });
});
