/**
 * Fits a linear mixed model with per-subject random effects by REML or ML: minimizes the profiled
 * deviance over θ (the relative covariance factor) with Nelder–Mead, as lme4 does with its
 * derivative-free optimizers (Bates et al. 2015, JSS 67(1)), then extracts β, SEs, σ and the random-effect
 * covariance. Boundary fits (a random-effect variance at 0) are detected and refitted on the boundary.
 */
import { inverseSymmetric } from '../linear-algebra.js';
import { invalid } from '../problems.js';
import type { StatsProblem, StatsResult } from '../problems.js';
import { canonicalTheta, lmmStatistics, thetaLength, thetaToLambda } from './lmm-model.js';
import type { LmmInput, LmmStatistics } from './lmm-model.js';
import { nelderMead } from './nelder-mead.js';
import { newtonPolish } from './newton-polish.js';
import { evaluateDevianceQ2 } from './deviance-q2.js';
import { createWorkspace, evaluateDeviance } from './profiled-deviance.js';
import type { DevianceEvaluation, LmmMethod } from './profiled-deviance.js';

/** A fixed-effect estimate with its standard error and t value. */
export interface FixedEffect {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
}

/** Result of an LMM fit (numbers as lme4 reports them). */
export interface LmmFit {
  readonly method: LmmMethod;
  readonly nObs: number;
  readonly nSubjects: number;
  readonly fixed: readonly FixedEffect[];
  /** θ in lme4's order (column-wise lower triangle of Λ). */
  readonly theta: readonly number[];
  readonly sdResidual: number;
  readonly randomNames: readonly string[];
  /** Standard deviations of the random effects. */
  readonly randomSd: readonly number[];
  /** Correlation matrix of the random effects (NaN where an SD is 0). */
  readonly randomCorr: readonly (readonly number[])[];
  /** The optimized criterion: REML criterion (REML) or deviance = −2 logLik (ML). */
  readonly criterion: number;
  /** Log-likelihood (REML log-likelihood for REML fits, as lme4's logLik()). */
  readonly logLik: number;
  readonly converged: boolean;
  /** Deviance evaluations used by the optimizer. */
  readonly iterations: number;
  /** True when a random-effect variance is estimated at 0 (a singular, boundary fit). */
  readonly boundary: boolean;
  /** Random effects whose conditional variance direction collapsed (Λ diagonal = 0). */
  readonly boundaryTerms: readonly string[];
}

/** Options: estimation method and the tolerance below which a Λ diagonal counts as 0 (lme4: 1e-4). */
export interface LmmOptions {
  readonly method: LmmMethod;
  readonly boundaryTolerance?: number;
}

function validate(input: LmmInput, stats: LmmStatistics): StatsProblem[] {
  const problems: StatsProblem[] = [];
  const bad = input.response.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    problems.push({
      code: 'not-finite',
      message: `response at observation ${bad + 1} is not a finite number`,
    });
  }
  for (const [k, column] of [...input.fixed, ...input.random].entries()) {
    const i = column.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) {
      problems.push({
        code: 'not-finite',
        message: `design column ${k + 1} at observation ${i + 1} is not a finite number`,
      });
    }
  }
  if (stats.nObs <= stats.p) {
    problems.push({
      code: 'too-few-points',
      message: `${stats.nObs} observations for ${stats.p} fixed effects`,
    });
  }
  if (stats.nObs <= stats.q * stats.nSubjects) {
    problems.push({
      code: 'too-few-points',
      message: `${stats.nObs} observations <= ${stats.q * stats.nSubjects} random effects (${stats.q} per subject × ${stats.nSubjects} subjects): the variance components are not identifiable`,
    });
  }
  return problems;
}

function diagonalIndices(q: number): number[] {
  const out: number[] = [];
  let t = 0;
  for (let col = 0; col < q; col++) {
    out.push(t);
    t += q - col;
  }
  return out;
}

