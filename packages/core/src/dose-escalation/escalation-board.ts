import { designProblem, integerProblems, type DesignProblem } from './design-result.js';
import {
  boinTrack,
  countCohort,
  summarize,
  threePlusThreeTrack,
  type NextStep,
} from './escalation-board-tracks.js';
import type {
  BoardCohortRow,
  BoardDltStatus,
  BoardLevelRow,
  BoardNext,
  BoardRefusal,
  EscalationBoardInput,
  EscalationBoardResult,
} from './escalation-board-types.js';

/**
 * The escalation board as a pure function of plain data: given the design, the dose levels and the ordered cohorts
 * (each participant's DLT yes/no/pending/not evaluable), the decision after every complete cohort and the level of
 * the next cohort. Decisions out of order are refused as values. Methods: docs/methods/three-plus-three.md, boin.md.
 */

export type * from './escalation-board-types.js';

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
