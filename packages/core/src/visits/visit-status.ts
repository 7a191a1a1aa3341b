// The status of one casebook visit from its window, what the site recorded and today's date, and the
// window check the server runs when a visit date is entered (a warning that needs a reason, not a block).
import { daysBetweenIsoDates, isIsoCalendarDate } from '../protocol/iso-date.js';
import type { ProtocolProblem } from '../protocol/protocol-types.js';
import type { CasebookVisit, CasebookVisitStatus } from './casebook-calendar-types.js';

/** The planned date and window of a visit. */
export type VisitWindowDates = Pick<CasebookVisit, 'plannedDate' | 'windowStart' | 'windowEnd'>;

export interface VisitStatusFacts {
  actualDate?: string;
  missed?: boolean;
  today: string;
  /** Date the participant's participation ended, if it has. */
  endDate?: string;
}

/** Days outside a window: negative before `windowStart`, positive after `windowEnd`, 0 within. */
export function daysOutsideWindow(window: VisitWindowDates, date: string): number {
  if (date < window.windowStart) {
    return daysBetweenIsoDates(window.windowStart, date);
  }
  if (date > window.windowEnd) {
    return daysBetweenIsoDates(window.windowEnd, date);
  }
  return 0;
}

/** Status of a visit and the number of days that goes with it (docs/methods/visit-windows.md). */
export function casebookVisitStatus(
  window: VisitWindowDates,
  facts: VisitStatusFacts,
): { status: CasebookVisitStatus; days: number | null } {
  if (facts.actualDate !== undefined) {
    const outside = daysOutsideWindow(window, facts.actualDate);
    return outside === 0
      ? { status: 'done', days: daysBetweenIsoDates(window.plannedDate, facts.actualDate) }
      : { status: 'out-of-window', days: outside };
  }
  if (facts.missed === true) {
    return { status: 'missed', days: null };
  }
  if (facts.endDate !== undefined && window.windowEnd >= facts.endDate) {
    return { status: 'not-expected', days: null };
  }
  if (facts.today < window.windowStart) {
    return { status: 'planned', days: daysBetweenIsoDates(facts.today, window.windowStart) };
  }
  if (facts.today <= window.windowEnd) {
    return { status: 'due', days: daysBetweenIsoDates(facts.today, window.windowEnd) };
  }
  return { status: 'overdue', days: daysBetweenIsoDates(window.windowEnd, facts.today) };
}

export type VisitDateCheck =
  | { kind: 'within-window'; daysFromTarget: number }
  | { kind: 'outside-window'; daysOutside: number; message: string }
  | { kind: 'invalid'; problems: ProtocolProblem[] };

export interface VisitDateCheckOptions {
  /** Today's date: an actual date after it is refused. */
  today?: string;
  /** Name of the input field, for the problem path (default `actualDate`). */
  field?: string;
}

function plural(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * Checks an actual date entered for a visit against its window. Outside the window is an answer, not a
 * problem: the caller asks for a reason (a protocol deviation); impossible or future dates are problems.
 */
export function checkVisitDate(
  visit: VisitWindowDates & Pick<CasebookVisit, 'name'>,
  actualDate: string,
  options: VisitDateCheckOptions = {},
): VisitDateCheck {
  const field = options.field ?? 'actualDate';
  if (!isIsoCalendarDate(actualDate)) {
    return {
      kind: 'invalid',
      problems: [
        { path: [field], rule: 'invalid-date', message: `'${actualDate}' is not a YYYY-MM-DD date` },
      ],
    };
  }
  if (options.today !== undefined && actualDate > options.today) {
    return {
      kind: 'invalid',
      problems: [
        {
          path: [field],
          rule: 'date-in-future',
          message: `${actualDate} is after today (${options.today}); an actual date cannot be in the future`,
        },
      ],
    };
  }
  const outside = daysOutsideWindow(visit, actualDate);
  if (outside === 0) {
    return { kind: 'within-window', daysFromTarget: daysBetweenIsoDates(visit.plannedDate, actualDate) };
  }
  const side = outside < 0 ? 'before' : 'after';
  return {
    kind: 'outside-window',
    daysOutside: outside,
    message:
      `${visit.name} on ${actualDate} is ${plural(Math.abs(outside))} ${side} its window ` +
      `(${visit.windowStart} to ${visit.windowEnd}, planned ${visit.plannedDate}); give a reason`,
  };
}
