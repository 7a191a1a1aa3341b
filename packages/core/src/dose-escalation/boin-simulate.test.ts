import { describe, expect, it } from 'vitest';
import { createBoinSettings } from './boin-boundaries.js';
import { boinDecide } from './boin-decision.js';
import { boinSelectMtd } from './boin-select-mtd.js';
import { simulateBoin, type BoinSimulationInput, type BoinSimulationResult } from './boin-simulate.js';

function run(input: BoinSimulationInput): BoinSimulationResult {
  const result = simulateBoin(input);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

/**
 * Exact selection probabilities of a small BOIN trial by enumerating every cohort outcome (4^cohorts paths),
 * written against the decision and selection functions: the simulator must agree within Monte-Carlo error.
 */
function exactSelection(rates: readonly number[], cohorts: number, startLevel: number): number[] {
  const settings = createBoinSettings({ target: 0.3 });
  if (settings.kind !== 'ok') {
    throw new Error('settings');
  }
  const k = rates.length;
  const out = new Array<number>(k + 1).fill(0);
  const pmf = (p: number): number[] => [(1 - p) ** 3, 3 * p * (1 - p) ** 2, 3 * p * p * (1 - p), p ** 3];
  const finish = (n: number[], y: number[], prob: number): void => {
    const chosen = boinSelectMtd({ target: 0.3, patients: n, dlts: y });
    const mtd = chosen.kind === 'ok' ? (chosen.value.mtd ?? 0) : 0;
    out[mtd] = (out[mtd] ?? 0) + prob;
  };
  const walk = (
    state: { n: number[]; y: number[]; level: number; elim: number | null },
    c: number,
    prob: number,
  ): void => {
    if (c === cohorts) {
      finish(state.n, state.y, prob);
      return;
    }
    pmf(rates[state.level - 1] ?? 0).forEach((p, d) => {
      const n = state.n.map((v, j) => (j === state.level - 1 ? v + 3 : v));
      const y = state.y.map((v, j) => (j === state.level - 1 ? v + d : v));
      const decision = boinDecide({
        settings: settings.value,
        doseLevels: k,
        level: state.level,
        tally: { n: n[state.level - 1] ?? 0, y: y[state.level - 1] ?? 0 },
        eliminatedFrom: state.elim,
      });
      const elim = decision.kind === 'eliminate' ? decision.eliminatedFrom : state.elim;
      if (decision.nextLevel === null) {
        out[0] = (out[0] ?? 0) + prob * p;
        return;
      }
      walk({ n, y, level: decision.nextLevel, elim }, c + 1, prob * p);
    });
  };
  walk(
    { n: new Array<number>(k).fill(0), y: new Array<number>(k).fill(0), level: startLevel, elim: null },
    0,
    1,
  );
  return out;
}

describe('simulateBoin', () => {
  const input: BoinSimulationInput = {
    target: 0.3,
    rates: [0.1, 0.3, 0.5],
    cohortSize: 3,
    cohorts: 4,
    trials: 20_000,
    seed: 'boin-oc',
  };

  it('repeats exactly for the same seed and differs for another', () => {
    const small = { ...input, trials: 500 };
    expect(run(small)).toEqual(run(small));
    expect(run({ ...small, seed: 'other' })).not.toEqual(run(small));
  });

  it('agrees with the exact enumeration within 4 Monte-Carlo standard errors (start 1 and start 2)', () => {
    for (const startLevel of [1, 2]) {
      const simulated = run({ ...input, startLevel });
      const exact = exactSelection(input.rates, input.cohorts, startLevel);
      const percents = [simulated.noSelectionPercent, ...simulated.selectionPercent];
      percents.forEach((m, j) => {
        const p = exact[j] ?? 0;
        const se = 100 * Math.sqrt((p * (1 - p)) / input.trials);
        expect(Math.abs(m.mean - 100 * p)).toBeLessThanOrEqual(4 * se + 1e-9);
      });
    }
  });

  it('accounts for every trial and patient, and reports standard errors', () => {
    const result = run(input);
    const selected = result.selectionPercent.reduce((s, m) => s + m.mean, 0) + result.noSelectionPercent.mean;
    expect(selected).toBeCloseTo(100, 9);
    const perLevel = result.patientsPerLevel.reduce((s, m) => s + m.mean, 0);
    expect(perLevel).toBeCloseTo(result.totalPatients.mean, 9);
    expect(result.totalPatients.mean).toBeLessThanOrEqual(12);
    result.selectionPercent.forEach((m) => {
      const p = m.mean / 100;
      expect(m.se).toBeCloseTo(100 * Math.sqrt((p * (1 - p)) / input.trials), 12);
    });
    expect(result.patientsPerLevel.every((m) => m.se > 0)).toBe(true);
  });

  it('names the flag-like field for bad input', () => {
    const result = simulateBoin({ ...input, rates: [0.1, 1], trials: 0 });
    expect(result.kind === 'invalid' && result.problems.map((p) => p.path)).toEqual(['rates[1]', 'trials']);
  });
});
