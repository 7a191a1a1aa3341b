/**
 * Nelder–Mead simplex minimizer (Nelder & Mead 1965, Computer Journal 7:308; standard coefficients
 * reflection 1, expansion 2, contraction ½, shrink ½), restarted from the best point until a restart
 * no longer improves, which guards against premature collapse of the simplex.
 */

/** Options of the minimizer. */
export interface NelderMeadOptions {
  /** Initial step along each coordinate. */
  readonly step?: number;
  /** Stop when the simplex function values span less than this, relative to max(1, |f|). */
  readonly fTolerance?: number;
  /** …and the simplex vertices are within this distance of the best one (max-norm). */
  readonly xTolerance?: number;
  readonly maxEvaluations?: number;
  /** Restarts from the best point (default 10; each stops early once it no longer improves). */
  readonly restarts?: number;
}

/** Result: the minimizer, its value, evaluations used and whether the tolerances were met. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

function simplexRun(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: Required<NelderMeadOptions> & { budget: number },
): NelderMeadResult {
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const points: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + options.step;
    points.push(x);
  }
  const values = points.map(evaluate);
  let converged = false;
  while (evaluations < options.budget) {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
    const sortedPoints = order.map((i) => points[i] ?? []);
    const sortedValues = order.map((i) => values[i] ?? 0);
    points.splice(0, points.length, ...sortedPoints);
    values.splice(0, values.length, ...sortedValues);
    const best = points[0] ?? [];
    const spreadF = (values[n] ?? 0) - (values[0] ?? 0);
    let spreadX = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) {
        spreadX = Math.max(spreadX, Math.abs((points[i]?.[j] ?? 0) - (best[j] ?? 0)));
      }
    }
    // Converged when values and vertices agree, or the values agree so closely that the remaining
    // spread in x lies along a direction in which f is flat to rounding.
    const fScale = Math.max(1, Math.abs(values[0] ?? 0));
    if (
      (spreadF <= options.fTolerance * fScale && spreadX <= options.xTolerance) ||
      spreadF <= 1e-14 * fScale
    ) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        centroid[j] = (centroid[j] ?? 0) + (points[i]?.[j] ?? 0) / n;
      }
    }
    const worst = points[n] ?? [];
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] ?? 0)));
    const reflected = along(1);
    const fr = evaluate(reflected);
    if (fr < (values[0] ?? 0)) {
      const expanded = along(2);
      const fe = evaluate(expanded);
      if (fe < fr) {
        points[n] = expanded;
        values[n] = fe;
      } else {
        points[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < (values[n - 1] ?? 0)) {
      points[n] = reflected;
      values[n] = fr;
      continue;
    }
    const outside = fr < (values[n] ?? 0);
    const contracted = along(outside ? 0.5 : -0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : (values[n] ?? 0))) {
      points[n] = contracted;
      values[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const shrunk = (points[i] ?? []).map((v, j) => (best[j] ?? 0) + 0.5 * (v - (best[j] ?? 0)));
      points[i] = shrunk;
      values[i] = evaluate(shrunk);
    }
  }
  let bestIndex = 0;
  values.forEach((v, i) => {
    if (v < (values[bestIndex] ?? 0)) {
      bestIndex = i;
    }
  });
  return {
    x: points[bestIndex] ?? [...start],
    value: values[bestIndex] ?? Number.NaN,
    evaluations,
    converged,
  };
}

/** Minimizes f from `start`; restarts from the best point (with a smaller simplex) until no further improvement. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const settings = {
    step: options.step ?? 0.1,
    fTolerance: options.fTolerance ?? 1e-12,
    xTolerance: options.xTolerance ?? 1e-7,
    maxEvaluations: options.maxEvaluations ?? 20_000,
    restarts: options.restarts ?? 10,
  };
  let evaluations = 0;
  let result = simplexRun(f, start, { ...settings, budget: settings.maxEvaluations });
  evaluations += result.evaluations;
  let step = settings.step;
  for (let restart = 0; restart < settings.restarts && evaluations < settings.maxEvaluations; restart++) {
    step = Math.max(step / 10, 1e-5);
    const again = simplexRun(f, result.x, {
      ...settings,
      step,
      budget: settings.maxEvaluations - evaluations,
    });
    evaluations += again.evaluations;
    const improved = again.value < result.value - settings.fTolerance * Math.max(1, Math.abs(result.value));
    if (again.value <= result.value) {
      result = again;
    }
    if (!improved) {
      return { ...result, evaluations, converged: result.converged && again.converged };
    }
  }
  return { ...result, evaluations, converged: settings.restarts === 0 && result.converged };
}
