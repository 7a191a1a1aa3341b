/**
 * Cox proportional-hazards regression with Efron's tie handling, fitted by Newton–Raphson from β = 0
 * (as R `survival::coxph(ties = "efron")`); Wald tests, hazard ratios and the likelihood-ratio test.
 */
import { chiSquareSf, normalQuantile, normalSf } from './distributions.js';
import { inverseSymmetric, solveSymmetric } from './linear-algebra.js';
import { invalid } from './problems.js';
import type { StatsResult } from './problems.js';

/** Input: survival times, event flags and one covariate row per subject. */
export interface CoxData {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
  readonly covariates: readonly (readonly number[])[];
  readonly names: readonly string[];
}

/** One coefficient of the Cox model. */
export interface CoxTerm {
  readonly name: string;
  readonly coef: number;
  readonly se: number;
  readonly hr: number;
  readonly z: number;
  /** Wald p-value (two-sided). */
  readonly p: number;
  readonly hrLower95: number;
  readonly hrUpper95: number;
}

/** Fitted Cox model. */
export interface CoxFit {
  readonly terms: readonly CoxTerm[];
  readonly logLik: number;
  readonly logLikNull: number;
  readonly likelihoodRatio: { readonly chisq: number; readonly df: number; readonly p: number };
  readonly n: number;
  readonly events: number;
  readonly iterations: number;
  readonly converged: boolean;
}

interface Derivatives {
  logLik: number;
  score: number[];
  information: number[][];
}

function efronDerivatives(data: CoxData, order: readonly number[], beta: readonly number[]): Derivatives {
  const p = beta.length;
  let logLik = 0;
  const score = new Array<number>(p).fill(0);
  const information = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  // Risk-set sums, accumulated from the largest time down.
  let s0 = 0;
  const s1 = new Array<number>(p).fill(0);
  const s2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let i = 0;
  while (i < order.length) {
    const time = data.time[order[i] ?? 0];
    let d0 = 0;
    const d1 = new Array<number>(p).fill(0);
    const d2 = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    let deaths = 0;
    for (; i < order.length && data.time[order[i] ?? 0] === time; i++) {
      const idx = order[i] ?? 0;
      const x = data.covariates[idx] ?? [];
      const eta = x.reduce((s, v, k) => s + v * (beta[k] ?? 0), 0);
      const r = Math.exp(eta);
      s0 += r;
      for (let a = 0; a < p; a++) {
        s1[a] = (s1[a] ?? 0) + r * (x[a] ?? 0);
        const row = s2[a] ?? [];
        for (let b = 0; b < p; b++) {
          row[b] = (row[b] ?? 0) + r * (x[a] ?? 0) * (x[b] ?? 0);
        }
      }
      if (data.event[idx]) {
        deaths++;
        logLik += eta;
        d0 += r;
        for (let a = 0; a < p; a++) {
          score[a] = (score[a] ?? 0) + (x[a] ?? 0);
          d1[a] = (d1[a] ?? 0) + r * (x[a] ?? 0);
          const row = d2[a] ?? [];
          for (let b = 0; b < p; b++) {
            row[b] = (row[b] ?? 0) + r * (x[a] ?? 0) * (x[b] ?? 0);
          }
        }
      }
    }
    for (let l = 0; l < deaths; l++) {
      const f = l / deaths;
      const a0 = s0 - f * d0;
      logLik -= Math.log(a0);
      const mean = s1.map((v, a) => (v - f * (d1[a] ?? 0)) / a0);
      for (let a = 0; a < p; a++) {
        score[a] = (score[a] ?? 0) - (mean[a] ?? 0);
        const row = information[a] ?? [];
        for (let b = 0; b < p; b++) {
          const second = ((s2[a]?.[b] ?? 0) - f * (d2[a]?.[b] ?? 0)) / a0;
          row[b] = (row[b] ?? 0) + second - (mean[a] ?? 0) * (mean[b] ?? 0);
        }
      }
    }
  }
  return { logLik, score, information };
}

const MAX_ITERATIONS = 50;

/** Fits the Cox model; invalid when there are no events or the information matrix is singular. */
export function coxRegression(data: CoxData): StatsResult<{ fit: CoxFit }> {
  const n = data.time.length;
  const p = data.names.length;
  const events = data.event.filter(Boolean).length;
  if (events === 0) {
    return invalid([{ code: 'no-events', message: 'Cox model: no events in the data' }]);
  }
  // Descending time order; within a time, order does not matter.
  const order = data.time.map((_, i) => i).sort((a, b) => (data.time[b] ?? 0) - (data.time[a] ?? 0));
  let beta = new Array<number>(p).fill(0);
  let current = efronDerivatives(data, order, beta);
  const logLikNull = current.logLik;
  let converged = false;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS && !converged; iterations++) {
    const step = solveSymmetric(current.information, current.score);
    if (step === null) {
      return invalid([
        {
          code: 'singular-fit',
          message:
            'Cox model: information matrix is singular (a covariate has no variation among those at risk)',
        },
      ]);
    }
    let candidate = beta.map((b, k) => b + (step[k] ?? 0));
    let next = efronDerivatives(data, order, candidate);
    // Step halving if the log-likelihood went down.
    for (let h = 0; h < 30 && !(next.logLik >= current.logLik - 1e-12); h++) {
      candidate = beta.map((b, k) => (b + (candidate[k] ?? 0)) / 2);
      next = efronDerivatives(data, order, candidate);
    }
    const change = Math.max(
      ...candidate.map((c, k) => Math.abs(c - (beta[k] ?? 0)) / Math.max(1, Math.abs(c))),
    );
    converged = change < 1e-12 || Math.abs(next.logLik - current.logLik) <= 1e-15 * Math.abs(current.logLik);
    beta = candidate;
    current = next;
  }
  const covariance = inverseSymmetric(current.information);
  if (covariance === null) {
    return invalid([
      { code: 'singular-fit', message: 'Cox model: information matrix is singular at the estimate' },
    ]);
  }
  const z975 = normalQuantile(0.975);
  const terms = data.names.map((name, k): CoxTerm => {
    const coef = beta[k] ?? 0;
    const se = Math.sqrt(covariance[k]?.[k] ?? Number.NaN);
    const z = coef / se;
    return {
      name,
      coef,
      se,
      hr: Math.exp(coef),
      z,
      p: 2 * normalSf(Math.abs(z)),
      hrLower95: Math.exp(coef - z975 * se),
      hrUpper95: Math.exp(coef + z975 * se),
    };
  });
  const lr = 2 * (current.logLik - logLikNull);
  return {
    kind: 'ok',
    fit: {
      terms,
      logLik: current.logLik,
      logLikNull,
      likelihoodRatio: { chisq: lr, df: p, p: chiSquareSf(lr, p) },
      n,
      events,
      iterations,
      converged,
    },
  };
}
