import { boinBoundaryTable } from './boin-boundaries.js';
import { boinDecide } from './boin-decision.js';
import { boinSelectMtd } from './boin-select-mtd.js';
import { designProblem, integerProblems, type DesignProblem } from './design-result.js';
import type {
  BoardCohort,
  BoardDesign,
  BoardDltStatus,
  BoardEngineDecision,
} from './escalation-board-types.js';
import {
  applyThreePlusThreeCohort,
  createThreePlusThreeDesign,
  initialThreePlusThreeState,
} from './three-plus-three.js';

/** The engines behind the escalation board: one "track" per design, stepping cohort by cohort. */

export interface CohortCount {
  readonly evaluable: number;
  readonly dlts: number;
  readonly pending: number;
  readonly notEvaluable: number;
}

export function countCohort(cohort: BoardCohort): CohortCount {
  const count = (status: BoardDltStatus): number =>
    cohort.participants.filter((p) => p.dlt === status).length;
  const yes = count('yes');
  return {
    evaluable: yes + count('no'),
    dlts: yes,
    pending: count('pending'),
    notEvaluable: count('not-evaluable'),
  };
}

/** Engine-specific stepping, shared by the board loop. */
export interface Track {
  readonly cohortSize: number;
  /** Level of the next cohort before any cohort, or an invalid design. */
  readonly start: number;
  apply(level: number, count: CohortCount): { decision: BoardEngineDecision; next: NextStep } | DesignProblem;
  closedFrom(): number | null;
}

export type NextStep =
  | { readonly kind: 'treat'; readonly level: number }
  | { readonly kind: 'stop'; readonly mtd: number | null; readonly reason: string };

export function threePlusThreeTrack(
  design: Extract<BoardDesign, { kind: 'three-plus-three' }>,
  levels: number,
): Track | DesignProblem[] {
  const created = createThreePlusThreeDesign({ ...design, doseLevels: levels });
  if (created.kind === 'invalid') {
    return created.problems.map((p) => ({ ...p, path: `design.${p.path}` }));
  }
  const d = created.value;
  let state = initialThreePlusThreeState(d);
  return {
    cohortSize: d.counts.cohortSize,
    start: d.startLevel,
    closedFrom: () => state.failedFrom,
    apply(level, count) {
      const step = applyThreePlusThreeCohort(d, state, { level, dlts: count.dlts });
      if (step.kind === 'invalid') {
        return step.problems[0] ?? designProblem('cohorts', 'invalid', 'the cohort does not fit the design');
      }
      state = step.value.state;
      const { action } = step.value.decision;
      const next: NextStep =
        action.kind === 'stop'
          ? { kind: 'stop', mtd: action.mtd === 0 ? null : action.mtd, reason: action.reason }
          : { kind: 'treat', level: state.nextLevel ?? level };
      return { decision: { design: 'three-plus-three', decision: step.value.decision }, next };
    },
  };
}

export function boinTrack(
  design: Extract<BoardDesign, { kind: 'boin' }>,
  levels: number,
): Track | DesignProblem[] {
  const table = boinBoundaryTable({ ...design, cohorts: design.maxCohorts });
  const startLevel = design.startLevel ?? 1;
  const problems = integerProblems('design.startLevel', startLevel, { min: 1, max: Math.max(1, levels) });
  if (table.kind === 'invalid') {
    problems.push(
      ...table.problems.map((p) => ({
        ...p,
        path: `design.${p.path === 'cohorts' ? 'maxCohorts' : p.path}`,
      })),
    );
  }
  if (problems.length > 0 || table.kind === 'invalid') {
    return problems;
  }
  const n = new Array<number>(levels).fill(0);
  const y = new Array<number>(levels).fill(0);
  let eliminatedFrom: number | null = null;
  let treatedCohorts = 0;
  let expected = startLevel;
  const select = (): NextStep => {
    const chosen = boinSelectMtd({ ...table.value.settings, patients: n, dlts: y });
    const mtd = chosen.kind === 'ok' ? chosen.value.mtd : null;
    return { kind: 'stop', mtd, reason: 'mtd-selected' };
  };
  return {
    cohortSize: design.cohortSize,
    start: startLevel,
    closedFrom: () => eliminatedFrom,
    apply(level, count) {
      if (treatedCohorts >= design.maxCohorts) {
        return designProblem(
          'cohorts',
          'max-cohorts',
          `the design allows at most ${design.maxCohorts} cohorts`,
        );
      }
      if (level !== expected) {
        return designProblem(
          'level',
          'recommended-level',
          `the cohort must be treated at level ${expected}, got ${level}`,
        );
      }
      n[level - 1] = (n[level - 1] ?? 0) + count.evaluable;
      y[level - 1] = (y[level - 1] ?? 0) + count.dlts;
      treatedCohorts += 1;
      const decision = boinDecide({
        settings: table.value.settings,
        doseLevels: levels,
        level,
        tally: { n: n[level - 1] ?? 0, y: y[level - 1] ?? 0 },
        eliminatedFrom,
        boundaries: table.value.table,
        ...(design.extraSafe === undefined ? {} : { extraSafe: design.extraSafe }),
        ...(design.earlyStopN === undefined ? {} : { earlyStopN: design.earlyStopN }),
      });
      if (decision.kind === 'eliminate') {
        eliminatedFrom = decision.eliminatedFrom;
      }
      let next: NextStep;
      if (decision.kind === 'eliminate' && decision.nextLevel === null) {
        next = { kind: 'stop', mtd: null, reason: 'lowest-dose-eliminated' };
      } else if (decision.nextLevel === null || treatedCohorts >= design.maxCohorts) {
        next = select();
      } else {
        next = { kind: 'treat', level: decision.nextLevel };
        expected = decision.nextLevel;
      }
      return { decision: { design: 'boin', decision }, next };
    },
  };
}

export function summarize(decision: BoardEngineDecision, next: NextStep): string {
  const where =
    next.kind === 'treat' ? `next cohort at level ${next.level}` : `stop (MTD ${next.mtd ?? 'none'})`;
  if (decision.design === 'three-plus-three') {
    const d = decision.decision;
    return `${d.dlts}/${d.patients} with DLT at level ${d.level}: ${d.verdict}, ${d.action.kind}; ${where}`;
  }
  const d = decision.decision;
  return `BOIN ${d.kind} (escalate if ≤ ${d.boundary.escalateIfAtMost}, de-escalate if ≥ ${d.boundary.deescalateIfAtLeast} of ${d.boundary.n}); ${where}`;
}
