import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, daysBetweenIsoDates } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol, ProtocolVisit } from '../protocol/protocol-types.js';
import type { CasebookVisit, RecordedVisit } from './casebook-calendar-types.js';
import { computeCasebookCalendar } from './compute-casebook-calendar.js';

const START = '2024-02-26';

interface VisitSpec {
  /** Index of an earlier visit to anchor on, or null for consent. */
  anchorOn: number | null;
  offsetDays: number;
  before: number;
  after: number;
  repeat: { everyDays: number; count: number } | undefined;
}

/** What the site recorded for one occurrence: nothing, missed, or a date (days after the start). */
type RecordSpec = { kind: 'none' } | { kind: 'missed' } | { kind: 'done'; day: number };

const visitSpec = (index: number): fc.Arbitrary<VisitSpec> =>
  fc.record({
    anchorOn:
      index === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: index - 1 }), { nil: null }),
    offsetDays: fc.integer({ min: 0, max: 200 }),
    before: fc.integer({ min: 0, max: 20 }),
    after: fc.integer({ min: 0, max: 20 }),
    repeat: fc.option(
      fc.record({ everyDays: fc.integer({ min: 1, max: 60 }), count: fc.integer({ min: 1, max: 4 }) }),
      { nil: undefined },
    ),
  });

const specs = fc
  .integer({ min: 1, max: 7 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, index) => visitSpec(index))));

function buildProtocol(visitSpecs: VisitSpec[]): Protocol {
  const base = protocolFixture();
  const visits: ProtocolVisit[] = visitSpecs.map((spec, index) => ({
    id: `v${index}`,
    name: `Visit ${index}`,
    epoch: 'treatment',
    anchor: spec.anchorOn === null ? 'consent' : { visit: `v${spec.anchorOn}` },
    offsetDays: spec.offsetDays,
    window: { before: spec.before, after: spec.after },
    ...(spec.repeat === undefined ? {} : { repeat: spec.repeat }),
  }));
  return {
    ...base,
    design: { ...base.design, arms: [{ id: 'a', name: 'A', type: 'experimental' }] },
    administrations: [{ arm: 'a', doses: [] }],
    visits,
  };
}

/** Occurrence keys (`v3#2`) with the key of the occurrence each is anchored on (null: consent). */
function occurrenceAnchors(visitSpecs: VisitSpec[]): Map<string, string | null> {
  const anchors = new Map<string, string | null>();
  visitSpecs.forEach((spec, index) => {
    for (let occurrence = 1; occurrence <= (spec.repeat?.count ?? 1); occurrence += 1) {
      anchors.set(`v${index}#${occurrence}`, spec.anchorOn === null ? null : `v${spec.anchorOn}#1`);
    }
  });
  return anchors;
}

const scenario = specs.chain((visitSpecs) => {
  const keys = [...occurrenceAnchors(visitSpecs).keys()];
  const record: fc.Arbitrary<RecordSpec> = fc.oneof(
    fc.constant<RecordSpec>({ kind: 'none' }),
    fc.constant<RecordSpec>({ kind: 'missed' }),
    fc.integer({ min: 0, max: 1500 }).map((day): RecordSpec => ({ kind: 'done', day })),
  );
  return fc.record({
    visitSpecs: fc.constant(visitSpecs),
    records: fc.tuple(...keys.map(() => record)),
    todayDay: fc.integer({ min: 0, max: 3000 }),
  });
});

function recordedVisits(
  visitSpecs: VisitSpec[],
  records: RecordSpec[],
  shift?: { key: string; days: number },
): RecordedVisit[] {
  const keys = [...occurrenceAnchors(visitSpecs).keys()];
  return keys.flatMap((key, index): RecordedVisit[] => {
    const spec = records[index] ?? { kind: 'none' };
    const [visit = '', occurrence = '1'] = key.split('#');
    if (spec.kind === 'none') {
      return [];
    }
    if (spec.kind === 'missed') {
      return [{ visit, occurrence: Number(occurrence), missed: true }];
    }
    const day = spec.day + (shift?.key === key ? shift.days : 0);
    return [{ visit, occurrence: Number(occurrence), actualDate: addDaysToIsoDate(START, day) }];
  });
}

