/**
 * The step table of the EDSS calculator: Neurostatus-style FS conversions and an ordered rule list (first match
 * wins), following clinical.md §3. Where the two public reference implementations disagree, we follow the
 * JavaScript `edss` package's behaviour (clinical.md's recommendation); those rules carry `disputed`.
 */

/** The seven functional systems with their raw ranges (Neurostatus). */
export const EDSS_FUNCTIONAL_SYSTEMS = {
  visual: 6,
  brainstem: 5,
  pyramidal: 6,
  cerebellar: 5,
  sensory: 6,
  bowelBladder: 6,
  cerebral: 5,
} as const;
export type EdssFunctionalSystem = keyof typeof EDSS_FUNCTIONAL_SYSTEMS;

/** Highest Neurostatus ambulation score (16 = death due to MS). */
export const EDSS_AMBULATION_MAX = 16;

/** Visual FS conversion for the EDSS: 0→0, 1→1, 2–3→2, 4–5→3, 6→4. */
export function convertVisualFs(raw: number): number {
  const table = [0, 1, 2, 2, 3, 3, 4] as const;
  return lookup(table, raw, 'visual');
}

/** Bowel and bladder FS conversion for the EDSS: 0→0, 1→1, 2→2, 3–4→3, 5→4, 6→5. */
export function convertBowelBladderFs(raw: number): number {
  const table = [0, 1, 2, 3, 3, 4, 5] as const;
  return lookup(table, raw, 'bowelBladder');
}

function lookup(table: readonly number[], raw: number, name: string): number {
  const value = table[raw];
  if (value === undefined) {
    throw new Error(`${name} FS out of range: ${raw}`);
  }
  return value;
}

/**
 * Ambulation score → EDSS where the ambulation score alone fixes the step (scores 3–16).
 * Index = ambulation score.
 */
export const AMBULATION_FIXED_EDSS: Readonly<Record<number, number>> = {
  3: 5.0,
  4: 5.5,
  5: 6.0,
  6: 6.0,
  7: 6.0,
  8: 6.5,
  9: 6.5,
  10: 7.0,
  11: 7.5,
  12: 8.0,
  13: 8.5,
  14: 9.0,
  15: 9.5,
  16: 10.0,
};

/** How many converted FS sit at each grade, with the ambulation score (0–2 when the FS rules apply). */
export interface EdssGradeCounts {
  /** Number of FS at grade 5 or 6 after conversion. */
  readonly atLeast5: number;
  readonly grade4: number;
  readonly grade3: number;
  readonly grade2: number;
  readonly grade1: number;
  readonly ambulation: number;
}

/** One row of the step table. */
export interface EdssRule {
  readonly id: string;
  readonly edss: number;
  readonly when: (c: EdssGradeCounts) => boolean;
  /** Set when public readings disagree: the alternative we did not follow, and (if narrower) when it applies. */
  readonly disputed?: { readonly note: string; readonly when?: (c: EdssGradeCounts) => boolean };
}

/** The FS step table for ambulation scores 0–2, in evaluation order. */
export const EDSS_FS_RULES: readonly EdssRule[] = [
  { id: 'fs-grade-5-or-more', edss: 5.0, when: (c) => c.atLeast5 >= 1 },
  {
    id: 'fs-two-or-more-grade-4',
    edss: 5.0,
    when: (c) => c.grade4 >= 2,
    disputed: {
      note: 'EDSScalculator (R) gives 4.0/4.5 with ambulation 1/2 (its rule-order bug; ambulation never lowers a step)',
      when: (c) => c.ambulation >= 1,
    },
  },
  {
    id: 'fs-one-4-three-or-more-3',
    edss: 5.0,
    when: (c) => c.grade4 === 1 && c.grade3 >= 3,
    disputed: {
      note: 'EDSScalculator (R) gives 4.5 ("1–4×3 + 1×4 → 4.5"); to check against Neurostatus v04/10.3',
    },
  },
  { id: 'fs-one-4-one-or-two-3', edss: 4.5, when: (c) => c.grade4 === 1 && c.grade3 >= 1 },
  {
    id: 'fs-one-4-with-2s',
    edss: 4.5,
    when: (c) => c.grade4 === 1 && c.grade2 >= 1,
    disputed: { note: 'EDSScalculator (R) gives 4.0; to check against the Neurostatus table v04/10.3' },
  },
  { id: 'fs-one-4-others-0-1', edss: 4.0, when: (c) => c.grade4 === 1 && c.ambulation <= 1 },
  {
    id: 'fs-six-or-more-grade-3',
    edss: 5.0,
    when: (c) => c.grade3 >= 6,
    disputed: {
      note: 'EDSScalculator (R) gives 4.0/4.5 with ambulation 1/2 (its rule-order bug)',
      when: (c) => c.ambulation >= 1,
    },
  },
  { id: 'ambulation-300-500m', edss: 4.5, when: (c) => c.ambulation === 2 },
  { id: 'fs-five-grade-3', edss: 4.5, when: (c) => c.grade3 === 5 },
  { id: 'fs-two-3-others-0-1', edss: 3.5, when: (c) => c.grade3 === 2 && c.grade2 === 0 },
  { id: 'fs-two-to-four-grade-3', edss: 4.0, when: (c) => c.grade3 >= 2 },
  { id: 'fs-one-3-three-or-more-2', edss: 4.0, when: (c) => c.grade3 === 1 && c.grade2 >= 3 },
  { id: 'fs-one-3-one-or-two-2', edss: 3.5, when: (c) => c.grade3 === 1 && c.grade2 >= 1 },
  { id: 'fs-one-3-others-0-1', edss: 3.0, when: (c) => c.grade3 === 1 },
  { id: 'fs-six-or-more-grade-2', edss: 4.0, when: (c) => c.grade2 >= 6 },
  { id: 'fs-five-grade-2', edss: 3.5, when: (c) => c.grade2 === 5 },
  { id: 'fs-three-or-four-grade-2', edss: 3.0, when: (c) => c.grade2 >= 3 },
  { id: 'fs-two-grade-2', edss: 2.5, when: (c) => c.grade2 === 2 },
  { id: 'fs-one-grade-2', edss: 2.0, when: (c) => c.grade2 === 1 },
  { id: 'ambulation-fully-ambulatory', edss: 2.0, when: (c) => c.ambulation === 1 },
  { id: 'fs-two-or-more-grade-1', edss: 1.5, when: (c) => c.grade1 >= 2 },
  { id: 'fs-one-grade-1', edss: 1.0, when: (c) => c.grade1 === 1 },
  { id: 'normal', edss: 0, when: () => true },
];
