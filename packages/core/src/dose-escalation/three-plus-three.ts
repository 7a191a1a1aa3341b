import { designProblem, integerProblems, type DesignProblem, type DesignResult } from './design-result.js';

/**
 * The 3+3 dose-escalation rules as integer counts (design.md §1.1): 0/3 escalate, 1/3 expand to 6, ≤1/6 escalate,
 * ≥2/3 or ≥2/6 the dose exceeds the MTD. Two variants (escalation-only; de-escalation "MTD must have 6"), a
 * configurable start level and top-dose rule. Method, choices and sources: docs/methods/three-plus-three.md.
 */

export const THREE_PLUS_THREE_VARIANTS = ['escalation-only', 'de-escalation'] as const;
/** escalation-only: the MTD is the dose below the failing one even with 3 patients; de-escalation: it needs 6. */
export type ThreePlusThreeVariant = (typeof THREE_PLUS_THREE_VARIANTS)[number];

export const TOP_DOSE_RULES = ['declare', 'expand-to-six'] as const;
/** What happens when the highest dose is tolerated: declare it at once (bcrm), or first expand it to 6. */
export type TopDoseRule = (typeof TOP_DOSE_RULES)[number];

export const UNTRIED_LOWER_DOSE_RULES = ['at-most-one-of-six', 'bcrm-0.5.4'] as const;
/**
 * How a never-treated dose below the start dose is accepted after de-escalating onto it (de-escalation variant):
 * by the MTD definition (≤ 1 DLT of 6), or as bcrm 0.5.4 `threep3` does (0/3 first, then ≤ 1 of the next 3; a
 * 1/3 + 0/3 path counts as a failure). See docs/methods/three-plus-three.md.
 */
export type UntriedLowerDoseRule = (typeof UNTRIED_LOWER_DOSE_RULES)[number];

/** The decision counts; the classic 3+3 is `CLASSIC_THREE_PLUS_THREE_COUNTS`. */
export interface ThreePlusThreeCounts {
  /** Patients per cohort (the expansion cohort has the same size). */
  readonly cohortSize: number;
  /** After the first cohort at a dose: escalate if DLTs ≤ this. */
  readonly escalateIfAtMost: number;
  /** After the first cohort: expand if DLTs ≤ this (and above `escalateIfAtMost`); more DLTs exceed the MTD. */
  readonly expandIfAtMost: number;
  /** After the expansion cohort: escalate if the dose's total DLTs ≤ this; more exceed the MTD. */
  readonly escalateAfterExpansionIfAtMost: number;
}

/** 0/3 escalate, 1/3 expand, ≤ 1/6 escalate, otherwise stop (design.md §1.1). */
export const CLASSIC_THREE_PLUS_THREE_COUNTS: ThreePlusThreeCounts = {
  cohortSize: 3,
  escalateIfAtMost: 0,
  expandIfAtMost: 1,
  escalateAfterExpansionIfAtMost: 1,
};

/** A checked 3+3 design. Dose levels are 1-based; level 0 means "no dose acceptable". */
export interface ThreePlusThreeDesign {
  readonly doseLevels: number;
  readonly variant: ThreePlusThreeVariant;
  readonly startLevel: number;
  readonly topDose: TopDoseRule;
  readonly untriedLowerDose: UntriedLowerDoseRule;
  readonly counts: ThreePlusThreeCounts;
}

/** What a caller supplies; everything but the number of dose levels has a default. */
export interface ThreePlusThreeDesignInput {
  readonly doseLevels: number;
  readonly variant?: ThreePlusThreeVariant;
  readonly startLevel?: number;
  readonly topDose?: TopDoseRule;
  readonly untriedLowerDose?: UntriedLowerDoseRule;
  readonly counts?: Partial<ThreePlusThreeCounts>;
}

/** Largest number of dose levels the engines accept (exact enumeration grows as 2^K). */
export const MAX_THREE_PLUS_THREE_LEVELS = 12;

