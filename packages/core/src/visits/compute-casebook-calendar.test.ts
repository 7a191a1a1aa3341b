import { describe, expect, it } from 'vitest';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol, ProtocolVisit } from '../protocol/protocol-types.js';
import type { CasebookCalendarInput, CasebookVisit } from './casebook-calendar-types.js';
import { computeCasebookCalendar } from './compute-casebook-calendar.js';

// Fixture calendar from consent on 2025-01-06 (see protocol-test-fixture.ts and compute-schedule.test.ts):
//   scr 01-06 [+0/+7]  bx = scr + 14 = 01-20 [±2]  d1 = biopsy + 14 = 02-03 [±3]  d2 = previous dose + 28 = 03-03 [±3]
//   fu = first dose + 56, + 84 = 03-31, 04-28 [±3]  eos = last dose + 91 = 06-02 [±7]

function calendar(protocol: Protocol, input: Partial<CasebookCalendarInput>): CasebookVisit[] {
  const result = computeCasebookCalendar(protocol, {
    arm: 'a',
    startDate: '2025-01-06',
    recordedVisits: [],
    today: '2025-01-06',
    ...input,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.visits;
}

function entry(visits: CasebookVisit[], visit: string, occurrence?: number): CasebookVisit {
  const found = visits.find((v) => v.visit === visit && v.occurrence === occurrence);
  if (found === undefined) {
    throw new Error(`no ${visit} ${occurrence ?? ''}`);
  }
  return found;
}

function fixtureVisit(protocol: Protocol, id: string): ProtocolVisit {
  const found = protocol.visits.find((v) => v.id === id);
  if (found === undefined) {
    throw new Error(`no visit ${id}`);
  }
  return found;
}

const plan = (visits: CasebookVisit[]): string[][] =>
  visits.map((v) => [`${v.visit}${v.occurrence === undefined ? '' : `#${v.occurrence}`}`, v.plannedDate]);

describe('computeCasebookCalendar: planned calendar', () => {
  it('plans from the start date when nothing is recorded yet (hand-computed)', () => {
    const visits = calendar(protocolFixture(), {});
    expect(plan(visits)).toEqual([
      ['scr', '2025-01-06'],
      ['bx', '2025-01-20'],
      ['d1', '2025-02-03'],
      ['d2', '2025-03-03'],
      ['fu#1', '2025-03-31'],
      ['fu#2', '2025-04-28'],
      ['eos', '2025-06-02'],
    ]);
    expect(entry(visits, 'scr')).toMatchObject({
      windowStart: '2025-01-06',
      windowEnd: '2025-01-13',
      anchor: 'consent',
      anchorDate: '2025-01-06',
      anchorSource: 'actual', // the start date is the real consent date
      status: 'due',
      days: 7, // 01-13 − 01-06
    });
    expect(entry(visits, 'bx')).toMatchObject({
      anchor: 'visit:scr',
      anchorSource: 'planned',
      status: 'planned',
      days: 12, // window opens 01-18
      procedures: ['biopsy'],
      forms: [],
      doses: [],
    });
    expect(entry(visits, 'd1')).toMatchObject({
      anchor: 'procedure:biopsy',
      doses: ['drug'],
      forms: ['vital-signs', 'adverse-events'],
    });
    expect(entry(visits, 'fu', 2)).toMatchObject({ name: 'Follow-up 2', anchor: 'first-dose', doses: [] });
  });

  it('shows the planned doses of the participant’s arm, with the dose level', () => {
    const protocol = protocolFixture();
    const plan = protocol.administrations[0]?.doses[0];
    if (plan !== undefined) {
      plan.doseLevel = 'l2';
    }
    expect(entry(calendar(protocol, {}), 'd1').doses).toEqual(['drug@l2']);
    expect(entry(calendar(protocol, { arm: 'b' }), 'd1').doses).toEqual(['placebo']);
  });

  it('lists per-arm visits only for their arm', () => {
    const protocol = protocolFixture();
    fixtureVisit(protocol, 'fu').arms = ['a'];
    expect(calendar(protocol, { arm: 'a' }).filter((v) => v.visit === 'fu')).toHaveLength(2);
    expect(calendar(protocol, { arm: 'b' }).map((v) => v.visit)).not.toContain('fu');
  });

  it('marks dates resting on an undated event as assumed until the event is known', () => {
    const protocol = protocolFixture();
    fixtureVisit(protocol, 'scr').events = ['screening'];
    fixtureVisit(protocol, 'fu').anchor = 'randomization'; // no visit holds randomization now
    const assumed = entry(calendar(protocol, {}), 'fu', 1);
    expect(assumed).toMatchObject({
      anchorDate: '2025-01-06',
      anchorSource: 'assumed',
      plannedDate: '2025-03-03',
    });
    const known = entry(
      calendar(protocol, { today: '2025-01-10', knownEvents: { randomization: '2025-01-10' } }),
      'fu',
      1,
    );
    // 2025-01-10 + 56 = 2025-03-07
    expect(known).toMatchObject({
      anchorDate: '2025-01-10',
      anchorSource: 'actual',
      plannedDate: '2025-03-07',
    });
  });
});

describe('computeCasebookCalendar: re-anchoring on actual dates', () => {
  it('moves everything downstream of a late biopsy by the same number of days', () => {
    // The biopsy is done on 01-25, 5 days after its target (window 01-18..01-22: 3 days late).
    const visits = calendar(protocolFixture(), {
      today: '2025-01-25',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-06' },
        { visit: 'bx', actualDate: '2025-01-25' },
      ],
    });
    expect(entry(visits, 'bx')).toMatchObject({ status: 'out-of-window', days: 3, actualDate: '2025-01-25' });
    // d1 = 01-25 + 14 = 02-08; d2 = 02-08 + 28 = 03-08; fu = 02-08 + 56 = 04-05, + 84 = 05-03;
    // eos = 03-08 + 91 = 06-07. Every date is the unrecorded plan + 5 days; scr and bx keep their plans.
    expect(plan(visits)).toEqual([
      ['scr', '2025-01-06'],
      ['bx', '2025-01-20'],
      ['d1', '2025-02-08'],
      ['d2', '2025-03-08'],
      ['fu#1', '2025-04-05'],
      ['fu#2', '2025-05-03'],
      ['eos', '2025-06-07'],
    ]);
    expect(entry(visits, 'd1')).toMatchObject({
      anchorDate: '2025-01-25',
      anchorSource: 'actual',
      windowStart: '2025-02-05',
      windowEnd: '2025-02-11',
      status: 'planned',
      days: 11,
    });
    expect(entry(visits, 'd2')).toMatchObject({ anchorDate: '2025-02-08', anchorSource: 'planned' });
  });

  it('times the next dose from the actual date of the previous dose', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-02-05',
      recordedVisits: [{ visit: 'd1', actualDate: '2025-02-05' }],
    });
    // d1 done 2 days after its target 02-03; d2 = 02-05 + 28 = 03-05; fu = 02-05 + 56 = 04-02.
    expect(entry(visits, 'd1')).toMatchObject({ status: 'done', days: 2 });
    expect(entry(visits, 'd2')).toMatchObject({ plannedDate: '2025-03-05', anchorDate: '2025-02-05' });
    expect(entry(visits, 'fu', 1)).toMatchObject({ plannedDate: '2025-04-02', anchorSource: 'actual' });
  });

  it('uses a known first-dose date for visits timed from it and for the previous-dose chain', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-02-10',
      knownEvents: { 'first-dose': '2025-02-10' },
    });
    // d1 itself is still planned from the biopsy (02-03, window to 02-06) and has no visit record.
    expect(entry(visits, 'd1')).toMatchObject({ plannedDate: '2025-02-03', status: 'overdue', days: 4 });
    expect(entry(visits, 'd1').actualDate).toBeUndefined();
    // fu = 02-10 + 56 = 04-07; d2 = 02-10 + 28 = 03-10; eos = 03-10 + 91 = 06-09.
    expect(entry(visits, 'fu', 1)).toMatchObject({ plannedDate: '2025-04-07', anchorSource: 'actual' });
    expect(entry(visits, 'd2')).toMatchObject({ plannedDate: '2025-03-10', anchorSource: 'actual' });
    expect(entry(visits, 'eos')).toMatchObject({ plannedDate: '2025-06-09', anchorSource: 'planned' });
  });

  it('uses a known last-dose date for visits timed from it without marking the last dose visit done', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-03-01',
      knownEvents: { 'last-dose': '2025-02-03' }, // treatment stopped after the first dose
      recordedVisits: [{ visit: 'd1', actualDate: '2025-02-03' }],
    });
    // eos = 02-03 + 91 = 05-05; d2 stays planned from d1 (03-03) and is not done.
    expect(entry(visits, 'eos')).toMatchObject({ plannedDate: '2025-05-05', anchorSource: 'actual' });
    expect(entry(visits, 'd2')).toMatchObject({ plannedDate: '2025-03-03', status: 'due' });
  });

  it('warns when an event date and the visit where it happens disagree, and uses each where it applies', () => {
    const result = computeCasebookCalendar(protocolFixture(), {
      arm: 'a',
      startDate: '2025-01-06',
      today: '2025-02-10',
      knownEvents: { 'first-dose': '2025-02-10' },
      recordedVisits: [{ visit: 'd1', actualDate: '2025-02-05' }],
    });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') {
      return;
    }
    expect(result.problems?.map((p) => [p.path, p.rule])).toEqual([
      [['knownEvents', 'first-dose'], 'event-date-mismatch'],
    ]);
    expect(entry(result.visits, 'fu', 1).plannedDate).toBe('2025-04-07'); // first-dose 02-10 + 56
    expect(entry(result.visits, 'd2').plannedDate).toBe('2025-03-05'); // visit d1 02-05 + 28
  });

  it('keeps the original anchor after a missed visit', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-02-10',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-08' },
        { visit: 'bx', missed: true },
      ],
    });
    // bx is planned from the actual screening (01-08 + 14 = 01-22); d1 from bx's plan: 01-22 + 14 = 02-05.
    expect(entry(visits, 'bx')).toMatchObject({ status: 'missed', days: null, plannedDate: '2025-01-22' });
    expect(entry(visits, 'd1')).toMatchObject({
      plannedDate: '2025-02-05',
      anchorSource: 'planned',
      status: 'overdue',
    });
  });

  it('repeats from the anchor and matches recorded occurrences by number', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-05-10',
      recordedVisits: [
        { visit: 'd1', actualDate: '2025-02-03' },
        { visit: 'fu', occurrence: 2, actualDate: '2025-04-30' },
      ],
    });
    expect(entry(visits, 'fu', 1)).toMatchObject({ status: 'overdue', days: 37 }); // window end 04-03 → 05-10
    expect(entry(visits, 'fu', 2)).toMatchObject({ status: 'done', days: 2, actualDate: '2025-04-30' });
  });
});