function calendar(protocol: Protocol, recorded: RecordedVisit[], today: string): Map<string, CasebookVisit> {
  const result = computeCasebookCalendar(protocol, {
    arm: 'a',
    startDate: START,
    recordedVisits: recorded,
    today,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return new Map(result.visits.map((v) => [`${v.visit}#${v.occurrence ?? 1}`, v]));
}

describe('computeCasebookCalendar (properties)', () => {
  it('every window holds its planned date, and unrecorded visits are timed from their anchor’s best date', () => {
    fc.assert(
      fc.property(scenario, ({ visitSpecs, records, todayDay }) => {
        const protocol = buildProtocol(visitSpecs);
        const today = addDaysToIsoDate(START, Math.max(todayDay, 1500));
        const visits = calendar(protocol, recordedVisits(visitSpecs, records), today);
        const anchors = occurrenceAnchors(visitSpecs);
        expect(visits.size).toBe(anchors.size);
        for (const [key, visit] of visits) {
          expect(visit.windowStart <= visit.plannedDate && visit.plannedDate <= visit.windowEnd).toBe(true);
          const spec = visitSpecs[Number(key.slice(1, key.indexOf('#')))];
          expect(daysBetweenIsoDates(visit.windowStart, visit.plannedDate)).toBe(spec?.before);
          expect(daysBetweenIsoDates(visit.plannedDate, visit.windowEnd)).toBe(spec?.after);
          const anchorKey = anchors.get(key) ?? null;
          const anchor = anchorKey === null ? undefined : visits.get(anchorKey);
          const expectedAnchorDate = anchor === undefined ? START : (anchor.actualDate ?? anchor.plannedDate);
          expect(visit.anchorDate).toBe(expectedAnchorDate);
          const step = (Number(key.slice(key.indexOf('#') + 1)) - 1) * (spec?.repeat?.everyDays ?? 0);
          expect(daysBetweenIsoDates(visit.anchorDate, visit.plannedDate)).toBe(
            (spec?.offsetDays ?? 0) + step,
          );
        }
      }),
    );
  });

  it('shifting one actual date by d shifts exactly the visits that hang on it by d', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(),
        fc.integer({ min: -30, max: 30 }),
        ({ visitSpecs, records }, pick, days) => {
          const keys = [...occurrenceAnchors(visitSpecs).keys()];
          const done = keys.filter((_, index) => records[index]?.kind === 'done');
          fc.pre(done.length > 0 && days !== 0);
          const shifted = done[pick % done.length] ?? '';
          const spec = records[keys.indexOf(shifted)];
          fc.pre(spec?.kind === 'done' && spec.day + days >= 0);
          const protocol = buildProtocol(visitSpecs);
          const today = addDaysToIsoDate(START, 2000);
          const before = calendar(protocol, recordedVisits(visitSpecs, records), today);
          const after = calendar(
            protocol,
            recordedVisits(visitSpecs, records, { key: shifted, days }),
            today,
          );
          // Dependents: anchored on the shifted occurrence, directly or through occurrences without an actual date.
          const anchors = occurrenceAnchors(visitSpecs);
          const dated = new Set(done);
          const dependsOnShifted = (key: string): boolean => {
            const anchor = anchors.get(key) ?? null;
            return (
              anchor !== null && (anchor === shifted || (!dated.has(anchor) && dependsOnShifted(anchor)))
            );
          };
          for (const key of keys) {
            const moved = daysBetweenIsoDates(
              before.get(key)?.plannedDate ?? '',
              after.get(key)?.plannedDate ?? '',
            );
            expect([key, moved]).toEqual([key, dependsOnShifted(key) ? days : 0]);
          }
        },
      ),
    );
  });

  it('gives unrecorded visits the status today puts them in', () => {
    fc.assert(
      fc.property(scenario, ({ visitSpecs, records, todayDay }) => {
        const protocol = buildProtocol(visitSpecs);
        const recorded = recordedVisits(visitSpecs, records).filter(
          (r) => r.actualDate === undefined || r.actualDate <= addDaysToIsoDate(START, todayDay),
        );
        const today = addDaysToIsoDate(START, todayDay);
        for (const visit of calendar(protocol, recorded, today).values()) {
          const record = recorded.find(
            (r) => r.visit === visit.visit && r.occurrence === (visit.occurrence ?? 1),
          );
          let expected: string;
          if (record?.actualDate !== undefined) {
            const inWindow = visit.windowStart <= record.actualDate && record.actualDate <= visit.windowEnd;
            expected = inWindow ? 'done' : 'out-of-window';
          } else if (record?.missed === true) {
            expected = 'missed';
          } else if (today < visit.windowStart) {
            expected = 'planned';
          } else {
            expected = today <= visit.windowEnd ? 'due' : 'overdue';
          }
          expect(visit.status).toBe(expected);
        }
      }),
    );
  });
});
