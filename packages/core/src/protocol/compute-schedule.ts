// The planned calendar of one participant: every scheduled visit occurrence with its study day, target
// date, window and activities, from the start date (and any event dates already known).
import { addDaysToIsoDate, daysBetweenIsoDates, isIsoCalendarDate } from './iso-date.js';
import type { ResolvedOccurrence } from './protocol-timeline.js';
import { describeProtocolAnchor, resolveAnchorForArm, resolveArmTimeline } from './protocol-timeline.js';
import type { Protocol, ProtocolProblem } from './protocol-types.js';
import type { ProtocolAnchorEvent, ProtocolDatedEvent } from './protocol-vocabulary.js';
import { PROTOCOL_DATED_EVENTS } from './protocol-vocabulary.js';

export interface ProtocolScheduleEntry {
  visit: string;
  name: string;
  /** 1-based occurrence of a repeating visit (absent for visits that do not repeat). */
  occurrence?: number;
  epoch: string;
  /** Study day relative to `studyDay.anchor`, numbered as `studyDay.numbering` says. */
  day: number;
  date: string;
  windowStart: string;
  windowEnd: string;
  /** `dose:<intervention>[@<level>]` (`dose:per-arm` when arms differ), then procedures, then forms. */
  activities: string[];
  /** What the visit is timed from: an event, `visit:<id>` or `procedure:<id>`. */
  anchor: string;
  anchorDate: string;
  /** True when the date rests on an event whose date was not given and was taken from the start date. */
  assumedAnchor: boolean;
}

export interface ProtocolScheduleOptions {
  /** Arm to compute; without it every arm is computed and the calendars must be identical. */
  arm?: string;
  /** Date of the start event (the anchor of the first scheduled visit) and of any other unknown root event. */
  anchorDate: string;
  /** Actual dates already known; a known event replaces the planned date of the visit where it happens. */
  knownDates?: Partial<Record<ProtocolDatedEvent, string>>;
}

export type ProtocolScheduleResult =
  | { kind: 'ok'; arm: string | null; startEvent: ProtocolAnchorEvent; entries: ProtocolScheduleEntry[] }
  | { kind: 'invalid'; problems: ProtocolProblem[] };

interface ArmSchedule {
  startEvent: ProtocolAnchorEvent;
  entries: (ProtocolScheduleEntry & { visitIndex: number })[];
}

function studyDayNumber(diff: number, numbering: Protocol['studyDay']['numbering']): number {
  return numbering === 'day-1' && diff >= 0 ? diff + 1 : diff;
}

function checkDates(options: ProtocolScheduleOptions): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  if (!isIsoCalendarDate(options.anchorDate)) {
    problems.push({
      path: ['anchorDate'],
      rule: 'invalid-date',
      message: `'${options.anchorDate}' is not YYYY-MM-DD`,
    });
  }
  for (const [event, date] of Object.entries(options.knownDates ?? {})) {
    if (!(PROTOCOL_DATED_EVENTS as readonly string[]).includes(event)) {
      problems.push({
        path: ['knownDates', event],
        rule: 'invalid-event',
        message: `'${event}' cannot be given a date`,
      });
    } else if (date === undefined || !isIsoCalendarDate(date)) {
      problems.push({
        path: ['knownDates', event],
        rule: 'invalid-date',
        message: `'${date}' is not YYYY-MM-DD`,
      });
    }
  }
  return problems;
}

function activitiesOf(occurrence: ResolvedOccurrence, doses: string[]): string[] {
  return [...doses, ...(occurrence.visit.procedures ?? []), ...(occurrence.visit.forms ?? [])];
}

