import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeSchedule, type Protocol, type ProtocolScheduleEntry } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { parseProtocolYaml } from './parse-protocol-yaml.js';

const protocolsDir = resolve(import.meta.dirname, '../../../../protocols');

function seed(id: string): Protocol {
  const result = parseProtocolYaml(readFileSync(resolve(protocolsDir, `${id}.yaml`), 'utf8'), id);
  if (result.kind === 'invalid') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.protocol;
}

function calendar(protocol: Protocol, arm?: string): ProtocolScheduleEntry[] {
  const result = computeSchedule(protocol, {
    anchorDate: '2025-01-06',
    ...(arm === undefined ? {} : { arm }),
  });
  if (result.kind === 'invalid') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.entries;
}

const row = (e: ProtocolScheduleEntry): string =>
  `${e.visit}${e.occurrence === undefined ? '' : `#${e.occurrence}`} ${e.date} day ${e.day} [${e.windowStart}..${e.windowEnd}]`;

describe('golden calendars of the seed protocols (consent on Monday 2025-01-06)', () => {
  it('NCT04821479: screening, 6-month run-in, BMA a month before the first of four 3-monthly injections, follow-up to 3 months after the last', () => {
    // Hand computation (offsets from the file, dates counted on a calendar):
    //   scr        consent + 0                       2025-01-06, window +14 → 01-20
    //   run-in-m3  scr + 91 (3 months)               2025-04-07 (Jan 25 + Feb 28 + Mar 31 + 7 = 91), ±14
    //   bma        scr + 152 (5 months)              2025-06-07, ±7
    //   inj-1      bma + 30 = consent + 182          2025-07-07 = study day 0, window 0/+14
    //   interim    inj-1 + 45, +136, +227            2025-08-21, 2025-11-20, 2026-02-19, ±7
    //   inj-2..4   previous dose + 91                2025-10-06 (day 91), 2026-01-05 (182), 2026-04-06 (273), ±14
    //   fu-6w      last dose + 45                    2026-05-21 (day 318), ±7
    //   eos        last dose + 91 (3 months)         2026-07-06 (day 364), ±14
    expect(calendar(seed('nct04821479')).map(row)).toEqual([
      'scr 2025-01-06 day -182 [2025-01-06..2025-01-20]',
      'run-in-m3 2025-04-07 day -91 [2025-03-24..2025-04-21]',
      'bma 2025-06-07 day -30 [2025-05-31..2025-06-14]',
      'inj-1 2025-07-07 day 0 [2025-07-07..2025-07-21]',
      'interim#1 2025-08-21 day 45 [2025-08-14..2025-08-28]',
      'inj-2 2025-10-06 day 91 [2025-09-22..2025-10-20]',
      'interim#2 2025-11-20 day 136 [2025-11-13..2025-11-27]',
      'inj-3 2026-01-05 day 182 [2025-12-22..2026-01-19]',
      'interim#3 2026-02-19 day 227 [2026-02-12..2026-02-26]',
      'inj-4 2026-04-06 day 273 [2026-03-23..2026-04-20]',
      'fu-6w 2026-05-21 day 318 [2026-05-14..2026-05-28]',
      'eos 2026-07-06 day 364 [2026-06-22..2026-07-20]',
    ]);
    const doses = calendar(seed('nct04821479')).filter((e) => e.activities.includes('dose:msc'));
    expect(doses.map((e) => e.visit)).toEqual(['inj-1', 'inj-2', 'inj-3', 'inj-4']);
  });

  it('NCT04745299: 17-week lead-in, injections on day 0 and 26, boosters every 3 months, same calendar in every arm', () => {
    // Hand computation:
    //   p-v0     consent + 0                   2025-01-06 (day -119), window +7
    //   l-v1     p-v0 + 91 (13 weeks)          2025-04-07 (day -28), ±7; randomization and BMA
    //   inj-1    BMA + 28 (4 weeks)            2025-05-05 = day 0 (17 weeks = 119 days after screening)
    //   inj-2    previous dose + 26            2025-05-31 = day 26, ±2
    //   fu-m2    day 61                        2025-07-05
    //   booster  day 122, 213, 304             2025-09-04, 2025-12-04, 2026-03-05 (months 4, 7, 10)
    //   fu-m6    day 183                       2025-11-04 (primary CAFS, group 1)
    //   fu-m9    day 274                       2026-02-03
    //   eos      day 365                       2026-05-05 (primary CAFS, group 2)
    const expected = [
      'p-v0 2025-01-06 day -119 [2025-01-06..2025-01-13]',
      'l-v1 2025-04-07 day -28 [2025-03-31..2025-04-14]',
      'inj-1 2025-05-05 day 0 [2025-05-05..2025-05-12]',
      'inj-2 2025-05-31 day 26 [2025-05-29..2025-06-02]',
      'fu-m2 2025-07-05 day 61 [2025-06-28..2025-07-12]',
      'booster#1 2025-09-04 day 122 [2025-08-28..2025-09-11]',
      'fu-m6 2025-11-04 day 183 [2025-10-28..2025-11-11]',
      'booster#2 2025-12-04 day 213 [2025-11-27..2025-12-11]',
      'fu-m9 2026-02-03 day 274 [2026-01-27..2026-02-10]',
      'booster#3 2026-03-05 day 304 [2026-02-26..2026-03-12]',
      'eos 2026-05-05 day 365 [2026-04-21..2026-05-19]',
    ];
    const protocol = seed('nct04745299');
    expect(calendar(protocol).map(row)).toEqual(expected);
    const dosesOf = (arm: string): string[] =>
      calendar(protocol, arm).flatMap((e) => e.activities.filter((a) => a.startsWith('dose:')));
    for (const arm of ['single-cycle', 'multiple', 'control']) {
      expect(calendar(protocol, arm).map(row)).toEqual(expected);
    }
    const lenz = 'dose:lenzumestrocel';
    expect(dosesOf('multiple')).toEqual([lenz, lenz, lenz, lenz, lenz]);
    expect(dosesOf('single-cycle')).toEqual([lenz, lenz, 'dose:placebo', 'dose:placebo', 'dose:placebo']);
    expect(dosesOf('control')).toEqual(Array(5).fill('dose:placebo'));
    // Without --arm the masked calendar shows neutral dose positions.
    expect(calendar(protocol).filter((e) => e.activities.includes('dose:per-arm'))).toHaveLength(5);
  });

  it('every seed computes a calendar sorted by date whose windows contain their targets', () => {
    for (const id of ['nct03268603', 'nct06360861', 'nct06598202']) {
      const entries = calendar(seed(id));
      expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
      expect(entries.every((e) => e.windowStart <= e.date && e.date <= e.windowEnd)).toBe(true);
      expect(entries.every((e) => !e.assumedAnchor)).toBe(true);
    }
  });
});
