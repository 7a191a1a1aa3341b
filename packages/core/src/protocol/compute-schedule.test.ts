import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSchedule, type ProtocolScheduleEntry } from './compute-schedule.js';
import { daysBetweenIsoDates } from './iso-date.js';
import { protocolFixture } from './protocol-test-fixture.js';
import type { Protocol, ProtocolVisit } from './protocol-types.js';

function entries(
  protocol: Protocol,
  options: Parameters<typeof computeSchedule>[1],
): ProtocolScheduleEntry[] {
  const result = computeSchedule(protocol, options);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.entries;
}

function visit(protocol: Protocol, id: string): ProtocolVisit {
  const found = protocol.visits.find((candidate) => candidate.id === id);
  if (found === undefined) {
    throw new Error(`no visit ${id}`);
  }
  return found;
}

describe('computeSchedule', () => {
  it('lays out the fixture calendar from the consent date (hand-computed)', () => {
    // consent 2025-01-06; bx +14 = 01-20; d1 = bx + 14 = 02-03 (study day 0); d2 = d1 + 28 = 03-03;
    // fu = d1 + 56, d1 + 84 = 03-31, 04-28; eos = d2 + 91 = 06-02 (day 119). Unscheduled visits are left out.
    const calendar = entries(protocolFixture(), { arm: 'a', anchorDate: '2025-01-06' });
    expect(calendar.map((e) => [e.visit, e.occurrence ?? null, e.date, e.day])).toEqual([
      ['scr', null, '2025-01-06', -28],
      ['bx', null, '2025-01-20', -14],
      ['d1', null, '2025-02-03', 0],
      ['d2', null, '2025-03-03', 28],
      ['fu', 1, '2025-03-31', 56],
      ['fu', 2, '2025-04-28', 84],
      ['eos', null, '2025-06-02', 119],
    ]);
    const d2 = calendar[3];
    expect(d2).toMatchObject({
      windowStart: '2025-02-28',
      windowEnd: '2025-03-06',
      anchor: 'previous-dose',
      anchorDate: '2025-02-03',
      assumedAnchor: false,
      activities: ['dose:drug', 'adverse-events'],
    });
    expect(calendar[1]?.activities).toEqual(['biopsy']);
  });

  it('merges arms with identical calendars and masks what differs', () => {
    const calendar = entries(protocolFixture(), { anchorDate: '2025-01-06' });
    expect(calendar[2]?.activities).toEqual(['dose:per-arm', 'vital-signs', 'adverse-events']);
    const placebo = entries(protocolFixture(), { arm: 'b', anchorDate: '2025-01-06' });
    expect(placebo[2]?.activities).toEqual(['dose:placebo', 'vital-signs', 'adverse-events']);
  });

  it('asks for an arm when the arms have different calendars', () => {
    const protocol = protocolFixture();
    visit(protocol, 'fu').arms = ['a'];
    const result = computeSchedule(protocol, { anchorDate: '2025-01-06' });
    expect(result.kind === 'invalid' && result.problems[0]?.rule).toBe('arm-required');
    expect(entries(protocol, { arm: 'b', anchorDate: '2025-01-06' }).map((e) => e.visit)).not.toContain('fu');
  });

  it('pins a known first dose and moves everything anchored on it', () => {
    const calendar = entries(protocolFixture(), {
      arm: 'a',
      anchorDate: '2025-01-06',
      knownDates: { 'first-dose': '2025-02-10' },
    });
    const d1 = calendar.find((e) => e.visit === 'd1');
    expect(d1).toMatchObject({ date: '2025-02-10', anchor: 'first-dose', day: 0 });
    expect(calendar.find((e) => e.visit === 'd2')?.date).toBe('2025-03-10');
    // The biopsy still follows screening: known dates replace plans, they do not rewrite the past.
    expect(calendar.find((e) => e.visit === 'bx')?.date).toBe('2025-01-20');
  });

  it('flags visits whose root anchor had to be taken from the default date', () => {
    const protocol = protocolFixture();
    // The follow-up is now timed from randomization, which no visit marks: its date is unknown.
    visit(protocol, 'scr').events = ['screening'];
    visit(protocol, 'fu').anchor = 'randomization';
    const calendar = entries(protocol, { arm: 'a', anchorDate: '2025-01-06' });
    const fu = calendar.filter((e) => e.visit === 'fu');
    expect(fu.map((e) => [e.date, e.assumedAnchor])).toEqual([
      ['2025-03-03', true],
      ['2025-03-31', true],
    ]);
    expect(calendar.filter((e) => e.visit !== 'fu').every((e) => !e.assumedAnchor)).toBe(true);
    const known = entries(protocol, {
      arm: 'a',
      anchorDate: '2025-01-06',
      knownDates: { randomization: '2025-01-10' },
    });
    expect(known.find((e) => e.visit === 'fu')).toMatchObject({ date: '2025-03-07', assumedAnchor: false });
  });

  it('numbers study days without a day 0 under day-1', () => {
    const protocol = protocolFixture();
    protocol.studyDay.numbering = 'day-1';
    const days = entries(protocol, { arm: 'a', anchorDate: '2025-01-06' }).map((e) => e.day);
    expect(days).toEqual([-28, -14, 1, 29, 57, 85, 120]);
  });

  it('repeats until a day when untilDay is given', () => {
    const protocol = protocolFixture();
    visit(protocol, 'fu').repeat = { everyDays: 14, untilDay: 90 };
    const fu = entries(protocol, { arm: 'a', anchorDate: '2025-01-06' }).filter((e) => e.visit === 'fu');
    expect(fu.map((e) => e.day)).toEqual([56, 70, 84]);
  });

  it('rejects bad dates, unknown arms and unknown events', () => {
    const protocol = protocolFixture();
    const rules = (options: Parameters<typeof computeSchedule>[1]): string[] => {
      const result = computeSchedule(protocol, options);
      return result.kind === 'invalid' ? result.problems.map((p) => p.rule) : [];
    };
    expect(rules({ anchorDate: '2025-02-30' })).toEqual(['invalid-date']);
    expect(rules({ anchorDate: '2025-01-06', arm: 'z' })).toEqual(['unknown-arm']);
    expect(rules({ anchorDate: '2025-01-06', knownDates: { 'first-dose': '06/01/2025' } })).toEqual([
      'invalid-date',
    ]);
    expect(rules({ anchorDate: '2025-01-06', knownDates: { nope: '2025-01-01' } as never })).toEqual([
      'invalid-event',
    ]);
  });
});

