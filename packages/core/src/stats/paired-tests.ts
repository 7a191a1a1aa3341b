/**
 * Paired t-test and Wilcoxon signed-rank test (normal approximation with continuity correction, as R's
 * `wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE)`), and the Wilcoxon rank-sum test.
 */
import { normalCdf, normalSf, tQuantile, tTwoSidedP } from './distributions.js';
import { averageRanks } from './ranks.js';

/** Result of a paired (one-sample on differences) t-test; t, p and CI are NaN with fewer than 2 pairs or zero variance. */
export interface PairedTTest {
  readonly n: number;
  readonly meanDifference: number;
  readonly sdDifference: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly ci95: readonly [number, number];
}

/** Paired t-test of x − y against 0 (two-sided), like R's `t.test(x, y, paired = TRUE)`. */
export function pairedTTest(x: readonly number[], y: readonly number[]): PairedTTest {
  return oneSampleTTest(differences(x, y));
}

/** One-sample t-test of mean(d) = 0 (two-sided). */
export function oneSampleTTest(d: readonly number[]): PairedTTest {
  const n = d.length;
  const mean = d.reduce((s, v) => s + v, 0) / n;
  let ss = 0;
  for (const v of d) {
    ss += (v - mean) * (v - mean);
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const t = se > 0 ? mean / se : Number.NaN;
  const p = Number.isFinite(t) ? tTwoSidedP(t, df) : Number.NaN;
  const q = df > 0 ? tQuantile(0.975, df) : Number.NaN;
  return { n, meanDifference: mean, sdDifference: sd, t, df, p, ci95: [mean - q * se, mean + q * se] };
}

function differences(x: readonly number[], y: readonly number[]): number[] {
  if (x.length !== y.length) {
    throw new RangeError(`paired samples need equal lengths, got ${x.length} and ${y.length}`);
  }
  return x.map((v, i) => v - (y[i] ?? Number.NaN));
}

/** Result of a Wilcoxon signed-rank test by the normal approximation. */
export interface SignedRankTest {
  /** Number of non-zero differences used. */
  readonly n: number;
  /** Number of zero differences dropped. */
  readonly nZero: number;
  /** V = sum of the ranks of positive differences (R's statistic). */
  readonly v: number;
  readonly z: number;
  readonly p: number;
  readonly hasTies: boolean;
}

/** Wilcoxon signed-rank test of x − y, as R's `wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE)`. */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): SignedRankTest {
  return wilcoxonSignedRankOneSample(differences(x, y));
}

/** Signed-rank test of the differences d against 0: zeros dropped, average ranks of |d|, tie-corrected variance. */
export function wilcoxonSignedRankOneSample(d: readonly number[]): SignedRankTest {
  const nonZero = d.filter((v) => v !== 0);
  const n = nonZero.length;
  const nZero = d.length - n;
  if (n === 0) {
    return { n, nZero, v: 0, z: Number.NaN, p: Number.NaN, hasTies: false };
  }
  const { ranks, tieSizes } = averageRanks(nonZero.map((v) => Math.abs(v)));
  let v = 0;
  nonZero.forEach((value, i) => {
    if (value > 0) {
      v += ranks[i] ?? 0;
    }
  });
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const centred = v - (n * (n + 1)) / 4;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  const p = Math.min(1, 2 * Math.min(normalCdf(z), normalSf(z)));
  return { n, nZero, v, z, p, hasTies: tieSizes.length > 0 || nZero > 0 };
}

/** Result of a Wilcoxon rank-sum (Mann–Whitney) test by the normal approximation. */
export interface RankSumTest {
  readonly n1: number;
  readonly n2: number;
  /** W = rank sum of x − n1(n1+1)/2 (R's statistic). */
  readonly w: number;
  readonly z: number;
  readonly p: number;
}

/** Wilcoxon rank-sum test of x vs y, as R's `wilcox.test(x, y, exact = FALSE, correct = TRUE)`. */
export function wilcoxonRankSum(x: readonly number[], y: readonly number[]): RankSumTest {
  const n1 = x.length;
  const n2 = y.length;
  const { ranks, tieSizes } = averageRanks([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) {
    r1 += ranks[i] ?? 0;
  }
  const w = r1 - (n1 * (n1 + 1)) / 2;
  const centred = w - (n1 * n2) / 2;
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n1 * n2 * (n + 1 - tieTerm / (n * (n - 1)))) / 12);
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  const p = Math.min(1, 2 * Math.min(normalCdf(z), normalSf(z)));
  return { n1, n2, w, z, p };
}
