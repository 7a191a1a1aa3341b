import { boinBoundaryTable, type BoinSettingsInput } from './boin-boundaries.js';
import { boinDecide, type BoinDecision, type BoinExtraSafe } from './boin-decision.js';
import { boinSelectMtd } from './boin-select-mtd.js';
import { designProblem, integerProblems, type DesignProblem } from './design-result.js';
import {
  applyThreePlusThreeCohort,
  createThreePlusThreeDesign,
  initialThreePlusThreeState,
  type ThreePlusThreeDecision,
  type ThreePlusThreeDesignInput,
} from './three-plus-three.js';

/**
 * The escalation board as a pure function of plain data: given the design, the dose levels and the ordered cohorts
 * (each participant's DLT yes/no/pending/not evaluable), the decision after every complete cohort and the level of
 * the next cohort. Decisions out of order are refused as values. Methods: docs/methods/three-plus-three.md, boin.md.
 */

/** A participant's DLT assessment; not-evaluable participants are replaced and do not count. */
export type BoardDltStatus = 'yes' | 'no' | 'pending' | 'not-evaluable';

export interface BoardParticipant {
  readonly id: string;
  readonly dlt: BoardDltStatus;
}

/** One cohort as treated: its 1-based dose level and participants. */
export interface BoardCohort {
  readonly level: number;
  readonly participants: readonly BoardParticipant[];
}

export interface BoardDoseLevel {
  readonly label: string;
}

/** The design the board runs. */
export type BoardDesign =
  | ({ readonly kind: 'three-plus-three' } & Omit<ThreePlusThreeDesignInput, 'doseLevels'>)
  | ({ readonly kind: 'boin' } & BoinSettingsInput & {
        readonly cohortSize: number;
        readonly maxCohorts: number;
        readonly startLevel?: number;
        readonly extraSafe?: BoinExtraSafe;
        readonly earlyStopN?: number;
      });

export interface EscalationBoardInput {
  readonly design: BoardDesign;
  /** Dose levels, lowest first; cohorts refer to them by 1-based position. */
  readonly doseLevels: readonly BoardDoseLevel[];
  readonly cohorts: readonly BoardCohort[];
}

/** The engine's decision after a complete cohort. */
export type BoardEngineDecision =
  | { readonly design: 'three-plus-three'; readonly decision: ThreePlusThreeDecision }
  | { readonly design: 'boin'; readonly decision: BoinDecision };

/** One complete cohort on the board. */
export interface BoardCohortRow {
  /** 1-based position of the cohort. */
  readonly cohort: number;
  readonly level: number;
  readonly label: string;
  readonly evaluable: number;
  readonly dlts: number;
  readonly notEvaluable: number;
  /** Patients and DLTs at this level after this cohort. */
  readonly levelPatients: number;
  readonly levelDlts: number;
  readonly decision: BoardEngineDecision;
  /** Short human-readable account of the decision. */
  readonly summary: string;
}

/** Totals per dose level. */
export interface BoardLevelRow {
  readonly level: number;
  readonly label: string;
  readonly patients: number;
  readonly dlts: number;
  /** Excluded from further treatment: exceeded the MTD (3+3) or eliminated (BOIN). */
  readonly closed: boolean;
}

/** What comes next: a cohort at a level, or the end with the MTD (null: no acceptable dose). */
export type BoardNext =
  | { readonly kind: 'treat'; readonly level: number; readonly label: string; readonly participants: number }
  | {
      readonly kind: 'stop';
      readonly mtd: number | null;
      readonly mtdLabel: string | null;
      readonly reason: string;
    };

/** Why a decision cannot be made yet for the latest cohort. */
export type BoardRefusal = 'cohort-incomplete' | 'dlt-pending';

