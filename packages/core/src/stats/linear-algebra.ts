/** Small dense linear algebra on arrays of rows (symmetric positive-definite systems via Cholesky). */

/** Lower Cholesky factor L (A = L Lᵀ) of a symmetric positive-definite matrix; null if not positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const lj = l[j] ?? [];
    let s = a[j]?.[j] ?? 0;
    for (let k = 0; k < j; k++) {
      s -= (lj[k] ?? 0) ** 2;
    }
    if (!(s > 0)) {
      return null;
    }
    const d = Math.sqrt(s);
    lj[j] = d;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] ?? [];
      let t = a[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) {
        t -= (li[k] ?? 0) * (lj[k] ?? 0);
      }
      li[j] = t / d;
    }
  }
  return l;
}

/** Solves L y = b (forward substitution). */
export function forwardSolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const y: number[] = [];
  for (let i = 0; i < b.length; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) {
      s -= (l[i]?.[k] ?? 0) * (y[k] ?? 0);
    }
    y.push(s / (l[i]?.[i] ?? 1));
  }
  return y;
}

/** Solves Lᵀ x = y (back substitution). */
export function backSolveTransposed(l: readonly (readonly number[])[], y: readonly number[]): number[] {
  const n = y.length;
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) {
      s -= (l[k]?.[i] ?? 0) * (x[k] ?? 0);
    }
    x[i] = s / (l[i]?.[i] ?? 1);
  }
  return x;
}

/** Solves A x = b for symmetric positive-definite A; null if A is not positive definite. */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const l = cholesky(a);
  return l === null ? null : backSolveTransposed(l, forwardSolve(l, b));
}

/** Inverse of a symmetric positive-definite matrix; null if not positive definite. */
export function inverseSymmetric(a: readonly (readonly number[])[]): number[][] | null {
  const l = cholesky(a);
  if (l === null) {
    return null;
  }
  const n = a.length;
  const columns = Array.from({ length: n }, (_, j) =>
    backSolveTransposed(
      l,
      forwardSolve(
        l,
        Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)),
      ),
    ),
  );
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]?.[i] ?? 0));
}