/** Random single-arm protocols: each visit is anchored on consent or on an earlier visit (no cycles). */
const randomProtocol = fc
  .array(
    fc.record({
      anchorOnEarlier: fc.boolean(),
      offsetDays: fc.integer({ min: -30, max: 400 }),
      before: fc.integer({ min: 0, max: 30 }),
      after: fc.integer({ min: 0, max: 30 }),
      repeat: fc.option(
        fc.record({ everyDays: fc.integer({ min: 1, max: 60 }), count: fc.integer({ min: 1, max: 5 }) }),
        {
          nil: undefined,
        },
      ),
      dose: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((specs): Protocol => {
    const base = protocolFixture();
    const visits: ProtocolVisit[] = specs.map((spec, index) => ({
      id: `v${index}`,
      name: `Visit ${index}`,
      epoch: 'treatment',
      anchor: spec.anchorOnEarlier && index > 0 ? { visit: `v${index - 1}` } : 'consent',
      offsetDays: spec.offsetDays,
      window: { before: spec.before, after: spec.after },
      ...(spec.repeat === undefined ? {} : { repeat: spec.repeat }),
    }));
    const doses = specs.flatMap((spec, index) =>
      spec.dose ? [{ visit: `v${index}`, intervention: 'drug' }] : [],
    );
    return {
      ...base,
      design: { ...base.design, arms: [{ id: 'a', name: 'A', type: 'experimental' }] },
      administrations: [{ arm: 'a', doses }],
      visits,
    };
  });

describe('computeSchedule (property)', () => {
  it('orders entries by date and every window contains its target date', () => {
    fc.assert(
      fc.property(randomProtocol, fc.integer({ min: 0, max: 20_000 }), (protocol, dayNumber) => {
        const anchorDate = new Date(Date.UTC(1990, 0, 1 + dayNumber)).toISOString().slice(0, 10);
        const calendar = entries(protocol, { anchorDate });
        for (let index = 1; index < calendar.length; index += 1) {
          expect((calendar[index - 1]?.date ?? '') <= (calendar[index]?.date ?? '')).toBe(true);
        }
        for (const entry of calendar) {
          expect(entry.windowStart <= entry.date && entry.date <= entry.windowEnd).toBe(true);
          expect(daysBetweenIsoDates(entry.windowStart, entry.date)).toBe(
            protocol.visits.find((v) => v.id === entry.visit)?.window?.before,
          );
        }
        const expectedCount = protocol.visits.reduce((sum, v) => sum + (v.repeat?.count ?? 1), 0);
        expect(calendar).toHaveLength(expectedCount);
      }),
    );
  });
});
