/**
 * Group-sequential boundaries by Lan–DeMets alpha spending (design.md §6.1) and conditional power (§6.2).
 * Crossing probabilities use the canonical joint distribution of Z_1..Z_K (Corr(Z_i, Z_j) = √(t_i/t_j), drift θ
 * on the Brownian scale: B(t) = Z(t)√t ~ N(θt, t)) and recursive numerical integration of the continuation
 * densities (Armitage, McPherson & Rowe 1969; Jennison & Turnbull 2000, ch. 19) with Simpson's rule.
 */
import { normalCdf, normalPdf, normalQuantile, normalSf } from './distributions.js';

/** Spending functions for one-sided α₁ (design.md §6.1). */
export type SpendingFunction =
  | { readonly kind: 'obrien-fleming' }
  | { readonly kind: 'pocock' }
  | { readonly kind: 'power'; readonly rho: number }
  | { readonly kind: 'hsd'; readonly gamma: number };

/** Cumulative one-sided alpha spent by information fraction t ∈ [0, 1]. */
export function alphaSpent(spending: SpendingFunction, alpha: number, t: number): number {
  if (t <= 0) {
    return 0;
  }
  const u = Math.min(t, 1);
  switch (spending.kind) {
    case 'obrien-fleming':
      return 2 * normalSf(normalQuantile(1 - alpha / 2) / Math.sqrt(u));
    case 'pocock':
      return alpha * Math.log(1 + (Math.E - 1) * u);
    case 'power':
      return alpha * u ** spending.rho;
    case 'hsd':
      return spending.gamma === 0
        ? alpha * u
        : (alpha * (1 - Math.exp(-spending.gamma * u))) / (1 - Math.exp(-spending.gamma));
  }
}

const GRID_INTERVALS = 400;
const Z_FLOOR = -12;

/** Root of a continuous function with f(lo)·f(hi) ≤ 0 by the Illinois variant of regula falsi (superlinear). */
function illinois(f: (x: number) => number, bracket: { lo: number; hi: number }): number {
  let { lo, hi } = bracket;
  let flo = f(lo);
  let fhi = f(hi);
  if (flo === 0) {
    return lo;
  }
  if (fhi === 0) {
    return hi;
  }
  let side = 0;
  let x = (lo + hi) / 2;
  for (let i = 0; i < 100; i++) {
    x = (lo * fhi - hi * flo) / (fhi - flo);
    if (!Number.isFinite(x) || x <= Math.min(lo, hi) || x >= Math.max(lo, hi)) {
      x = (lo + hi) / 2;
    }
    const fx = f(x);
    if (fx === 0 || Math.abs(hi - lo) < 1e-13 * Math.max(1, Math.abs(x))) {
      return x;
    }
    if (fx * fhi < 0) {
      lo = hi;
      flo = fhi;
      hi = x;
      fhi = fx;
      side = 0;
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) {
        flo /= 2;
      }
      side = 1;
    }
  }
  return x;
}

/** Continuation density of Z_k on a Simpson grid over (lower, upper). */
interface Density {
  readonly z: Float64Array;
  readonly w: Float64Array;
  readonly f: Float64Array;
  readonly t: number;
}

function simpsonGrid(lo: number, hi: number): { z: Float64Array; w: Float64Array } {
  const n = GRID_INTERVALS;
  const h = (hi - lo) / n;
  const z = new Float64Array(n + 1);
  const w = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    z[i] = lo + i * h;
    let weight = 2;
    if (i === 0 || i === n) {
      weight = 1;
    } else if (i % 2 === 1) {
      weight = 4;
    }
    w[i] = (weight * h) / 3;
  }
  return { z, w };
}

interface Look {
  readonly t: number;
  readonly lower: number;
  readonly upper: number;
}

/** P(cross above `upper` and below `lower` at look k | continuation up to k−1), with prev = null at k = 1. */
function crossing(prev: Density | null, look: Look, drift: number): { upper: number; lower: number } {
  if (prev === null) {
    const mean = drift * Math.sqrt(look.t);
    return { upper: normalSf(look.upper - mean), lower: normalCdf(look.lower - mean) };
  }
  const dt = look.t - prev.t;
  const sd = Math.sqrt(dt);
  const sk = Math.sqrt(look.t);
  const sp = Math.sqrt(prev.t);
  let up = 0;
  let low = 0;
  for (let i = 0; i < prev.z.length; i++) {
    const mass = (prev.f[i] ?? 0) * (prev.w[i] ?? 0);
    if (mass === 0) {
      continue;
    }
    const centre = (prev.z[i] ?? 0) * sp + drift * dt;
    up += mass * normalSf((look.upper * sk - centre) / sd);
    if (look.lower > Z_FLOOR) {
      low += mass * normalCdf((look.lower * sk - centre) / sd);
    }
  }
  return { upper: up, lower: low };
}

