import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoInstant, parseIsoInstant } from './iso-instant.js';
import { seriousAdverseEventClock, type SaeClockInput, type SaeClockResult } from './sae-clock.js';

describe('parseIsoInstant / formatIsoInstant', () => {
  it('reads offsets and writes UTC', () => {
    const ms = parseIsoInstant('2026-03-02T09:15:00+01:00');
    expect(ms).not.toBeNull();
    expect(formatIsoInstant(ms ?? 0)).toBe('2026-03-02T08:15:00.000Z');
    expect(parseIsoInstant('2026-03-02T08:15Z')).toBe(ms);
    expect(parseIsoInstant('2026-03-02T03:15:00.000-05:00')).toBe(ms);
    expect(parseIsoInstant('1970-01-01T00:00:00.001Z')).toBe(1);
    expect(parseIsoInstant('2026-03-02T08:15:00.1239Z')).toBe((ms ?? 0) + 123);
  });

  it.each([
    '2026-03-02T09:15:00', // no offset: the instant would depend on the machine
    '2026-02-30T09:15:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T23:60:00Z',
    '2026-03-02 09:15:00Z',
    '2026-03-02',
    '2026-03-02T09:15:00+25:00',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('agrees with Date for any instant from 1900 to 2200 (property; Date is used here only as a reference)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offset) => {
          const iso = new Date(ms).toISOString();
          expect(formatIsoInstant(ms)).toBe(iso);
          expect(parseIsoInstant(iso)).toBe(ms);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23) + zone;
          expect(parseIsoInstant(local)).toBe(Date.parse(local));
        },
      ),
    );
  });
});

function ok(result: SaeClockResult): Extract<SaeClockResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result;
}

// Hand calculation: aware 2026-03-02 09:15 at UTC+1 = 08:15Z. Initial report due +24 h = 2026-03-03T08:15Z;
// SUSAR fatal/life-threatening +7 days = 2026-03-09T08:15Z; other SUSAR +15 days = 2026-03-17T08:15Z.
const base: SaeClockInput = {
  awarenessAt: '2026-03-02T09:15:00+01:00',
  susar: false,
  fatalOrLifeThreatening: false,
  now: '2026-03-03T02:15:00Z',
};

describe('seriousAdverseEventClock', () => {
  it('initial report pending: 6 h left at 02:15Z', () => {
    const clock = ok(seriousAdverseEventClock(base));
    expect(clock.awarenessAt).toBe('2026-03-02T08:15:00.000Z');
    expect(clock.initial).toEqual({
      report: 'initial',
      due: '2026-03-03T08:15:00.000Z',
      allowedHours: 24,
      status: 'pending',
      hoursRemaining: 6,
      explanation:
        'Initial SAE report due 2026-03-03T08:15:00.000Z (24 h after awareness): not sent, 6 h remaining',
    });
    expect(clock.susar).toBeNull();
  });

  it('initial report overdue by 2.5 h at 10:45Z; due exactly now is still pending', () => {
    const overdue = ok(seriousAdverseEventClock({ ...base, now: '2026-03-03T10:45:00Z' })).initial;
    expect(overdue).toMatchObject({ status: 'overdue', hoursOverdue: 2.5 });
    const atDue = ok(seriousAdverseEventClock({ ...base, now: '2026-03-03T08:15:00Z' })).initial;
    expect(atDue).toMatchObject({ status: 'pending', hoursRemaining: 0 });
  });

  it('keeps the exact hours in the fields but one decimal in the explanation text', () => {
    // 02:28:30Z → 5 h 46 min 30 s = 5.775 h remaining → "5.8 h" in the text.
    const clock = ok(seriousAdverseEventClock({ ...base, now: '2026-03-03T02:28:30Z' })).initial;
    expect(clock).toMatchObject({ status: 'pending', hoursRemaining: 5.775 });
    expect(clock.explanation).toMatch(/not sent, 5\.8 h remaining$/);
  });

  it('initial report met 12 h early, or late by 1 h', () => {
    const now = '2026-03-04T00:00:00Z';
    const met = ok(
      seriousAdverseEventClock({ ...base, now, initialReportAt: '2026-03-02T20:15:00Z' }),
    ).initial;
    expect(met).toMatchObject({ status: 'met', reportedAt: '2026-03-02T20:15:00.000Z', hoursToSpare: 12 });
    const late = ok(
      seriousAdverseEventClock({ ...base, now, initialReportAt: '2026-03-03T09:15:00Z' }),
    ).initial;
    expect(late).toMatchObject({ status: 'late', hoursLate: 1 });
    const onTime = ok(
      seriousAdverseEventClock({ ...base, now, initialReportAt: '2026-03-03T08:15:00Z' }),
    ).initial;
    expect(onTime).toMatchObject({ status: 'met', hoursToSpare: 0 });
  });

  it('SUSAR: 7 days when fatal or life-threatening, 15 days otherwise', () => {
    const fatal = ok(seriousAdverseEventClock({ ...base, susar: true, fatalOrLifeThreatening: true })).susar;
    expect(fatal).toMatchObject({ report: 'susar', due: '2026-03-09T08:15:00.000Z', allowedHours: 168 });
    expect(fatal).toMatchObject({ status: 'pending', hoursRemaining: 6 * 24 + 6 });
    const other = ok(seriousAdverseEventClock({ ...base, susar: true })).susar;
    expect(other).toMatchObject({ due: '2026-03-17T08:15:00.000Z', allowedHours: 360 });
    const sent = ok(
      seriousAdverseEventClock({
        ...base,
        susar: true,
        now: '2026-03-20T00:00:00Z',
        susarReportAt: '2026-03-18T08:15:00Z',
      }),
    ).susar;
    expect(sent).toMatchObject({ status: 'late', hoursLate: 24 });
  });

  it('counts across month and year ends and leap days in UTC', () => {
    // 2025-12-31 23:30 at UTC−5 = 2026-01-01T04:30Z; +15 days = 2026-01-16T04:30Z.
    const newYear = ok(
      seriousAdverseEventClock({
        awarenessAt: '2025-12-31T23:30:00-05:00',
        susar: true,
        fatalOrLifeThreatening: false,
        now: '2026-01-01T05:00:00Z',
      }),
    );
    expect(newYear.susar?.due).toBe('2026-01-16T04:30:00.000Z');
    const leap = ok(
      seriousAdverseEventClock({ ...base, awarenessAt: '2028-02-28T12:00Z', now: '2028-02-28T12:00Z' }),
    );
    expect(leap.initial.due).toBe('2028-02-29T12:00:00.000Z');
  });

  it('refuses malformed or impossible times, naming the field', () => {
    const problems = (input: SaeClockInput): string[] => {
      const result = seriousAdverseEventClock(input);
      return result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : [];
    };
    expect(problems({ ...base, awarenessAt: '2026-03-02T09:15:00' })).toEqual(['awarenessAt:iso-instant']);
    expect(problems({ ...base, now: '' })).toEqual(['now:required']);
    expect(problems({ ...base, now: '2026-03-01T00:00:00Z' })).toEqual(['awarenessAt:not-in-future']);
    expect(problems({ ...base, initialReportAt: '2026-03-02T08:00:00Z' })).toEqual([
      'initialReportAt:not-before-awareness',
    ]);
    expect(problems({ ...base, initialReportAt: '2026-03-03T03:00:00Z' })).toEqual([
      'initialReportAt:not-in-future',
    ]);
    expect(problems({ ...base, susarReportAt: '2026-03-02T10:00:00Z' })).toEqual([
      'susarReportAt:only-for-susar',
    ]);
  });
});
