/**
 * Fast path of the profiled deviance for the common case of two random effects per subject
 * (random intercept and slope): the 2×2 blocks of ΛᵀZᵀZΛ + I, their Cholesky factors and the
 * forward solves are written out in closed form. Same mathematics as evaluateDeviance.
 */
import type { LmmStatistics } from './lmm-model.js';
import { finishDeviance } from './profiled-deviance.js';
import type { DevianceEvaluation, LmmMethod } from './profiled-deviance.js';

/** Profiled deviance at θ = (λ11, λ21, λ22) for q = 2. */
export function evaluateDevianceQ2(
  stats: LmmStatistics,
  theta: readonly number[],
  method: LmmMethod,
): DevianceEvaluation {
  const { p, nSubjects, ztz, ztx, zty } = stats;
  const l1 = theta[0] ?? 0;
  const l2 = theta[1] ?? 0;
  const l3 = theta[2] ?? 0;
  const schur = Float64Array.from(stats.xtx);
  const schurRhs = Float64Array.from(stats.xty);
  const r0 = new Float64Array(p);
  const r1 = new Float64Array(p);
  let logDetL = 0;
  let cuSq = 0;
  // Typed-array reads below are in bounds by construction (`as number` avoids per-read undefined checks).
  for (let s = 0; s < nSubjects; s++) {
    const a = ztz[4 * s] as number;
    const b = ztz[4 * s + 1] as number;
    const c = ztz[4 * s + 3] as number;
    const m11 = a * l1 * l1 + 2 * b * l1 * l2 + c * l2 * l2 + 1;
    const m12 = l3 * (b * l1 + c * l2);
    const m22 = c * l3 * l3 + 1;
    const inv1 = 1 / Math.sqrt(m11);
    const e = m12 * inv1;
    const d2sq = m22 - e * e;
    if (!(d2sq > 0)) {
      return {
        deviance: Number.POSITIVE_INFINITY,
        beta: new Float64Array(0),
        pwrss: Number.NaN,
        schur,
        ok: false,
      };
    }
    const inv2 = 1 / Math.sqrt(d2sq);
    // log|L_i| = ½ log(m11 · d2²)
    logDetL += 0.5 * Math.log(m11 * d2sq);
    const off = 2 * p * s;
    for (let j = 0; j < p; j++) {
      const x0 = ztx[off + j] as number;
      const x1 = ztx[off + p + j] as number;
      const v0 = (l1 * x0 + l2 * x1) * inv1;
      r0[j] = v0;
      r1[j] = (l3 * x1 - e * v0) * inv2;
    }
    const y0 = zty[2 * s] as number;
    const y1 = zty[2 * s + 1] as number;
    const cu0 = (l1 * y0 + l2 * y1) * inv1;
    const cu1 = (l3 * y1 - e * cu0) * inv2;
    cuSq += cu0 * cu0 + cu1 * cu1;
    for (let j = 0; j < p; j++) {
      const aj = r0[j] as number;
      const bj = r1[j] as number;
      schurRhs[j] = (schurRhs[j] as number) - aj * cu0 - bj * cu1;
      const row = j * p;
      for (let k = 0; k <= j; k++) {
        schur[row + k] = (schur[row + k] as number) - aj * (r0[k] as number) - bj * (r1[k] as number);
      }
    }
  }
  return finishDeviance(stats, { schur, schurRhs, logDetL, cuSq }, method);
}