export type EscalationBoardResult =
  | {
      readonly kind: 'ready';
      readonly rows: readonly BoardCohortRow[];
      readonly levels: readonly BoardLevelRow[];
      readonly next: BoardNext;
    }
  | {
      readonly kind: 'refused';
      readonly reason: BoardRefusal;
      /** 1-based position of the cohort that blocks the decision. */
      readonly cohort: number;
      readonly message: string;
      readonly evaluable: number;
      readonly pending: number;
      readonly required: number;
      /** The board up to the previous cohort, and the level the blocking cohort is treated at. */
      readonly rows: readonly BoardCohortRow[];
      readonly levels: readonly BoardLevelRow[];
      readonly currentLevel: number;
    }
  | { readonly kind: 'invalid'; readonly problems: readonly DesignProblem[] };

interface CohortCount {
  readonly evaluable: number;
  readonly dlts: number;
  readonly pending: number;
  readonly notEvaluable: number;
}

function countCohort(cohort: BoardCohort): CohortCount {
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

const DLT_STATUSES: readonly BoardDltStatus[] = ['yes', 'no', 'pending', 'not-evaluable'];

function structureProblems(input: EscalationBoardInput, cohortSize: number): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (input.doseLevels.length === 0) {
    problems.push(designProblem('doseLevels', 'non-empty', 'doseLevels needs at least one dose level'));
  }
  const seen = new Set<string>();
  input.cohorts.forEach((cohort, i) => {
    const path = `cohorts[${i}]`;
    problems.push(
      ...integerProblems(`${path}.level`, cohort.level, { min: 1, max: input.doseLevels.length }),
    );
    cohort.participants.forEach((p, j) => {
      if (seen.has(p.id)) {
        problems.push(
          designProblem(
            `${path}.participants[${j}].id`,
            'unique',
            `participant ${p.id} appears in more than one place`,
          ),
        );
      }
      seen.add(p.id);
      if (!DLT_STATUSES.includes(p.dlt)) {
        problems.push(
          designProblem(
            `${path}.participants[${j}].dlt`,
            'one-of',
            `dlt must be one of ${DLT_STATUSES.join(', ')}`,
          ),
        );
      }
    });
    const counted = countCohort(cohort);
    if (counted.evaluable + counted.pending > cohortSize) {
      problems.push(
        designProblem(
          `${path}.participants`,
          'cohort-size',
          `cohort ${i + 1} has ${counted.evaluable + counted.pending} evaluable or pending participants; the cohort size is ${cohortSize}`,
        ),
      );
    }
    if (i < input.cohorts.length - 1 && (counted.evaluable < cohortSize || counted.pending > 0)) {
      problems.push(
        designProblem(
          `${path}`,
          'decided-in-order',
          `cohort ${i + 1} is not complete and assessed, so cohort ${i + 2} cannot have started`,
        ),
      );
    }
  });
  return problems;
}

/** Engine-specific stepping, shared by the board loop. */
interface Track {
  readonly cohortSize: number;
  /** Level of the next cohort before any cohort, or an invalid design. */
  readonly start: number;
  apply(level: number, count: CohortCount): { decision: BoardEngineDecision; next: NextStep } | DesignProblem;
  closedFrom(): number | null;
}

type NextStep =
  | { readonly kind: 'treat'; readonly level: number }
  | { readonly kind: 'stop'; readonly mtd: number | null; readonly reason: string };