function countsProblems(counts: ThreePlusThreeCounts): DesignProblem[] {
  const size = counts.cohortSize;
  const problems = integerProblems('counts.cohortSize', size, { min: 1, max: 12 });
  if (problems.length > 0) {
    return problems;
  }
  problems.push(
    ...integerProblems('counts.escalateIfAtMost', counts.escalateIfAtMost, { min: 0, max: size - 1 }),
  );
  problems.push(
    ...integerProblems('counts.expandIfAtMost', counts.expandIfAtMost, {
      min: counts.escalateIfAtMost,
      max: size - 1,
    }),
  );
  problems.push(
    ...integerProblems('counts.escalateAfterExpansionIfAtMost', counts.escalateAfterExpansionIfAtMost, {
      min: 0,
      max: 2 * size - 1,
    }),
  );
  return problems;
}

/** Checks a 3+3 design and fills the defaults (escalation-only, start at level 1, classic counts). */
export function createThreePlusThreeDesign(
  input: ThreePlusThreeDesignInput,
): DesignResult<ThreePlusThreeDesign> {
  const design: ThreePlusThreeDesign = {
    doseLevels: input.doseLevels,
    variant: input.variant ?? 'escalation-only',
    startLevel: input.startLevel ?? 1,
    topDose: input.topDose ?? 'declare',
    untriedLowerDose: input.untriedLowerDose ?? 'at-most-one-of-six',
    counts: { ...CLASSIC_THREE_PLUS_THREE_COUNTS, ...input.counts },
  };
  const problems = integerProblems('doseLevels', design.doseLevels, {
    min: 1,
    max: MAX_THREE_PLUS_THREE_LEVELS,
  });
  if (problems.length === 0) {
    problems.push(...integerProblems('startLevel', design.startLevel, { min: 1, max: design.doseLevels }));
  }
  if (!THREE_PLUS_THREE_VARIANTS.includes(design.variant)) {
    problems.push(
      designProblem('variant', 'one-of', `variant must be one of ${THREE_PLUS_THREE_VARIANTS.join(', ')}`),
    );
  }
  if (!TOP_DOSE_RULES.includes(design.topDose)) {
    problems.push(designProblem('topDose', 'one-of', `topDose must be one of ${TOP_DOSE_RULES.join(', ')}`));
  }
  if (!UNTRIED_LOWER_DOSE_RULES.includes(design.untriedLowerDose)) {
    problems.push(
      designProblem(
        'untriedLowerDose',
        'one-of',
        `untriedLowerDose must be one of ${UNTRIED_LOWER_DOSE_RULES.join(', ')}`,
      ),
    );
  }
  problems.push(...countsProblems(design.counts));
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', value: design };
}

/** How the cohorts so far judge one dose. */
export type ThreePlusThreeVerdict = 'acceptable' | 'expand' | 'exceeds-mtd';

/**
 * The per-dose rule on the DLT counts of its cohorts (one or two cohorts): acceptable (0/3, ≤1/6), expand (1/3)
 * or exceeds the MTD (≥2/3, ≥2/6).
 */
export function threePlusThreeVerdict(
  counts: ThreePlusThreeCounts,
  cohortDlts: readonly number[],
): ThreePlusThreeVerdict {
  const total = cohortDlts.reduce((s, y) => s + y, 0);
  if (cohortDlts.length === 1) {
    if (total <= counts.escalateIfAtMost) {
      return 'acceptable';
    }
    return total <= counts.expandIfAtMost ? 'expand' : 'exceeds-mtd';
  }
  if (cohortDlts.length === 2) {
    return total <= counts.escalateAfterExpansionIfAtMost ? 'acceptable' : 'exceeds-mtd';
  }
  throw new RangeError(`a 3+3 dose has one or two cohorts, got ${cohortDlts.length}`);
}

/** Why the escalation stopped. */
export type ThreePlusThreeStopReason = 'top-dose-tolerated' | 'next-dose-exceeds-mtd' | 'no-tolerable-dose';

