import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { addHoursToInstant, formatIsoInstant, MS_PER_HOUR, parseIsoInstant } from './iso-instant.js';

/**
 * Reporting clocks of a serious adverse event, counted from the moment the site became aware of it:
 * - initial SAE report (investigator → sponsor): within 24 hours (ICH E6(R2) 4.11.1 "immediately"; EU CTR
 *   Art. 41(2) "without undue delay but not later than within 24 hours");
 * - SUSAR (sponsor → authorities/ethics): 7 days when fatal or life-threatening, otherwise 15 days (ICH E2A §III.B;
 *   EU CTR Art. 42(2)).
 * Days are counted as whole 24-hour periods from `awarenessAt` (stricter, by up to a day, than reading "day 0 =
 * day of awareness, due by the end of calendar day 7"). docs/methods/adverse-events.md.
 */

/** Hours allowed for the initial SAE report. */
export const SAE_INITIAL_REPORT_HOURS = 24;
/** Hours allowed for a fatal or life-threatening SUSAR (7 days). */
export const SUSAR_FATAL_REPORT_HOURS = 7 * 24;
/** Hours allowed for any other SUSAR (15 days). */
export const SUSAR_OTHER_REPORT_HOURS = 15 * 24;

export interface SaeClockInput {
  /** When the site became aware of the SAE (ISO date-time with offset). */
  readonly awarenessAt: string;
  readonly susar: boolean;
  readonly fatalOrLifeThreatening: boolean;
  readonly initialReportAt?: string | null;
  readonly susarReportAt?: string | null;
  /** The injected clock's current instant (ISO date-time with offset). */
  readonly now: string;
}

interface DeadlineBase {
  readonly report: 'initial' | 'susar';
  /** Due instant, UTC ISO. */
  readonly due: string;
  readonly allowedHours: number;
  readonly explanation: string;
}

/** One deadline; hour counts are unrounded (formatting is the caller's). */
export type ReportingDeadline = DeadlineBase &
  (
    | { readonly status: 'met'; readonly reportedAt: string; readonly hoursToSpare: number }
    | { readonly status: 'late'; readonly reportedAt: string; readonly hoursLate: number }
    | { readonly status: 'pending'; readonly hoursRemaining: number }
    | { readonly status: 'overdue'; readonly hoursOverdue: number }
  );

export type SaeClockResult =
  | {
      readonly kind: 'ok';
      /** awarenessAt as a UTC ISO instant. */
      readonly awarenessAt: string;
      readonly initial: ReportingDeadline;
      /** null when the event is not a SUSAR. */
      readonly susar: ReportingDeadline | null;
    }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Hours for the explanation text only (one decimal); the numeric fields keep the exact value. */
function hoursText(hours: number): string {
  return (Math.round(hours * 10) / 10).toString();
}

function deadline(spec: {
  readonly report: 'initial' | 'susar';
  readonly awareness: number;
  readonly allowedHours: number;
  readonly reportedAt: number | null;
  readonly now: number;
}): ReportingDeadline {
  const due = addHoursToInstant(spec.awareness, spec.allowedHours);
  const what = spec.report === 'initial' ? 'Initial SAE report' : 'SUSAR report';
  const base = { report: spec.report, due: formatIsoInstant(due), allowedHours: spec.allowedHours };
  const dueText = `due ${base.due} (${spec.allowedHours} h after awareness)`;
  if (spec.reportedAt !== null) {
    const reportedAt = formatIsoInstant(spec.reportedAt);
    if (spec.reportedAt <= due) {
      const spare = (due - spec.reportedAt) / MS_PER_HOUR;
      const explanation = `${what} ${dueText}: sent ${reportedAt}, ${hoursText(spare)} h before the deadline`;
      return { ...base, status: 'met', reportedAt, hoursToSpare: spare, explanation };
    }
    const late = (spec.reportedAt - due) / MS_PER_HOUR;
    const explanation = `${what} ${dueText}: sent ${reportedAt}, ${hoursText(late)} h late`;
    return { ...base, status: 'late', reportedAt, hoursLate: late, explanation };
  }
  if (spec.now <= due) {
    const remaining = (due - spec.now) / MS_PER_HOUR;
    const explanation = `${what} ${dueText}: not sent, ${hoursText(remaining)} h remaining`;
    return { ...base, status: 'pending', hoursRemaining: remaining, explanation };
  }
  const overdue = (spec.now - due) / MS_PER_HOUR;
  const explanation = `${what} ${dueText}: not sent, overdue by ${hoursText(overdue)} h`;
  return { ...base, status: 'overdue', hoursOverdue: overdue, explanation };
}

