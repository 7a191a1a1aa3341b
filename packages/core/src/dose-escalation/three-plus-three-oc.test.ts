import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../random/rng.js';
import { threePlusThreeOc, type ThreePlusThreeOc } from './three-plus-three-oc.js';
import {
  advanceThreePlusThree,
  createThreePlusThreeDesign,
  initialThreePlusThreeState,
  type ThreePlusThreeDesign,
} from './three-plus-three.js';

// Golden values from the reference files are checked in packages/cli/src/commands/design/reference-values.test.ts
// (they are read from ../shared/reference/design-values/ at test time). Here: the closed forms of design.md §1.2,
// written independently of the enumerator, and invariants.

const a0 = (p: number): number => (1 - p) ** 3;
const a1 = (p: number): number => 3 * p * (1 - p) ** 2;
const pEsc = (p: number): number => a0(p) + a1(p) * a0(p);
const product = (xs: readonly number[]): number => xs.reduce((s, x) => s * x, 1);
const at = (xs: readonly number[], i: number): number => xs[i] ?? Number.NaN;

/** design.md §1.2, escalation-only, start at 1. */
function closedFormEscalationOnly(rates: readonly number[]): { pMtd: number[]; expectedN: number } {
  const e = rates.map(pEsc);
  const k = rates.length;
  const pMtd = Array.from({ length: k + 1 }, (_, j) =>
    j === k ? product(e) : product(e.slice(0, j)) * (1 - at(e, j)),
  );
  const expectedN = rates.reduce((s, p, j) => s + product(e.slice(0, j)) * (3 + 9 * p * (1 - p) ** 2), 0);
  return { pMtd, expectedN };
}

/** design.md §1.2, de-escalation ("MTD must have 6"), start at 1. */
function closedFormDeEscalation(rates: readonly number[]): { pMtd: number[]; expectedN: number } {
  const k = rates.length;
  const e = rates.map(pEsc);
  const r = rates.map((p, i) => (a1(p) * a0(p) + a0(p) * (a0(p) + a1(p))) / at(e, i));
  const failAt = (f: number): number => product(e.slice(0, f - 1)) * (1 - at(e, f - 1));
  const survive = (from: number, to: number): number => product(r.slice(from - 1, to).map((x) => 1 - x));
  const pMtd = new Array<number>(k + 1).fill(0);
  pMtd[k] = product(e);
  pMtd[0] = 1 - at(e, 0);
  for (let f = 2; f <= k; f++) {
    pMtd[0] += failAt(f) * survive(1, f - 1);
  }
  for (let m = 1; m < k; m++) {
    for (let f = m + 1; f <= k; f++) {
      pMtd[m] = at(pMtd, m) + failAt(f) * at(r, m - 1) * survive(m + 1, f - 1);
    }
  }
  let expectedN = closedFormEscalationOnly(rates).expectedN;
  for (let f = 2; f <= k; f++) {
    for (let m = f - 1; m >= 1; m--) {
      const p = at(rates, m - 1);
      expectedN += (failAt(f) * survive(m + 1, f - 1) * 3 * a0(p)) / at(e, m - 1);
    }
  }
  return { pMtd, expectedN };
}