function computeArm(
  protocol: Protocol,
  arm: string,
  options: ProtocolScheduleOptions,
): ArmSchedule | ProtocolProblem[] {
  const knownDates = options.knownDates ?? {};
  const knownEvents = new Set(Object.keys(knownDates) as ProtocolDatedEvent[]);
  const timeline = resolveArmTimeline(protocol, { arm, knownEvents });
  const reference = resolveAnchorForArm(protocol, protocol.studyDay.anchor, { arm, knownEvents });
  const problems = [...timeline.problems, ...reference.problems];
  const first = timeline.occurrences[0];
  if (problems.length > 0 || reference.position === null || first === undefined) {
    return problems.length > 0
      ? problems
      : [{ path: ['visits'], rule: 'no-visits', message: `arm '${arm}' has no scheduled visit` }];
  }
  const startEvent = first.root;
  const rootDate = (root: ProtocolAnchorEvent): string =>
    (knownDates as Partial<Record<string, string>>)[root] ?? options.anchorDate;
  const assumed = (root: ProtocolAnchorEvent): boolean =>
    root !== startEvent && (knownDates as Partial<Record<string, string>>)[root] === undefined;
  const referenceDate = addDaysToIsoDate(rootDate(reference.position.root), reference.position.offset);
  const entries = timeline.occurrences.map((occurrence) => {
    const date = addDaysToIsoDate(rootDate(occurrence.root), occurrence.offset);
    const window = occurrence.visit.window ?? { before: 0, after: 0 };
    const doses = timeline.doseSequence
      .filter((dose) => dose.occurrenceKey === occurrence.key)
      .map((dose) => {
        const level = dose.dose.doseLevel === undefined ? '' : `@${dose.dose.doseLevel}`;
        return `dose:${dose.dose.intervention}${level}`;
      });
    return {
      visit: occurrence.visit.id,
      name: occurrence.repeating
        ? `${occurrence.visit.name} ${occurrence.occurrence}`
        : occurrence.visit.name,
      ...(occurrence.repeating ? { occurrence: occurrence.occurrence } : {}),
      epoch: occurrence.visit.epoch,
      day: studyDayNumber(daysBetweenIsoDates(referenceDate, date), protocol.studyDay.numbering),
      date,
      windowStart: addDaysToIsoDate(date, -window.before),
      windowEnd: addDaysToIsoDate(date, window.after),
      activities: activitiesOf(occurrence, doses),
      anchor: occurrence.pinnedTo ?? describeProtocolAnchor(occurrence.visit.anchor ?? 'consent'),
      anchorDate: addDaysToIsoDate(rootDate(occurrence.root), occurrence.anchorOffset),
      assumedAnchor: assumed(occurrence.root),
      visitIndex: occurrence.visitIndex,
    };
  });
  entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.visitIndex - b.visitIndex ||
      (a.occurrence ?? 0) - (b.occurrence ?? 0),
  );
  return { startEvent, entries };
}

function strip(entries: ArmSchedule['entries']): ProtocolScheduleEntry[] {
  return entries.map(({ visitIndex: _visitIndex, ...entry }) => entry);
}

function calendarKey(entry: ProtocolScheduleEntry): string {
  return `${entry.visit}#${entry.occurrence ?? 1}@${entry.date}[${entry.windowStart},${entry.windowEnd}]`;
}

/** Merges identical per-arm calendars; activities that differ between arms become `dose:per-arm`. */
function mergeArms(protocol: Protocol, schedules: Map<string, ArmSchedule>): ProtocolScheduleResult {
  const [firstArm, first] = [...schedules.entries()][0] ?? [];
  if (firstArm === undefined || first === undefined) {
    return { kind: 'invalid', problems: [{ path: ['design', 'arms'], rule: 'no-arms', message: 'no arms' }] };
  }
  const keys = first.entries.map(calendarKey).join('|');
  for (const [arm, schedule] of schedules) {
    if (schedule.entries.map(calendarKey).join('|') !== keys) {
      const arms = protocol.design.arms.map((candidate) => candidate.id).join(', ');
      return {
        kind: 'invalid',
        problems: [
          {
            path: ['arm'],
            rule: 'arm-required',
            message: `arms '${firstArm}' and '${arm}' have different calendars; choose one of: ${arms}`,
          },
        ],
      };
    }
  }
  const entries = strip(first.entries).map((entry, index) => {
    const variants = [...schedules.values()].map((schedule) => schedule.entries[index]?.activities ?? []);
    const doseSets = new Set(
      variants.map((activities) => activities.filter((a) => a.startsWith('dose:')).join(',')),
    );
    if (doseSets.size <= 1) {
      return entry;
    }
    const anyDose = variants.some((activities) => activities.some((a) => a.startsWith('dose:')));
    const rest = entry.activities.filter((activity) => !activity.startsWith('dose:'));
    return { ...entry, activities: anyDose ? ['dose:per-arm', ...rest] : rest };
  });
  return { kind: 'ok', arm: null, startEvent: first.startEvent, entries };
}

/** The planned calendar of one participant, ordered by date (then document order). */
export function computeSchedule(
  protocol: Protocol,
  options: ProtocolScheduleOptions,
): ProtocolScheduleResult {
  const dateProblems = checkDates(options);
  if (dateProblems.length > 0) {
    return { kind: 'invalid', problems: dateProblems };
  }
  const allArms = protocol.design.arms.map((arm) => arm.id);
  if (options.arm !== undefined && !allArms.includes(options.arm)) {
    return {
      kind: 'invalid',
      problems: [
        {
          path: ['arm'],
          rule: 'unknown-arm',
          message: `arm '${options.arm}' is not one of: ${allArms.join(', ')}`,
        },
      ],
    };
  }
  const arms = options.arm === undefined ? allArms : [options.arm];
  const schedules = new Map<string, ArmSchedule>();
  for (const arm of arms) {
    const schedule = computeArm(protocol, arm, options);
    if (Array.isArray(schedule)) {
      return { kind: 'invalid', problems: schedule };
    }
    schedules.set(arm, schedule);
  }
  if (arms.length === 1) {
    const [arm] = arms;
    const schedule = arm === undefined ? undefined : schedules.get(arm);
    if (arm !== undefined && schedule !== undefined) {
      return { kind: 'ok', arm, startEvent: schedule.startEvent, entries: strip(schedule.entries) };
    }
  }
  return mergeArms(protocol, schedules);
}