/** Continuation density at look k on (lower, upper). */
function propagate(prev: Density | null, look: Look, drift: number): Density {
  const { z, w } = simpsonGrid(Math.max(look.lower, Z_FLOOR), Math.min(look.upper, -Z_FLOOR));
  const f = new Float64Array(z.length);
  if (prev === null) {
    const mean = drift * Math.sqrt(look.t);
    for (let i = 0; i < z.length; i++) {
      f[i] = normalPdf((z[i] ?? 0) - mean);
    }
    return { z, w, f, t: look.t };
  }
  const dt = look.t - prev.t;
  const sd = Math.sqrt(dt);
  const sk = Math.sqrt(look.t);
  const sp = Math.sqrt(prev.t);
  const n = prev.z.length;
  const mass = new Float64Array(n);
  const from = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    mass[j] = ((prev.f[j] ?? 0) * (prev.w[j] ?? 0)) / Math.sqrt(2 * Math.PI);
    from[j] = (prev.z[j] ?? 0) * sp;
  }
  const inv = 1 / sd;
  for (let i = 0; i < z.length; i++) {
    const target = (z[i] ?? 0) * sk - drift * dt;
    let s = 0;
    for (let j = 0; j < n; j++) {
      const u = (target - (from[j] as number)) * inv;
      s += (mass[j] as number) * Math.exp(-0.5 * u * u);
    }
    f[i] = s * sk * inv;
  }
  return { z, w, f, t: look.t };
}

/** Probabilities of crossing the upper and lower boundaries at each look under drift θ (trial stops at a crossing). */
export function boundaryCrossingProbabilities(options: {
  readonly times: readonly number[];
  readonly upper: readonly number[];
  /** Lower boundaries; omit for none (one-sided). */
  readonly lower?: readonly number[];
  readonly drift: number;
}): { upper: number[]; lower: number[] } {
  let prev: Density | null = null;
  const upper: number[] = [];
  const lower: number[] = [];
  options.times.forEach((t, k) => {
    const look = { t, upper: options.upper[k] ?? Infinity, lower: options.lower?.[k] ?? -Infinity };
    const p = crossing(prev, look, options.drift);
    upper.push(p.upper);
    lower.push(p.lower);
    prev = propagate(prev, look, options.drift);
  });
  return { upper, lower };
}

/** Lan–DeMets boundaries and the alpha they spend. */
export interface GroupSequentialBounds {
  /** Upper z boundaries (the lower ones are −upper when two-sided). */
  readonly upper: number[];
  readonly sides: 1 | 2;
  /** Cumulative alpha spent at each look (both sides together when two-sided). */
  readonly cumulativeAlpha: number[];
  /** Nominal p-value of each boundary (two-sided p when sides = 2). */
  readonly nominalP: number[];
}

/**
 * Boundaries for looks at information fractions `times` (increasing, last = 1 for the planned end), one-sided
 * α₁ per side (0.025 for a symmetric two-sided 0.05 test). sides = 2: symmetric bounds ±b_k; sides = 1: upper only.
 */
export function lanDeMetsBounds(options: {
  readonly times: readonly number[];
  readonly alpha: number;
  readonly spending: SpendingFunction;
  readonly sides: 1 | 2;
}): GroupSequentialBounds {
  const { times, alpha, spending, sides } = options;
  const upper: number[] = [];
  const cumulativeAlpha: number[] = [];
  let prev: Density | null = null;
  let spent = 0;
  for (const t of times) {
    const target = alphaSpent(spending, alpha, t) - spent;
    const probability = (b: number): number => {
      const p = crossing(prev, { t, upper: b, lower: sides === 2 ? -b : -Infinity }, 0);
      return p.upper + (sides === 2 ? p.lower : 0);
    };
    const perSideTarget = sides === 2 ? 2 * target : target;
    const b = illinois((x) => probability(x) - perSideTarget, { lo: 0, hi: 15 });
    upper.push(b);
    spent += target;
    cumulativeAlpha.push(sides === 2 ? 2 * spent : spent);
    prev = propagate(prev, { t, upper: b, lower: sides === 2 ? -b : -Infinity }, 0);
  }
  return { upper, sides, cumulativeAlpha, nominalP: upper.map((b) => (sides === 2 ? 2 : 1) * normalSf(b)) };
}

/**
 * Sample-size inflation of a group-sequential design relative to the fixed design with the same α and power:
 * (θ_gs / θ_fixed)², θ_gs = drift giving the target probability of crossing an upper boundary.
 */
export function inflationFactor(options: {
  readonly times: readonly number[];
  readonly bounds: GroupSequentialBounds;
  readonly alpha: number;
  readonly power: number;
}): number {
  const { times, bounds } = options;
  const lower = bounds.sides === 2 ? bounds.upper.map((b) => -b) : undefined;
  const power = (drift: number): number =>
    boundaryCrossingProbabilities({ times, upper: bounds.upper, lower, drift }).upper.reduce(
      (s, p) => s + p,
      0,
    );
  const fixed = normalQuantile(1 - options.alpha) + normalQuantile(options.power);
  const drift = illinois((d) => power(d) - options.power, { lo: fixed * 0.8, hi: fixed * 2 });
  return (drift / fixed) ** 2;
}

/** Conditional power (Lan & Wittes B-value): 1 − Φ((z_final − Z√t − θ(1 − t)) / √(1 − t)). */
export function conditionalPower(options: {
  readonly t: number;
  readonly z: number;
  readonly zFinal: number;
  readonly drift: number;
}): number {
  const { t, z, zFinal, drift } = options;
  return normalSf((zFinal - z * Math.sqrt(t) - drift * (1 - t)) / Math.sqrt(1 - t));
}

/** The current-trend drift θ̂ = Z(t)/√t. */
export function currentTrendDrift(t: number, z: number): number {
  return z / Math.sqrt(t);
}
