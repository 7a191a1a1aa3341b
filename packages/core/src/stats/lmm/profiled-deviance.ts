/**
 * Profiled deviance of a linear mixed model as a function of the relative covariance factor θ
 * (Bates, Mächler, Bolker & Walker 2015, JSS 67(1), §3): penalized least squares solved block by block,
 * using that ΛᵀZᵀZΛ + I is block-diagonal with one q×q block per subject.
 *   ML:   d(θ)   = log|L_θ|² + n (1 + log(2π r²(θ)/n))
 *   REML: d_R(θ) = log|L_θ|² + log|R_X|² + (n−p)(1 + log(2π r²(θ)/(n−p)))
 */
import type { LmmStatistics } from './lmm-model.js';
import { thetaToLambda } from './lmm-model.js';

/** Estimation method: restricted (REML) or full maximum likelihood (ML). */
export type LmmMethod = 'reml' | 'ml';

/** Everything computed at one θ: the deviance and the conditional estimates. */
export interface DevianceEvaluation {
  readonly deviance: number;
  /** Fixed effects β̂(θ); empty when the fixed-effects system is singular. */
  readonly beta: Float64Array;
  /** Penalized residual sum of squares r²(θ). */
  readonly pwrss: number;
  /** Schur complement RXᵀRX = XᵀX − XᵀZΛ(ΛᵀZᵀZΛ + I)⁻¹ΛᵀZᵀX (p×p, row-major). */
  readonly schur: Float64Array;
  readonly ok: boolean;
}

/** In-place Cholesky of a small k×k row-major matrix; returns log-determinant of L (sum of log diag) or NaN. */
export function choleskyInPlace(a: Float64Array, k: number): number {
  let logDet = 0;
  for (let j = 0; j < k; j++) {
    let s = a[j * k + j] ?? 0;
    for (let m = 0; m < j; m++) {
      const v = a[j * k + m] ?? 0;
      s -= v * v;
    }
    if (!(s > 0)) {
      return Number.NaN;
    }
    const d = Math.sqrt(s);
    a[j * k + j] = d;
    logDet += Math.log(d);
    for (let i = j + 1; i < k; i++) {
      let t = a[i * k + j] ?? 0;
      for (let m = 0; m < j; m++) {
        t -= (a[i * k + m] ?? 0) * (a[j * k + m] ?? 0);
      }
      a[i * k + j] = t / d;
    }
    for (let i = 0; i < j; i++) {
      a[i * k + j] = 0;
    }
  }
  return logDet;
}

/** Solves L x = b in place for lower-triangular L (k×k) and `cols` right-hand sides stored row-major k×cols. */
function forwardSolveInPlace(l: Float64Array, b: Float64Array, shape: { k: number; cols: number }): void {
  const { k, cols } = shape;
  for (let i = 0; i < k; i++) {
    const lii = l[i * k + i] ?? 1;
    for (let c = 0; c < cols; c++) {
      let s = b[i * cols + c] ?? 0;
      for (let m = 0; m < i; m++) {
        s -= (l[i * k + m] ?? 0) * (b[m * cols + c] ?? 0);
      }
      b[i * cols + c] = s / lii;
    }
  }
}

/** Workspace reused across evaluations (avoids allocation in the optimizer loop). */
export interface DevianceWorkspace {
  readonly lambda: Float64Array;
  readonly m: Float64Array;
  readonly tmp: Float64Array;
  readonly rhs: Float64Array;
}

/** Allocates a workspace for statistics with q random and p fixed effects. */
export function createWorkspace(stats: LmmStatistics): DevianceWorkspace {
  const { p, q } = stats;
  return {
    lambda: new Float64Array(q * q),
    m: new Float64Array(q * q),
    tmp: new Float64Array(q * q),
    rhs: new Float64Array(q * (p + 1)),
  };
}

