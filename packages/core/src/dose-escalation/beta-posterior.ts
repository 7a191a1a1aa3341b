import { regularizedBeta } from '../stats/special-functions.js';

/**
 * Beta-binomial posterior helpers for toxicity monitoring: with a Beta(a, b) prior and y DLTs in n patients the
 * posterior is Beta(a + y, b + n − y).
 */

/** A Beta(a, b) prior on a DLT probability; Beta(1, 1) is uniform. */
export interface BetaPrior {
  readonly a: number;
  readonly b: number;
}

/** The uniform Beta(1, 1) prior used by BOIN's elimination rule. */
export const UNIFORM_BETA_PRIOR: BetaPrior = { a: 1, b: 1 };

/** Observed DLTs `y` among `n` evaluable patients. */
export interface DltTally {
  readonly n: number;
  readonly y: number;
}

/** Pr(p > threshold | y of n, prior) = 1 − I_threshold(a + y, b + n − y). */
export function posteriorProbabilityAbove(
  threshold: number,
  tally: DltTally,
  prior: BetaPrior = UNIFORM_BETA_PRIOR,
): number {
  return 1 - regularizedBeta(threshold, prior.a + tally.y, prior.b + tally.n - tally.y);
}

/** Options of `posteriorStopBoundary`. */
export interface PosteriorBoundaryOptions {
  /** The unacceptable DLT rate p0. */
  readonly threshold: number;
  /** Stop when Pr(p > p0 | data) is strictly above this. */
  readonly cutoff: number;
  readonly prior?: BetaPrior;
}

/**
 * Smallest y in 0…n with Pr(p > threshold | y of n) > cutoff, or null when no count of n crosses it
 * (design.md §2.1 elimination, §6.3 safety monitoring).
 */
export function posteriorStopBoundary(n: number, options: PosteriorBoundaryOptions): number | null {
  const prior = options.prior ?? UNIFORM_BETA_PRIOR;
  for (let y = 0; y <= n; y++) {
    if (posteriorProbabilityAbove(options.threshold, { n, y }, prior) > options.cutoff) {
      return y;
    }
  }
  return null;
}
