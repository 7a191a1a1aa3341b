import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import { assessDltEvaluability, toBoardDltStatus, type DltEvaluabilityInput } from './dlt-evaluability.js';

// NCT06598202 part 1: 14-day DLT window from the first nasal drop. First dose 2026-03-02 → the window ends on
// 2026-03-16 (day 14, the "end of the DLT window" visit).
const base: DltEvaluabilityInput = { firstDoseDate: '2026-03-02', windowDays: 14, today: '2026-03-09' };

describe('assessDltEvaluability', () => {
  it('is pending while the window is open (7 days to go on day 7)', () => {
    const result = assessDltEvaluability(base);
    expect(result).toEqual({
      kind: 'pending',
      windowEnd: '2026-03-16',
      daysRemaining: 7,
      explanation: 'DLT window 2026-03-02 to 2026-03-16 (14 days): open, 7 day(s) to go, no DLT so far',
    });
    expect(toBoardDltStatus(result)).toBe('pending');
  });

  it('is evaluable from the last day of the window; the board waits for the recorded assessment', () => {
    const unassessed = assessDltEvaluability({ ...base, today: '2026-03-16' });
    expect(unassessed).toMatchObject({ kind: 'evaluable', dlt: null });
    expect(toBoardDltStatus(unassessed)).toBe('pending');
    const assessed = assessDltEvaluability({
      ...base,
      today: '2026-03-16',
      dltDecision: { dlt: false, date: '2026-03-16' },
    });
    expect(assessed).toMatchObject({
      kind: 'evaluable',
      dlt: false,
      explanation: expect.stringContaining('complete without a DLT'),
    });
    expect(toBoardDltStatus(assessed)).toBe('no');
  });

  it('is evaluable as soon as a DLT occurs in the window, including its last day', () => {
    const early = assessDltEvaluability({
      ...base,
      today: '2026-03-06',
      dltDecision: { dlt: true, date: '2026-03-05' },
    });
    expect(early).toMatchObject({
      kind: 'evaluable',
      dlt: true,
      explanation: expect.stringContaining('DLT on 2026-03-05'),
    });
    expect(toBoardDltStatus(early)).toBe('yes');
    const lastDay = assessDltEvaluability({
      ...base,
      today: '2026-03-17',
      dltDecision: { dlt: true, date: '2026-03-16' },
    });
    expect(toBoardDltStatus(lastDay)).toBe('yes');
  });

  it('is not evaluable when the participant left before the window ended without a DLT', () => {
    const left = assessDltEvaluability({ ...base, today: '2026-03-12', discontinuedDate: '2026-03-10' });
    expect(left).toMatchObject({
      kind: 'not-evaluable',
      explanation: expect.stringContaining('left on 2026-03-10'),
    });
    expect(toBoardDltStatus(left)).toBe('not-evaluable');
    const leftAfterDlt = assessDltEvaluability({
      ...base,
      today: '2026-03-12',
      discontinuedDate: '2026-03-10',
      dltDecision: { dlt: true, date: '2026-03-08' },
    });
    expect(toBoardDltStatus(leftAfterDlt)).toBe('yes');
    const leftOnLastDay = assessDltEvaluability({
      ...base,
      today: '2026-03-16',
      discontinuedDate: '2026-03-16',
    });
    expect(leftOnLastDay).toMatchObject({ kind: 'evaluable', dlt: null });
  });

  it('treats a "no DLT" recorded before the window ends as provisional', () => {
    const result = assessDltEvaluability({ ...base, dltDecision: { dlt: false, date: '2026-03-09' } });
    expect(result.kind).toBe('pending');
    expect(result.kind === 'pending' && result.explanation).toContain('provisional');
  });

  it('refuses bad input, naming field and rule', () => {
    const problems = (input: DltEvaluabilityInput): string[] => {
      const result = assessDltEvaluability(input);
      return result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : [];
    };
    expect(problems({ ...base, windowDays: 0 })).toEqual(['windowDays:integer-min-1']);
    expect(problems({ ...base, windowDays: 1.5 })).toEqual(['windowDays:integer-min-1']);
    expect(problems({ ...base, today: '2026-03-01' })).toEqual(['today:not-before-first-dose']);
    expect(problems({ ...base, firstDoseDate: '2026-3-2' })).toEqual(['firstDoseDate:iso-date']);
    expect(problems({ ...base, discontinuedDate: '2026-03-10' })).toEqual(['discontinuedDate:not-in-future']);
    expect(problems({ ...base, discontinuedDate: '2026-03-01' })).toEqual([
      'discontinuedDate:not-before-first-dose',
    ]);
    expect(
      problems({ ...base, today: '2026-03-20', dltDecision: { dlt: true, date: '2026-03-17' } }),
    ).toEqual(['dltDecision.date:dlt-within-window']);
    expect(problems({ ...base, dltDecision: { dlt: true, date: '2026-03-10' } })).toEqual([
      'dltDecision.date:not-in-future',
    ]);
    expect(() => toBoardDltStatus({ kind: 'invalid', problems: [] })).toThrow(RangeError);
  });

  it('is pending exactly until first dose + windowDays, with the right days remaining (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 90 }),
        (start, windowDays, elapsed) => {
          const firstDoseDate = addDaysToIsoDate('2024-01-01', start);
          const today = addDaysToIsoDate(firstDoseDate, elapsed);
          const result = assessDltEvaluability({ firstDoseDate, windowDays, today });
          if (elapsed < windowDays) {
            expect(result).toMatchObject({ kind: 'pending', daysRemaining: windowDays - elapsed });
          } else {
            expect(result).toMatchObject({ kind: 'evaluable', dlt: null });
          }
          expect(result.kind !== 'invalid' && result.windowEnd).toBe(
            addDaysToIsoDate(firstDoseDate, windowDays),
          );
        },
      ),
    );
  });
});
