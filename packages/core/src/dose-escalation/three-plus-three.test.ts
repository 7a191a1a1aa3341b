import { describe, expect, it } from 'vitest';
import {
  CLASSIC_THREE_PLUS_THREE_COUNTS,
  createThreePlusThreeDesign,
  replayThreePlusThree,
  threePlusThreeVerdict,
  type ThreePlusThreeCohort,
  type ThreePlusThreeDesign,
  type ThreePlusThreeDesignInput,
} from './three-plus-three.js';

function design(input: ThreePlusThreeDesignInput): ThreePlusThreeDesign {
  const created = createThreePlusThreeDesign(input);
  if (created.kind !== 'ok') {
    throw new Error(JSON.stringify(created.problems));
  }
  return created.value;
}

function replay(input: ThreePlusThreeDesignInput, cohorts: readonly ThreePlusThreeCohort[]) {
  const result = replayThreePlusThree(design(input), cohorts);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

describe('threePlusThreeVerdict (design.md §1.1, every cell)', () => {
  const c = CLASSIC_THREE_PLUS_THREE_COUNTS;
  it.each([
    [[0], 'acceptable'],
    [[1], 'expand'],
    [[2], 'exceeds-mtd'],
    [[3], 'exceeds-mtd'],
    [[0, 0], 'acceptable'],
    [[0, 1], 'acceptable'],
    [[1, 0], 'acceptable'],
    [[1, 1], 'exceeds-mtd'],
    [[0, 2], 'exceeds-mtd'],
    [[1, 2], 'exceeds-mtd'],
    [[1, 3], 'exceeds-mtd'],
    [[0, 3], 'exceeds-mtd'],
  ] as const)('cohort DLTs %j → %s', (cohorts, verdict) => {
    expect(threePlusThreeVerdict(c, cohorts)).toBe(verdict);
  });

  it('treats 2 of 6 as exceeding the MTD although 2/6 is not above 1/3 (integer counts, not 33 %)', () => {
    expect(threePlusThreeVerdict(c, [1, 1])).toBe('exceeds-mtd');
    expect(threePlusThreeVerdict(c, [2])).toBe('exceeds-mtd');
  });
});

describe('createThreePlusThreeDesign', () => {
  it('fills the classic defaults', () => {
    expect(design({ doseLevels: 3 })).toEqual({
      doseLevels: 3,
      variant: 'escalation-only',
      startLevel: 1,
      topDose: 'declare',
      untriedLowerDose: 'at-most-one-of-six',
      counts: CLASSIC_THREE_PLUS_THREE_COUNTS,
    });
  });

  it('names every bad field', () => {
    const result = createThreePlusThreeDesign({
      doseLevels: 3,
      startLevel: 4,
      counts: { expandIfAtMost: 5 },
      variant: 'sideways' as never,
    });
    expect(result.kind).toBe('invalid');
    const paths = result.kind === 'invalid' ? result.problems.map((p) => p.path) : [];
    expect(paths).toEqual(['startLevel', 'variant', 'counts.expandIfAtMost']);
  });

  it('refuses more levels than the exact enumeration handles', () => {
    expect(createThreePlusThreeDesign({ doseLevels: 13 }).kind).toBe('invalid');
  });
});

describe('replayThreePlusThree: classic escalation-only', () => {
  it('escalates on 0/3, expands on 1/3, escalates on 1/6 and stops on 2/3 with MTD = dose below', () => {
    const { decisions, state } = replay({ doseLevels: 3 }, [
      { level: 1, dlts: 0 },
      { level: 2, dlts: 1 },
      { level: 2, dlts: 0 },
      { level: 3, dlts: 2 },
    ]);
    expect(decisions.map((d) => d.action)).toEqual([
      { kind: 'escalate', to: 2 },
      { kind: 'expand', level: 2 },
      { kind: 'escalate', to: 3 },
      { kind: 'stop', mtd: 2, reason: 'next-dose-exceeds-mtd' },
    ]);
    expect(decisions[2]).toMatchObject({ level: 2, patients: 6, dlts: 1, verdict: 'acceptable' });
    expect(state.nextLevel).toBeNull();
    expect(state.failedFrom).toBe(3);
  });

  it('declares the MTD at the dose below even with 3 patients there', () => {
    const { decisions } = replay({ doseLevels: 3 }, [
      { level: 1, dlts: 0 },
      { level: 2, dlts: 3 },
    ]);
    expect(decisions[1]?.action).toEqual({ kind: 'stop', mtd: 1, reason: 'next-dose-exceeds-mtd' });
  });

  it('ends with no tolerable dose when level 1 fails (MTD index 0)', () => {
    const { decisions } = replay({ doseLevels: 3 }, [
      { level: 1, dlts: 1 },
      { level: 1, dlts: 1 },
    ]);
    expect(decisions[1]?.action).toEqual({ kind: 'stop', mtd: 0, reason: 'no-tolerable-dose' });
  });

  it('declares the top dose when it is tolerated, or expands it first when asked', () => {
    const path = [
      { level: 1, dlts: 0 },
      { level: 2, dlts: 0 },
    ];
    expect(replay({ doseLevels: 2 }, path).decisions[1]?.action).toEqual({
      kind: 'stop',
      mtd: 2,
      reason: 'top-dose-tolerated',
    });
    const expanded = replay({ doseLevels: 2, topDose: 'expand-to-six' }, [...path, { level: 2, dlts: 1 }]);
    expect(expanded.decisions.map((d) => d.action.kind)).toEqual(['escalate', 'expand', 'stop']);
    expect(expanded.decisions[2]?.action).toMatchObject({ mtd: 2 });
  });
});

describe('replayThreePlusThree: de-escalation ("MTD must have 6")', () => {
  it('goes back to a dose with 3 patients, treats 3 more and accepts it on ≤ 1/6', () => {
    const { decisions } = replay({ doseLevels: 3, variant: 'de-escalation' }, [
      { level: 1, dlts: 0 },
      { level: 2, dlts: 0 },
      { level: 3, dlts: 2 },
      { level: 2, dlts: 1 },
    ]);
    expect(decisions.map((d) => d.action)).toEqual([
      { kind: 'escalate', to: 2 },
      { kind: 'escalate', to: 3 },
      { kind: 'de-escalate', to: 2 },
      { kind: 'stop', mtd: 2, reason: 'next-dose-exceeds-mtd' },
    ]);
  });

  it('keeps de-escalating when the lower dose also fails', () => {
    const { decisions } = replay({ doseLevels: 3, variant: 'de-escalation' }, [
      { level: 1, dlts: 0 },
      { level: 2, dlts: 0 },
      { level: 3, dlts: 2 },
      { level: 2, dlts: 2 },
      { level: 1, dlts: 0 },
    ]);
    expect(decisions.slice(3).map((d) => d.action)).toEqual([
      { kind: 'de-escalate', to: 1 },
      { kind: 'stop', mtd: 1, reason: 'next-dose-exceeds-mtd' },
    ]);
  });

  it('stops at once when the dose below already has 6', () => {
    const { decisions } = replay({ doseLevels: 3, variant: 'de-escalation' }, [
      { level: 1, dlts: 1 },
      { level: 1, dlts: 0 },
      { level: 2, dlts: 3 },
    ]);
    expect(decisions[2]?.action).toEqual({ kind: 'stop', mtd: 1, reason: 'next-dose-exceeds-mtd' });
  });
});

describe('replayThreePlusThree: start above the lowest dose (NCT03268603-style ladder, start level 2)', () => {
  const start2 = { doseLevels: 3, startLevel: 2, variant: 'de-escalation' } as const;

  it('de-escalates to the untried dose below, which needs 6 patients', () => {
    const { decisions } = replay(start2, [
      { level: 2, dlts: 2 },
      { level: 1, dlts: 0 },
      { level: 1, dlts: 1 },
    ]);
    expect(decisions.map((d) => d.action)).toEqual([
      { kind: 'de-escalate', to: 1 },
      { kind: 'expand', level: 1 },
      { kind: 'stop', mtd: 1, reason: 'next-dose-exceeds-mtd' },
    ]);
  });

  it('accepts 1/3 + 0/3 at the untried dose by default but not under the bcrm 0.5.4 rule', () => {
    const cohorts = [
      { level: 2, dlts: 2 },
      { level: 1, dlts: 1 },
      { level: 1, dlts: 0 },
    ];
    expect(replay(start2, cohorts).decisions[2]?.action).toEqual({
      kind: 'stop',
      mtd: 1,
      reason: 'next-dose-exceeds-mtd',
    });
    expect(replay({ ...start2, untriedLowerDose: 'bcrm-0.5.4' }, cohorts).decisions[2]?.action).toEqual({
      kind: 'stop',
      mtd: 0,
      reason: 'no-tolerable-dose',
    });
  });

  it('accepts the untried dose on 0/3 in the escalation-only variant', () => {
    const { decisions } = replay({ doseLevels: 3, startLevel: 2 }, [
      { level: 2, dlts: 2 },
      { level: 1, dlts: 0 },
    ]);
    expect(decisions[1]?.action).toEqual({ kind: 'stop', mtd: 1, reason: 'next-dose-exceeds-mtd' });
  });
});

describe('replayThreePlusThree: refusals', () => {
  it('refuses a cohort at a level other than the recommendation', () => {
    const result = replayThreePlusThree(design({ doseLevels: 3 }), [
      { level: 1, dlts: 0 },
      { level: 3, dlts: 0 },
    ]);
    expect(result).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'cohorts[1].level', rule: 'recommended-level' }],
    });
  });

  it('refuses DLTs above the cohort size and cohorts after the stop', () => {
    const tooMany = replayThreePlusThree(design({ doseLevels: 3 }), [{ level: 1, dlts: 4 }]);
    expect(tooMany).toMatchObject({ kind: 'invalid', problems: [{ path: 'cohorts[0].dlts' }] });
    const after = replayThreePlusThree(design({ doseLevels: 1 }), [
      { level: 1, dlts: 0 },
      { level: 1, dlts: 0 },
    ]);
    expect(after).toMatchObject({ kind: 'invalid', problems: [{ rule: 'escalation-open' }] });
  });
});
