/** Log-rank test for k groups (R `survival::survdiff` with rho = 0). */
import { chiSquareSf } from './distributions.js';
import { solveSymmetric } from './linear-algebra.js';

/** Result of the log-rank test: observed and expected events per group, chi-square, df, p. */
export interface LogRankTest {
  readonly groups: readonly string[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

/** Log-rank test; `group` gives each subject's group label (at least 2 distinct levels). */
export function logRankTest(data: {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
  readonly group: readonly string[];
}): LogRankTest {
  const levels = [...new Set(data.group)].sort();
  const k = levels.length;
  const gIndex = data.group.map((g) => levels.indexOf(g));
  const order = data.time.map((_, i) => i).sort((a, b) => (data.time[a] ?? 0) - (data.time[b] ?? 0));
  const atRisk = new Array<number>(k).fill(0);
  for (const g of gIndex) {
    atRisk[g] = (atRisk[g] ?? 0) + 1;
  }
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let i = 0;
  while (i < order.length) {
    const time = data.time[order[i] ?? 0];
    const deaths = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    while (i < order.length && data.time[order[i] ?? 0] === time) {
      const idx = order[i] ?? 0;
      const g = gIndex[idx] ?? 0;
      leaving[g] = (leaving[g] ?? 0) + 1;
      if (data.event[idx]) {
        deaths[g] = (deaths[g] ?? 0) + 1;
      }
      i++;
    }
    const d = deaths.reduce((s, x) => s + x, 0);
    const n = atRisk.reduce((s, x) => s + x, 0);
    if (d > 0) {
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let g = 0; g < k; g++) {
        const ng = atRisk[g] ?? 0;
        observed[g] = (observed[g] ?? 0) + (deaths[g] ?? 0);
        expected[g] = (expected[g] ?? 0) + (ng * d) / n;
        const row = v[g] ?? [];
        for (let h = 0; h < k; h++) {
          const nh = atRisk[h] ?? 0;
          row[h] = (row[h] ?? 0) + (factor * ng * ((g === h ? 1 : 0) - nh / n)) / n;
        }
      }
    }
    for (let g = 0; g < k; g++) {
      atRisk[g] = (atRisk[g] ?? 0) - (leaving[g] ?? 0);
    }
  }
  // Drop the last group (V is singular) and form (O − E)' V⁻¹ (O − E).
  const m = k - 1;
  const diff = observed.slice(0, m).map((o, g) => o - (expected[g] ?? 0));
  const vSub = v.slice(0, m).map((row) => row.slice(0, m));
  const solved = m > 0 ? solveSymmetric(vSub, diff) : null;
  const chisq = solved === null ? Number.NaN : diff.reduce((s, x, g) => s + x * (solved[g] ?? 0), 0);
  return { groups: levels, observed, expected, chisq, df: m, p: chiSquareSf(chisq, m) };
}
