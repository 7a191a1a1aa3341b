import { rateProblems, type DesignResult } from './design-result.js';
import {
  advanceThreePlusThree,
  createThreePlusThreeDesign,
  initialThreePlusThreeState,
  type ThreePlusThreeDesign,
  type ThreePlusThreeDesignInput,
  type ThreePlusThreeState,
} from './three-plus-three.js';

/**
 * Exact operating characteristics of a 3+3 design for true DLT rates per dose: an enumeration of every path of the
 * decision rules (each cohort branches on its binomial DLT count), with identical states merged. Checked against
 * bcrm 0.5.4 `threep3` and the closed forms of design.md §1.2 (docs/methods/three-plus-three.md).
 */

/** Exact operating characteristics; index 0 of `pMtd` = no dose acceptable, index j = dose level j. */
export interface ThreePlusThreeOc {
  readonly pMtd: readonly number[];
  readonly expectedN: number;
  readonly expectedNPerLevel: readonly number[];
  readonly expectedDltsPerLevel: readonly number[];
}

interface Future {
  readonly pMtd: number[];
  readonly n: number[];
  readonly dlts: number[];
}

function binomialPmf(size: number, p: number): number[] {
  const out: number[] = [];
  let coef = 1;
  for (let y = 0; y <= size; y++) {
    out.push(coef * p ** y * (1 - p) ** (size - y));
    coef = (coef * (size - y)) / (y + 1);
  }
  return out;
}

/** A key that identifies states with the same future: closed levels (at or above the failure) are dropped. */
function stateKey(state: ThreePlusThreeState): string {
  const open = state.failedFrom === null ? state.cohortDlts : state.cohortDlts.slice(0, state.failedFrom - 1);
  return `${state.phase}|${state.failedFrom ?? 0}|${state.nextLevel ?? 0}|${open.map((c) => c.join(',')).join(';')}`;
}

function enumerate(design: ThreePlusThreeDesign, rates: readonly number[]): Future {
  const k = design.doseLevels;
  const size = design.counts.cohortSize;
  const pmfs = rates.map((p) => binomialPmf(size, p));
  const memo = new Map<string, Future>();
  const visit = (state: ThreePlusThreeState): Future => {
    const key = stateKey(state);
    const known = memo.get(key);
    if (known !== undefined) {
      return known;
    }
    const level = state.nextLevel;
    if (level === null) {
      throw new RangeError('enumeration reached a stopped state');
    }
    const future: Future = {
      pMtd: new Array<number>(k + 1).fill(0),
      n: new Array<number>(k).fill(0),
      dlts: new Array<number>(k).fill(0),
    };
    const pmf = pmfs[level - 1] ?? [];
    pmf.forEach((prob, y) => {
      if (prob === 0) {
        return;
      }
      future.n[level - 1] = (future.n[level - 1] ?? 0) + prob * size;
      future.dlts[level - 1] = (future.dlts[level - 1] ?? 0) + prob * y;
      const { state: next, decision } = advanceThreePlusThree(design, state, y);
      if (decision.action.kind === 'stop') {
        const m = decision.action.mtd;
        future.pMtd[m] = (future.pMtd[m] ?? 0) + prob;
        return;
      }
      const sub = visit(next);
      sub.pMtd.forEach((v, j) => {
        future.pMtd[j] = (future.pMtd[j] ?? 0) + prob * v;
      });
      sub.n.forEach((v, j) => {
        future.n[j] = (future.n[j] ?? 0) + prob * v;
      });
      sub.dlts.forEach((v, j) => {
        future.dlts[j] = (future.dlts[j] ?? 0) + prob * v;
      });
    });
    memo.set(key, future);
    return future;
  };
  return visit(initialThreePlusThreeState(design));
}

/** Exact operating characteristics for a checked design; `rates.length` must equal `design.doseLevels`. */
export function threePlusThreeOcForDesign(
  design: ThreePlusThreeDesign,
  rates: readonly number[],
): ThreePlusThreeOc {
  if (rates.length !== design.doseLevels) {
    throw new RangeError(`expected ${design.doseLevels} rates, got ${rates.length}`);
  }
  const future = enumerate(design, rates);
  return {
    pMtd: future.pMtd,
    expectedN: future.n.reduce((s, v) => s + v, 0),
    expectedNPerLevel: future.n,
    expectedDltsPerLevel: future.dlts,
  };
}

/** Options of `threePlusThreeOc`: the design without its number of levels (taken from the rates). */
export type ThreePlusThreeOcOptions = Omit<ThreePlusThreeDesignInput, 'doseLevels'>;

/**
 * Exact P(MTD = each level) (index 0 = no dose acceptable) and expected sample size for true DLT rates (each in
 * (0, 1), one per dose level, lowest first).
 */
export function threePlusThreeOc(
  rates: readonly number[],
  options: ThreePlusThreeOcOptions = {},
): DesignResult<ThreePlusThreeOc> {
  const problems = rateProblems('rates', rates);
  if (rates.length === 0) {
    return { kind: 'invalid', problems };
  }
  const design = createThreePlusThreeDesign({ ...options, doseLevels: rates.length });
  if (design.kind === 'invalid') {
    problems.push(...design.problems);
  }
  if (problems.length > 0 || design.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', value: threePlusThreeOcForDesign(design.value, rates) };
}
