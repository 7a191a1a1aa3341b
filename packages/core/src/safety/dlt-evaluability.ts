import type { BoardDltStatus } from '../dose-escalation/escalation-board-types.js';
import { addDaysToIsoDate, daysBetweenIsoDates, isIsoCalendarDate } from '../protocol/iso-date.js';
import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';

/**
 * DLT evaluability of one participant in a dose-escalation cohort (design.md §1.1, practice): evaluable when a DLT
 * occurred within the window, or when the window is complete; not evaluable when the participant left before the
 * window ended without a DLT (they are replaced and do not count). The window starts on the first-dose day and
 * ends `windowDays` later: first dose 2026-03-02 with a 14-day window ends 2026-03-16, the day of NCT06598202's
 * "Day 14 — end of the DLT window" visit, and is complete from that day on; a DLT with onset up to and including
 * that day counts. docs/methods/adverse-events.md.
 */

export interface DltEvaluabilityInput {
  readonly firstDoseDate: string;
  readonly windowDays: number;
  /** From the injected clock. */
  readonly today: string;
  /** Date the participant left treatment/follow-up early, if they did. */
  readonly discontinuedDate?: string | null;
  /** The recorded DLT assessment, if any: whether a DLT occurred, and its date (onset, or assessment when none). */
  readonly dltDecision?: { readonly dlt: boolean; readonly date: string } | null;
}

interface Common {
  /** Last day of the DLT window (first dose + windowDays). */
  readonly windowEnd: string;
  readonly explanation: string;
}

export type DltEvaluability =
  | (Common & { readonly kind: 'pending'; readonly daysRemaining: number })
  /** dlt null: the window is complete but no DLT assessment is recorded yet. */
  | (Common & { readonly kind: 'evaluable'; readonly dlt: boolean | null })
  | (Common & { readonly kind: 'not-evaluable' })
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

function checkDate(problems: ScaleProblem[], path: string, value: unknown): value is string {
  if (typeof value === 'string' && isIsoCalendarDate(value)) {
    return true;
  }
  problems.push(
    problem(path, 'iso-date', `${path} must be a date written YYYY-MM-DD, got ${describeValue(value)}`),
  );
  return false;
}

function checkInput(input: DltEvaluabilityInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const first = checkDate(problems, 'firstDoseDate', input.firstDoseDate);
  const today = checkDate(problems, 'today', input.today);
  if (!Number.isInteger(input.windowDays) || input.windowDays < 1) {
    const message = `windowDays must be a whole number of days ≥ 1, got ${describeValue(input.windowDays)}`;
    problems.push(problem('windowDays', 'integer-min-1', message));
  }
  if (first && today && input.today < input.firstDoseDate) {
    problems.push(problem('today', 'not-before-first-dose', `today ${input.today} is before the first dose`));
  }
  const discontinued = input.discontinuedDate;
  if (
    discontinued !== undefined &&
    discontinued !== null &&
    checkDate(problems, 'discontinuedDate', discontinued)
  ) {
    if (first && discontinued < input.firstDoseDate) {
      problems.push(
        problem('discontinuedDate', 'not-before-first-dose', 'discontinuedDate is before the first dose'),
      );
    }
    if (today && discontinued > input.today) {
      problems.push(problem('discontinuedDate', 'not-in-future', 'discontinuedDate is after today'));
    }
  }
  const decision = input.dltDecision;
  if (decision !== undefined && decision !== null) {
    if (typeof decision.dlt !== 'boolean') {
      problems.push(problem('dltDecision.dlt', 'boolean', 'dltDecision.dlt must be true or false'));
    }
    if (checkDate(problems, 'dltDecision.date', decision.date)) {
      if (today && decision.date > input.today) {
        problems.push(problem('dltDecision.date', 'not-in-future', 'dltDecision.date is after today'));
      }
      if (first && decision.date < input.firstDoseDate) {
        problems.push(
          problem('dltDecision.date', 'not-before-first-dose', 'dltDecision.date is before the first dose'),
        );
      }
      const windowValid = Number.isInteger(input.windowDays) && input.windowDays >= 1;
      if (
        first &&
        windowValid &&
        decision.dlt &&
        decision.date > addDaysToIsoDate(input.firstDoseDate, input.windowDays)
      ) {
        problems.push(
          problem(
            'dltDecision.date',
            'dlt-within-window',
            'a DLT must start within the DLT window; later events are not DLTs',
          ),
        );
      }
    }
  }
  return problems;
}

/** Whether a participant counts for the escalation decision, with a one-line explanation. */
export function assessDltEvaluability(input: DltEvaluabilityInput): DltEvaluability {
  const problems = checkInput(input);
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const windowEnd = addDaysToIsoDate(input.firstDoseDate, input.windowDays);
  const window = `DLT window ${input.firstDoseDate} to ${windowEnd} (${input.windowDays} days)`;
  const decision = input.dltDecision ?? null;
  if (decision?.dlt === true) {
    return { kind: 'evaluable', windowEnd, dlt: true, explanation: `${window}: DLT on ${decision.date}` };
  }
  const discontinued = input.discontinuedDate ?? null;
  if (discontinued !== null && discontinued < windowEnd) {
    const explanation = `${window}: left on ${discontinued}, before the window ended, without a DLT — replace`;
    return { kind: 'not-evaluable', windowEnd, explanation };
  }
  if (input.today < windowEnd) {
    const daysRemaining = daysBetweenIsoDates(input.today, windowEnd);
    const note = decision === null ? '' : '; the recorded "no DLT" is provisional until the window ends';
    const explanation = `${window}: open, ${daysRemaining} day(s) to go, no DLT so far${note}`;
    return { kind: 'pending', windowEnd, daysRemaining, explanation };
  }
  if (decision === null) {
    const explanation = `${window}: complete; the DLT assessment is not recorded yet`;
    return { kind: 'evaluable', windowEnd, dlt: null, explanation };
  }
  return { kind: 'evaluable', windowEnd, dlt: false, explanation: `${window}: complete without a DLT` };
}

/**
 * The escalation board's status for an assessment: a DLT → 'yes'; a completed window assessed without a DLT →
 * 'no'; not evaluable → 'not-evaluable'; an open window, or a completed one not yet assessed → 'pending' (the
 * board then refuses to decide the cohort). Throws on an invalid assessment (validate first).
 */
export function toBoardDltStatus(assessment: DltEvaluability): BoardDltStatus {
  switch (assessment.kind) {
    case 'pending':
      return 'pending';
    case 'not-evaluable':
      return 'not-evaluable';
    case 'evaluable':
      if (assessment.dlt === null) {
        return 'pending';
      }
      return assessment.dlt ? 'yes' : 'no';
    case 'invalid':
      throw new RangeError('an invalid DLT assessment has no board status');
  }
}
