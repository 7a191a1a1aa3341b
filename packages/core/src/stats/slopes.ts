/**
 * Per-participant progression slopes (OLS of the score on time in months) and the run-in versus
 * treatment comparison of NCT04821479 (slope over time ≤ split vs time ≥ split).
 */
import { fitLine } from './ols.js';
import { pairedTTest, wilcoxonSignedRank } from './paired-tests.js';
import type { PairedTTest, SignedRankTest } from './paired-tests.js';
import { invalid } from './problems.js';
import type { StatsProblem, StatsResult } from './problems.js';

/** Days per month used to convert visit days to months (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;

/** Converts days (e.g. from baseline) to months: days / 30.4375. */
export function daysToMonths(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** One measurement of one participant. */
export interface Observation {
  readonly subject: string;
  /** Time in months (from baseline, symptom onset, or the start of treatment — the caller's choice). */
  readonly time: number;
  readonly value: number;
}

/** A participant's OLS slope (points per month) and the number of points used. */
export interface SubjectSlope {
  readonly subject: string;
  readonly slope: number;
  readonly intercept: number;
  readonly n: number;
}

/** Groups observations by subject, in order of first appearance. */
export function groupBySubject(observations: readonly Observation[]): Map<string, Observation[]> {
  const bySubject = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = bySubject.get(o.subject);
    if (list) {
      list.push(o);
    } else {
      bySubject.set(o.subject, [o]);
    }
  }
  return bySubject;
}

function checkFinite(observations: readonly Observation[]): StatsProblem[] {
  const problems: StatsProblem[] = [];
  for (const o of observations) {
    if (!Number.isFinite(o.time) || !Number.isFinite(o.value)) {
      problems.push({
        code: 'not-finite',
        subject: o.subject,
        message: `subject ${o.subject}: time and value must be finite numbers`,
      });
    }
  }
  return problems;
}

type WindowFit =
  { kind: 'ok'; slope: number; intercept: number; n: number } | { kind: 'invalid'; problem: StatsProblem };

function fitWindow(subject: string, points: readonly Observation[], label: string): WindowFit {
  if (points.length < 2) {
    return {
      kind: 'invalid',
      problem: {
        code: 'too-few-points',
        subject,
        message: `subject ${subject}: ${points.length} point(s) ${label}, at least 2 are needed for a slope`,
      },
    };
  }
  const fit = fitLine(
    points.map((p) => p.time),
    points.map((p) => p.value),
  );
  if (fit === null) {
    return {
      kind: 'invalid',
      problem: {
        code: 'degenerate-time',
        subject,
        message: `subject ${subject}: all ${points.length} points ${label} are at the same time`,
      },
    };
  }
  return { kind: 'ok', slope: fit.slope, intercept: fit.intercept, n: fit.n };
}

/** Window of time (months, inclusive) over which slopes are computed. */
export interface SlopeWindow {
  readonly from?: number;
  readonly to?: number;
}

/** One OLS slope per subject over an optional time window; every subject needs ≥ 2 points at ≥ 2 distinct times. */
export function subjectSlopes(
  observations: readonly Observation[],
  window: SlopeWindow = {},
): StatsResult<{ subjects: SubjectSlope[] }> {
  const problems = checkFinite(observations);
  if (problems.length > 0) {
    return invalid(problems);
  }
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  const subjects: SubjectSlope[] = [];
  for (const [subject, points] of groupBySubject(observations)) {
    const inWindow = points.filter((p) => p.time >= from && p.time <= to);
    const fit = fitWindow(subject, inWindow, 'in the window');
    if (fit.kind === 'invalid') {
      problems.push(fit.problem);
    } else {
      subjects.push({ subject, slope: fit.slope, intercept: fit.intercept, n: fit.n });
    }
  }
  return problems.length > 0 ? invalid(problems) : { kind: 'ok', subjects };
}

/** Per-subject run-in and treatment slopes and their difference (treatment − run-in; positive = slower decline). */
export interface RunInSubject {
  readonly subject: string;
  readonly slopeRunIn: number;
  readonly slopeTreatment: number;
  readonly change: number;
  readonly nRunIn: number;
  readonly nTreatment: number;
  /** change / |slopeRunIn|; null when the run-in slope is exactly 0. */
  readonly relativeImprovement: number | null;
}

