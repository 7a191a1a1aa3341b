import { describe, expect, it } from 'vitest';
import { createBoinSettings, type BoinSettings } from './boin-boundaries.js';
import { boinDecide, type BoinDecisionInput } from './boin-decision.js';

function settings(target: number): BoinSettings {
  const created = createBoinSettings({ target });
  if (created.kind !== 'ok') {
    throw new Error('settings');
  }
  return created.value;
}

const base = (over: Partial<BoinDecisionInput>): BoinDecisionInput => ({
  settings: settings(0.3),
  doseLevels: 3,
  level: 2,
  tally: { n: 3, y: 0 },
  eliminatedFrom: null,
  ...over,
});

// Boundaries for φ = 0.3 at n = 3: escalate ≤ 0, de-escalate ≥ 2, eliminate ≥ 3 (BOIN 2.7.2 get.boundary, see
// ../shared/reference/design-values/boin_reference.txt; compared cell by cell in the CLI reference test).
describe('boinDecide (φ = 0.3, cohorts of 3)', () => {
  it('escalates on 0/3, stays on 1/3, de-escalates on 2/3 and eliminates on 3/3', () => {
    expect(boinDecide(base({ tally: { n: 3, y: 0 } }))).toMatchObject({ kind: 'escalate', nextLevel: 3 });
    expect(boinDecide(base({ tally: { n: 3, y: 1 } }))).toMatchObject({
      kind: 'stay',
      reason: 'within-boundaries',
      nextLevel: 2,
    });
    expect(boinDecide(base({ tally: { n: 3, y: 2 } }))).toMatchObject({ kind: 'de-escalate', nextLevel: 1 });
    expect(boinDecide(base({ tally: { n: 3, y: 3 } }))).toMatchObject({
      kind: 'eliminate',
      eliminatedFrom: 2,
      rule: 'posterior-cutoff',
      nextLevel: 1,
    });
  });

  it('stays at the top dose or below an eliminated dose instead of escalating', () => {
    expect(boinDecide(base({ level: 3 }))).toMatchObject({ kind: 'stay', reason: 'top-dose' });
    expect(boinDecide(base({ eliminatedFrom: 3 }))).toMatchObject({
      kind: 'stay',
      reason: 'next-dose-eliminated',
    });
  });

  it('stays at the lowest dose instead of de-escalating, and stops the trial when it is eliminated', () => {
    expect(boinDecide(base({ level: 1, tally: { n: 3, y: 2 } }))).toMatchObject({
      kind: 'stay',
      reason: 'lowest-dose',
    });
    expect(boinDecide(base({ level: 1, tally: { n: 3, y: 3 } }))).toMatchObject({
      kind: 'eliminate',
      eliminatedFrom: 1,
      nextLevel: null,
    });
  });

  it('applies the extra-safe rule at the lowest dose only (2/3 at φ = 0.3 with offset 0.05)', () => {
    const extraSafe = { offset: 0.05 };
    // BOIN 2.7.2 extrasafe table for φ = 0.3: stop if ≥ 2 of 3 at the lowest dose.
    expect(boinDecide(base({ level: 1, tally: { n: 3, y: 2 }, extraSafe }))).toMatchObject({
      kind: 'eliminate',
      rule: 'extra-safe',
      nextLevel: null,
    });
    expect(boinDecide(base({ level: 2, tally: { n: 3, y: 2 }, extraSafe }))).toMatchObject({
      kind: 'de-escalate',
    });
  });

  it('completes early once n ≥ earlyStopN and the dose would stay', () => {
    expect(boinDecide(base({ tally: { n: 9, y: 3 }, earlyStopN: 9 }))).toMatchObject({ kind: 'complete' });
    expect(boinDecide(base({ tally: { n: 9, y: 0 }, earlyStopN: 9 }))).toMatchObject({ kind: 'escalate' });
  });

  it('throws on a broken invariant', () => {
    expect(() => boinDecide(base({ tally: { n: 3, y: 4 } }))).toThrow(RangeError);
    expect(() => boinDecide(base({ eliminatedFrom: 2 }))).toThrow(RangeError);
  });
});