function readInstant(
  problems: ScaleProblem[],
  field: { readonly path: string; readonly value: unknown; readonly required: boolean },
): number | null | undefined {
  const { path, value } = field;
  if (value === undefined || value === null || value === '') {
    if (field.required) {
      problems.push(problem(path, 'required', `${path} is required`));
      return undefined;
    }
    return null;
  }
  const ms = typeof value === 'string' ? parseIsoInstant(value) : null;
  if (ms === null) {
    const message = `${path} must be an ISO date-time with an offset (e.g. 2026-03-02T09:15:00Z), got ${describeValue(value)}`;
    problems.push(problem(path, 'iso-instant', message));
    return undefined;
  }
  return ms;
}

/** Deadlines and their status for the initial SAE report and, for a SUSAR, the expedited report. */
export function seriousAdverseEventClock(input: SaeClockInput): SaeClockResult {
  const problems: ScaleProblem[] = [];
  const awareness = readInstant(problems, { path: 'awarenessAt', value: input.awarenessAt, required: true });
  const now = readInstant(problems, { path: 'now', value: input.now, required: true });
  const initial = readInstant(problems, {
    path: 'initialReportAt',
    value: input.initialReportAt,
    required: false,
  });
  const susar = readInstant(problems, { path: 'susarReportAt', value: input.susarReportAt, required: false });
  if (typeof input.susar !== 'boolean') {
    problems.push(
      problem('susar', 'boolean', `susar must be true or false, got ${describeValue(input.susar)}`),
    );
  }
  if (typeof input.fatalOrLifeThreatening !== 'boolean') {
    const got = describeValue(input.fatalOrLifeThreatening);
    problems.push(
      problem(
        'fatalOrLifeThreatening',
        'boolean',
        `fatalOrLifeThreatening must be true or false, got ${got}`,
      ),
    );
  }
  if (input.susar === false && susar !== null && susar !== undefined) {
    problems.push(
      problem('susarReportAt', 'only-for-susar', 'a SUSAR report time is given but susar is false'),
    );
  }
  if (awareness !== undefined && awareness !== null && now !== undefined && now !== null) {
    if (awareness > now) {
      problems.push(
        problem(
          'awarenessAt',
          'not-in-future',
          `awarenessAt ${input.awarenessAt} is after now (${input.now})`,
        ),
      );
    }
    const reports: [string, number | null | undefined][] = [
      ['initialReportAt', initial],
      ['susarReportAt', susar],
    ];
    for (const [path, at] of reports) {
      if (at !== undefined && at !== null && at < awareness) {
        problems.push(problem(path, 'not-before-awareness', `${path} is before awarenessAt`));
      }
      if (at !== undefined && at !== null && at > now) {
        problems.push(problem(path, 'not-in-future', `${path} is after now`));
      }
    }
  }
  if (
    problems.length > 0 ||
    awareness === undefined ||
    awareness === null ||
    now === undefined ||
    now === null ||
    initial === undefined ||
    susar === undefined
  ) {
    return { kind: 'invalid', problems };
  }
  const susarHours = input.fatalOrLifeThreatening ? SUSAR_FATAL_REPORT_HOURS : SUSAR_OTHER_REPORT_HOURS;
  return {
    kind: 'ok',
    awarenessAt: formatIsoInstant(awareness),
    initial: deadline({
      report: 'initial',
      awareness,
      allowedHours: SAE_INITIAL_REPORT_HOURS,
      reportedAt: initial,
      now,
    }),
    susar: input.susar
      ? deadline({ report: 'susar', awareness, allowedHours: susarHours, reportedAt: susar, now })
      : null,
  };
}
