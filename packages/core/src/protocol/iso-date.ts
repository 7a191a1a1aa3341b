// Calendar arithmetic on ISO `YYYY-MM-DD` dates as whole UTC days (proleptic Gregorian calendar), in pure
// integer code: no Date objects, no time zones, no daylight-saving surprises. Day number 0 is 1970-01-01.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_PER_400_YEARS = 146097;

/** Days in a month of a (proleptic Gregorian) year. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the text is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isIsoCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whole days from 1970-01-01 to the date; throws on a malformed date (callers validate input first). */
export function isoDateToDayNumber(text: string): number {
  if (!isIsoCalendarDate(text)) {
    throw new RangeError(`not an ISO calendar date (YYYY-MM-DD): ${text}`);
  }
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  // Count from 0000-03-01 so that the leap day is the last day of the counting year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - 719468;
}

/** The ISO date of a day number (inverse of `isoDateToDayNumber`). */
export function dayNumberToIsoDate(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(`day number must be an integer: ${dayNumber}`);
  }
  const z = dayNumber + 719468;
  const era = Math.floor(z / DAYS_PER_400_YEARS);
  const dayOfEra = z - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date `days` whole days after (negative: before) an ISO date. */
export function addDaysToIsoDate(date: string, days: number): string {
  return dayNumberToIsoDate(isoDateToDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetweenIsoDates(from: string, to: string): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/** Average Gregorian month in days (365.25 / 12); the protocol format's month-to-day convention. */
export const PROTOCOL_DAYS_PER_MONTH = 30.4375;

/** Whole days for a number of months, rounded half up (1 → 30, 3 → 91, 6 → 183, 12 → 365). */
export function monthsToStudyDays(months: number): number {
  return Math.floor(months * PROTOCOL_DAYS_PER_MONTH + 0.5);
}
