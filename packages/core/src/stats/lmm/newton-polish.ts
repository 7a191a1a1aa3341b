/**
 * Newton refinement of a smooth minimum with finite-difference gradient and Hessian (central differences),
 * used after a loose Nelder–Mead search: a few Newton steps reach the optimum to rounding accuracy with far
 * fewer deviance evaluations than tightening the simplex.
 */
import { solveSymmetric } from '../linear-algebra.js';

/** Result of the polish: the point, its value, evaluations used and whether Newton converged. */
export interface PolishResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/** Finite-difference gradient and Hessian of f at x with per-coordinate steps h. */
function derivatives(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  fx: number,
): { gradient: number[]; hessian: number[][]; evaluations: number } {
  const n = x.length;
  const h = x.map((v) => 1e-4 * Math.max(Math.abs(v), 0.1));
  /** f at x moved by `delta` steps along coordinate `index`, for each [index, delta] given. */
  const shifted = (...moves: readonly (readonly [number, number])[]): number => {
    const y = [...x];
    for (const [index, delta] of moves) {
      y[index] = (y[index] ?? 0) + delta * (h[index] ?? 0);
    }
    return f(y);
  };
  let evaluations = 0;
  const gradient: number[] = [];
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const plus = shifted([i, 1]);
    const minus = shifted([i, -1]);
    evaluations += 2;
    const hi = h[i] ?? 1;
    gradient.push((plus - minus) / (2 * hi));
    (hessian[i] ?? [])[i] = (plus - 2 * fx + minus) / (hi * hi);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v =
        (shifted([i, 1], [j, 1]) -
          shifted([i, 1], [j, -1]) -
          shifted([i, -1], [j, 1]) +
          shifted([i, -1], [j, -1])) /
        (4 * (h[i] ?? 1) * (h[j] ?? 1));
      evaluations += 4;
      (hessian[i] ?? [])[j] = v;
      (hessian[j] ?? [])[i] = v;
    }
  }
  return { gradient, hessian, evaluations };
}

/** Newton steps from x0 with backtracking; stops when the step no longer lowers f measurably. */
export function newtonPolish(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: { readonly maxIterations?: number } = {},
): PolishResult {
  let x = [...x0];
  let value = f(x);
  let evaluations = 1;
  let converged = false;
  for (let iter = 0; iter < (options.maxIterations ?? 8); iter++) {
    const d = derivatives(f, x, value);
    evaluations += d.evaluations;
    const step = solveSymmetric(d.hessian, d.gradient);
    if (step === null) {
      break;
    }
    // Predicted decrease ½ gᵀH⁻¹g: below rounding level means we are at the minimum.
    const predicted = 0.5 * d.gradient.reduce((s, g, i) => s + g * (step[i] ?? 0), 0);
    const stepSize = Math.max(...step.map((v, i) => Math.abs(v) / Math.max(Math.abs(x[i] ?? 0), 1)));
    if (predicted < 1e-12 * Math.max(1, Math.abs(value)) || stepSize < 1e-10) {
      converged = true;
      break;
    }
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 20; k++) {
      const candidate = x.map((v, i) => v - t * (step[i] ?? 0));
      const fc = f(candidate);
      evaluations++;
      if (fc <= value) {
        x = candidate;
        value = fc;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      converged = true;
      break;
    }
  }
  return { x, value, evaluations, converged };
}
