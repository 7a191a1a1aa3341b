/**
 * CAFS — Combined Assessment of Function and Survival (Berry et al., ALS-FTD 2013;14:162), the joint-rank
 * endpoint of NCT04745299: every participant is compared with every other on survival first (death,
 * tracheostomy or permanent assisted ventilation within their common follow-up) and otherwise on the change
 * in ALSFRS-R; summed pairwise scores are ranked, and arms are compared by mean rank and the rank-sum test.
 *
 * Documented choices (clinical.md §1.6 marks the tie/missing rules [U]; confirm against the SAP):
 *  - common window T = min(follow-up_i, follow-up_j); an event counts only if it happens at or before T;
 *    events at the same time tie (score 0); an event at T beats (loses to) a censoring at T;
 *  - if neither has an event within T: higher ΔALSFRS-R (less decline) scores +1, equal scores 0;
 *    a missing Δ scores 0 against everyone (no imputation here; Δ is the caller's last value ≤ horizon);
 *  - with a horizon H, events after H are treated as censored at H and follow-up is truncated at H;
 *  - scores are summed over all participants of the trial; ranks average ties; CAFS_i = rank_i / N.
 */
import { wilcoxonRankSum } from './paired-tests.js';
import type { RankSumTest } from './paired-tests.js';
import { averageRanks } from './ranks.js';
import { invalid } from './problems.js';
import type { StatsProblem, StatsResult } from './problems.js';

/** One participant's CAFS inputs. */
export interface CafsParticipant {
  readonly id: string;
  readonly arm: string;
  /** Months from randomization to the event or to the end of follow-up. */
  readonly time: number;
  /** True if death, tracheostomy or permanent assisted ventilation ended follow-up. */
  readonly event: boolean;
  /** ALSFRS-R change from baseline to the last assessment within the horizon; null when missing. */
  readonly change: number | null;
}

/** Per-participant CAFS result. */
export interface CafsScore {
  readonly id: string;
  readonly arm: string;
  /** Sum of pairwise scores. */
  readonly score: number;
  readonly rank: number;
  /** rank / N, in (0, 1]; higher is better. */
  readonly cafs: number;
}

/** Per-arm summary. */
export interface CafsArm {
  readonly arm: string;
  readonly n: number;
  readonly meanRank: number;
  readonly meanCafs: number;
}

/** A comparison of one arm with the reference arm (rank-sum test of the summed scores). */
export interface CafsComparison {
  readonly arm: string;
  readonly reference: string;
  readonly test: RankSumTest;
}

/** Pairwise score of i against j: +1 if i's outcome is better, −1 if worse, 0 if tied or not comparable. */
export function cafsPairScore(i: CafsParticipant, j: CafsParticipant): number {
  const t = Math.min(i.time, j.time);
  const iEvent = i.event && i.time <= t;
  const jEvent = j.event && j.time <= t;
  if (iEvent || jEvent) {
    if (iEvent && jEvent) {
      return Math.sign(i.time - j.time);
    }
    return iEvent ? -1 : 1;
  }
  if (i.change === null || j.change === null) {
    return 0;
  }
  return Math.sign(i.change - j.change);
}

function applyHorizon(p: CafsParticipant, horizon: number | undefined): CafsParticipant {
  if (horizon === undefined || p.time <= horizon) {
    return p;
  }
  return { ...p, time: horizon, event: false };
}

/** Computes CAFS scores, ranks, per-arm mean ranks and rank-sum tests of each arm against the reference. */
export function cafs(
  participants: readonly CafsParticipant[],
  options: { readonly horizon?: number; readonly reference?: string } = {},
): StatsResult<{ scores: CafsScore[]; arms: CafsArm[]; comparisons: CafsComparison[]; reference: string }> {
  const problems: StatsProblem[] = [];
  for (const p of participants) {
    if (!Number.isFinite(p.time) || p.time < 0) {
      problems.push({
        code: 'not-finite',
        subject: p.id,
        message: `participant ${p.id}: follow-up time must be a non-negative number`,
      });
    }
    if (p.change !== null && !Number.isFinite(p.change)) {
      problems.push({
        code: 'not-finite',
        subject: p.id,
        message: `participant ${p.id}: ALSFRS-R change is not a finite number`,
      });
    }
  }
  const levels = [...new Set(participants.map((p) => p.arm))].sort();
  if (levels.length < 2) {
    problems.push({
      code: 'one-level-group',
      message: `CAFS compares arms, but there is only one arm (${levels[0] ?? 'none'})`,
    });
  }
  const reference = options.reference ?? levels[0] ?? '';
  if (levels.length >= 2 && !levels.includes(reference)) {
    problems.push({
      code: 'invalid-argument',
      message: `reference arm '${reference}' does not occur (arms: ${levels.join(', ')})`,
    });
  }
  if (problems.length > 0) {
    return invalid(problems);
  }
  const data = participants.map((p) => applyHorizon(p, options.horizon));
  const sums = data.map((pi, i) => data.reduce((s, pj, j) => (i === j ? s : s + cafsPairScore(pi, pj)), 0));
  const { ranks } = averageRanks(sums);
  const n = data.length;
  const scores = data.map((p, i): CafsScore => ({
    id: p.id,
    arm: p.arm,
    score: sums[i] ?? 0,
    rank: ranks[i] ?? 0,
    cafs: (ranks[i] ?? 0) / n,
  }));
  const arms = levels.map((arm): CafsArm => {
    const members = scores.filter((s) => s.arm === arm);
    const meanRank = members.reduce((s, m) => s + m.rank, 0) / members.length;
    return { arm, n: members.length, meanRank, meanCafs: meanRank / n };
  });
  const refScores = scores.filter((s) => s.arm === reference).map((s) => s.score);
  const comparisons = levels
    .filter((arm) => arm !== reference)
    .map((arm): CafsComparison => ({
      arm,
      reference,
      test: wilcoxonRankSum(
        scores.filter((s) => s.arm === arm).map((s) => s.score),
        refScores,
      ),
    }));
  return { kind: 'ok', scores, arms, comparisons, reference };
}
