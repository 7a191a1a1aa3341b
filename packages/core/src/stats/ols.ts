/** Ordinary least squares for a straight line y = a + b·x (centred sums for numerical stability). */
export interface LineFit {
  readonly intercept: number;
  readonly slope: number;
  /** Number of points used. */
  readonly n: number;
  /** Standard error of the slope (NaN when n ≤ 2). */
  readonly slopeSe: number;
  /** Residual standard deviation (NaN when n ≤ 2). */
  readonly residualSd: number;
}

/** Fits y on x by OLS; returns null when fewer than 2 points or all x are equal (slope undefined). */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) {
    return null;
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    sxx += dx * dx;
    sxy += dx * ((y[i] ?? 0) - my);
  }
  if (!(sxx > 0)) {
    return null;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] ?? 0) - intercept - slope * (x[i] ?? 0);
    rss += r * r;
  }
  const residualSd = n > 2 ? Math.sqrt(rss / (n - 2)) : Number.NaN;
  return { intercept, slope, n, residualSd, slopeSe: residualSd / Math.sqrt(sxx) };
}