describe('computeCasebookCalendar: statuses, end of participation, unscheduled visits', () => {
  it('stops expecting visits whose window had not closed when participation ended', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-03-15',
      recordedVisits: [{ visit: 'scr', actualDate: '2025-01-06' }],
      endOfParticipation: { date: '2025-02-04', reason: 'withdrawn' },
    });
    expect(visits.map((v) => [v.visit, v.status])).toEqual([
      ['scr', 'done'],
      ['bx', 'overdue'], // window closed 01-22, before the withdrawal: still needs a record
      ['d1', 'not-expected'], // window 01-31..02-06 was open on 02-04
      ['d2', 'not-expected'],
      ['fu', 'not-expected'],
      ['fu', 'not-expected'],
      ['eos', 'not-expected'],
    ]);
    expect(entry(visits, 'd1').days).toBeNull();
  });

  it('adds unscheduled visits as done, in date order, in the epoch they fall in', () => {
    const visits = calendar(protocolFixture(), {
      today: '2025-02-20',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-06' },
        { visit: 'bx', actualDate: '2025-01-20' },
        { visit: 'd1', actualDate: '2025-02-03' },
      ],
      unscheduledVisits: [
        { id: 'u-2', date: '2025-02-12', reason: 'headache' },
        { id: 'u-1', date: '2025-01-20' },
      ],
    });
    expect(visits.slice(0, 5).map((v) => v.unscheduled?.id ?? v.visit)).toEqual([
      'scr',
      'bx',
      'u-1',
      'd1',
      'u-2',
    ]);
    expect(visits.find((v) => v.unscheduled?.id === 'u-2')).toEqual({
      visit: 'uns',
      name: 'Unscheduled',
      epoch: 'treatment',
      plannedDate: '2025-02-12',
      windowStart: '2025-02-12',
      windowEnd: '2025-02-12',
      anchor: 'unscheduled',
      anchorDate: '2025-02-12',
      anchorSource: 'actual',
      actualDate: '2025-02-12',
      status: 'done',
      days: 0,
      forms: ['adverse-events'],
      procedures: [],
      doses: [],
      unscheduled: { id: 'u-2', reason: 'headache' },
    });
    expect(visits.find((v) => v.unscheduled?.id === 'u-1')?.epoch).toBe('screening');
  });
});

