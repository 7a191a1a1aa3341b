import { posteriorProbabilityAbove, type DltTally } from './beta-posterior.js';
import {
  boinBoundaryAt,
  BOIN_ELIMINATION_MIN_N,
  type BoinBoundaryRow,
  type BoinSettings,
} from './boin-boundaries.js';

/**
 * One BOIN dose-finding decision after a cohort (BOIN 2.7.2 `get.oc` trial flow, design.md §2.1): elimination first,
 * then the optional early completion, then escalate / de-escalate / stay. Method: docs/methods/boin.md.
 */

/** The optional "extra safe" rule: stop when the lowest dose is too toxic at cutoff − offset. */
export interface BoinExtraSafe {
  /** Subtracted from the elimination cutoff for the lowest dose (package default 0.05). */
  readonly offset: number;
}

/** Everything the decision needs about the current dose. */
export interface BoinDecisionInput {
  readonly settings: BoinSettings;
  readonly doseLevels: number;
  /** The dose just treated (1-based). */
  readonly level: number;
  /** All patients and DLTs at that dose so far. */
  readonly tally: DltTally;
  /** Lowest dose eliminated before this decision, or null. */
  readonly eliminatedFrom: number | null;
  readonly extraSafe?: BoinExtraSafe;
  /** Stop and select the MTD once this many patients are at the dose and it would stay (package `n.earlystop`). */
  readonly earlyStopN?: number;
  /** Precomputed boundaries (row i for n = i + 1), e.g. from `boinBoundaryTable`, to save recomputing them. */
  readonly boundaries?: readonly BoinBoundaryRow[];
}

/** Why the dose stays where it is. */
export type BoinStayReason = 'within-boundaries' | 'top-dose' | 'next-dose-eliminated' | 'lowest-dose';

/** A BOIN decision; `nextLevel` null means the trial stops. */
export type BoinDecision =
  | { readonly kind: 'escalate'; readonly boundary: BoinBoundaryRow; readonly nextLevel: number }
  | {
      readonly kind: 'stay';
      readonly boundary: BoinBoundaryRow;
      readonly reason: BoinStayReason;
      readonly nextLevel: number;
    }
  | { readonly kind: 'de-escalate'; readonly boundary: BoinBoundaryRow; readonly nextLevel: number }
  | {
      readonly kind: 'eliminate';
      readonly boundary: BoinBoundaryRow;
      /** This dose and every higher one are eliminated. */
      readonly eliminatedFrom: number;
      readonly rule: 'posterior-cutoff' | 'extra-safe';
      /** The next lower dose, or null when the lowest dose is eliminated (the trial stops without an MTD). */
      readonly nextLevel: number | null;
    }
  | { readonly kind: 'complete'; readonly boundary: BoinBoundaryRow; readonly nextLevel: null };

function eliminated(input: BoinDecisionInput, boundary: BoinBoundaryRow): BoinDecision | null {
  const { level, tally, settings } = input;
  if (boundary.eliminateIfAtLeast !== null && tally.y >= boundary.eliminateIfAtLeast) {
    return {
      kind: 'eliminate',
      boundary,
      eliminatedFrom: level,
      rule: 'posterior-cutoff',
      nextLevel: level > 1 ? level - 1 : null,
    };
  }
  const extra = input.extraSafe;
  if (
    extra !== undefined &&
    level === 1 &&
    tally.n >= BOIN_ELIMINATION_MIN_N &&
    posteriorProbabilityAbove(settings.target, tally) > settings.cutoffEliminate - extra.offset
  ) {
    return { kind: 'eliminate', boundary, eliminatedFrom: 1, rule: 'extra-safe', nextLevel: null };
  }
  return null;
}

/** The raw signal of the boundaries before the dose range is taken into account. */
function signal(boundary: BoinBoundaryRow, y: number): 'escalate' | 'de-escalate' | 'stay' {
  if (y <= boundary.escalateIfAtMost) {
    return 'escalate';
  }
  return y >= boundary.deescalateIfAtLeast ? 'de-escalate' : 'stay';
}

/**
 * The BOIN decision for the dose just treated. Throws on a broken invariant (level outside 1…doseLevels, tally with
 * y > n, a dose at or above an eliminated one); callers validate user input first.
 */
export function boinDecide(input: BoinDecisionInput): BoinDecision {
  const { level, tally, doseLevels, eliminatedFrom } = input;
  if (level < 1 || level > doseLevels || tally.y > tally.n || tally.n < 1) {
    throw new RangeError(`invalid BOIN state: level ${level} of ${doseLevels}, ${tally.y}/${tally.n}`);
  }
  if (eliminatedFrom !== null && level >= eliminatedFrom) {
    throw new RangeError(`level ${level} is eliminated (from ${eliminatedFrom})`);
  }
  const boundary = input.boundaries?.[tally.n - 1] ?? boinBoundaryAt(input.settings, tally.n);
  const elimination = eliminated(input, boundary);
  if (elimination !== null) {
    return elimination;
  }
  const raw = signal(boundary, tally.y);
  const topReached = level === doseLevels;
  const nextEliminated = eliminatedFrom !== null && eliminatedFrom === level + 1;
  const wouldStay =
    raw === 'stay' ||
    (raw === 'de-escalate' && level === 1) ||
    (raw === 'escalate' && (topReached || nextEliminated));
  if (input.earlyStopN !== undefined && tally.n >= input.earlyStopN && wouldStay) {
    return { kind: 'complete', boundary, nextLevel: null };
  }
  if (raw === 'escalate' && !topReached && !nextEliminated) {
    return { kind: 'escalate', boundary, nextLevel: level + 1 };
  }
  if (raw === 'de-escalate' && level > 1) {
    return { kind: 'de-escalate', boundary, nextLevel: level - 1 };
  }
  return { kind: 'stay', boundary, reason: stayReason(raw, topReached), nextLevel: level };
}

function stayReason(raw: 'escalate' | 'de-escalate' | 'stay', topReached: boolean): BoinStayReason {
  if (raw === 'stay') {
    return 'within-boundaries';
  }
  if (raw === 'de-escalate') {
    return 'lowest-dose';
  }
  return topReached ? 'top-dose' : 'next-dose-eliminated';
}
