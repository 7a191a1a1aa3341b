/**
 * Pocock–Simon minimization (design.md §3.3): the arm of the next participant from the factor levels of everyone
 * already allocated. Reproducible without stored RNG state: the one uniform draw of allocation n comes from the
 * secret seed and n alone. Method: docs/methods/randomization.md.
 */
import { designProblem, type DesignProblem, type DesignResult } from '../dose-escalation/design-result.js';
import { kitCode } from './kit-code.js';
import {
  minimizationScores,
  preferredArmIndices,
  assignmentProbabilities,
  type FactorLevelCounts,
  type ImbalanceMeasure,
  type MinimizationRule,
} from './minimization-scores.js';
import {
  armProblems,
  canonicalArms,
  seedProblems,
  streamRng,
  type RandomizationArm,
  type RandomizationSeed,
} from './randomization-arms.js';

/** A minimization factor: id, weight (default 1) and, when declared, its allowed levels. */
export interface MinimizationFactor {
  readonly id: string;
  readonly weight?: number;
  readonly levels?: readonly string[];
}

/** Everything fixed for the study. */
export interface MinimizationSchemeInput {
  readonly arms: readonly RandomizationArm[];
  readonly factors: readonly MinimizationFactor[];
  /** Default `range`. */
  readonly imbalance?: ImbalanceMeasure;
  readonly rule: MinimizationRule;
  readonly seed: RandomizationSeed;
}

/** A validated scheme (arms in canonical order, weights filled in). */
export interface MinimizationScheme {
  readonly arms: readonly RandomizationArm[];
  readonly factors: readonly (MinimizationFactor & { readonly weight: number })[];
  readonly imbalance: ImbalanceMeasure;
  readonly rule: MinimizationRule;
  readonly seed: RandomizationSeed;
}

/** One participant already allocated: the arm and the factor levels used at allocation. */
export interface MinimizationRecord {
  readonly arm: string;
  readonly levels: Readonly<Record<string, string>>;
}

/** The next participant's factor levels and the allocations made so far. */
export interface MinimizationRequest {
  readonly previous: readonly MinimizationRecord[];
  readonly levels: Readonly<Record<string, string>>;
  /** 1-based allocation number in the study (default `previous.length + 1`); it selects the random draw. */
  readonly sequence?: number;
}

/** Score and probability of one arm, for the audit trail. */
export interface MinimizationArmScore {
  readonly arm: string;
  readonly score: number;
  readonly probability: number;
}

/** The chosen arm and everything needed to re-check the choice. */
export interface MinimizationDecision {
  readonly sequence: number;
  readonly arm: string;
  readonly kitCode: string;
  /** The uniform draw in [0, 1) that picked the arm from the cumulative probabilities (canonical arm order). */
  readonly draw: number;
  readonly preferredArms: readonly string[];
  readonly arms: readonly MinimizationArmScore[];
  /** Counts before this allocation at the participant's level of each factor. */
  readonly factorCounts: readonly FactorLevelCounts[];
  readonly imbalance: ImbalanceMeasure;
  readonly rule: MinimizationRule;
}

function ruleProblems(rule: MinimizationRule, arms: number): DesignProblem[] {
  if (rule.kind === 'best-arm') {
    const p = rule.probability;
    return Number.isFinite(p) && p >= 1 / arms && p <= 1
      ? []
      : [
          designProblem(
            'rule.probability',
            'best-arm-probability',
            `rule.probability must be in [1/${arms}, 1]`,
          ),
        ];
  }
  const max = 2 / (arms - 1);
  return Number.isFinite(rule.c) && rule.c >= 1 / arms && rule.c <= max + 1e-12
    ? []
    : [designProblem('rule.c', 'rank-rule-c', `rule.c must be in [1/${arms}, 2/${arms - 1}]`)];
}

function factorProblems(factors: readonly MinimizationFactor[]): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (factors.length === 0) {
    problems.push(designProblem('factors', 'non-empty', 'minimization needs at least one factor'));
  }
  const ids = new Set<string>();
  factors.forEach((factor, i) => {
    if (factor.id === '' || ids.has(factor.id)) {
      problems.push(
        designProblem(`factors[${i}].id`, 'factor-id', `factor id '${factor.id}' is empty or repeated`),
      );
    }
    ids.add(factor.id);
    const w = factor.weight ?? 1;
    if (!Number.isFinite(w) || w <= 0) {
      problems.push(
        designProblem(`factors[${i}].weight`, 'factor-weight', 'a factor weight must be positive'),
      );
    }
  });
  return problems;
}

