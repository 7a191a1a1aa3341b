import { isIsoCalendarDate, isoDateToDayNumber } from '../protocol/iso-date.js';

/**
 * Dates and datetimes of form items. A date is `YYYY-MM-DD`; a datetime is site-local `YYYY-MM-DDTHH:MM` or
 * `YYYY-MM-DDTHH:MM:SS` without a zone (the server records the site's zone with the save). Years 1900–2100 only:
 * anything else is a typo in a clinical record (0202, 20255).
 */

export const FORM_YEAR_RANGE = { min: 1900, max: 2100 } as const;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_SHAPE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const SECONDS_PER_DAY = 86_400;

/** Why a text is not an accepted date: 'format', 'real-date' (2025-02-30) or 'year-range'. */
export type DateProblem = 'format' | 'real-date' | 'year-range';

/** Checks a date text; null when accepted. */
export function dateProblem(text: string): DateProblem | null {
  if (!DATE_SHAPE.test(text)) {
    return 'format';
  }
  if (!isIsoCalendarDate(text)) {
    return 'real-date';
  }
  const year = Number(text.slice(0, 4));
  return year < FORM_YEAR_RANGE.min || year > FORM_YEAR_RANGE.max ? 'year-range' : null;
}

/** Checks a datetime text; null when accepted ('real-date' also covers 25:00 or minute 60). */
export function datetimeProblem(text: string): DateProblem | null {
  const match = DATETIME_SHAPE.exec(text);
  if (match === null) {
    return 'format';
  }
  const [, date = '', hours = '', minutes = '', seconds = '00'] = match;
  const datePart = dateProblem(date);
  if (datePart !== null) {
    return datePart;
  }
  return Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59 ? 'real-date' : null;
}

/** Day number (days since 1970-01-01) of an accepted date or the date part of an accepted datetime. */
export function dayNumberOf(text: string): number {
  return isoDateToDayNumber(text.slice(0, 10));
}

/** Seconds since 1970-01-01T00:00 (site-local) of an accepted date (midnight) or datetime. */
export function secondsOf(text: string): number {
  const day = dayNumberOf(text);
  const match = DATETIME_SHAPE.exec(text);
  if (match === null) {
    return day * SECONDS_PER_DAY;
  }
  const [, , hours = '0', minutes = '0', seconds = '0'] = match;
  return day * SECONDS_PER_DAY + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** True when the text has a time part (an accepted datetime). */
export function hasTime(text: string): boolean {
  return text.length > 10;
}