function oc(
  rates: readonly number[],
  options: Parameters<typeof threePlusThreeOc>[1] = {},
): ThreePlusThreeOc {
  const result = threePlusThreeOc(rates, options);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

const rateArb = fc.double({ min: 0.01, max: 0.95, noNaN: true });
const ratesArb = fc.array(rateArb, { minLength: 1, maxLength: 6 });

describe('threePlusThreeOc against the closed forms (design.md §1.2)', () => {
  it('a single dose: P(MTD = 1) = P_esc(p) and E[N] = 3 + 9p(1 − p)²', () => {
    fc.assert(
      fc.property(rateArb, (p) => {
        const result = oc([p]);
        expect(at(result.pMtd, 1)).toBeCloseTo(pEsc(p), 12);
        expect(result.expectedN).toBeCloseTo(3 + 9 * p * (1 - p) ** 2, 12);
      }),
    );
  });

  it('escalation-only equals the product formula for any rates', () => {
    fc.assert(
      fc.property(ratesArb, (rates) => {
        const exact = oc(rates);
        const closed = closedFormEscalationOnly(rates);
        closed.pMtd.forEach((p, j) => expect(at(exact.pMtd, j)).toBeCloseTo(p, 12));
        expect(exact.expectedN).toBeCloseTo(closed.expectedN, 10);
      }),
    );
  });

  it('de-escalation equals the r_m recursion for any rates', () => {
    fc.assert(
      fc.property(ratesArb, (rates) => {
        const exact = oc(rates, { variant: 'de-escalation' });
        const closed = closedFormDeEscalation(rates);
        closed.pMtd.forEach((p, j) => expect(at(exact.pMtd, j)).toBeCloseTo(p, 12));
        expect(exact.expectedN).toBeCloseTo(closed.expectedN, 10);
      }),
    );
  });
});

describe('threePlusThreeOc invariants', () => {
  const optionsArb = fc.record({
    variant: fc.constantFrom('escalation-only' as const, 'de-escalation' as const),
    topDose: fc.constantFrom('declare' as const, 'expand-to-six' as const),
    untriedLowerDose: fc.constantFrom('at-most-one-of-six' as const, 'bcrm-0.5.4' as const),
    startFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
  });

  it('pMtd sums to 1, E[N] lies in [3, 6K], per-level E[N] sums to E[N]', () => {
    fc.assert(
      fc.property(ratesArb, optionsArb, (rates, { startFraction, ...options }) => {
        const startLevel = 1 + Math.floor(startFraction * rates.length);
        const result = oc(rates, { ...options, startLevel });
        expect(result.pMtd).toHaveLength(rates.length + 1);
        expect(result.pMtd.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
        result.pMtd.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
        expect(result.expectedN).toBeGreaterThanOrEqual(3 - 1e-12);
        expect(result.expectedN).toBeLessThanOrEqual(6 * rates.length + 1e-12);
        expect(result.expectedNPerLevel.reduce((s, n) => s + n, 0)).toBeCloseTo(result.expectedN, 12);
        result.expectedDltsPerLevel.forEach((d, j) => {
          expect(d).toBeCloseTo(at(rates, j) * at(result.expectedNPerLevel, j), 10);
        });
      }),
    );
  });

  it('de-escalation never raises P(MTD = top dose) and never lowers E[N]', () => {
    fc.assert(
      fc.property(ratesArb, (rates) => {
        const esc = oc(rates);
        const de = oc(rates, { variant: 'de-escalation' });
        expect(at(de.pMtd, rates.length)).toBeCloseTo(at(esc.pMtd, rates.length), 12);
        expect(de.expectedN).toBeGreaterThanOrEqual(esc.expectedN - 1e-12);
      }),
    );
  });

  it('rejects rates outside (0, 1) and an empty list, naming the entry', () => {
    expect(threePlusThreeOc([0.1, 1.2])).toMatchObject({ kind: 'invalid', problems: [{ path: 'rates[1]' }] });
    expect(threePlusThreeOc([])).toMatchObject({ kind: 'invalid', problems: [{ path: 'rates' }] });
    expect(threePlusThreeOc([0.1, 0.2], { startLevel: 3 })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'startLevel' }],
    });
  });
});

describe('threePlusThreeOc against a seeded simulation of the decision rules', () => {
  function simulate(design: ThreePlusThreeDesign, rates: readonly number[], trials: number): number[] {
    const rng = createSeededRng('three-plus-three-mc');
    const counts = new Array<number>(rates.length + 1).fill(0);
    for (let t = 0; t < trials; t++) {
      let state = initialThreePlusThreeState(design);
      for (;;) {
        const level = state.nextLevel ?? 1;
        let dlts = 0;
        for (let i = 0; i < design.counts.cohortSize; i++) {
          dlts += rng.next() < at(rates, level - 1) ? 1 : 0;
        }
        const step = advanceThreePlusThree(design, state, dlts);
        state = step.state;
        if (step.decision.action.kind === 'stop') {
          counts[step.decision.action.mtd] = at(counts, step.decision.action.mtd) + 1;
          break;
        }
      }
    }
    return counts.map((c) => c / trials);
  }

  it('agrees within 4 Monte-Carlo standard errors (start level 2, de-escalation)', () => {
    const created = createThreePlusThreeDesign({ doseLevels: 4, startLevel: 2, variant: 'de-escalation' });
    if (created.kind !== 'ok') {
      throw new Error('design');
    }
    const rates = [0.1, 0.25, 0.4, 0.55];
    const trials = 20_000;
    const simulated = simulate(created.value, rates, trials);
    const exact = oc(rates, { startLevel: 2, variant: 'de-escalation' });
    exact.pMtd.forEach((p, j) => {
      const se = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(at(simulated, j) - p)).toBeLessThanOrEqual(4 * se + 1e-9);
    });
  });
});
