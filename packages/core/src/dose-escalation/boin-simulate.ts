import { createSeededRng, type Rng } from '../random/rng.js';
import {
  boinBoundaryTable,
  type BoinBoundaryRow,
  type BoinSettings,
  type BoinSettingsInput,
} from './boin-boundaries.js';
import { boinDecide, type BoinExtraSafe } from './boin-decision.js';
import { boinSelectMtd } from './boin-select-mtd.js';
import {
  designProblem,
  integerProblems,
  rateProblems,
  type DesignProblem,
  type DesignResult,
} from './design-result.js';

/**
 * Monte-Carlo operating characteristics of a BOIN trial (the BOIN 2.7.2 `get.oc` flow, design.md §2.1), seeded
 * through `createSeededRng` so that a run can be repeated, with the Monte-Carlo standard error of every number.
 * Method: docs/methods/boin.md.
 */

/** What a simulation needs. */
export interface BoinSimulationInput extends BoinSettingsInput {
  /** True DLT rate per dose level, lowest first, each in (0, 1). */
  readonly rates: readonly number[];
  readonly cohortSize: number;
  /** Maximum number of cohorts (N = cohorts × cohortSize). */
  readonly cohorts: number;
  readonly trials: number;
  readonly seed: string | number;
  /** 1-based start dose (default 1). */
  readonly startLevel?: number;
  readonly extraSafe?: BoinExtraSafe;
  /** Package `n.earlystop` (default 100). */
  readonly earlyStopN?: number;
  readonly boundMtd?: boolean;
}

/** A mean over trials with its Monte-Carlo standard error (sample SD / √trials). */
export interface MonteCarloMean {
  readonly mean: number;
  readonly se: number;
}

/** Operating characteristics; percentages are of all trials, with SE = 100·√(p(1 − p)/trials). */
export interface BoinSimulationResult {
  readonly trials: number;
  readonly seed: string;
  readonly selectionPercent: readonly MonteCarloMean[];
  /** Trials that ended without an MTD (lowest dose eliminated, or none eligible). */
  readonly noSelectionPercent: MonteCarloMean;
  /** Trials stopped early because the lowest dose was eliminated. */
  readonly earlyStopPercent: MonteCarloMean;
  readonly patientsPerLevel: readonly MonteCarloMean[];
  readonly dltsPerLevel: readonly MonteCarloMean[];
  readonly totalPatients: MonteCarloMean;
}

/** Largest number of simulated trials accepted. */
export const MAX_BOIN_TRIALS = 1_000_000;

interface TrialOutcome {
  readonly n: number[];
  readonly y: number[];
  readonly stoppedEarly: boolean;
  readonly mtd: number | null;
}

interface TrialPlan {
  readonly input: BoinSimulationInput;
  readonly settings: BoinSettings;
  readonly boundaries: readonly BoinBoundaryRow[];
}

function simulateTrial(plan: TrialPlan, rng: Rng): TrialOutcome {
  const { input } = plan;
  const k = input.rates.length;
  const n = new Array<number>(k).fill(0);
  const y = new Array<number>(k).fill(0);
  let level = input.startLevel ?? 1;
  let eliminatedFrom: number | null = null;
  for (let c = 0; c < input.cohorts; c++) {
    const rate = input.rates[level - 1] ?? 0;
    for (let i = 0; i < input.cohortSize; i++) {
      y[level - 1] = (y[level - 1] ?? 0) + (rng.next() < rate ? 1 : 0);
    }
    n[level - 1] = (n[level - 1] ?? 0) + input.cohortSize;
    const decision = boinDecide({
      settings: plan.settings,
      doseLevels: k,
      level,
      tally: { n: n[level - 1] ?? 0, y: y[level - 1] ?? 0 },
      eliminatedFrom,
      earlyStopN: input.earlyStopN ?? 100,
      boundaries: plan.boundaries,
      ...(input.extraSafe === undefined ? {} : { extraSafe: input.extraSafe }),
    });
    if (decision.kind === 'eliminate') {
      eliminatedFrom = decision.eliminatedFrom;
    }
    if (decision.nextLevel === null) {
      if (decision.kind === 'eliminate') {
        return { n, y, stoppedEarly: true, mtd: null };
      }
      break;
    }
    level = decision.nextLevel;
  }
  const selection = boinSelectMtd({
    ...plan.settings,
    patients: n,
    dlts: y,
    boundMtd: input.boundMtd ?? false,
  });
  if (selection.kind === 'invalid') {
    throw new RangeError('simulated data failed MTD selection');
  }
  return { n, y, stoppedEarly: false, mtd: selection.value.mtd };
}

