import type {
  AnalysisMessage,
  AnalysisObservation,
  EndpointResult,
  MeanTrajectoryPoint,
} from '@celltrial/contracts';
import { oneSampleTTest, subjectSlopes } from '@celltrial/core';
import { fitGrowth } from './longitudinal-models.js';
import { meanSd, num, problemMessages } from './stats-views.js';

/** The group an observation counts in: its arm, 'unallocated', or 'all' when arms are hidden. */
export const groupOf = (o: { arm: string | null }, blinded: boolean): string =>
  blinded ? 'all' : (o.arm ?? 'unallocated');

interface Cell {
  readonly group: string;
  readonly visitKey: string;
  readonly months: number[];
  readonly values: number[];
}

function cellsOf(
  observations: readonly { group: string; visitKey: string; months: number; value: number }[],
): Cell[] {
  const cells = new Map<string, Cell>();
  for (const o of observations) {
    const key = `${o.group}\u0000${o.visitKey}`;
    const cell = cells.get(key) ?? { group: o.group, visitKey: o.visitKey, months: [], values: [] };
    cell.months.push(o.months);
    cell.values.push(o.value);
    cells.set(key, cell);
  }
  return [...cells.values()].sort(
    (a, b) => a.group.localeCompare(b.group) || meanSd(a.months).mean - meanSd(b.months).mean,
  );
}

/** Mean, SD and 95 % t-interval (core's one-sample t) of a measure per group and visit. */
export function meanTrajectories(
  observations: readonly AnalysisObservation[],
  blinded: boolean,
): MeanTrajectoryPoint[] {
  const out: MeanTrajectoryPoint[] = [];
  for (const measure of [...new Set(observations.map((o) => o.measure))]) {
    const rows = observations
      .filter((o) => o.measure === measure)
      .map((o) => ({ ...o, group: groupOf(o, blinded) }));
    for (const cell of cellsOf(rows)) {
      const t = oneSampleTTest(cell.values);
      const { mean, sd } = meanSd(cell.values);
      out.push({
        measure,
        group: cell.group,
        visitKey: cell.visitKey,
        meanMonths: meanSd(cell.months).mean,
        n: cell.values.length,
        mean,
        sd,
        lower95: num(t.ci95[0]),
        upper95: num(t.ci95[1]),
      });
    }
  }
  return out;
}

/** Change from each participant's first value of the measure, summarised per group and visit, plus the growth LMM. */
export function analyseChange(params: {
  observations: readonly AnalysisObservation[];
  blinded: boolean;
  reference: string | null;
}): { result: EndpointResult; messages: AnalysisMessage[] } {
  const messages: AnalysisMessage[] = [];
  const baseline = new Map<string, AnalysisObservation>();
  for (const o of params.observations) {
    const seen = baseline.get(o.subject);
    if (seen === undefined || o.date < seen.date) {
      baseline.set(o.subject, o);
    }
  }
  const changes = params.observations.flatMap((o) => {
    const base = baseline.get(o.subject);
    return base === undefined || base === o
      ? []
      : [
          {
            group: groupOf(o, params.blinded),
            visitKey: o.visitKey,
            months: o.months,
            value: o.value - base.value,
          },
        ];
  });
  const counts = new Map<string, number>();
  for (const o of params.observations) {
    counts.set(o.subject, (counts.get(o.subject) ?? 0) + 1);
  }
  const onlyBaseline = [...counts].filter(([, n]) => n === 1).map(([s]) => s);
  if (onlyBaseline.length > 0) {
    messages.push({
      level: 'warning',
      text: `${onlyBaseline.length} participant(s) with a baseline value only (${onlyBaseline.join(', ')}): no change to report`,
    });
  }
  const byVisit = cellsOf(changes).map((cell) => {
    const t = oneSampleTTest(cell.values);
    const { mean, sd } = meanSd(cell.values);
    return {
      group: cell.group,
      visitKey: cell.visitKey,
      meanMonths: meanSd(cell.months).mean,
      n: cell.values.length,
      meanChange: mean,
      sdChange: sd,
      lower95: num(t.ci95[0]),
      upper95: num(t.ci95[1]),
    };
  });
  if (byVisit.length === 0) {
    messages.push({
      level: 'error',
      text: 'no post-baseline values: change from baseline cannot be computed',
    });
  }
  const model = fitGrowth(params);
  return {
    result: { kind: 'change-from-baseline', byVisit, lmm: model.lmm },
    messages: [...messages, ...model.messages],
  };
}

/** Per-participant OLS slopes (≥ 2 time points each; the others are named), group summaries and the growth LMM. */
export function analyseSlopes(params: {
  observations: readonly AnalysisObservation[];
  blinded: boolean;
  reference: string | null;
}): { result: EndpointResult; messages: AnalysisMessage[] } {
  const messages: AnalysisMessage[] = [];
  const bySubject = new Map<string, AnalysisObservation[]>();
  for (const o of params.observations) {
    bySubject.set(o.subject, [...(bySubject.get(o.subject) ?? []), o]);
  }
  const usable = [...bySubject].filter(([, points]) => new Set(points.map((p) => p.months)).size >= 2);
  const dropped = [...bySubject.keys()].filter((s) => !usable.some(([u]) => u === s));
  if (dropped.length > 0) {
    messages.push({
      level: 'warning',
      text: `${dropped.length} participant(s) with fewer than 2 time points have no slope (${dropped.join(', ')})`,
    });
  }
  const fit = subjectSlopes(
    usable.flatMap(([, points]) =>
      points.map((p) => ({ subject: p.subject, time: p.months, value: p.value })),
    ),
  );
  if (fit.kind === 'invalid') {
    return { result: { kind: 'none' }, messages: [...messages, ...problemMessages('slopes', fit.problems)] };
  }
  const subjects = fit.subjects.map((s) => {
    const first = bySubject.get(s.subject)?.[0];
    return { ...s, synthetic: first?.synthetic ?? false, arm: first?.arm ?? null };
  });
  const groups = [...new Set(subjects.map((s) => groupOf(s, params.blinded)))].sort().map((group) => {
    const slopes = subjects.filter((s) => groupOf(s, params.blinded) === group).map((s) => s.slope);
    const { mean, sd } = meanSd(slopes);
    return { group, n: slopes.length, meanSlope: mean, sdSlope: sd };
  });
  const model = fitGrowth(params);
  return {
    result: { kind: 'slopes', subjects, groups, lmm: model.lmm },
    messages: [...messages, ...model.messages],
  };
}
