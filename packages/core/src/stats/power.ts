/**
 * Sample size and power for comparing mean ALSFRS-R slopes between two arms (design.md §5):
 *  - per-patient OLS slopes, normal approximation: n₁ = (1 + 1/r)(z₁₋α/₂ + z₁₋β)² σ_s² / Δ², n₂ = r·n₁;
 *  - the same with the two-sample t-test (non-central t), as R's power.t.test (equal allocation);
 *  - σ_s² = σ_b² + σ_e²/S_tt for complete, equally timed data (Diggle et al. 2002, p. 29), and with dropout
 *    the slope variance from the expected information Σ_k p_k X_kᵀV_k⁻¹X_k over dropout patterns
 *    (Edland & Zhao; the approach of longpower::edland.linear.power).
 */
import { nonCentralTCdf, normalCdf, normalQuantile, tQuantile } from './distributions.js';
import { inverseSymmetric } from './linear-algebra.js';

/** Common inputs: effect Δ (points/month), slope SD σ_s, two-sided α, target power. */
export interface SlopePowerInput {
  readonly delta: number;
  readonly sd: number;
  readonly alpha?: number;
  readonly power?: number;
}

/** Normal-approximation sample size; ratio r = n₂/n₁ (1 = equal arms). Values are not rounded. */
export function zSampleSize(input: SlopePowerInput & { readonly ratio?: number }): {
  n1: number;
  n2: number;
  total: number;
} {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const r = input.ratio ?? 1;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const n1 = ((1 + 1 / r) * z * z * input.sd * input.sd) / (input.delta * input.delta);
  return { n1, n2: r * n1, total: n1 + r * n1 };
}

/** Power of the normal-approximation test with n per arm: Φ(Δ/√(2σ²/n) − z₁₋α/₂). */
export function zPower(input: SlopePowerInput & { readonly n: number }): number {
  const alpha = input.alpha ?? 0.05;
  return normalCdf(
    input.delta / Math.sqrt((2 * input.sd * input.sd) / input.n) - normalQuantile(1 - alpha / 2),
  );
}

/** Power of the two-sided two-sample t-test with n per arm (R power.t.test, strict = FALSE). */
export function tTestPower(input: SlopePowerInput & { readonly n: number }): number {
  const alpha = input.alpha ?? 0.05;
  const df = 2 * (input.n - 1);
  const ncp = Math.sqrt(input.n / 2) * (input.delta / input.sd);
  return 1 - nonCentralTCdf(tQuantile(1 - alpha / 2, df), df, ncp);
}

/** n per arm (not rounded) giving the target power with the two-sample t-test (bisection on tTestPower). */
export function tTestSampleSize(input: SlopePowerInput): number {
  const target = input.power ?? 0.8;
  let lo = 2;
  let hi = Math.max(4, 2 * zSampleSize(input).n1 + 10);
  while (tTestPower({ ...input, n: hi }) < target) {
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tTestPower({ ...input, n: mid }) < target) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/** S_tt = Σ (t_j − t̄)² for visit times t (months). */
export function sumSquaresTime(times: readonly number[]): number {
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return times.reduce((s, t) => s + (t - mean) ** 2, 0);
}

/** Variance components of the random-intercept/random-slope model used for planning. */
export interface SlopeModel {
  readonly sdSlope: number;
  readonly sdResidual: number;
  /** Visit times in months (including baseline). */
  readonly times: readonly number[];
  readonly sdIntercept?: number;
  readonly covInterceptSlope?: number;
  /** Proportion of participants whose last visit is times[k] (sums to 1); omit for complete data. */
  readonly lastVisit?: readonly number[];
}

/** Variance of one participant's slope information: σ_b² + σ_e²/S_tt for complete data, Edland/Zhao with dropout. */
export function slopeVariance(model: SlopeModel): number {
  if (model.lastVisit === undefined) {
    return model.sdSlope ** 2 + model.sdResidual ** 2 / sumSquaresTime(model.times);
  }
  const g00 = (model.sdIntercept ?? 0) ** 2;
  const g01 = model.covInterceptSlope ?? 0;
  const g11 = model.sdSlope ** 2;
  const info = [
    [0, 0],
    [0, 0],
  ];
  model.lastVisit.forEach((p, k) => {
    if (p <= 0 || k < 1) {
      return;
    }
    const t = model.times.slice(0, k + 1);
    const v = t.map((ti, a) =>
      t.map((tj, b) => g00 + g01 * (ti + tj) + g11 * ti * tj + (a === b ? model.sdResidual ** 2 : 0)),
    );
    const vInv = inverseSymmetric(v);
    if (vInv === null) {
      return;
    }
    const x = t.map((ti) => [1, ti]);
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        let s = 0;
        for (let a = 0; a < t.length; a++) {
          for (let b = 0; b < t.length; b++) {
            s += (x[a]?.[r] ?? 0) * (vInv[a]?.[b] ?? 0) * (x[b]?.[c] ?? 0);
          }
        }
        const row = info[r] ?? [];
        row[c] = (row[c] ?? 0) + p * s;
      }
    }
  });
  const inverse = inverseSymmetric(info);
  return inverse?.[1]?.[1] ?? Number.NaN;
}
