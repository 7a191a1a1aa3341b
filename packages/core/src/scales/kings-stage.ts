import type { AlsfrsRItems } from './alsfrs-r-items.js';

/**
 * King's clinical staging estimated from ALSFRS-R items (Balendra et al., ALS-FTD 2014;15:279), using the mapping
 * implemented in the Precision-ALS code (clinical.md §1.3, marked [C + U]: the paper itself was not retrieved).
 */

export const KINGS_STAGES = ['0', '1', '2', '3', '4A', '4B'] as const;
export type KingsStage = (typeof KINGS_STAGES)[number];

/** The stage with the facts that produced it (so a form can explain it). */
export interface KingsStaging {
  readonly stage: KingsStage;
  /** Number of clinically involved regions (bulbar, upper limb, lower limb), 0–3. */
  readonly regionsInvolved: number;
  readonly bulbar: boolean;
  readonly upperLimb: boolean;
  readonly lowerLimb: boolean;
  /** Stage 4A criterion: gastrostomy (item 5b answered instead of 5a). */
  readonly nutritionalFailure: boolean;
  /** Stage 4B criterion: item 10 (dyspnoea) = 0 or item 12 (respiratory insufficiency) < 4 (any NIV use). */
  readonly respiratoryFailure: boolean;
}

/**
 * Derives King's stage from a complete ALSFRS-R record. 4B (respiratory) is checked before 4A (gastrostomy), so a
 * participant meeting both is reported as '4B' (both flags stay visible in the result). No floor at stage 1: an
 * all-normal record gives '0' (see docs/methods/alsfrs-r.md).
 */
export function kingsStage(items: AlsfrsRItems): KingsStaging {
  const s = items.scores;
  const bulbar = s[1] < 4 || s[2] < 4 || s[3] < 4;
  // Only 5a counts for the upper-limb region: a 5b answer means gastrostomy, which is stage 4A anyway.
  const upperLimb = s[4] < 4 || (items.item5Scale === 'a' && s[5] < 4);
  const lowerLimb = s[8] < 4;
  const regionsInvolved = [bulbar, upperLimb, lowerLimb].filter(Boolean).length;
  const respiratoryFailure = s[10] === 0 || s[12] < 4;
  const nutritionalFailure = items.item5Scale === 'b';
  let stage: KingsStage;
  if (respiratoryFailure) {
    stage = '4B';
  } else if (nutritionalFailure) {
    stage = '4A';
  } else {
    stage = regionStage(regionsInvolved);
  }
  return { stage, regionsInvolved, bulbar, upperLimb, lowerLimb, nutritionalFailure, respiratoryFailure };
}

function regionStage(regions: number): KingsStage {
  const stage = KINGS_STAGES[regions];
  if (stage === undefined || regions > 3) {
    throw new Error(`regionsInvolved out of range: ${regions}`);
  }
  return stage;
}

/** Orders King's stages for comparisons ('0' < '1' < '2' < '3' < '4A' < '4B'; 4A and 4B are both stage 4). */
export function kingsStageRank(stage: KingsStage): number {
  return stage === '4A' || stage === '4B' ? 4 : Number(stage);
}