/** What to do after a cohort; `mtd` 0 means no dose is acceptable. */
export type ThreePlusThreeAction =
  | { readonly kind: 'escalate'; readonly to: number }
  | { readonly kind: 'expand'; readonly level: number }
  | { readonly kind: 'de-escalate'; readonly to: number }
  | { readonly kind: 'stop'; readonly mtd: number; readonly reason: ThreePlusThreeStopReason };

/** The decision after one cohort: how its dose was judged and the action. */
export interface ThreePlusThreeDecision {
  readonly level: number;
  readonly patients: number;
  readonly dlts: number;
  readonly verdict: ThreePlusThreeVerdict;
  readonly action: ThreePlusThreeAction;
}

/** Where an escalation stands: DLT counts of each cohort per level (index level − 1) and the next level. */
export interface ThreePlusThreeState {
  readonly cohortDlts: readonly (readonly number[])[];
  readonly phase: 'escalating' | 'de-escalating';
  /** Lowest level found to exceed the MTD (it and every level above are closed), or null. */
  readonly failedFrom: number | null;
  /** Level of the next cohort, or null once the escalation stopped. */
  readonly nextLevel: number | null;
}

/** The state before the first cohort. */
export function initialThreePlusThreeState(design: ThreePlusThreeDesign): ThreePlusThreeState {
  return {
    cohortDlts: Array.from({ length: design.doseLevels }, () => []),
    phase: 'escalating',
    failedFrom: null,
    nextLevel: design.startLevel,
  };
}

/** Next level of an action (null when the escalation stops). */
export function nextLevelOf(action: ThreePlusThreeAction): number | null {
  switch (action.kind) {
    case 'escalate':
    case 'de-escalate':
      return action.to;
    case 'expand':
      return action.level;
    case 'stop':
      return null;
  }
}

interface Walk {
  readonly design: ThreePlusThreeDesign;
  readonly cohortDlts: readonly (readonly number[])[];
}

function cohortsAt(walk: Walk, level: number): readonly number[] {
  return walk.cohortDlts[level - 1] ?? [];
}

/** After `failed` exceeded the MTD: the dose below is the MTD, or needs (more) patients, or there is none. */
function descendFrom(walk: Walk, failed: number): ThreePlusThreeAction {
  const m = failed - 1;
  if (m === 0) {
    return { kind: 'stop', mtd: 0, reason: 'no-tolerable-dose' };
  }
  const treated = cohortsAt(walk, m).length;
  if (treated === 0) {
    return { kind: 'de-escalate', to: m };
  }
  if (walk.design.variant === 'escalation-only' || treated === 2) {
    return { kind: 'stop', mtd: m, reason: 'next-dose-exceeds-mtd' };
  }
  return { kind: 'de-escalate', to: m };
}

function escalatingAction(walk: Walk, level: number, verdict: ThreePlusThreeVerdict): ThreePlusThreeAction {
  if (verdict === 'expand') {
    return { kind: 'expand', level };
  }
  if (verdict === 'exceeds-mtd') {
    return descendFrom(walk, level);
  }
  if (level < walk.design.doseLevels) {
    return { kind: 'escalate', to: level + 1 };
  }
  if (walk.design.topDose === 'expand-to-six' && cohortsAt(walk, level).length === 1) {
    return { kind: 'expand', level };
  }
  return { kind: 'stop', mtd: level, reason: 'top-dose-tolerated' };
}

/** bcrm 0.5.4 accepts a never-treated lower dose only on 0 DLTs in its first cohort. */
function bcrmRejects(walk: Walk, level: number): boolean {
  const { design } = walk;
  const first = cohortsAt(walk, level)[0] ?? 0;
  return (
    design.untriedLowerDose === 'bcrm-0.5.4' &&
    design.variant === 'de-escalation' &&
    level < design.startLevel &&
    first > design.counts.escalateIfAtMost
  );
}

function deEscalatingAction(walk: Walk, level: number, verdict: ThreePlusThreeVerdict): ThreePlusThreeAction {
  if (verdict === 'expand') {
    return { kind: 'expand', level };
  }
  if (verdict === 'exceeds-mtd' || bcrmRejects(walk, level)) {
    return descendFrom(walk, level);
  }
  const treated = cohortsAt(walk, level).length;
  if (treated === 1 && walk.design.variant === 'de-escalation') {
    return { kind: 'expand', level };
  }
  return { kind: 'stop', mtd: level, reason: 'next-dose-exceeds-mtd' };
}