/** Fits the model; `invalid` for unusable data or a rank-deficient fixed-effects design. */
export function fitLmm(input: LmmInput, options: LmmOptions): StatsResult<{ fit: LmmFit }> {
  const stats = lmmStatistics(input);
  const problems = validate(input, stats);
  if (problems.length > 0) {
    return invalid(problems);
  }
  const { q, p } = stats;
  const workspace = createWorkspace(stats);
  const settings = { method: options.method, workspace };
  const evaluate = (theta: readonly number[]): DevianceEvaluation =>
    q === 2 ? evaluateDevianceQ2(stats, theta, options.method) : evaluateDeviance(stats, theta, settings);
  const deviance = (theta: readonly number[]): number => evaluate(theta).deviance;
  const start = diagonalIndices(q).reduce(
    (theta, d) => {
      theta[d] = 1;
      return theta;
    },
    new Array<number>(thetaLength(q)).fill(0),
  );
  const first = evaluate(start);
  if (!first.ok) {
    return invalid([
      {
        code: 'singular-fit',
        message:
          'the fixed-effects design is rank deficient (e.g. a group with no variation in time, or collinear columns)',
      },
    ]);
  }
  // Loose simplex search, then Newton polish; if Newton does not converge, a restarted simplex finishes.
  const search = nelderMead(deviance, start, { step: 0.25, fTolerance: 1e-6, xTolerance: 1e-2, restarts: 0 });
  const polished = newtonPolish(deviance, canonicalTheta(search.x, q));
  const finish = polished.converged ? null : nelderMead(deviance, polished.x, { step: 0.01 });
  let best =
    finish === null || finish.value > polished.value
      ? {
          x: polished.x,
          value: polished.value,
          converged: polished.converged || (finish?.converged ?? false),
        }
      : finish;
  let theta = canonicalTheta(best.x, q);
  let iterations = search.evaluations + polished.evaluations + (finish?.evaluations ?? 0);
  // Boundary: pin small Λ diagonals to exactly 0 and re-optimize the rest; keep if not worse.
  const tolerance = options.boundaryTolerance ?? 1e-4;
  for (const d of diagonalIndices(q)) {
    if (Math.abs(theta[d] ?? 0) < 1e-3) {
      const free = theta.map((_, i) => i).filter((i) => i !== d);
      const expand = (x: readonly number[]): number[] => {
        const full = [...theta];
        free.forEach((i, k) => (full[i] = x[k] ?? 0));
        full[d] = 0;
        return full;
      };
      const pinned = nelderMead(
        (x) => deviance(expand(x)),
        free.map((i) => theta[i] ?? 0),
        { step: 0.05 },
      );
      iterations += pinned.evaluations;
      if (pinned.value <= best.value + 1e-9) {
        theta = canonicalTheta(expand(pinned.x), q);
        best = { ...best, value: pinned.value, converged: pinned.converged };
      }
    }
  }
  const final = evaluate(theta);
  const dof = options.method === 'ml' ? stats.nObs : stats.nObs - p;
  const sigma2 = final.pwrss / dof;
  const schurRows = Array.from({ length: p }, (_, i) => Array.from(final.schur.subarray(i * p, (i + 1) * p)));
  const schurInverse = inverseSymmetric(schurRows);
  if (schurInverse === null) {
    return invalid([{ code: 'singular-fit', message: 'the fixed-effects covariance matrix is singular' }]);
  }
  const fixed = input.fixedNames.map((name, j): FixedEffect => {
    const estimate = final.beta[j] ?? Number.NaN;
    const se = Math.sqrt(sigma2 * (schurInverse[j]?.[j] ?? Number.NaN));
    return { name, estimate, se, t: estimate / se };
  });
  const lambda = new Float64Array(q * q);
  thetaToLambda(theta, q, lambda);
  const cov = Array.from({ length: q }, (_, a) =>
    Array.from({ length: q }, (_, b) => {
      let v = 0;
      for (let c = 0; c < q; c++) {
        v += (lambda[a * q + c] ?? 0) * (lambda[b * q + c] ?? 0);
      }
      return sigma2 * v;
    }),
  );
  const randomSd = cov.map((row, a) => Math.sqrt(row[a] ?? 0));
  const randomCorr = cov.map((row, a) =>
    row.map((v, b) => (a === b ? 1 : v / ((randomSd[a] ?? 0) * (randomSd[b] ?? 0)))),
  );
  const boundaryTerms = diagonalIndices(q)
    .map((d, k) => ((theta[d] ?? 0) < tolerance ? (input.randomNames[k] ?? `re${k + 1}`) : null))
    .filter((x): x is string => x !== null);
  return {
    kind: 'ok',
    fit: {
      method: options.method,
      nObs: stats.nObs,
      nSubjects: stats.nSubjects,
      fixed,
      theta,
      sdResidual: Math.sqrt(sigma2),
      randomNames: input.randomNames,
      randomSd,
      randomCorr,
      criterion: final.deviance,
      logLik: -final.deviance / 2,
      converged: best.converged,
      iterations,
      boundary: boundaryTerms.length > 0,
      boundaryTerms,
    },
  };
}
