import { describe, expect, it } from 'vitest';
import {
  escalationBoard,
  type BoardCohort,
  type BoardDltStatus,
  type EscalationBoardInput,
} from './escalation-board.js';

// NCT06598202 Part 1 uses three ascending dose cohorts with 3+3 rules; labels here are illustrative.
const doseLevels = [{ label: 'low' }, { label: 'mid' }, { label: 'high' }];
let nextId = 0;
function cohort(level: number, ...dlts: BoardDltStatus[]): BoardCohort {
  return { level, participants: dlts.map((dlt) => ({ id: `p${++nextId}`, dlt })) };
}
const threePlusThree = (cohorts: BoardCohort[]): EscalationBoardInput => ({
  design: { kind: 'three-plus-three' },
  doseLevels,
  cohorts,
});

describe('escalationBoard: 3+3', () => {
  it('starts at the start level with no decision yet', () => {
    const board = escalationBoard(threePlusThree([]));
    expect(board).toMatchObject({
      kind: 'ready',
      rows: [],
      next: { kind: 'treat', level: 1, label: 'low', participants: 3 },
    });
  });

  it('runs three cohorts to an MTD (0/3 → escalate, 0/3 → escalate, 2/3 → MTD = mid)', () => {
    const board = escalationBoard(
      threePlusThree([
        cohort(1, 'no', 'no', 'no'),
        cohort(2, 'no', 'no', 'no'),
        cohort(3, 'yes', 'no', 'yes'),
      ]),
    );
    expect(board.kind).toBe('ready');
    if (board.kind !== 'ready') {
      return;
    }
    expect(
      board.rows.map((r) => r.decision.design === 'three-plus-three' && r.decision.decision.action.kind),
    ).toEqual(['escalate', 'escalate', 'stop']);
    expect(board.next).toEqual({ kind: 'stop', mtd: 2, mtdLabel: 'mid', reason: 'next-dose-exceeds-mtd' });
    expect(board.levels.map((l) => [l.patients, l.dlts, l.closed])).toEqual([
      [3, 0, false],
      [3, 0, false],
      [3, 2, true],
    ]);
    expect(board.rows[2]?.summary).toContain('2/3');
  });

  it('changes the decision when a DLT is recorded (1/3 → expand to 6 at the same level)', () => {
    const before = escalationBoard(threePlusThree([cohort(1, 'no', 'no', 'no')]));
    const after = escalationBoard(threePlusThree([cohort(1, 'no', 'yes', 'no')]));
    expect(before).toMatchObject({ kind: 'ready', next: { kind: 'treat', level: 2 } });
    expect(after).toMatchObject({ kind: 'ready', next: { kind: 'treat', level: 1 } });
  });

  it('replaces non-evaluable participants: they neither count nor block', () => {
    const board = escalationBoard(threePlusThree([cohort(1, 'no', 'not-evaluable', 'no', 'no')]));
    expect(board).toMatchObject({ kind: 'ready', next: { kind: 'treat', level: 2 } });
    expect(board.kind === 'ready' && board.rows[0]?.notEvaluable).toBe(1);
  });

  it('refuses a decision while DLT assessments are pending', () => {
    const board = escalationBoard(threePlusThree([cohort(1, 'no', 'pending', 'no')]));
    expect(board).toMatchObject({
      kind: 'refused',
      reason: 'dlt-pending',
      cohort: 1,
      pending: 1,
      evaluable: 2,
      required: 3,
      currentLevel: 1,
      rows: [],
    });
  });

  it('refuses a decision for an incomplete cohort, keeping the earlier rows', () => {
    const board = escalationBoard(threePlusThree([cohort(1, 'no', 'no', 'no'), cohort(2, 'no', 'no')]));
    expect(board).toMatchObject({ kind: 'refused', reason: 'cohort-incomplete', cohort: 2, evaluable: 2 });
    expect(board.kind === 'refused' && board.rows).toHaveLength(1);
  });

  it('rejects a later cohort while an earlier one is still open', () => {
    const board = escalationBoard(
      threePlusThree([cohort(1, 'no', 'pending', 'no'), cohort(2, 'no', 'no', 'no')]),
    );
    expect(board).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'cohorts[0]', rule: 'decided-in-order' }],
    });
  });

  it('rejects a cohort at a level the rules did not recommend, and a cohort after the stop', () => {
    expect(
      escalationBoard(threePlusThree([cohort(1, 'no', 'no', 'no'), cohort(3, 'no', 'no', 'no')])),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'cohorts[1].level', rule: 'recommended-level' }],
    });
    const stopped = [cohort(1, 'yes', 'yes', 'no'), cohort(1, 'no', 'no', 'no')];
    expect(escalationBoard(threePlusThree(stopped))).toMatchObject({
      kind: 'invalid',
      problems: [{ rule: 'escalation-open' }],
    });
  });

  it('rejects too many participants, unknown levels and duplicate participants', () => {
    expect(escalationBoard(threePlusThree([cohort(1, 'no', 'no', 'no', 'no')]))).toMatchObject({
      kind: 'invalid',
      problems: [{ rule: 'cohort-size' }],
    });
    expect(escalationBoard(threePlusThree([cohort(4, 'no')]))).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'cohorts[0].level' }],
    });
    const dup = {
      level: 1,
      participants: [
        { id: 'a', dlt: 'no' as const },
        { id: 'a', dlt: 'no' as const },
      ],
    };
    expect(escalationBoard(threePlusThree([dup]))).toMatchObject({
      kind: 'invalid',
      problems: [{ rule: 'unique' }],
    });
  });

  it('reports an invalid design with its path', () => {
    const board = escalationBoard({
      design: { kind: 'three-plus-three', startLevel: 5 },
      doseLevels,
      cohorts: [],
    });
    expect(board).toMatchObject({ kind: 'invalid', problems: [{ path: 'design.startLevel' }] });
  });
});