/**
 * Applies one complete cohort (its DLT count) at the state's next level, without checking the input; the checked
 * entry point is `applyThreePlusThreeCohort`.
 */
export function advanceThreePlusThree(
  design: ThreePlusThreeDesign,
  state: ThreePlusThreeState,
  dlts: number,
): { readonly state: ThreePlusThreeState; readonly decision: ThreePlusThreeDecision } {
  const level = state.nextLevel;
  if (level === null) {
    throw new RangeError('the 3+3 escalation has already stopped');
  }
  const cohortDlts = state.cohortDlts.map((list, i) => (i === level - 1 ? [...list, dlts] : list));
  const walk: Walk = { design, cohortDlts };
  const own = cohortsAt(walk, level);
  const verdict = threePlusThreeVerdict(design.counts, own);
  const action =
    state.phase === 'escalating'
      ? escalatingAction(walk, level, verdict)
      : deEscalatingAction(walk, level, verdict);
  const failedHere = action.kind === 'de-escalate' || (action.kind === 'stop' && action.mtd < level);
  const failedFrom = failedHere ? level : state.failedFrom;
  const phase = failedFrom === null ? 'escalating' : 'de-escalating';
  return {
    state: { cohortDlts, phase, failedFrom, nextLevel: nextLevelOf(action) },
    decision: {
      level,
      patients: own.length * design.counts.cohortSize,
      dlts: own.reduce((s, y) => s + y, 0),
      verdict,
      action,
    },
  };
}

/** One complete cohort: where it was treated and how many of its evaluable patients had a DLT. */
export interface ThreePlusThreeCohort {
  readonly level: number;
  readonly dlts: number;
}

/**
 * Applies one complete cohort; refuses (as `invalid`) a cohort at a level other than the recommended one, after the
 * escalation stopped, or with a DLT count outside 0…cohort size.
 */
export function applyThreePlusThreeCohort(
  design: ThreePlusThreeDesign,
  state: ThreePlusThreeState,
  cohort: ThreePlusThreeCohort,
): DesignResult<{ readonly state: ThreePlusThreeState; readonly decision: ThreePlusThreeDecision }> {
  const problems: DesignProblem[] = [];
  if (state.nextLevel === null) {
    problems.push(
      designProblem('level', 'escalation-open', 'the escalation has stopped; no further cohort is allowed'),
    );
  } else if (cohort.level !== state.nextLevel) {
    problems.push(
      designProblem(
        'level',
        'recommended-level',
        `the cohort must be treated at level ${state.nextLevel} (the rules' recommendation), got ${String(cohort.level)}`,
      ),
    );
  }
  problems.push(...integerProblems('dlts', cohort.dlts, { min: 0, max: design.counts.cohortSize }));
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', value: advanceThreePlusThree(design, state, cohort.dlts) };
}

/** Replays cohorts from the start; stops at the first problem, naming the cohort (`cohorts[i].level`). */
export function replayThreePlusThree(
  design: ThreePlusThreeDesign,
  cohorts: readonly ThreePlusThreeCohort[],
): DesignResult<{
  readonly state: ThreePlusThreeState;
  readonly decisions: readonly ThreePlusThreeDecision[];
}> {
  let state = initialThreePlusThreeState(design);
  const decisions: ThreePlusThreeDecision[] = [];
  for (const [i, cohort] of cohorts.entries()) {
    const step = applyThreePlusThreeCohort(design, state, cohort);
    if (step.kind === 'invalid') {
      return {
        kind: 'invalid',
        problems: step.problems.map((p) => ({
          ...p,
          path: `cohorts[${i}].${p.path}`,
          message: `cohort ${i + 1}: ${p.message}`,
        })),
      };
    }
    state = step.value.state;
    decisions.push(step.value.decision);
  }
  return { kind: 'ok', value: { state, decisions } };
}
