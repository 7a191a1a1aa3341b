import { posteriorStopBoundary, UNIFORM_BETA_PRIOR, type BetaPrior } from './beta-posterior.js';
import {
  integerProblems,
  probabilityProblems,
  designProblem,
  type DesignProblem,
  type DesignResult,
} from './design-result.js';

/**
 * Bayesian beta-binomial continuous toxicity monitoring for small cohorts (design.md §6.3): after n evaluable
 * patients with y events stop if Pr(p > p0 | y, n) > cutoff. Boundaries and exact operating characteristics.
 * Method: docs/methods/boin.md (safety monitoring section).
 */

/** The monitoring rule. */
export interface SafetyMonitoringRule {
  /** The unacceptable event rate p0. */
  readonly threshold: number;
  /** Stop when the posterior probability of p > p0 is strictly above this. */
  readonly cutoff: number;
  /** Patients monitored (the boundary table runs n = 1 … maxN). */
  readonly maxN: number;
  readonly prior?: BetaPrior;
  /** First n at which the rule is applied (default 1; protocols often start at 3). */
  readonly fromN?: number;
}

/** Stop if events ≥ `stopIfAtLeast` among n patients; null when no count stops (or before `fromN`). */
export interface SafetyBoundaryRow {
  readonly n: number;
  readonly stopIfAtLeast: number | null;
}

/** Exact operating characteristics at one true event rate. */
export interface SafetyMonitoringOc {
  readonly rate: number;
  /** Probability that the boundary is crossed at some n ≤ maxN. */
  readonly pStop: number;
  /** Expected number of patients enrolled (stopping at the first crossing, otherwise maxN). */
  readonly expectedN: number;
}

function ruleProblems(rule: SafetyMonitoringRule): DesignProblem[] {
  const problems = [
    ...probabilityProblems('threshold', rule.threshold),
    ...probabilityProblems('cutoff', rule.cutoff),
    ...integerProblems('maxN', rule.maxN, { min: 1, max: 1000 }),
  ];
  if (rule.fromN !== undefined) {
    problems.push(...integerProblems('fromN', rule.fromN, { min: 1, max: Math.max(1, rule.maxN) }));
  }
  const prior = rule.prior ?? UNIFORM_BETA_PRIOR;
  if (!(prior.a > 0 && prior.b > 0 && Number.isFinite(prior.a) && Number.isFinite(prior.b))) {
    problems.push(designProblem('prior', 'positive', 'prior a and b must be positive numbers'));
  }
  return problems;
}

function boundaries(rule: SafetyMonitoringRule): SafetyBoundaryRow[] {
  const from = rule.fromN ?? 1;
  return Array.from({ length: rule.maxN }, (_, i) => {
    const n = i + 1;
    const stopIfAtLeast =
      n < from
        ? null
        : posteriorStopBoundary(n, {
            threshold: rule.threshold,
            cutoff: rule.cutoff,
            prior: rule.prior ?? UNIFORM_BETA_PRIOR,
          });
    return { n, stopIfAtLeast };
  });
}

/** The stopping boundary for n = 1 … maxN. */
export function safetyStopBoundaries(rule: SafetyMonitoringRule): DesignResult<readonly SafetyBoundaryRow[]> {
  const problems = ruleProblems(rule);
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', value: boundaries(rule) };
}

/** Exact P(stop) and E[N] for each true rate, by dynamic programming over the event count. */
export function safetyMonitoringOc(
  rule: SafetyMonitoringRule,
  rates: readonly number[],
): DesignResult<readonly SafetyMonitoringOc[]> {
  const problems = ruleProblems(rule);
  rates.forEach((r, i) => {
    problems.push(...probabilityProblems(`rates[${i}]`, r));
  });
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const table = boundaries(rule);
  return { kind: 'ok', value: rates.map((rate) => ocAt(table, rate)) };
}

function ocAt(table: readonly SafetyBoundaryRow[], rate: number): SafetyMonitoringOc {
  // alive[y] = P(not stopped yet and y events so far)
  let alive = [1];
  let pStop = 0;
  let expectedN = 0;
  for (const row of table) {
    expectedN += alive.reduce((s, v) => s + v, 0);
    const next = new Array<number>(alive.length + 1).fill(0);
    alive.forEach((p, y) => {
      next[y] = (next[y] ?? 0) + p * (1 - rate);
      next[y + 1] = (next[y + 1] ?? 0) + p * rate;
    });
    if (row.stopIfAtLeast !== null) {
      for (let y = row.stopIfAtLeast; y < next.length; y++) {
        pStop += next[y] ?? 0;
        next[y] = 0;
      }
    }
    alive = next;
  }
  return { rate, pStop, expectedN };
}
