// Instants written as ISO 8601 date-times with an explicit offset (`2026-03-02T09:15:00Z`,
// `2026-03-02T10:15+01:00`), parsed by hand into milliseconds since 1970-01-01T00:00Z: no Date objects, no local
// time zone, no lenient parsing (2026-02-30 is refused). A date-time without an offset is refused: its instant
// would depend on where the code runs.
import { dayNumberToIsoDate, isIsoCalendarDate, isoDateToDayNumber } from '../protocol/iso-date.js';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

export const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Milliseconds since 1970-01-01T00:00Z of an ISO date-time with offset, or null when it is not one. */
export function parseIsoInstant(text: string): number | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) {
    return null;
  }
  const [, date, hh, mm, ss, fraction, zone] = match;
  if (date === undefined || zone === undefined || !isIsoCalendarDate(date)) {
    return null;
  }
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss ?? '0')];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return null;
  }
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [offsetHours, offsetMins] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (offsetHours > 23 || offsetMins > 59) {
      return null;
    }
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // Sub-millisecond digits are cut off (an SAE clock has no use for them).
  const millis = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  return (
    isoDateToDayNumber(date) * MS_PER_DAY +
    (hours * 60 + minutes - offsetMinutes) * MS_PER_MINUTE +
    seconds * 1000 +
    millis
  );
}

/** The UTC ISO form `YYYY-MM-DDTHH:MM:SS.sssZ` of an instant in milliseconds (as Date#toISOString writes it). */
export function formatIsoInstant(ms: number): string {
  if (!Number.isInteger(ms)) {
    throw new RangeError(`instant must be whole milliseconds: ${ms}`);
  }
  const day = Math.floor(ms / MS_PER_DAY);
  let rest = ms - day * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  rest -= hours * MS_PER_HOUR;
  const minutes = Math.floor(rest / MS_PER_MINUTE);
  rest -= minutes * MS_PER_MINUTE;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${dayNumberToIsoDate(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${String(millis).padStart(3, '0')}Z`;
}

/** The instant `hours` later (negative: earlier). */
export function addHoursToInstant(ms: number, hours: number): number {
  return ms + hours * MS_PER_HOUR;
}
