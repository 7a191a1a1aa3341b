import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, daysBetweenIsoDates } from '../protocol/iso-date.js';
import { casebookVisitStatus, checkVisitDate } from './visit-status.js';

// Second injection of NCT04821479 planned on 2025-10-06 with a ±14-day window: 09-22 .. 10-20.
const inj2 = {
  name: 'Second intrathecal MSC injection',
  plannedDate: '2025-10-06',
  windowStart: '2025-09-22',
  windowEnd: '2025-10-20',
};

describe('casebookVisitStatus', () => {
  it('gives each status its number of days (hand-counted)', () => {
    const at = (today: string): unknown => casebookVisitStatus(inj2, { today });
    expect(at('2025-09-01')).toEqual({ status: 'planned', days: 21 }); // 09-01 → 09-22
    expect(at('2025-09-21')).toEqual({ status: 'planned', days: 1 });
    expect(at('2025-09-22')).toEqual({ status: 'due', days: 28 }); // window opens: 28 days left
    expect(at('2025-10-20')).toEqual({ status: 'due', days: 0 }); // last day of the window
    expect(at('2025-10-21')).toEqual({ status: 'overdue', days: 1 });
    expect(at('2025-11-03')).toEqual({ status: 'overdue', days: 14 });
    const recorded = (actualDate: string): unknown =>
      casebookVisitStatus(inj2, { today: '2025-12-01', actualDate });
    expect(recorded('2025-10-06')).toEqual({ status: 'done', days: 0 });
    expect(recorded('2025-09-22')).toEqual({ status: 'done', days: -14 });
    expect(recorded('2025-10-20')).toEqual({ status: 'done', days: 14 });
    expect(recorded('2025-09-20')).toEqual({ status: 'out-of-window', days: -2 });
    expect(recorded('2025-10-23')).toEqual({ status: 'out-of-window', days: 3 });
    expect(casebookVisitStatus(inj2, { today: '2025-12-01', missed: true })).toEqual({
      status: 'missed',
      days: null,
    });
  });

  it('does not expect a visit whose window was still open, or not yet open, when participation ended', () => {
    const ended = (endDate: string): unknown => casebookVisitStatus(inj2, { today: '2025-12-01', endDate });
    expect(ended('2025-10-20')).toEqual({ status: 'not-expected', days: null });
    expect(ended('2025-09-01')).toEqual({ status: 'not-expected', days: null });
    expect(ended('2025-10-21')).toEqual({ status: 'overdue', days: 42 }); // closed before the end: still owed a record
    // Records win over the end of participation.
    expect(
      casebookVisitStatus(inj2, { today: '2025-12-01', endDate: '2025-10-01', missed: true }).status,
    ).toBe('missed');
  });

  it('partitions unrecorded visits by today (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -100, max: 100 }),
        (before, after, todayOffset) => {
          const plannedDate = '2026-03-01';
          const window = {
            plannedDate,
            windowStart: addDaysToIsoDate(plannedDate, -before),
            windowEnd: addDaysToIsoDate(plannedDate, after),
          };
          const today = addDaysToIsoDate(plannedDate, todayOffset);
          const { status, days } = casebookVisitStatus(window, { today });
          const inOrAfterWindow = todayOffset <= after ? 'due' : 'overdue';
          expect(status).toBe(todayOffset < -before ? 'planned' : inOrAfterWindow);
          expect(days).not.toBeNull();
          // The days count back to the window edge that the status refers to.
          const edge =
            status === 'overdue' ? addDaysToIsoDate(today, -(days ?? 0)) : addDaysToIsoDate(today, days ?? 0);
          expect(edge).toBe(status === 'planned' ? window.windowStart : window.windowEnd);
          expect(status === 'due' ? (days ?? -1) >= 0 : (days ?? 0) > 0).toBe(true);
        },
      ),
    );
  });

  it('classifies recorded dates as done or out-of-window whatever today is (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: -100, max: 100 }),
        (before, after, actualOffset, todayOffset) => {
          const plannedDate = '2026-03-01';
          const window = {
            plannedDate,
            windowStart: addDaysToIsoDate(plannedDate, -before),
            windowEnd: addDaysToIsoDate(plannedDate, after),
          };
          const actualDate = addDaysToIsoDate(plannedDate, actualOffset);
          const today = addDaysToIsoDate(plannedDate, todayOffset);
          const result = casebookVisitStatus(window, { today, actualDate });
          if (actualOffset < -before) {
            expect(result).toEqual({ status: 'out-of-window', days: actualOffset + before });
          } else if (actualOffset > after) {
            expect(result).toEqual({ status: 'out-of-window', days: actualOffset - after });
          } else {
            expect(result).toEqual({ status: 'done', days: daysBetweenIsoDates(plannedDate, actualDate) });
          }
        },
      ),
    );
  });
});

describe('checkVisitDate', () => {
  it('accepts a date within the window with its distance from the target', () => {
    expect(checkVisitDate(inj2, '2025-10-09')).toEqual({ kind: 'within-window', daysFromTarget: 3 });
  });

  it('asks for a reason outside the window, with signed days', () => {
    expect(checkVisitDate(inj2, '2025-10-23')).toEqual({
      kind: 'outside-window',
      daysOutside: 3,
      message:
        'Second intrathecal MSC injection on 2025-10-23 is 3 days after its window (2025-09-22 to 2025-10-20, planned 2025-10-06); give a reason',
    });
    const early = checkVisitDate(inj2, '2025-09-21');
    expect(
      early.kind === 'outside-window' && [early.daysOutside, early.message.includes('1 day before')],
    ).toEqual([-1, true]);
  });

  it('refuses impossible and future dates, naming the field', () => {
    expect(checkVisitDate(inj2, '2025-02-29')).toMatchObject({
      kind: 'invalid',
      problems: [{ path: ['actualDate'], rule: 'invalid-date' }],
    });
    expect(checkVisitDate(inj2, '2025-10-09', { today: '2025-10-08', field: 'visitDate' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: ['visitDate'], rule: 'date-in-future' }],
    });
    expect(checkVisitDate(inj2, '2025-10-08', { today: '2025-10-08' }).kind).toBe('within-window');
  });
});
