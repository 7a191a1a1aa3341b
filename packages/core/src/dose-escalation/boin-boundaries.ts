import { posteriorStopBoundary } from './beta-posterior.js';
import {
  designProblem,
  integerProblems,
  probabilityProblems,
  type DesignProblem,
  type DesignResult,
} from './design-result.js';

/**
 * BOIN decision boundaries (Liu & Yuan 2015, JRSS-C 64:507) as computed by R package BOIN 2.7.2 `get.boundary`
 * (design.md §2.1). Method and choices: docs/methods/boin.md.
 */

/** The BOIN settings that fix the boundaries. */
export interface BoinSettings {
  /** Target DLT rate φ. */
  readonly target: number;
  /** Highest rate deemed sub-therapeutic, φ1 (default 0.6 φ). */
  readonly pSaf: number;
  /** Lowest rate deemed overly toxic, φ2 (default 1.4 φ). */
  readonly pTox: number;
  /** Eliminate a dose when Pr(p > φ | data) exceeds this (default 0.95), from 3 patients on. */
  readonly cutoffEliminate: number;
}

/** What a caller supplies; only the target is required. */
export interface BoinSettingsInput {
  readonly target: number;
  readonly pSaf?: number;
  readonly pTox?: number;
  readonly cutoffEliminate?: number;
}

/** Fewest patients at a dose before the elimination rule applies (package default). */
export const BOIN_ELIMINATION_MIN_N = 3;

/** Checks BOIN settings and fills the package defaults (φ1 = 0.6 φ, φ2 = 1.4 φ, cutoff 0.95). */
export function createBoinSettings(input: BoinSettingsInput): DesignResult<BoinSettings> {
  const problems = probabilityProblems('target', input.target);
  const settings: BoinSettings = {
    target: input.target,
    pSaf: input.pSaf ?? 0.6 * input.target,
    pTox: input.pTox ?? 1.4 * input.target,
    cutoffEliminate: input.cutoffEliminate ?? 0.95,
  };
  problems.push(...probabilityProblems('cutoffEliminate', settings.cutoffEliminate));
  if (problems.length === 0) {
    problems.push(...orderProblems(settings));
  }
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', value: settings };
}

function orderProblems(settings: BoinSettings): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (!(settings.pSaf > 0 && settings.pSaf < settings.target)) {
    problems.push(designProblem('pSaf', 'below-target', 'pSaf must be above 0 and below the target'));
  }
  if (!(settings.pTox > settings.target && settings.pTox < 1)) {
    problems.push(designProblem('pTox', 'above-target', 'pTox must be above the target and below 1'));
  }
  return problems;
}

/** λe and λd: escalate when the observed rate ≤ λe, de-escalate when it is > λd. */
export interface BoinLambdas {
  readonly lambdaE: number;
  readonly lambdaD: number;
}

/** λe = ln((1−φ1)/(1−φ)) / ln(φ(1−φ1)/(φ1(1−φ))), λd = ln((1−φ)/(1−φ2)) / ln(φ2(1−φ)/(φ(1−φ2))). */
export function boinLambdas(settings: BoinSettings): BoinLambdas {
  const { target: phi, pSaf: phi1, pTox: phi2 } = settings;
  return {
    lambdaE: Math.log((1 - phi1) / (1 - phi)) / Math.log((phi * (1 - phi1)) / (phi1 * (1 - phi))),
    lambdaD: Math.log((1 - phi) / (1 - phi2)) / Math.log((phi2 * (1 - phi)) / (phi * (1 - phi2))),
  };
}

/** The count boundaries for n patients at a dose. */
export interface BoinBoundaryRow {
  readonly n: number;
  /** Escalate if DLTs ≤ this. */
  readonly escalateIfAtMost: number;
  /** De-escalate if DLTs ≥ this. */
  readonly deescalateIfAtLeast: number;
  /** Eliminate this dose and all higher ones if DLTs ≥ this; null below 3 patients or when no count qualifies. */
  readonly eliminateIfAtLeast: number | null;
}

const INTEGRAL = 1e-12;

/**
 * Boundaries at n: escalate iff y ≤ ⌊λe·n⌋; de-escalate iff y/n > λd, i.e. y ≥ ⌈λd·n⌉ or ⌈λd·n⌉ + 1 when λd·n is
 * an integer; eliminate iff n ≥ 3 and Pr(p > φ | y, n; Beta(1,1)) > cutoff, with the de-escalation boundary capped
 * at the elimination boundary.
 */
export function boinBoundaryAt(settings: BoinSettings, n: number): BoinBoundaryRow {
  const { lambdaE, lambdaD } = boinLambdas(settings);
  const e = lambdaE * n;
  const d = lambdaD * n;
  const escalateIfAtMost = Math.abs(e - Math.round(e)) < INTEGRAL ? Math.round(e) : Math.floor(e);
  const rawDeescalate = Math.abs(d - Math.round(d)) < INTEGRAL ? Math.round(d) + 1 : Math.ceil(d);
  const eliminateIfAtLeast =
    n >= BOIN_ELIMINATION_MIN_N
      ? posteriorStopBoundary(n, { threshold: settings.target, cutoff: settings.cutoffEliminate })
      : null;
  const deescalateIfAtLeast =
    eliminateIfAtLeast !== null && rawDeescalate > eliminateIfAtLeast ? eliminateIfAtLeast : rawDeescalate;
  return { n, escalateIfAtMost, deescalateIfAtLeast, eliminateIfAtLeast };
}

/** Options of `boinBoundaryTable`: the settings and the trial size (cohorts × cohort size). */
export interface BoinTableOptions extends BoinSettingsInput {
  readonly cohortSize: number;
  readonly cohorts: number;
}

/** The whole table for n = 1 … cohorts × cohortSize, with λe and λd. */
export interface BoinBoundaryTable extends BoinLambdas {
  readonly settings: BoinSettings;
  readonly table: readonly BoinBoundaryRow[];
}

/** Largest trial (patients) for which the engines build tables. */
export const MAX_BOIN_PATIENTS = 1000;

/** Builds the BOIN boundary table (as `get.boundary(...)$full_boundary_tab`) for n = 1 … cohorts × cohortSize. */
export function boinBoundaryTable(options: BoinTableOptions): DesignResult<BoinBoundaryTable> {
  const settings = createBoinSettings(options);
  const problems: DesignProblem[] = settings.kind === 'invalid' ? [...settings.problems] : [];
  problems.push(...integerProblems('cohortSize', options.cohortSize, { min: 1, max: 100 }));
  problems.push(...integerProblems('cohorts', options.cohorts, { min: 1, max: 1000 }));
  if (problems.length === 0 && options.cohortSize * options.cohorts > MAX_BOIN_PATIENTS) {
    problems.push(
      designProblem('cohorts', 'max-patients', `cohorts × cohortSize must be at most ${MAX_BOIN_PATIENTS}`),
    );
  }
  if (problems.length > 0 || settings.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  const maxN = options.cohortSize * options.cohorts;
  const table = Array.from({ length: maxN }, (_, i) => boinBoundaryAt(settings.value, i + 1));
  return { kind: 'ok', value: { ...boinLambdas(settings.value), settings: settings.value, table } };
}