/** Evaluates the profiled deviance (−2 log-likelihood, profiled over β and σ) at θ. */
export function evaluateDeviance(
  stats: LmmStatistics,
  theta: readonly number[],
  options: { readonly method: LmmMethod; readonly workspace: DevianceWorkspace },
): DevianceEvaluation {
  const { p, q, nSubjects } = stats;
  const { lambda, m, tmp, rhs } = options.workspace;
  thetaToLambda(theta, q, lambda);
  const schur = Float64Array.from(stats.xtx);
  const schurRhs = Float64Array.from(stats.xty);
  let logDetL = 0;
  let cuSq = 0;
  const w = p + 1;
  for (let s = 0; s < nSubjects; s++) {
    const ztzOff = s * q * q;
    // tmp = ZᵢᵀZᵢ Λ
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        let v = 0;
        for (let c = b; c < q; c++) {
          v += (stats.ztz[ztzOff + a * q + c] ?? 0) * (lambda[c * q + b] ?? 0);
        }
        tmp[a * q + b] = v;
      }
    }
    // m = Λᵀ tmp + I
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        let v = a === b ? 1 : 0;
        for (let c = a; c < q; c++) {
          v += (lambda[c * q + a] ?? 0) * (tmp[c * q + b] ?? 0);
        }
        m[a * q + b] = v;
      }
    }
    const ld = choleskyInPlace(m, q);
    if (Number.isNaN(ld)) {
      return {
        deviance: Number.POSITIVE_INFINITY,
        beta: new Float64Array(0),
        pwrss: Number.NaN,
        schur,
        ok: false,
      };
    }
    logDetL += ld;
    // rhs = Λᵀ [ZᵢᵀXᵢ | Zᵢᵀyᵢ]  (q × (p+1))
    const ztxOff = s * q * p;
    for (let a = 0; a < q; a++) {
      for (let j = 0; j < p; j++) {
        let v = 0;
        for (let c = a; c < q; c++) {
          v += (lambda[c * q + a] ?? 0) * (stats.ztx[ztxOff + c * p + j] ?? 0);
        }
        rhs[a * w + j] = v;
      }
      let v = 0;
      for (let c = a; c < q; c++) {
        v += (lambda[c * q + a] ?? 0) * (stats.zty[s * q + c] ?? 0);
      }
      rhs[a * w + p] = v;
    }
    forwardSolveInPlace(m, rhs, { k: q, cols: w });
    // Accumulate the Schur complement and its right-hand side.
    for (let a = 0; a < q; a++) {
      const cu = rhs[a * w + p] ?? 0;
      cuSq += cu * cu;
      for (let j = 0; j < p; j++) {
        const cj = rhs[a * w + j] ?? 0;
        schurRhs[j] = (schurRhs[j] ?? 0) - cj * cu;
        for (let k = 0; k <= j; k++) {
          schur[j * p + k] = (schur[j * p + k] ?? 0) - cj * (rhs[a * w + k] ?? 0);
        }
      }
    }
  }
  return finishDeviance(stats, { schur, schurRhs, logDetL, cuSq }, options.method);
}

/** Sums accumulated over subjects: lower triangle of the Schur complement, its right-hand side, log|L| and ‖c_u‖². */
export interface SubjectSums {
  readonly schur: Float64Array;
  readonly schurRhs: Float64Array;
  readonly logDetL: number;
  readonly cuSq: number;
}

/** Solves for β from the Schur complement and forms the REML or ML profiled deviance. */
export function finishDeviance(
  stats: LmmStatistics,
  sums: SubjectSums,
  method: LmmMethod,
): DevianceEvaluation {
  const { p, nObs } = stats;
  const { schur, schurRhs, logDetL, cuSq } = sums;
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < j; k++) {
      schur[k * p + j] = schur[j * p + k] ?? 0;
    }
  }
  const rx = Float64Array.from(schur);
  const logDetRx = choleskyInPlace(rx, p);
  if (Number.isNaN(logDetRx)) {
    return {
      deviance: Number.POSITIVE_INFINITY,
      beta: new Float64Array(0),
      pwrss: Number.NaN,
      schur,
      ok: false,
    };
  }
  // β: RX cβ = rhs (forward), then RXᵀ β = cβ (backward).
  const cBeta = Float64Array.from(schurRhs);
  forwardSolveInPlace(rx, cBeta, { k: p, cols: 1 });
  let cBetaSq = 0;
  for (let j = 0; j < p; j++) {
    cBetaSq += (cBeta[j] ?? 0) ** 2;
  }
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let v = cBeta[i] ?? 0;
    for (let k = i + 1; k < p; k++) {
      v -= (rx[k * p + i] ?? 0) * (beta[k] ?? 0);
    }
    beta[i] = v / (rx[i * p + i] ?? 1);
  }
  const pwrss = Math.max(stats.yty - cuSq - cBetaSq, Number.MIN_VALUE);
  const logDetLSq = 2 * logDetL;
  let deviance: number;
  if (method === 'ml') {
    deviance = logDetLSq + nObs * (1 + Math.log((2 * Math.PI * pwrss) / nObs));
  } else {
    const dof = nObs - p;
    deviance = logDetLSq + 2 * logDetRx + dof * (1 + Math.log((2 * Math.PI * pwrss) / dof));
  }
  return { deviance, beta, pwrss, schur, ok: true };
}
