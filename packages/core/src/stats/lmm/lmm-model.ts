/**
 * Data for a linear mixed model y = Xβ + Zb + ε with independent per-subject random effects
 * b_i ~ N(0, σ² Λ Λᵀ) (q per subject) and ε ~ N(0, σ² I), reduced to per-subject sufficient
 * statistics (ZᵢᵀZᵢ, ZᵢᵀXᵢ, Zᵢᵀyᵢ) so each deviance evaluation costs O(subjects · q²·p), not O(observations).
 */

/** Model input: response, fixed-effect columns, random-effect columns (per observation) and subject index. */
export interface LmmInput {
  readonly response: readonly number[];
  /** Fixed-effect design columns, each of length nObs. */
  readonly fixed: readonly (readonly number[])[];
  readonly fixedNames: readonly string[];
  /** Random-effect design columns (e.g. [1, time]), each of length nObs. */
  readonly random: readonly (readonly number[])[];
  readonly randomNames: readonly string[];
  /** Subject id of each observation. */
  readonly subject: readonly string[];
}

/** Sufficient statistics of an LMM: global XᵀX, Xᵀy, yᵀy and per-subject blocks (flat typed arrays). */
export interface LmmStatistics {
  readonly nObs: number;
  readonly nSubjects: number;
  readonly p: number;
  readonly q: number;
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  readonly yty: number;
  /** nSubjects × q × q */
  readonly ztz: Float64Array;
  /** nSubjects × q × p */
  readonly ztx: Float64Array;
  /** nSubjects × q */
  readonly zty: Float64Array;
  readonly subjectIds: readonly string[];
}

/** Accumulates the sufficient statistics in one pass over the observations. */
export function lmmStatistics(input: LmmInput): LmmStatistics {
  const nObs = input.response.length;
  const p = input.fixed.length;
  const q = input.random.length;
  const index = new Map<string, number>();
  const subjectIds: string[] = [];
  const subjectOf = new Int32Array(nObs);
  for (let i = 0; i < nObs; i++) {
    const id = input.subject[i] ?? '';
    let s = index.get(id);
    if (s === undefined) {
      s = subjectIds.length;
      index.set(id, s);
      subjectIds.push(id);
    }
    subjectOf[i] = s;
  }
  const nSubjects = subjectIds.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const ztz = new Float64Array(nSubjects * q * q);
  const ztx = new Float64Array(nSubjects * q * p);
  const zty = new Float64Array(nSubjects * q);
  let yty = 0;
  const x = new Float64Array(p);
  const z = new Float64Array(q);
  for (let i = 0; i < nObs; i++) {
    const y = input.response[i] ?? 0;
    for (let j = 0; j < p; j++) {
      x[j] = input.fixed[j]?.[i] ?? 0;
    }
    for (let a = 0; a < q; a++) {
      z[a] = input.random[a]?.[i] ?? 0;
    }
    yty += y * y;
    for (let j = 0; j < p; j++) {
      const xj = x[j] ?? 0;
      xty[j] = (xty[j] ?? 0) + xj * y;
      for (let k = 0; k < p; k++) {
        xtx[j * p + k] = (xtx[j * p + k] ?? 0) + xj * (x[k] ?? 0);
      }
    }
    const s = subjectOf[i] ?? 0;
    for (let a = 0; a < q; a++) {
      const za = z[a] ?? 0;
      zty[s * q + a] = (zty[s * q + a] ?? 0) + za * y;
      for (let b = 0; b < q; b++) {
        ztz[s * q * q + a * q + b] = (ztz[s * q * q + a * q + b] ?? 0) + za * (z[b] ?? 0);
      }
      for (let j = 0; j < p; j++) {
        ztx[s * q * p + a * p + j] = (ztx[s * q * p + a * p + j] ?? 0) + za * (x[j] ?? 0);
      }
    }
  }
  return { nObs, nSubjects, p, q, xtx, xty, yty, ztz, ztx, zty, subjectIds };
}

/** Number of θ parameters for q random effects (lower triangle of Λ). */
export function thetaLength(q: number): number {
  return (q * (q + 1)) / 2;
}

/** Fills the q×q lower-triangular Λ (row-major) from θ in lme4's column-wise order: (1,1), (2,1), …, (q,1), (2,2), …. */
export function thetaToLambda(theta: readonly number[], q: number, out: Float64Array): void {
  out.fill(0);
  let t = 0;
  for (let col = 0; col < q; col++) {
    for (let row = col; row < q; row++) {
      out[row * q + col] = theta[t] ?? 0;
      t++;
    }
  }
}

/** Canonical θ: flips the sign of any column of Λ whose diagonal is negative (ΛΛᵀ, hence the fit, is unchanged). */
export function canonicalTheta(theta: readonly number[], q: number): number[] {
  const out = [...theta];
  let t = 0;
  for (let col = 0; col < q; col++) {
    const flip = (out[t] ?? 0) < 0;
    for (let row = col; row < q; row++) {
      if (flip) {
        out[t] = -(out[t] ?? 0);
      }
      t++;
    }
  }
  return out;
}
