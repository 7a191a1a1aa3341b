/**
 * Pocock–Simon scoring (design.md §3.3; Pocock & Simon 1975): for each candidate arm k, add the new participant to
 * k hypothetically, take the ratio-adjusted counts x_j / r_j at the participant's level of every factor, measure
 * their imbalance D (range, SD or variance with n − 1), and sum with the factor weights: G_k = Σ_i w_i D_i(k).
 * Then turn the scores into assignment probabilities (best-arm rule or Pocock–Simon's rank rule).
 */
import type { ProtocolImbalanceMeasure } from '../protocol/protocol-vocabulary.js';
import type { RandomizationArm } from './randomization-arms.js';

/** How the imbalance of the ratio-adjusted counts at one factor level is measured. */
export type ImbalanceMeasure = ProtocolImbalanceMeasure;

/** Best-arm rule (Minirand, most EDCs): arms with the lowest score share `probability`, the others share the rest. */
export interface BestArmRule {
  readonly kind: 'best-arm';
  readonly probability: number;
}

/** Pocock–Simon (1975) rank rule: p_(k) = c − 2(Kc − 1)k / (K(K + 1)) for the k-th lowest score, 1/K ≤ c ≤ 2/(K−1). */
export interface RankRule {
  readonly kind: 'rank';
  readonly c: number;
}

/** How scores become assignment probabilities. */
export type MinimizationRule = BestArmRule | RankRule;

/** Previous participants on each arm (canonical arm order) at the new participant's level of one factor. */
export interface FactorLevelCounts {
  readonly factor: string;
  readonly level: string;
  readonly weight: number;
  readonly counts: readonly { readonly arm: string; readonly count: number }[];
}

/** Scores within this relative distance of each other count as tied (the SD sums square roots). */
export const SCORE_TIE_TOLERANCE = 1e-9;

/** The imbalance D of a list of ratio-adjusted counts (range = max − min; SD and variance use n − 1). */
export function imbalanceOf(values: readonly number[], measure: ImbalanceMeasure): number {
  if (values.length < 2) {
    return 0;
  }
  if (measure === 'range') {
    return Math.max(...values) - Math.min(...values);
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return measure === 'variance' ? variance : Math.sqrt(variance);
}

/** G_k for every arm k (canonical order of `arms`, which must match the order of each `counts` list). */
export function minimizationScores(
  arms: readonly RandomizationArm[],
  levels: readonly FactorLevelCounts[],
  measure: ImbalanceMeasure,
): number[] {
  return arms.map((_, k) =>
    levels.reduce((total, level) => {
      const adjusted = arms.map((arm, j) => ((level.counts[j]?.count ?? 0) + (j === k ? 1 : 0)) / arm.ratio);
      return total + level.weight * imbalanceOf(adjusted, measure);
    }, 0),
  );
}

function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Indices of the arms with the lowest score (ties within `SCORE_TIE_TOLERANCE`). */
export function preferredArmIndices(scores: readonly number[]): number[] {
  const min = Math.min(...scores);
  return scores.flatMap((s, i) => (tied(s, min) ? [i] : []));
}

/** Pocock–Simon rank probabilities p_(1) ≥ … ≥ p_(K) for the lowest to the highest score. */
export function rankRuleProbabilities(arms: number, c: number): number[] {
  return Array.from({ length: arms }, (_, i) => c - (2 * (arms * c - 1) * (i + 1)) / (arms * (arms + 1)));
}

function rankProbabilities(scores: readonly number[], c: number): number[] {
  const byRank = rankRuleProbabilities(scores.length, c);
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => a.s - b.s);
  const out = new Array<number>(scores.length).fill(0);
  let start = 0;
  while (start < order.length) {
    // A group of tied scores shares the mean of the rank probabilities it spans.
    let end = start + 1;
    while (end < order.length && tied(order[end]?.s ?? 0, order[start]?.s ?? 0)) {
      end += 1;
    }
    const share = byRank.slice(start, end).reduce((a, b) => a + b, 0) / (end - start);
    for (let r = start; r < end; r++) {
      out[order[r]?.i ?? 0] = share;
    }
    start = end;
  }
  return out;
}

/** Assignment probability of every arm from its score; all scores tied → 1/K each. */
export function assignmentProbabilities(scores: readonly number[], rule: MinimizationRule): number[] {
  const k = scores.length;
  const best = preferredArmIndices(scores);
  if (best.length === k) {
    return scores.map(() => 1 / k);
  }
  if (rule.kind === 'rank') {
    return rankProbabilities(scores, rule.c);
  }
  const others = k - best.length;
  return scores.map((_, i) =>
    best.includes(i) ? rule.probability / best.length : (1 - rule.probability) / others,
  );
}
