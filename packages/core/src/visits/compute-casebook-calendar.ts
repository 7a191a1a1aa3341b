// The participant casebook calendar: every scheduled visit of the participant's arm, planned from the best
// known date of its anchor (an actual date where one is recorded, else the anchor's own planned date), with
// its window and status against today, plus the unscheduled visits. docs/methods/visit-windows.md.
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import type { ArmTimeline, ResolvedOccurrence } from '../protocol/protocol-timeline.js';
import { describeProtocolAnchor, resolveArmTimeline } from '../protocol/protocol-timeline.js';
import type { Protocol, ProtocolProblem } from '../protocol/protocol-types.js';
import type { ProtocolAnchorEvent } from '../protocol/protocol-vocabulary.js';
import { PROTOCOL_DATED_EVENTS } from '../protocol/protocol-vocabulary.js';
import type {
  CasebookAnchorSource,
  CasebookCalendarInput,
  CasebookCalendarResult,
  CasebookVisit,
  RecordedVisit,
} from './casebook-calendar-types.js';
import { checkCasebookInput } from './check-casebook-input.js';
import { casebookVisitStatus } from './visit-status.js';

interface OccurrenceDates {
  plannedDate: string;
  anchorDate: string;
  anchorSource: CasebookAnchorSource;
  /** The date later visits are timed from: the actual date when known, else the planned date. */
  bestDate: string;
  bestSource: CasebookAnchorSource;
}

/** Events whose known date stands for the actual date of the visit where they happen (not `last-dose`). */
const EVENTS_DATING_THEIR_VISIT = PROTOCOL_DATED_EVENTS.filter((event) => event !== 'last-dose');

class CasebookDates {
  private readonly byKey: Map<string, ResolvedOccurrence>;
  private readonly memo = new Map<string, OccurrenceDates>();
  private readonly recorded: Map<string, RecordedVisit>;
  private readonly eventDateOfVisit = new Map<string, string>();
  private readonly known: Partial<Record<string, string>>;
  private readonly input: CasebookCalendarInput;
  private readonly startEvent: ProtocolAnchorEvent;

  constructor(timeline: ArmTimeline, input: CasebookCalendarInput, recorded: Map<string, RecordedVisit>) {
    this.byKey = new Map(timeline.occurrences.map((occurrence) => [occurrence.key, occurrence]));
    this.recorded = recorded;
    this.input = input;
    this.known = input.knownEvents ?? {};
    this.startEvent = timeline.occurrences[0]?.root ?? 'consent';
    for (const event of EVENTS_DATING_THEIR_VISIT) {
      const source = timeline.eventSources[event];
      const date = this.known[event];
      if (source !== undefined && date !== undefined && !this.eventDateOfVisit.has(source)) {
        this.eventDateOfVisit.set(source, date);
      }
    }
  }

  /** The actual date of an occurrence: recorded by the site, else the known date of an event held at it. */
  actualDate(key: string): string | undefined {
    return this.recorded.get(key)?.actualDate ?? this.eventDateOfVisit.get(key);
  }

  of(occurrence: ResolvedOccurrence): OccurrenceDates {
    const cached = this.memo.get(occurrence.key);
    if (cached !== undefined) {
      return cached;
    }
    const anchor = this.anchorOf(occurrence);
    const step = (occurrence.occurrence - 1) * (occurrence.visit.repeat?.everyDays ?? 0);
    const plannedDate = addDaysToIsoDate(anchor.date, (occurrence.visit.offsetDays ?? 0) + step);
    const actual = this.actualDate(occurrence.key);
    const plannedSource = anchor.source === 'assumed' ? 'assumed' : 'planned';
    const dates: OccurrenceDates = {
      plannedDate,
      anchorDate: anchor.date,
      anchorSource: anchor.source,
      bestDate: actual ?? plannedDate,
      bestSource: actual === undefined ? plannedSource : 'actual',
    };
    this.memo.set(occurrence.key, dates);
    return dates;
  }

  private anchorOf(occurrence: ResolvedOccurrence): { date: string; source: CasebookAnchorSource } {
    const anchor = occurrence.visit.anchor ?? 'consent';
    const eventDate = typeof anchor === 'string' ? this.known[anchor] : undefined;
    if (eventDate !== undefined) {
      return { date: eventDate, source: 'actual' };
    }
    const via = occurrence.anchorKey === undefined ? undefined : this.byKey.get(occurrence.anchorKey);
    if (via !== undefined) {
      const dates = this.of(via);
      return { date: dates.bestDate, source: dates.bestSource };
    }
    const rootDate = this.known[occurrence.root];
    const real = rootDate !== undefined || occurrence.root === this.startEvent;
    return {
      date: addDaysToIsoDate(rootDate ?? this.input.startDate, occurrence.anchorOffset),
      source: real ? 'actual' : 'assumed',
    };
  }
}

function recordKey(record: RecordedVisit): string {
  return `${record.visit}#${record.occurrence ?? 1}`;
}

function eventMismatches(timeline: ArmTimeline, input: CasebookCalendarInput): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  for (const event of EVENTS_DATING_THEIR_VISIT) {
    const source = timeline.eventSources[event];
    const date = input.knownEvents?.[event];
    const record = input.recordedVisits.find((candidate) => recordKey(candidate) === source);
    if (date !== undefined && record?.actualDate !== undefined && record.actualDate !== date) {
      problems.push({
        path: ['knownEvents', event],
        rule: 'event-date-mismatch',
        message:
          `${event} is dated ${date} but visit '${record.visit}', where it happens, is recorded on ` +
          `${record.actualDate}; visits timed from ${event} use ${date}, visits timed from the visit use ${record.actualDate}`,
      });
    }
  }
  return problems;
}