class Accumulator {
  private sum = 0;
  private sumSq = 0;
  add(x: number): void {
    this.sum += x;
    this.sumSq += x * x;
  }
  mean(trials: number): MonteCarloMean {
    const mean = this.sum / trials;
    const variance = trials > 1 ? Math.max(0, (this.sumSq - trials * mean * mean) / (trials - 1)) : 0;
    return { mean, se: Math.sqrt(variance / trials) };
  }
}

function percent(count: number, trials: number): MonteCarloMean {
  const p = count / trials;
  return { mean: (100 * count) / trials, se: 100 * Math.sqrt((p * (1 - p)) / trials) };
}

function inputProblems(input: BoinSimulationInput): DesignProblem[] {
  const problems = rateProblems('rates', input.rates);
  problems.push(...integerProblems('trials', input.trials, { min: 1, max: MAX_BOIN_TRIALS }));
  problems.push(
    ...integerProblems('startLevel', input.startLevel ?? 1, { min: 1, max: Math.max(1, input.rates.length) }),
  );
  if (input.earlyStopN !== undefined) {
    problems.push(...integerProblems('earlyStopN', input.earlyStopN, { min: 1, max: 100_000 }));
  }
  if (input.extraSafe !== undefined && !(input.extraSafe.offset >= 0 && input.extraSafe.offset < 1)) {
    problems.push(designProblem('extraSafe.offset', 'unit-interval', 'extraSafe.offset must be in [0, 1)'));
  }
  return problems;
}

/** Simulates `trials` BOIN trials and summarises selection, allocation and DLTs with Monte-Carlo errors. */
export function simulateBoin(input: BoinSimulationInput): DesignResult<BoinSimulationResult> {
  const table = boinBoundaryTable(input);
  const problems = inputProblems(input);
  if (table.kind === 'invalid') {
    problems.push(...table.problems);
  }
  if (problems.length > 0 || table.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  const plan: TrialPlan = { input, settings: table.value.settings, boundaries: table.value.table };
  const k = input.rates.length;
  const rng = createSeededRng(input.seed);
  const selected = new Array<number>(k).fill(0);
  let none = 0;
  let early = 0;
  const patients = Array.from({ length: k }, () => new Accumulator());
  const dlts = Array.from({ length: k }, () => new Accumulator());
  const total = new Accumulator();
  for (let t = 0; t < input.trials; t++) {
    const outcome = simulateTrial(plan, rng);
    if (outcome.mtd === null) {
      none += 1;
    } else {
      selected[outcome.mtd - 1] = (selected[outcome.mtd - 1] ?? 0) + 1;
    }
    early += outcome.stoppedEarly ? 1 : 0;
    outcome.n.forEach((v, j) => patients[j]?.add(v));
    outcome.y.forEach((v, j) => dlts[j]?.add(v));
    total.add(outcome.n.reduce((s, v) => s + v, 0));
  }
  return {
    kind: 'ok',
    value: {
      trials: input.trials,
      seed: String(input.seed),
      selectionPercent: selected.map((c) => percent(c, input.trials)),
      noSelectionPercent: percent(none, input.trials),
      earlyStopPercent: percent(early, input.trials),
      patientsPerLevel: patients.map((a) => a.mean(input.trials)),
      dltsPerLevel: dlts.map((a) => a.mean(input.trials)),
      totalPatients: total.mean(input.trials),
    },
  };
}
