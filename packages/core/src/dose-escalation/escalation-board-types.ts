import type { BoinSettingsInput } from './boin-boundaries.js';
import type { BoinDecision, BoinExtraSafe } from './boin-decision.js';
import type { DesignProblem } from './design-result.js';
import type { ThreePlusThreeDecision, ThreePlusThreeDesignInput } from './three-plus-three.js';

/** Plain-data input and output shapes of the escalation board (`escalation-board.ts`). */

/** A participant's DLT assessment; not-evaluable participants are replaced and do not count. */
export type BoardDltStatus = 'yes' | 'no' | 'pending' | 'not-evaluable';

export interface BoardParticipant {
  readonly id: string;
  readonly dlt: BoardDltStatus;
}

/** One cohort as treated: its 1-based dose level and participants. */
export interface BoardCohort {
  readonly level: number;
  readonly participants: readonly BoardParticipant[];
}

export interface BoardDoseLevel {
  readonly label: string;
}

/** The design the board runs. */
export type BoardDesign =
  | ({ readonly kind: 'three-plus-three' } & Omit<ThreePlusThreeDesignInput, 'doseLevels'>)
  | ({ readonly kind: 'boin' } & BoinSettingsInput & {
        readonly cohortSize: number;
        readonly maxCohorts: number;
        readonly startLevel?: number;
        readonly extraSafe?: BoinExtraSafe;
        readonly earlyStopN?: number;
      });

export interface EscalationBoardInput {
  readonly design: BoardDesign;
  /** Dose levels, lowest first; cohorts refer to them by 1-based position. */
  readonly doseLevels: readonly BoardDoseLevel[];
  readonly cohorts: readonly BoardCohort[];
}

/** The engine's decision after a complete cohort. */
export type BoardEngineDecision =
  | { readonly design: 'three-plus-three'; readonly decision: ThreePlusThreeDecision }
  | { readonly design: 'boin'; readonly decision: BoinDecision };

/** One complete cohort on the board. */
export interface BoardCohortRow {
  /** 1-based position of the cohort. */
  readonly cohort: number;
  readonly level: number;
  readonly label: string;
  readonly evaluable: number;
  readonly dlts: number;
  readonly notEvaluable: number;
  /** Patients and DLTs at this level after this cohort. */
  readonly levelPatients: number;
  readonly levelDlts: number;
  readonly decision: BoardEngineDecision;
  /** Short human-readable account of the decision. */
  readonly summary: string;
}

/** Totals per dose level. */
export interface BoardLevelRow {
  readonly level: number;
  readonly label: string;
  readonly patients: number;
  readonly dlts: number;
  /** Excluded from further treatment: exceeded the MTD (3+3) or eliminated (BOIN). */
  readonly closed: boolean;
}

/** What comes next: a cohort at a level, or the end with the MTD (null: no acceptable dose). */
export type BoardNext =
  | { readonly kind: 'treat'; readonly level: number; readonly label: string; readonly participants: number }
  | {
      readonly kind: 'stop';
      readonly mtd: number | null;
      readonly mtdLabel: string | null;
      readonly reason: string;
    };

/** Why a decision cannot be made yet for the latest cohort. */
export type BoardRefusal = 'cohort-incomplete' | 'dlt-pending';

export type EscalationBoardResult =
  | {
      readonly kind: 'ready';
      readonly rows: readonly BoardCohortRow[];
      readonly levels: readonly BoardLevelRow[];
      readonly next: BoardNext;
    }
  | {
      readonly kind: 'refused';
      readonly reason: BoardRefusal;
      /** 1-based position of the cohort that blocks the decision. */
      readonly cohort: number;
      readonly message: string;
      readonly evaluable: number;
      readonly pending: number;
      readonly required: number;
      /** The board up to the previous cohort, and the level the blocking cohort is treated at. */
      readonly rows: readonly BoardCohortRow[];
      readonly levels: readonly BoardLevelRow[];
      readonly currentLevel: number;
    }
  | { readonly kind: 'invalid'; readonly problems: readonly DesignProblem[] };
