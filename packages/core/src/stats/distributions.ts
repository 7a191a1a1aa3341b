/**
 * Normal, Student t, chi-square and non-central t distribution functions (CDFs, quantiles),
 * built on the special functions. Quantiles: a starting value refined by safeguarded
 * Newton/bisection steps on the CDF, so their accuracy is that of the CDF (≈1e-14).
 */
import { logGamma, regularizedBeta, regularizedGammaP, regularizedGammaQ } from './special-functions.js';

/** Standard normal CDF Φ(x), accurate in both tails (via the incomplete gamma: erfc(z) = Q(½, z²)). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) {
    return Number.NaN;
  }
  const half = regularizedGammaQ(0.5, (x * x) / 2) / 2;
  return x < 0 ? half : 1 - half;
}

/** Standard normal upper tail 1 − Φ(x), without cancellation for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

// Acklam's rational approximation (relative error < 1.2e-9), used only as a starting value.
const A = [
  -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function poly(coefficients: readonly number[], x: number): number {
  let result = 0;
  for (const c of coefficients) {
    result = result * x + c;
  }
  return result;
}

function acklam(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -poly(C, q) / (poly(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) {
    return Number.NaN;
  }
  if (p === 0) {
    return -Infinity;
  }
  if (p === 1) {
    return Infinity;
  }
  let x = acklam(p);
  // Halley refinement on the tail that is small (keeps relative accuracy in both tails).
  for (let i = 0; i < 3; i++) {
    const e = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSf(x);
    const u = e / normalPdf(x);
    if (!Number.isFinite(u)) {
      break;
    }
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/** Student t CDF P(T ≤ t) with df > 0 degrees of freedom. */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) {
    return Number.NaN;
  }
  if (df === Infinity) {
    return normalCdf(t);
  }
  if (t === Infinity) {
    return 1;
  }
  if (t === -Infinity) {
    return 0;
  }
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t < 0 ? tail : 1 - tail;
}

/** Two-sided p-value 2·P(T ≥ |t|) for a t statistic. */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) {
    return Number.NaN;
  }
  if (df === Infinity) {
    return 2 * normalSf(Math.abs(t));
  }
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** Density of Student t. */
export function tPdf(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

interface RootOptions {
  readonly cdf: (x: number) => number;
  readonly pdf: (x: number) => number;
  readonly p: number;
  readonly start: number;
}

/** Safeguarded Newton on an increasing CDF: expands a bracket, then Newton steps that stay inside it. */
function invertCdf(options: RootOptions): number {
  const { cdf, pdf, p } = options;
  let lo = options.start - 1;
  let hi = options.start + 1;
  let step = 1;
  while (cdf(lo) > p) {
    step *= 2;
    lo -= step;
  }
  step = 1;
  while (cdf(hi) < p) {
    step *= 2;
    hi += step;
  }
  let x = Math.min(Math.max(options.start, lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - p;
    if (f === 0) {
      return x;
    }
    if (f < 0) {
      lo = x;
    } else {
      hi = x;
    }
    const d = pdf(x);
    let next = x - f / d;
    if (!Number.isFinite(next) || next <= lo || next >= hi) {
      next = (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x) + 1e-300 || hi - lo <= 1e-15 * Math.abs(x) + 1e-300) {
      return next;
    }
    x = next;
  }
  return x;
}

/** Student t quantile. */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) {
    return Number.NaN;
  }
  if (p === 0) {
    return -Infinity;
  }
  if (p === 1) {
    return Infinity;
  }
  if (df === Infinity) {
    return normalQuantile(p);
  }
  if (p > 0.5) {
    return -tQuantile(1 - p, df);
  }
  return invertCdf({ cdf: (x) => tCdf(x, df), pdf: (x) => tPdf(x, df), p, start: normalQuantile(p) });
}

/** Chi-square CDF P(X ≤ x) with df degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return regularizedGammaP(df / 2, x / 2);
}

/** Chi-square upper tail P(X > x) (the p-value of a chi-square statistic). */
export function chiSquareSf(x: number, df: number): number {
  return regularizedGammaQ(df / 2, x / 2);
}

function chiSquarePdf(x: number, df: number): number {
  if (x <= 0) {
    return 0;
  }
  const k = df / 2;
  return Math.exp((k - 1) * Math.log(x) - x / 2 - k * Math.LN2 - logGamma(k));
}

/** Chi-square quantile. */
export function chiSquareQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) {
    return Number.NaN;
  }
  if (p === 0) {
    return 0;
  }
  if (p === 1) {
    return Infinity;
  }
  // Wilson–Hilferty start.
  const z = normalQuantile(p);
  const h = 2 / (9 * df);
  const start = Math.max(1e-8, df * (1 - h + z * Math.sqrt(h)) ** 3);
  const cdf = (x: number): number => (x <= 0 ? 0 : chiSquareCdf(x, df));
  return invertCdf({ cdf, pdf: (x) => chiSquarePdf(x, df), p, start });
}

/**
 * Non-central t CDF P(T ≤ t; df, δ) by the Poisson-mixture series of Lenth (1989, AS 243), summed
 * outward from the largest Poisson weight so large δ does not underflow.
 */
export function nonCentralTCdf(t: number, df: number, ncp: number): number {
  if (ncp === 0) {
    return tCdf(t, df);
  }
  if (t < 0) {
    return 1 - nonCentralTCdfNonNegative(-t, df, -ncp);
  }
  return nonCentralTCdfNonNegative(t, df, ncp);
}

function nonCentralTCdfNonNegative(t: number, df: number, ncp: number): number {
  const x = (t * t) / (t * t + df);
  const lambda = (ncp * ncp) / 2;
  const mode = Math.max(0, Math.floor(lambda));
  const term = (j: number): number => {
    const logPoisson = -lambda + j * Math.log(lambda) - logGamma(j + 1);
    const logQ = -lambda + j * Math.log(lambda) - logGamma(j + 1.5);
    const p = Math.exp(logPoisson) * regularizedBeta(x, j + 0.5, df / 2);
    const q = (ncp / Math.SQRT2) * Math.exp(logQ) * regularizedBeta(x, j + 1, df / 2);
    return p + q;
  };
  let sum = 0;
  for (let j = mode; j < mode + 100_000; j++) {
    const v = term(j);
    sum += v;
    if (Math.abs(v) < 1e-17 && j - mode > 5) {
      break;
    }
  }
  for (let j = mode - 1; j >= 0; j--) {
    const v = term(j);
    sum += v;
    if (Math.abs(v) < 1e-17 && mode - j > 5) {
      break;
    }
  }
  const value = normalCdf(-ncp) + sum / 2;
  return Math.min(1, Math.max(0, value));
}
