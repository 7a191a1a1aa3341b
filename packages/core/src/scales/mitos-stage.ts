import type { AlsfrsRItems } from './alsfrs-r-items.js';

/**
 * MiToS functional staging (Chiò et al., JNNP 2015;86:38, Table 1; clinical.md §1.4, marked [V]). The
 * communicating domain uses the published AND rule (several public codes use OR; we follow the paper).
 */

export type MitosStage = 0 | 1 | 2 | 3 | 4;

/** The stage and which of the four domains were lost. */
export interface MitosStaging {
  /** Number of lost domains, 0–4 (stage 5 = death is not derivable from ALSFRS-R). */
  readonly stage: MitosStage;
  /** Item 8 (walking) ≤ 1 OR item 6 (dressing and hygiene) ≤ 1. */
  readonly movementLost: boolean;
  /** Item 3 (swallowing) ≤ 1. */
  readonly swallowingLost: boolean;
  /** Item 1 (speech) ≤ 1 AND item 4 (handwriting) ≤ 1. */
  readonly communicatingLost: boolean;
  /** Item 10 (dyspnoea) ≤ 1 OR item 12 (respiratory insufficiency) ≤ 2. */
  readonly breathingLost: boolean;
}

/** Derives the MiToS stage from a complete ALSFRS-R record. */
export function mitosStage(items: AlsfrsRItems): MitosStaging {
  const s = items.scores;
  const movementLost = s[8] <= 1 || s[6] <= 1;
  const swallowingLost = s[3] <= 1;
  const communicatingLost = s[1] <= 1 && s[4] <= 1;
  const breathingLost = s[10] <= 1 || s[12] <= 2;
  const lost = [movementLost, swallowingLost, communicatingLost, breathingLost].filter(Boolean).length;
  return { stage: lost as MitosStage, movementLost, swallowingLost, communicatingLost, breathingLost };
}