function threePlusThreeTrack(
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

function boinTrack(design: Extract<BoardDesign, { kind: 'boin' }>, levels: number): Track | DesignProblem[] {
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

function summarize(decision: BoardEngineDecision, next: NextStep): string {
  const where =
    next.kind === 'treat' ? `next cohort at level ${next.level}` : `stop (MTD ${next.mtd ?? 'none'})`;
  if (decision.design === 'three-plus-three') {
    const d = decision.decision;
    return `${d.dlts}/${d.patients} with DLT at level ${d.level}: ${d.verdict}, ${d.action.kind}; ${where}`;
  }
  const d = decision.decision;
  return `BOIN ${d.kind} (escalate if ≤ ${d.boundary.escalateIfAtMost}, de-escalate if ≥ ${d.boundary.deescalateIfAtLeast} of ${d.boundary.n}); ${where}`;
}

/**
 * Computes the escalation board. Returns `refused` when the latest cohort is incomplete or has pending DLT
 * assessments, `invalid` when the cohorts contradict the design (wrong level, too many participants, a cohort after
 * the end, an earlier cohort still open).
 */
export function escalationBoard(input: EscalationBoardInput): EscalationBoardResult {
  const levels = input.doseLevels.length;
  const track =
    input.design.kind === 'three-plus-three'
      ? threePlusThreeTrack(input.design, levels)
      : boinTrack(input.design, levels);
  if (Array.isArray(track)) {
    return { kind: 'invalid', problems: track };
  }
  const structural = structureProblems(input, track.cohortSize);
  if (structural.length > 0) {
    return { kind: 'invalid', problems: structural };
  }
  const label = (level: number): string => input.doseLevels[level - 1]?.label ?? `level ${level}`;
  const patients = new Array<number>(levels).fill(0);
  const dlts = new Array<number>(levels).fill(0);
  const rows: BoardCohortRow[] = [];
  const levelRows = (): BoardLevelRow[] =>
    input.doseLevels.map((dose, i) => {
      const closedFrom = track.closedFrom();
      return {
        level: i + 1,
        label: dose.label,
        patients: patients[i] ?? 0,
        dlts: dlts[i] ?? 0,
        closed: closedFrom !== null && i + 1 >= closedFrom,
      };
    });
  let next: NextStep = { kind: 'treat', level: track.start };
  for (const [i, cohort] of input.cohorts.entries()) {
    if (next.kind === 'stop') {
      return invalidAt(
        i,
        'escalation-open',
        `cohort ${i + 1}: the escalation has stopped; no further cohort is allowed`,
      );
    }
    const count = countCohort(cohort);
    if (count.evaluable < track.cohortSize || count.pending > 0) {
      const reason: BoardRefusal = count.pending > 0 ? 'dlt-pending' : 'cohort-incomplete';
      if (cohort.level !== next.level) {
        return invalidAt(
          i,
          'recommended-level',
          `cohort ${i + 1} must be treated at level ${next.level}, got ${cohort.level}`,
        );
      }
      const message =
        reason === 'dlt-pending'
          ? `cohort ${i + 1}: ${count.pending} DLT assessment(s) pending; no decision until all are signed`
          : `cohort ${i + 1}: ${count.evaluable} of ${track.cohortSize} evaluable participants; no decision until the cohort is complete`;
      return {
        kind: 'refused',
        reason,
        cohort: i + 1,
        message,
        evaluable: count.evaluable,
        pending: count.pending,
        required: track.cohortSize,
        rows,
        levels: levelRows(),
        currentLevel: cohort.level,
      };
    }
    const step = track.apply(cohort.level, count);
    if (!('decision' in step)) {
      return {
        kind: 'invalid',
        problems: [
          { ...step, path: `cohorts[${i}].${step.path}`, message: `cohort ${i + 1}: ${step.message}` },
        ],
      };
    }
    patients[cohort.level - 1] = (patients[cohort.level - 1] ?? 0) + count.evaluable;
    dlts[cohort.level - 1] = (dlts[cohort.level - 1] ?? 0) + count.dlts;
    next = step.next;
    rows.push({
      cohort: i + 1,
      level: cohort.level,
      label: label(cohort.level),
      evaluable: count.evaluable,
      dlts: count.dlts,
      notEvaluable: count.notEvaluable,
      levelPatients: patients[cohort.level - 1] ?? 0,
      levelDlts: dlts[cohort.level - 1] ?? 0,
      decision: step.decision,
      summary: summarize(step.decision, step.next),
    });
  }
  const boardNext: BoardNext =
    next.kind === 'treat'
      ? { kind: 'treat', level: next.level, label: label(next.level), participants: track.cohortSize }
      : {
          kind: 'stop',
          mtd: next.mtd,
          mtdLabel: next.mtd === null ? null : label(next.mtd),
          reason: next.reason,
        };
  return { kind: 'ready', rows, levels: levelRows(), next: boardNext };
}

function invalidAt(index: number, rule: string, message: string): EscalationBoardResult {
  return { kind: 'invalid', problems: [designProblem(`cohorts[${index}]`, rule, message)] };
}
