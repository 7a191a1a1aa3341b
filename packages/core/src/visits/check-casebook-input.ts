// Checks the input of the casebook calendar: every problem names the field and the rule; nothing is
// dropped or guessed (docs/methods/visit-windows.md, "Input rules").
import { isIsoCalendarDate } from '../protocol/iso-date.js';
import { occurrenceCount, visitAppliesToArm } from '../protocol/protocol-timeline.js';
import type { Protocol, ProtocolProblem } from '../protocol/protocol-types.js';
import { PROTOCOL_DATED_EVENTS } from '../protocol/protocol-vocabulary.js';
import type { CasebookCalendarInput, RecordedVisit } from './casebook-calendar-types.js';
import { END_OF_PARTICIPATION_REASONS } from './casebook-calendar-types.js';

type Path = (string | number)[];

class InputProblems {
  readonly items: ProtocolProblem[] = [];
  private readonly today: string | null;
  private readonly startDate: string | null;

  constructor(input: CasebookCalendarInput) {
    this.today = isIsoCalendarDate(input.today) ? input.today : null;
    this.startDate = isIsoCalendarDate(input.startDate) ? input.startDate : null;
  }

  add(path: Path, rule: string, message: string): void {
    this.items.push({ path, rule, message });
  }

  /** A real calendar date, not after today and (for visits) not before the start date. */
  date(path: Path, date: string, options: { notBeforeStart: boolean }): void {
    if (!isIsoCalendarDate(date)) {
      this.add(path, 'invalid-date', `'${date}' is not a YYYY-MM-DD calendar date`);
    } else if (this.today !== null && date > this.today) {
      this.add(
        path,
        'date-in-future',
        `${date} is after today (${this.today}); actual dates cannot be in the future`,
      );
    } else if (options.notBeforeStart && this.startDate !== null && date < this.startDate) {
      this.add(path, 'date-before-start', `${date} is before the start date ${this.startDate}`);
    }
  }
}

function checkClockAndStart(input: CasebookCalendarInput, problems: InputProblems): void {
  if (!isIsoCalendarDate(input.today)) {
    problems.add(['today'], 'invalid-date', `'${input.today}' is not a YYYY-MM-DD calendar date`);
  }
  problems.date(['startDate'], input.startDate, { notBeforeStart: false });
}

function checkKnownEvents(input: CasebookCalendarInput, problems: InputProblems): void {
  for (const [event, date] of Object.entries(input.knownEvents ?? {})) {
    if (!(PROTOCOL_DATED_EVENTS as readonly string[]).includes(event)) {
      problems.add(
        ['knownEvents', event],
        'invalid-event',
        `'${event}' cannot be given a date; dated events are: ${PROTOCOL_DATED_EVENTS.join(', ')}`,
      );
    } else if (date === undefined) {
      problems.add(['knownEvents', event], 'invalid-date', 'the date is missing');
    } else {
      problems.date(['knownEvents', event], date, { notBeforeStart: false });
    }
  }
}