describe('escalationBoard: BOIN', () => {
  const boin = (cohorts: BoardCohort[]): EscalationBoardInput => ({
    design: { kind: 'boin', target: 0.3, cohortSize: 3, maxCohorts: 4 },
    doseLevels,
    cohorts,
  });

  it('follows the BOIN decisions and selects the MTD after the last cohort', () => {
    const board = escalationBoard(
      boin([
        cohort(1, 'no', 'no', 'no'),
        cohort(2, 'no', 'yes', 'no'),
        cohort(2, 'no', 'no', 'no'),
        cohort(3, 'yes', 'yes', 'no'),
      ]),
    );
    expect(board.kind).toBe('ready');
    if (board.kind !== 'ready') {
      return;
    }
    expect(board.rows.map((r) => r.decision.design === 'boin' && r.decision.decision.kind)).toEqual([
      'escalate',
      'stay',
      'escalate',
      'de-escalate',
    ]);
    // final data n = (3, 6, 3), y = (0, 1, 2): isotonic estimates (.016, .172, .661) → MTD 2
    expect(board.next).toMatchObject({ kind: 'stop', mtd: 2, mtdLabel: 'mid', reason: 'mtd-selected' });
  });

  it('stops without an MTD when the lowest dose is eliminated', () => {
    const board = escalationBoard(boin([cohort(1, 'yes', 'yes', 'yes')]));
    expect(board).toMatchObject({
      kind: 'ready',
      next: { kind: 'stop', mtd: null, reason: 'lowest-dose-eliminated' },
    });
    expect(board.kind === 'ready' && board.levels.every((l) => l.closed)).toBe(true);
  });

  it('rejects more cohorts than the design allows', () => {
    const five = [1, 2, 3, 3, 3].map((level) => cohort(level, 'no', 'no', 'no'));
    expect(escalationBoard(boin(five))).toMatchObject({
      kind: 'invalid',
      problems: [{ rule: 'escalation-open' }],
    });
  });
});