describe('computeCasebookCalendar: input problems', () => {
  const rules = (protocol: Protocol, input: Partial<CasebookCalendarInput>): [string, string][] => {
    const result = computeCasebookCalendar(protocol, {
      arm: 'a',
      startDate: '2025-01-06',
      recordedVisits: [],
      today: '2025-03-01',
      ...input,
    });
    return result.kind === 'invalid' ? result.problems.map((p) => [p.path.join('.'), p.rule]) : [];
  };

  it('names the field and the rule', () => {
    const protocol = protocolFixture();
    expect(rules(protocol, { arm: 'z' })).toEqual([['arm', 'unknown-arm']]);
    expect(rules(protocol, { today: '2025-02-30' })).toEqual([['today', 'invalid-date']]);
    expect(rules(protocol, { startDate: '2025-03-02' })).toEqual([['startDate', 'date-in-future']]);
    expect(rules(protocol, { knownEvents: { 'first-dose': '2025-13-01' } })).toEqual([
      ['knownEvents.first-dose', 'invalid-date'],
    ]);
    expect(rules(protocol, { knownEvents: { 'previous-dose': '2025-02-01' } as never })).toEqual([
      ['knownEvents.previous-dose', 'invalid-event'],
    ]);
    expect(
      rules(protocol, {
        recordedVisits: [
          { visit: 'nope', actualDate: '2025-01-07' },
          { visit: 'uns', actualDate: '2025-01-07' },
          { visit: 'fu', actualDate: '2025-01-07' },
          { visit: 'fu', occurrence: 3 },
          { visit: 'bx', occurrence: 1.5 },
          { visit: 'd1', actualDate: '2025-03-02' },
          { visit: 'd2', actualDate: '2025-01-05' },
          { visit: 'eos', actualDate: '2025-02-01', missed: true },
          { visit: 'scr', actualDate: '2025-01-06' },
          { visit: 'scr', occurrence: 1, missed: true },
        ],
      }),
    ).toEqual([
      ['recordedVisits.0.visit', 'unknown-visit'],
      ['recordedVisits.1.visit', 'unscheduled-visit'],
      ['recordedVisits.2.occurrence', 'occurrence-required'],
      ['recordedVisits.3.occurrence', 'invalid-occurrence'],
      ['recordedVisits.4.occurrence', 'invalid-occurrence'],
      ['recordedVisits.5.actualDate', 'date-in-future'],
      ['recordedVisits.6.actualDate', 'date-before-start'],
      ['recordedVisits.7.missed', 'missed-with-date'],
      ['recordedVisits.9', 'duplicate-visit'],
    ]);
  });

  it('checks per-arm visits, unscheduled visits and the end of participation', () => {
    const protocol = protocolFixture();
    fixtureVisit(protocol, 'fu').arms = ['b'];
    expect(rules(protocol, { recordedVisits: [{ visit: 'fu', occurrence: 1 }] })).toEqual([
      ['recordedVisits.0.visit', 'visit-not-in-arm'],
    ]);
    expect(
      rules(protocol, {
        unscheduledVisits: [
          { id: 'u', date: '2025-01-01' },
          { id: 'u', date: '2025-01-10' },
          { id: ' ', date: '2025-01-10' },
        ],
        endOfParticipation: { date: '2025-04-01', reason: 'bored' as never },
      }),
    ).toEqual([
      ['unscheduledVisits.0.date', 'date-before-start'],
      ['unscheduledVisits.1.id', 'duplicate-id'],
      ['unscheduledVisits.2.id', 'required'],
      ['endOfParticipation.date', 'date-in-future'],
      ['endOfParticipation.reason', 'invalid-reason'],
    ]);
    const noUnscheduled = { ...protocol, visits: protocol.visits.filter((v) => v.unscheduled !== true) };
    expect(rules(noUnscheduled, { unscheduledVisits: [{ id: 'u', date: '2025-01-10' }] })).toEqual([
      ['unscheduledVisits', 'no-unscheduled-visit'],
    ]);
  });

  it('passes on the protocol’s own anchor problems', () => {
    const protocol = protocolFixture();
    fixtureVisit(protocol, 'bx').anchor = { visit: 'd1' }; // bx → d1 → biopsy at bx: a cycle
    expect(rules(protocol, {}).map(([, rule]) => rule)).toContain('anchor-cycle');
  });
});
