/// <reference types="node" />
// The casebook calendar on the real seed protocols (protocols/*.yaml), read with the `yaml` package and checked
// with core's own consistency rules (the zod structure check lives in contracts, which core cannot import).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeSchedule } from '../protocol/compute-schedule.js';
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { findProtocolProblems } from '../protocol/validate-protocol.js';
import type { CasebookCalendarInput, CasebookVisit } from './casebook-calendar-types.js';
import { computeCasebookCalendar } from './compute-casebook-calendar.js';

const SEEDS = ['nct03268603', 'nct04745299', 'nct04821479', 'nct06360861', 'nct06598202'] as const;

function seed(id: (typeof SEEDS)[number]): Protocol {
  const text = readFileSync(new URL(`../../../../protocols/${id}.yaml`, import.meta.url), 'utf8');
  const protocol = parse(text) as Protocol;
  expect(findProtocolProblems(protocol)).toEqual([]);
  return protocol;
}

function casebook(
  protocol: Protocol,
  input: Partial<CasebookCalendarInput> & { arm: string },
): CasebookVisit[] {
  const result = computeCasebookCalendar(protocol, {
    startDate: '2025-01-06',
    recordedVisits: [],
    today: '2027-01-01',
    ...input,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  expect(result.problems).toBeUndefined();
  return result.visits;
}

const label = (v: CasebookVisit): string =>
  `${v.visit}${v.occurrence === undefined ? '' : `#${v.occurrence}`}`;

/** Planned date shift of every visit between two calendars, by visit label. */
function shifts(before: CasebookVisit[], after: CasebookVisit[]): Record<string, number> {
  const planned = new Map(before.map((v) => [label(v), v.plannedDate]));
  return Object.fromEntries(
    after.map((v) => [label(v), daysBetweenIsoDates(planned.get(label(v)) ?? '', v.plannedDate)]),
  );
}

function find(visits: CasebookVisit[], name: string): CasebookVisit {
  const found = visits.find((v) => label(v) === name);
  if (found === undefined) {
    throw new Error(`no ${name}`);
  }
  return found;
}

describe('casebook calendar of the seed protocols', () => {
  it('plans exactly the computeSchedule calendar while nothing is recorded (every seed, every arm)', () => {
    for (const id of SEEDS) {
      const protocol = seed(id);
      for (const arm of protocol.design.arms) {
        const schedule = computeSchedule(protocol, { arm: arm.id, anchorDate: '2025-01-06' });
        if (schedule.kind !== 'ok') {
          throw new Error(JSON.stringify(schedule.problems));
        }
        const visits = casebook(protocol, { arm: arm.id });
        expect(visits.map((v) => [label(v), v.plannedDate, v.windowStart, v.windowEnd])).toEqual(
          schedule.entries.map((e) => [
            `${e.visit}${e.occurrence === undefined ? '' : `#${e.occurrence}`}`,
            e.date,
            e.windowStart,
            e.windowEnd,
          ]),
        );
        expect(visits.every((v) => v.anchorSource !== 'assumed')).toBe(true);
      }
    }
  });

  it('NCT04821479: a late bone marrow aspiration and a late first injection move every later visit', () => {
    const protocol = seed('nct04821479');
    const planned = casebook(protocol, { arm: 'msc' });
    // Planned (contracts/seed-schedules.test.ts): bma 2025-06-07 [05-31..06-14], inj-1 = BMA + 30 = 07-07.
    // The aspiration is done on 06-17: 10 days after its target, 3 days after its window.
    const lateBma = casebook(protocol, {
      arm: 'msc',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-06' },
        { visit: 'run-in-m3', actualDate: '2025-04-09' },
        { visit: 'bma', actualDate: '2025-06-17' },
      ],
    });
    expect(find(lateBma, 'bma')).toMatchObject({ status: 'out-of-window', days: 3 });
    // inj-1 = 06-17 + 30 = 07-17, window 0/+14 → 07-17..07-31, anchored on the actual aspiration.
    expect(find(lateBma, 'inj-1')).toMatchObject({
      plannedDate: '2025-07-17',
      windowStart: '2025-07-17',
      windowEnd: '2025-07-31',
      anchor: 'procedure:bone-marrow-aspiration',
      anchorDate: '2025-06-17',
      anchorSource: 'actual',
    });
    const unmoved = ['scr', 'run-in-m3', 'bma'];
    for (const [visit, shift] of Object.entries(shifts(planned, lateBma))) {
      expect([visit, shift]).toEqual([visit, unmoved.includes(visit) ? 0 : 10]);
    }
    // The first injection is given on 07-20 (3 days into its window): everything timed from it moves 3 more.
    const lateInjection = casebook(protocol, {
      arm: 'msc',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-06' },
        { visit: 'run-in-m3', actualDate: '2025-04-09' },
        { visit: 'bma', actualDate: '2025-06-17' },
        { visit: 'inj-1', actualDate: '2025-07-20' },
      ],
      knownEvents: { 'first-dose': '2025-07-20' },
    });
    expect(find(lateInjection, 'inj-1')).toMatchObject({ status: 'done', days: 3 });
    // interim#1 = 07-20 + 45 = 09-03 (11 days to 07-31, 31 in August, 3 in September);
    // inj-2 = 07-20 + 91 = 10-19 (11 + 31 + 30 + 19); eos = inj-4 + 91 = 07-20 + 364 = 2026-07-19.
    expect(find(lateInjection, 'interim#1')).toMatchObject({
      plannedDate: '2025-09-03',
      anchorSource: 'actual',
    });
    expect(find(lateInjection, 'inj-2')).toMatchObject({ plannedDate: '2025-10-19', anchorSource: 'actual' });
    expect(find(lateInjection, 'eos')).toMatchObject({ plannedDate: '2026-07-19', anchorSource: 'planned' });
    for (const [visit, shift] of Object.entries(shifts(lateBma, lateInjection))) {
      expect([visit, shift]).toEqual([visit, [...unmoved, 'inj-1'].includes(visit) ? 0 : 3]);
    }
  });

  it('NCT04821479: statuses on a given day after a late first injection', () => {
    const visits = casebook(seed('nct04821479'), {
      arm: 'msc',
      today: '2025-09-30',
      recordedVisits: [
        { visit: 'scr', actualDate: '2025-01-06' },
        { visit: 'run-in-m3', missed: true },
        { visit: 'bma', actualDate: '2025-06-17' },
        { visit: 'inj-1', actualDate: '2025-07-20' },
      ],
    });
    expect(visits.slice(0, 7).map((v) => [label(v), v.status, v.days])).toEqual([
      ['scr', 'done', 0],
      ['run-in-m3', 'missed', null],
      ['bma', 'out-of-window', 3],
      ['inj-1', 'done', 3],
      ['interim#1', 'overdue', 20], // 09-03 ± 7 → window closed 09-10; today 09-30
      ['inj-2', 'planned', 5], // 10-19 ± 14 → window opens 10-05
      ['interim#2', 'planned', 57], // 07-20 + 136 = 12-03, − 7 = 11-26; 09-30 → 10-31 is 31, → 11-26 is 57
    ]);
  });

  it('NCT04745299: the aspiration at the lead-in visit times the first injection, which times the rest', () => {
    const protocol = seed('nct04745299');
    const planned = casebook(protocol, { arm: 'multiple' });
    // Planned (contracts/seed-schedules.test.ts): l-v1 2025-04-07 ±7 with the BMA; inj-1 = BMA + 28 = 05-05.
    // L-V1 is done on 04-12 (5 days late, inside the window), where the participant is also randomized.
    const lateLeadIn = casebook(protocol, {
      arm: 'multiple',
      recordedVisits: [
        { visit: 'p-v0', actualDate: '2025-01-08' },
        { visit: 'l-v1', actualDate: '2025-04-12' },
      ],
      knownEvents: { enrollment: '2025-04-12', randomization: '2025-04-12' },
    });
    expect(find(lateLeadIn, 'l-v1')).toMatchObject({ status: 'done', days: 3 }); // planned from p-v0 01-08: 04-09
    // inj-1 = 04-12 + 28 = 05-10 (window 0/+7 → 05-10..05-17); inj-2 = 05-10 + 26 = 06-05.
    expect(find(lateLeadIn, 'inj-1')).toMatchObject({ plannedDate: '2025-05-10', windowEnd: '2025-05-17' });
    expect(find(lateLeadIn, 'inj-2')).toMatchObject({ plannedDate: '2025-06-05', anchor: 'previous-dose' });
    for (const [visit, shift] of Object.entries(shifts(planned, lateLeadIn))) {
      // p-v0 moved nothing (every later visit hangs on l-v1), l-v1 itself is planned from the actual p-v0.
      const expected = { 'p-v0': 0, 'l-v1': 2 }[visit] ?? 5;
      expect([visit, shift]).toEqual([visit, expected]);
    }
    // First injection on 05-12: fu-m2 = 05-12 + 61 = 07-12; booster#1 = 05-12 + 122 = 09-11;
    // eos = 05-12 + 365 = 2026-05-12; inj-2 = 05-12 + 26 = 06-07.
    const injected = casebook(protocol, {
      arm: 'multiple',
      recordedVisits: [
        { visit: 'p-v0', actualDate: '2025-01-08' },
        { visit: 'l-v1', actualDate: '2025-04-12' },
        { visit: 'inj-1', actualDate: '2025-05-12' },
      ],
      knownEvents: { enrollment: '2025-04-12', randomization: '2025-04-12', 'first-dose': '2025-05-12' },
    });
    expect(['fu-m2', 'booster#1', 'eos', 'inj-2'].map((v) => find(injected, v).plannedDate)).toEqual([
      '2025-07-12',
      '2025-09-11',
      '2026-05-12',
      '2025-06-07',
    ]);
    for (const [visit, shift] of Object.entries(shifts(lateLeadIn, injected))) {
      expect([visit, shift]).toEqual([visit, ['p-v0', 'l-v1', 'inj-1'].includes(visit) ? 0 : 2]);
    }
    expect(find(injected, 'booster#2').doses).toEqual(['lenzumestrocel']);
    const singleCycle = casebook(protocol, { arm: 'single-cycle' });
    expect(find(singleCycle, 'booster#2').doses).toEqual(['placebo']);
  });
});
