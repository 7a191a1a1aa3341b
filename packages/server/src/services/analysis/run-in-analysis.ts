import type {
  AnalysisMessage,
  AnalysisObservation,
  EndpointResult,
  RunInSubjectView,
} from '@celltrial/contracts';
import { runInTreatmentSlopes, subjectSlopes, type Observation, type SubjectSlope } from '@celltrial/core';
import { fitPiecewise } from './longitudinal-models.js';
import { num, problemMessages } from './stats-views.js';

export const REGRESSION_TO_THE_MEAN_NOTE =
  'Uncontrolled run-in versus treatment comparison: participants often enrol after a period of fast decline ' +
  '(regression to the mean), and the ALSFRS-R course is curvilinear, so slopes can change without any treatment ' +
  'effect. Read the paired tests together with the piecewise mixed model, and not as evidence of efficacy.';

const distinctTimes = (points: readonly AnalysisObservation[]): number =>
  new Set(points.map((p) => p.months)).size;

/** Splits subjects into those with ≥ 2 distinct times on both sides of month 0 and the others (with a reason). */
function eligibleSubjects(observations: readonly AnalysisObservation[]): {
  eligible: Set<string>;
  excluded: string[];
} {
  const bySubject = new Map<string, AnalysisObservation[]>();
  for (const o of observations) {
    bySubject.set(o.subject, [...(bySubject.get(o.subject) ?? []), o]);
  }
  const eligible = new Set<string>();
  const excluded: string[] = [];
  for (const [subject, points] of bySubject) {
    const pre = distinctTimes(points.filter((p) => p.months <= 0));
    const post = distinctTimes(points.filter((p) => p.months >= 0));
    if (pre >= 2 && post >= 2) {
      eligible.add(subject);
    } else {
      excluded.push(`${subject} (${pre} run-in and ${post} treatment time point(s); 2 each are needed)`);
    }
  }
  return { eligible, excluded };
}

const toCore = (o: AnalysisObservation): Observation => ({
  subject: o.subject,
  time: o.months,
  value: o.value,
});

function linesBySubject(observations: readonly Observation[], window: { from?: number; to?: number }) {
  const fit = subjectSlopes(observations, window);
  return new Map<string, SubjectSlope>(fit.kind === 'ok' ? fit.subjects.map((s) => [s.subject, s]) : []);
}

/**
 * NCT04821479's primary efficacy analysis: per participant the OLS slope over months ≤ 0 (run-in) and ≥ 0
 * (treatment), the paired t-test and Wilcoxon signed-rank test of the change, the share improving ≥ 25 %, and
 * the piecewise mixed model as the model-based estimate.
 */
export function analyseRunIn(params: { observations: readonly AnalysisObservation[]; splitVisit: string }): {
  result: EndpointResult;
  messages: AnalysisMessage[];
} {
  const messages: AnalysisMessage[] = [];
  const { eligible, excluded } = eligibleSubjects(params.observations);
  if (excluded.length > 0) {
    messages.push({
      level: 'warning',
      text: `${excluded.length} participant(s) not in the slope comparison: ${excluded.join('; ')}`,
    });
  }
  const used = params.observations.filter((o) => eligible.has(o.subject));
  if (eligible.size === 0) {
    messages.push({
      level: 'error',
      text: 'no participant has slopes in both the run-in and the treatment period',
    });
    return { result: { kind: 'none' }, messages };
  }
  if (eligible.size < 2) {
    messages.push({
      level: 'warning',
      text: 'one participant: the paired tests need at least 2 and are not given',
    });
  }
  const slopes = runInTreatmentSlopes(used.map(toCore), 0);
  if (slopes.kind === 'invalid') {
    return {
      result: { kind: 'none' },
      messages: [...messages, ...problemMessages('slopes', slopes.problems)],
    };
  }
  const pre = linesBySubject(used.map(toCore), { to: 0 });
  const post = linesBySubject(used.map(toCore), { from: 0 });
  const meta = new Map(used.map((o) => [o.subject, o]));
  const subjects: RunInSubjectView[] = slopes.subjects.map((s) => ({
    subject: s.subject,
    synthetic: meta.get(s.subject)?.synthetic ?? false,
    arm: meta.get(s.subject)?.arm ?? null,
    slopeRunIn: s.slopeRunIn,
    interceptRunIn: pre.get(s.subject)?.intercept ?? Number.NaN,
    slopeTreatment: s.slopeTreatment,
    interceptTreatment: post.get(s.subject)?.intercept ?? Number.NaN,
    change: s.change,
    nRunIn: s.nRunIn,
    nTreatment: s.nTreatment,
    relativeImprovement: s.relativeImprovement,
  }));
  const { summary } = slopes;
  const piecewise = fitPiecewise(params.observations);
  messages.push(...piecewise.messages);
  return {
    result: {
      kind: 'run-in-treatment',
      splitVisit: params.splitVisit,
      subjects,
      summary: {
        nSubjects: summary.nSubjects,
        meanSlopeRunIn: summary.meanSlopeRunIn,
        meanSlopeTreatment: summary.meanSlopeTreatment,
        meanChange: summary.meanChange,
        tTest: {
          n: summary.tTest.n,
          meanDifference: num(summary.tTest.meanDifference),
          sdDifference: num(summary.tTest.sdDifference),
          t: num(summary.tTest.t),
          df: summary.tTest.df,
          p: num(summary.tTest.p),
          ci95: [num(summary.tTest.ci95[0]), num(summary.tTest.ci95[1])],
        },
        wilcoxon: {
          n: summary.wilcoxon.n,
          nZero: summary.wilcoxon.nZero,
          v: summary.wilcoxon.v,
          z: num(summary.wilcoxon.z),
          p: num(summary.wilcoxon.p),
        },
        improved25: num(summary.improved25),
        nImproved25: summary.nImproved25,
        nEvaluable25: summary.nEvaluable25,
      },
      piecewise: piecewise.lmm,
      regressionToTheMeanNote: REGRESSION_TO_THE_MEAN_NOTE,
    },
    messages,
  };
}