/** Validates a minimization scheme. */
export function createMinimizationScheme(input: MinimizationSchemeInput): DesignResult<MinimizationScheme> {
  const arms = armProblems(input.arms);
  const problems = [
    ...arms,
    ...factorProblems(input.factors),
    ...(arms.length === 0 ? ruleProblems(input.rule, input.arms.length) : []),
    ...seedProblems(input.seed),
  ];
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  return {
    kind: 'ok',
    value: {
      arms: canonicalArms(input.arms),
      factors: input.factors.map((f) => ({ ...f, weight: f.weight ?? 1 })),
      imbalance: input.imbalance ?? 'range',
      rule: input.rule,
      seed: input.seed,
    },
  };
}

function levelsProblems(
  scheme: MinimizationScheme,
  levels: Readonly<Record<string, string>>,
  path: string,
): DesignProblem[] {
  return scheme.factors.flatMap((factor) => {
    const level = levels[factor.id];
    if (level === undefined || level === '') {
      return [
        designProblem(
          `${path}.${factor.id}`,
          'factor-level-missing',
          `${path} has no level for '${factor.id}'`,
        ),
      ];
    }
    if (factor.levels !== undefined && !factor.levels.includes(level)) {
      return [
        designProblem(
          `${path}.${factor.id}`,
          'factor-level-unknown',
          `${path}.${factor.id} = '${level}' is not one of ${factor.levels.join(', ')}`,
        ),
      ];
    }
    return [];
  });
}

function requestProblems(scheme: MinimizationScheme, request: MinimizationRequest): DesignProblem[] {
  const armIds = new Set(scheme.arms.map((a) => a.id));
  const problems = levelsProblems(scheme, request.levels, 'levels');
  request.previous.forEach((record, i) => {
    if (!armIds.has(record.arm)) {
      problems.push(
        designProblem(`previous[${i}].arm`, 'unknown-arm', `arm '${record.arm}' is not in the scheme`),
      );
    }
    problems.push(...levelsProblems(scheme, record.levels, `previous[${i}].levels`));
  });
  const seq = request.sequence ?? request.previous.length + 1;
  if (!Number.isInteger(seq) || seq < 1) {
    problems.push(designProblem('sequence', 'integer-in-range', 'sequence must be a positive integer'));
  }
  return problems;
}

/** Counts of previous participants per arm at the new participant's level of every factor. */
export function factorLevelCounts(
  scheme: MinimizationScheme,
  request: MinimizationRequest,
): FactorLevelCounts[] {
  return scheme.factors.map((factor) => {
    const level = request.levels[factor.id] ?? '';
    return {
      factor: factor.id,
      level,
      weight: factor.weight,
      counts: scheme.arms.map((arm) => ({
        arm: arm.id,
        count: request.previous.filter((p) => p.arm === arm.id && p.levels[factor.id] === level).length,
      })),
    };
  });
}

/** The uniform draw of allocation `sequence` (depends only on the secret seed and the sequence number). */
export function minimizationDraw(seed: RandomizationSeed, sequence: number): number {
  return streamRng('minimization', seed, String(sequence)).next();
}

/** Allocates the next participant by minimization, or lists the problems with the request. */
export function minimize(
  scheme: MinimizationScheme,
  request: MinimizationRequest,
): DesignResult<MinimizationDecision> {
  const problems = requestProblems(scheme, request);
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const sequence = request.sequence ?? request.previous.length + 1;
  const factorCounts = factorLevelCounts(scheme, request);
  const scores = minimizationScores(scheme.arms, factorCounts, scheme.imbalance);
  const probabilities = assignmentProbabilities(scores, scheme.rule);
  const draw = minimizationDraw(scheme.seed, sequence);
  let chosen = scheme.arms.length - 1;
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i] ?? 0;
    if (draw < cumulative) {
      chosen = i;
      break;
    }
  }
  const arms = scheme.arms.map((arm, i) => ({
    arm: arm.id,
    score: scores[i] ?? 0,
    probability: probabilities[i] ?? 0,
  }));
  return {
    kind: 'ok',
    value: {
      sequence,
      arm: scheme.arms[chosen]?.id ?? '',
      kitCode: kitCode({ seed: scheme.seed, scope: 'minimization', sequence }),
      draw,
      preferredArms: preferredArmIndices(scores).map((i) => scheme.arms[i]?.id ?? ''),
      arms,
      factorCounts,
      imbalance: scheme.imbalance,
      rule: scheme.rule,
    },
  };
}