function scheduledVisit(
  occurrence: ResolvedOccurrence,
  context: { dates: CasebookDates; timeline: ArmTimeline; input: CasebookCalendarInput },
  record: RecordedVisit | undefined,
): CasebookVisit & { order: number } {
  const { visit } = occurrence;
  const dates = context.dates.of(occurrence);
  const window = visit.window ?? { before: 0, after: 0 };
  const entry = {
    plannedDate: dates.plannedDate,
    windowStart: addDaysToIsoDate(dates.plannedDate, -window.before),
    windowEnd: addDaysToIsoDate(dates.plannedDate, window.after),
  };
  const { status, days } = casebookVisitStatus(entry, {
    today: context.input.today,
    ...(record?.actualDate === undefined ? {} : { actualDate: record.actualDate }),
    ...(record?.missed === true ? { missed: true } : {}),
    ...(context.input.endOfParticipation === undefined
      ? {}
      : { endDate: context.input.endOfParticipation.date }),
  });
  const doses = context.timeline.doseSequence
    .filter((dose) => dose.occurrenceKey === occurrence.key)
    .map((dose) =>
      dose.dose.doseLevel === undefined
        ? dose.dose.intervention
        : `${dose.dose.intervention}@${dose.dose.doseLevel}`,
    );
  return {
    visit: visit.id,
    ...(occurrence.repeating ? { occurrence: occurrence.occurrence } : {}),
    name: occurrence.repeating ? `${visit.name} ${occurrence.occurrence}` : visit.name,
    epoch: visit.epoch,
    ...entry,
    anchor: describeProtocolAnchor(visit.anchor ?? 'consent'),
    anchorDate: dates.anchorDate,
    anchorSource: dates.anchorSource,
    ...(record?.actualDate === undefined ? {} : { actualDate: record.actualDate }),
    status,
    days,
    forms: [...(visit.forms ?? [])],
    procedures: [...(visit.procedures ?? [])],
    doses,
    order: occurrence.visitIndex * 10_000 + occurrence.occurrence,
  };
}

function sortDate(entry: CasebookVisit): string {
  return entry.actualDate ?? entry.plannedDate;
}

/** Unscheduled visits, each in the epoch of the last scheduled visit on or before its date. */
function unscheduledVisits(
  protocol: Protocol,
  input: CasebookCalendarInput,
  scheduled: CasebookVisit[],
): (CasebookVisit & { order: number })[] {
  const definition = protocol.visits.find((visit) => visit.unscheduled === true);
  if (definition === undefined) {
    return [];
  }
  return (input.unscheduledVisits ?? []).map((record, index) => {
    const before = scheduled.filter((entry) => sortDate(entry) <= record.date);
    const epoch = (before[before.length - 1] ?? scheduled[0])?.epoch ?? definition.epoch;
    return {
      visit: definition.id,
      name: definition.name,
      epoch,
      plannedDate: record.date,
      windowStart: record.date,
      windowEnd: record.date,
      anchor: 'unscheduled',
      anchorDate: record.date,
      anchorSource: 'actual',
      actualDate: record.date,
      status: 'done',
      days: 0,
      forms: [...(definition.forms ?? [])],
      procedures: [...(definition.procedures ?? [])],
      doses: [],
      unscheduled: { id: record.id, ...(record.reason === undefined ? {} : { reason: record.reason }) },
      order: Number.MAX_SAFE_INTEGER - (input.unscheduledVisits?.length ?? 0) + index,
    };
  });
}

/**
 * The casebook calendar of one participant: planned dates re-anchored on actual dates, windows, statuses
 * against `today`, and the unscheduled visits; `invalid` with every input problem otherwise.
 */
export function computeCasebookCalendar(
  protocol: Protocol,
  input: CasebookCalendarInput,
): CasebookCalendarResult {
  const inputProblems = checkCasebookInput(protocol, input);
  if (inputProblems.length > 0) {
    return { kind: 'invalid', problems: inputProblems };
  }
  const timeline = resolveArmTimeline(protocol, { arm: input.arm });
  if (timeline.problems.length > 0) {
    return { kind: 'invalid', problems: timeline.problems };
  }
  if (timeline.occurrences.length === 0) {
    return {
      kind: 'invalid',
      problems: [
        { path: ['visits'], rule: 'no-visits', message: `arm '${input.arm}' has no scheduled visit` },
      ],
    };
  }
  const recorded = new Map(input.recordedVisits.map((record) => [recordKey(record), record]));
  const context = { dates: new CasebookDates(timeline, input, recorded), timeline, input };
  const scheduled = timeline.occurrences
    .map((occurrence) => scheduledVisit(occurrence, context, recorded.get(occurrence.key)))
    .sort((a, b) => sortDate(a).localeCompare(sortDate(b)) || a.order - b.order);
  const all = [...scheduled, ...unscheduledVisits(protocol, input, scheduled)].sort(
    (a, b) => sortDate(a).localeCompare(sortDate(b)) || a.order - b.order,
  );
  const visits = all.map(({ order: _order, ...entry }) => entry);
  const problems = eventMismatches(timeline, input);
  return problems.length > 0 ? { kind: 'ok', visits, problems } : { kind: 'ok', visits };
}