function checkRecordedVisit(
  protocol: Protocol,
  context: { input: CasebookCalendarInput; problems: InputProblems; index: number },
  record: RecordedVisit,
): void {
  const { input, problems, index } = context;
  const path = ['recordedVisits', index];
  const visit = protocol.visits.find((candidate) => candidate.id === record.visit);
  if (visit === undefined) {
    problems.add(
      [...path, 'visit'],
      'unknown-visit',
      `visit '${record.visit}' is not defined in the protocol`,
    );
  } else if (visit.unscheduled === true || visit.anchor === undefined || visit.offsetDays === undefined) {
    problems.add(
      [...path, 'visit'],
      'unscheduled-visit',
      `visit '${record.visit}' is unscheduled; record it in unscheduledVisits`,
    );
  } else if (!visitAppliesToArm(visit, input.arm)) {
    problems.add(
      [...path, 'visit'],
      'visit-not-in-arm',
      `visit '${record.visit}' is not part of arm '${input.arm}'`,
    );
  } else if (record.occurrence === undefined && visit.repeat !== undefined) {
    problems.add(
      [...path, 'occurrence'],
      'occurrence-required',
      `visit '${record.visit}' repeats; say which occurrence`,
    );
  } else if (record.occurrence !== undefined) {
    const count = occurrenceCount(visit);
    if (!Number.isInteger(record.occurrence) || record.occurrence < 1 || record.occurrence > count) {
      problems.add(
        [...path, 'occurrence'],
        'invalid-occurrence',
        `visit '${record.visit}' has occurrences 1 to ${count}; ${record.occurrence} is not one of them`,
      );
    }
  }
  if (record.actualDate !== undefined) {
    problems.date([...path, 'actualDate'], record.actualDate, { notBeforeStart: true });
    if (record.missed === true) {
      problems.add(
        [...path, 'missed'],
        'missed-with-date',
        'a visit with an actual date cannot also be missed',
      );
    }
  }
}

function checkRecordedVisits(
  protocol: Protocol,
  input: CasebookCalendarInput,
  problems: InputProblems,
): void {
  const seen = new Map<string, number>();
  input.recordedVisits.forEach((record, index) => {
    checkRecordedVisit(protocol, { input, problems, index }, record);
    const key = `${record.visit}#${record.occurrence ?? 1}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
    } else {
      problems.add(
        ['recordedVisits', index],
        'duplicate-visit',
        `visit '${record.visit}' occurrence ${record.occurrence ?? 1} is already recorded at recordedVisits[${first}]`,
      );
    }
  });
}

function checkUnscheduled(protocol: Protocol, input: CasebookCalendarInput, problems: InputProblems): void {
  const records = input.unscheduledVisits ?? [];
  if (records.length > 0 && !protocol.visits.some((visit) => visit.unscheduled === true)) {
    problems.add(['unscheduledVisits'], 'no-unscheduled-visit', 'the protocol defines no unscheduled visit');
  }
  const ids = new Set<string>();
  records.forEach((record, index) => {
    if (record.id.trim() === '') {
      problems.add(['unscheduledVisits', index, 'id'], 'required', 'the id is empty');
    } else if (ids.has(record.id)) {
      problems.add(['unscheduledVisits', index, 'id'], 'duplicate-id', `id '${record.id}' appears twice`);
    }
    ids.add(record.id);
    problems.date(['unscheduledVisits', index, 'date'], record.date, { notBeforeStart: true });
  });
}

function checkEnd(input: CasebookCalendarInput, problems: InputProblems): void {
  const end = input.endOfParticipation;
  if (end === undefined) {
    return;
  }
  problems.date(['endOfParticipation', 'date'], end.date, { notBeforeStart: true });
  if (!(END_OF_PARTICIPATION_REASONS as readonly string[]).includes(end.reason)) {
    problems.add(
      ['endOfParticipation', 'reason'],
      'invalid-reason',
      `'${end.reason}' is not one of: ${END_OF_PARTICIPATION_REASONS.join(', ')}`,
    );
  }
}

/** Every problem of a casebook calendar input (empty when it can be computed). */
export function checkCasebookInput(protocol: Protocol, input: CasebookCalendarInput): ProtocolProblem[] {
  const arms = protocol.design.arms.map((arm) => arm.id);
  if (!arms.includes(input.arm)) {
    return [
      { path: ['arm'], rule: 'unknown-arm', message: `arm '${input.arm}' is not one of: ${arms.join(', ')}` },
    ];
  }
  const problems = new InputProblems(input);
  checkClockAndStart(input, problems);
  checkKnownEvents(input, problems);
  checkRecordedVisits(protocol, input, problems);
  checkUnscheduled(protocol, input, problems);
  checkEnd(input, problems);
  return problems.items;
}