/** Summary of the run-in versus treatment comparison. */
export interface RunInSummary {
  readonly nSubjects: number;
  readonly meanSlopeRunIn: number;
  readonly meanSlopeTreatment: number;
  readonly meanChange: number;
  readonly t: number;
  readonly df: number;
  readonly pT: number;
  readonly pWilcoxon: number;
  /** Share (0–1) of evaluable subjects whose slope improved by ≥ 25 %: change / |slopeRunIn| ≥ 0.25. */
  readonly improved25: number;
  readonly nImproved25: number;
  /** Subjects with a non-zero run-in slope (the denominator of improved25). */
  readonly nEvaluable25: number;
  readonly tTest: PairedTTest;
  readonly wilcoxon: SignedRankTest;
}

/** Relative slope improvement that counts as a responder (25 %, Petrou et al. 2021). */
export const IMPROVEMENT_THRESHOLD = 0.25;

/**
 * Run-in versus treatment: per subject the OLS slope over time ≤ split and over time ≥ split (a visit at
 * the split belongs to both), their difference, the paired t-test and Wilcoxon signed-rank test.
 */
export function runInTreatmentSlopes(
  observations: readonly Observation[],
  split: number,
): StatsResult<{ subjects: RunInSubject[]; summary: RunInSummary }> {
  const problems = checkFinite(observations);
  if (!Number.isFinite(split)) {
    problems.push({ code: 'invalid-argument', message: 'split must be a finite number of months' });
  }
  if (problems.length > 0) {
    return invalid(problems);
  }
  const subjects: RunInSubject[] = [];
  for (const [subject, points] of groupBySubject(observations)) {
    const runIn = fitWindow(
      subject,
      points.filter((p) => p.time <= split),
      `at or before the split (${split})`,
    );
    const treatment = fitWindow(
      subject,
      points.filter((p) => p.time >= split),
      `at or after the split (${split})`,
    );
    if (runIn.kind === 'invalid' || treatment.kind === 'invalid') {
      for (const f of [runIn, treatment]) {
        if (f.kind === 'invalid') {
          problems.push(f.problem);
        }
      }
      continue;
    }
    const change = treatment.slope - runIn.slope;
    subjects.push({
      subject,
      slopeRunIn: runIn.slope,
      slopeTreatment: treatment.slope,
      change,
      nRunIn: runIn.n,
      nTreatment: treatment.n,
      relativeImprovement: runIn.slope === 0 ? null : change / Math.abs(runIn.slope),
    });
  }
  if (problems.length > 0) {
    return invalid(problems);
  }
  if (subjects.length === 0) {
    return invalid([{ code: 'too-few-subjects', message: 'no subjects in the data' }]);
  }
  return { kind: 'ok', subjects, summary: summarizeRunIn(subjects) };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function summarizeRunIn(subjects: readonly RunInSubject[]): RunInSummary {
  const treatment = subjects.map((s) => s.slopeTreatment);
  const runIn = subjects.map((s) => s.slopeRunIn);
  const tTest = pairedTTest(treatment, runIn);
  const wilcoxon = wilcoxonSignedRank(treatment, runIn);
  const evaluable = subjects.filter((s) => s.relativeImprovement !== null);
  const nImproved25 = evaluable.filter((s) => (s.relativeImprovement ?? 0) >= IMPROVEMENT_THRESHOLD).length;
  return {
    nSubjects: subjects.length,
    meanSlopeRunIn: mean(runIn),
    meanSlopeTreatment: mean(treatment),
    meanChange: mean(subjects.map((s) => s.change)),
    t: tTest.t,
    df: tTest.df,
    pT: tTest.p,
    pWilcoxon: wilcoxon.p,
    improved25: evaluable.length > 0 ? nImproved25 / evaluable.length : Number.NaN,
    nImproved25,
    nEvaluable25: evaluable.length,
    tTest,
    wilcoxon,
  };
}
