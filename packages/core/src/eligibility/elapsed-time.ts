// Elapsed time between two ISO dates in the rule language's units (docs/eligibility-rules.md, "Time"):
// days are whole calendar days; a week is 7 days; a month is 30.4375 days (365.25 / 12, as ΔFRS and the
// protocol format use); a year is a calendar year — anniversaries, so that "exactly 2 years" falls on the same
// calendar date two years later, and age in completed years is the floor of `elapsedYears(birthDate, date)`.
import { daysBetweenIsoDates, isoDateToDayNumber } from '../protocol/iso-date.js';
import { ELIGIBILITY_DAYS_PER_MONTH, type DurationUnit } from './rule-vocabulary.js';

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day number of the `years`-th anniversary of `date`; a 29 February anniversary falls on 1 March in common years. */
function anniversaryDayNumber(date: string, years: number): number {
  const [year, month, day] = parts(date);
  const target = year + years;
  const iso = (m: number, d: number): string =>
    `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (month === 2 && day === 29 && !isLeapYear(target)) {
    return isoDateToDayNumber(iso(3, 1));
  }
  return isoDateToDayNumber(iso(month, day));
}

/** Whole calendar years from `from` to `to` (age in completed years when `from` is the birth date); to ≥ from. */
export function completedYears(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return ty - fy - (beforeAnniversary ? 1 : 0);
}

/**
 * Calendar years from `from` to `to`: completed years plus the elapsed fraction of the current year (days since
 * the last anniversary / days between the last and the next). Exactly N on the N-th anniversary; negative when
 * `to` is before `from`.
 */
export function elapsedYears(from: string, to: string): number {
  if (daysBetweenIsoDates(from, to) < 0) {
    return -elapsedYears(to, from);
  }
  const whole = completedYears(from, to);
  const last = anniversaryDayNumber(from, whole);
  const next = anniversaryDayNumber(from, whole + 1);
  return whole + (isoDateToDayNumber(to) - last) / (next - last);
}

/** Elapsed time from `from` to `to` in a unit (negative when `to` is earlier). */
export function elapsedTime(from: string, to: string, unit: DurationUnit): number {
  const days = daysBetweenIsoDates(from, to);
  switch (unit) {
    case 'days':
      return days;
    case 'weeks':
      return days / 7;
    case 'months':
      return days / ELIGIBILITY_DAYS_PER_MONTH;
    case 'years':
      return elapsedYears(from, to);
  }
}

/** Age in completed years at a date (the birthday counts; born 29 February → older on 1 March in common years). */
export function ageInYears(birthDate: string, atDate: string): number {
  return completedYears(birthDate, atDate);
}
