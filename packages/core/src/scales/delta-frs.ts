import { describeValue, problem, type ScaleProblem, type ScaleResult } from './scale-result.js';

/**
 * ΔFRS (pre-slope): points lost per month since symptom onset, (48 − ALSFRS-R total) / months
 * (Kimura et al., Neurology 2006; clinical.md §1.2, marked [V]). A month is 365.25 / 12 = 30.4375 days.
 */

/** Days in the month used for ΔFRS: the mean Gregorian month, 365.25 / 12. */
export const DELTA_FRS_DAYS_PER_MONTH = 365.25 / 12;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ΔFRS with the interval it was computed over. */
export interface DeltaFrs extends OnsetInterval {
  /** Points lost per month (positive = decline). */
  readonly deltaFrs: number;
}

/** ΔFRS from a total and a duration in months (months must be > 0; totals are 0–48). */
export function deltaFrsFromMonths(input: {
  readonly total: number;
  readonly monthsSinceOnset: number;
}): number {
  if (!(input.monthsSinceOnset > 0)) {
    throw new Error(`monthsSinceOnset must be > 0, got ${input.monthsSinceOnset}`);
  }
  return (48 - input.total) / input.monthsSinceOnset;
}

/**
 * Parses a calendar date `YYYY-MM-DD` into a day number (days since 1970-01-01), or null when the text is not a
 * real date (e.g. 2023-02-30).
 */
export function parseIsoDateToDayNumber(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** Days and months from symptom onset to assessment (months = days / 30.4375). */
export interface OnsetInterval {
  readonly daysSinceOnset: number;
  readonly monthsSinceOnset: number;
}

/** Checks one optional date field: a problem when present and not a real `YYYY-MM-DD` date. */
export function checkOptionalIsoDate(path: string, value: unknown): ScaleProblem[] {
  if (value === undefined || value === null) {
    return [];
  }
  const parsed = parseDateField(path, value);
  return typeof parsed === 'number' ? [] : [parsed];
}

/** The interval between two `YYYY-MM-DD` dates; problems name the date field and rule. */
export function intervalSinceOnset(input: {
  readonly symptomOnsetDate: unknown;
  readonly assessmentDate: unknown;
}): ScaleResult<OnsetInterval> {
  const onset = parseDateField('symptomOnsetDate', input.symptomOnsetDate);
  const assessment = parseDateField('assessmentDate', input.assessmentDate);
  if (typeof onset !== 'number' || typeof assessment !== 'number') {
    const problems = [onset, assessment].filter(
      (parsed): parsed is ScaleProblem => typeof parsed !== 'number',
    );
    return { kind: 'invalid', problems };
  }
  const daysSinceOnset = assessment - onset;
  if (daysSinceOnset <= 0) {
    const message = `assessmentDate must be after symptomOnsetDate (got ${String(input.assessmentDate)} vs ${String(input.symptomOnsetDate)})`;
    return { kind: 'invalid', problems: [problem('assessmentDate', 'after-symptom-onset', message)] };
  }
  return {
    kind: 'ok',
    value: { daysSinceOnset, monthsSinceOnset: daysSinceOnset / DELTA_FRS_DAYS_PER_MONTH },
  };
}

/** ΔFRS from a total and two calendar dates; problems name the date field and rule. */
export function deltaFrsFromDates(input: {
  readonly total: number;
  readonly symptomOnsetDate: unknown;
  readonly assessmentDate: unknown;
}): ScaleResult<DeltaFrs> {
  const interval = intervalSinceOnset(input);
  if (interval.kind === 'invalid') {
    return interval;
  }
  const deltaFrs = deltaFrsFromMonths({
    total: input.total,
    monthsSinceOnset: interval.value.monthsSinceOnset,
  });
  return { kind: 'ok', value: { deltaFrs, ...interval.value } };
}

function parseDateField(path: string, value: unknown): number | ScaleProblem {
  const day = typeof value === 'string' ? parseIsoDateToDayNumber(value) : null;
  if (day === null) {
    return problem(
      path,
      'iso-date',
      `${path} must be a real calendar date YYYY-MM-DD (got ${describeValue(value)})`,
    );
  }
  return day;
}
