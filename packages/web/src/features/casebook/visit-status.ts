// Labels of a casebook visit's status and the days that go with it (pure, unit-tested).
import type { CASEBOOK_VISIT_STATUSES } from '@celltrial/contracts';

export type VisitStatus = (typeof CASEBOOK_VISIT_STATUSES)[number];

const LABELS: Record<VisitStatus, string> = {
  planned: 'Planned',
  due: 'Due',
  overdue: 'Overdue',
  done: 'Done',
  missed: 'Missed',
  'out-of-window': 'Out of window',
  'not-expected': 'Not expected',
};

export const VISIT_STATUS_COLORS: Record<VisitStatus, string> = {
  planned: 'gray',
  due: 'blue',
  overdue: 'red',
  done: 'green',
  missed: 'orange',
  'out-of-window': 'yellow',
  'not-expected': 'gray',
};

/** Human label of a visit status. */
export function visitStatusLabel(status: VisitStatus): string {
  return LABELS[status];
}

function dayCount(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/**
 * The days of a status as words: days until the window opens (planned), days left in the window (due), days
 * overdue, days outside the window, and a done visit's distance from its target date. Null when there is nothing
 * to say (missed, not expected, or no count from the server).
 */
export function visitDaysText(status: VisitStatus, days: number | null): string | null {
  if (days === null) {
    return null;
  }
  switch (status) {
    case 'planned':
      return days === 0 ? 'window opens today' : `window opens in ${dayCount(days)}`;
    case 'due':
      return days === 0 ? 'last day of the window' : `${dayCount(days)} left`;
    case 'overdue':
      return `${dayCount(days)} overdue`;
    case 'out-of-window':
      return `${dayCount(Math.abs(days))} outside the window`;
    case 'done':
      if (days === 0) {
        return 'on the target date';
      }
      return `${dayCount(Math.abs(days))} ${days > 0 ? 'after' : 'before'} target`;
    case 'missed':
    case 'not-expected':
      return null;
  }
}

/** Whether a date (YYYY-MM-DD) falls outside a visit window; false when the visit has no window. */
export function outsideWindow(
  date: string,
  window: { windowStart: string | null; windowEnd: string | null },
): boolean {
  if (date === '') {
    return false;
  }
  return (
    (window.windowStart !== null && date < window.windowStart) ||
    (window.windowEnd !== null && date > window.windowEnd)
  );
}

/** A visit window as text: `2026-03-01 – 2026-03-15`, one side open, or '—'. */
export function windowText(window: { windowStart: string | null; windowEnd: string | null }): string {
  const { windowStart, windowEnd } = window;
  if (windowStart === null && windowEnd === null) {
    return '—';
  }
  if (windowStart !== null && windowEnd !== null) {
    return windowStart === windowEnd ? windowStart : `${windowStart} – ${windowEnd}`;
  }
  return windowStart === null ? `until ${windowEnd ?? ''}` : `from ${windowStart}`;
}
