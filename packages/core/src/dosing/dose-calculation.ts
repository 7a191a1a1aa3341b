import type { ProtocolDoseLevel, ProtocolIntervention } from '../protocol/protocol-types.js';
import type { ProtocolVolumeBasis } from '../protocol/protocol-vocabulary.js';
import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { exactProduct, formatAmount } from './exact-decimal.js';

/**
 * The dose a participant should receive, from the protocol's intervention: a fixed amount, an amount per kg of body
 * weight (with the protocol's weight and amount caps), or the amount of a named dose level. The product of a per-kg
 * amount and a weight is computed exactly from the numbers as written and never rounded (round for display
 * only). docs/methods/dosing.md.
 */

/** Heaviest body weight accepted (kg); above it the weight is taken for a typing error. */
export const MAX_PLAUSIBLE_WEIGHT_KG = 400;

export interface DoseCalculationInput {
  readonly intervention: ProtocolIntervention;
  /** Dose level id (required for `by-level` doses; optional otherwise, when the intervention has levels). */
  readonly doseLevel?: string;
  /** Body weight in kg, measured as the protocol's `dose.weight` says (required for per-kg doses). */
  readonly weightKg?: number;
}

export interface DoseCalculation {
  readonly amount: number;
  readonly unit: string;
  /** Amount per kg, for per-kg doses. */
  readonly perKg?: number;
  /** Weight the amount was computed from (after the protocol's weight cap). */
  readonly weightKgUsed?: number;
  /** True when a weight cap or an amount cap lowered the dose. */
  readonly capped: boolean;
  readonly doseLevel?: string;
  /** Volume of one administration (or per nostril, see volumePer) when the protocol gives a single volume. */
  readonly volumeMl?: number;
  readonly volumeRangeMl?: { readonly min: number; readonly max: number };
  readonly volumePer?: ProtocolVolumeBasis;
  /** The protocol's accepted deviation of the prepared dose, ±%. */
  readonly tolerancePercent?: number;
  readonly explanation: string;
}

export type DoseCalculationResult =
  | ({ readonly kind: 'ok' } & DoseCalculation)
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** What the amount is computed from, once the protocol has been read. */
interface DoseBasis {
  readonly amount: number;
  readonly unit: string;
  readonly perKg: boolean;
  readonly maxWeightKg?: number;
  readonly maxAmount?: number;
  readonly level?: ProtocolDoseLevel;
}

function basisFromLevel(
  intervention: ProtocolIntervention,
  levelId: string,
): DoseBasis | { readonly problems: ScaleProblem[] } {
  const levels = intervention.doseLevels ?? [];
  const index = levels.findIndex((candidate) => candidate.id === levelId);
  const level = levels[index];
  if (level === undefined) {
    const known = levels.length === 0 ? 'none' : levels.map((candidate) => candidate.id).join(', ');
    const message = `dose level '${levelId}' is not defined for '${intervention.id}' (levels: ${known})`;
    return { problems: [problem('doseLevel', 'unknown-dose-level', message)] };
  }
  const dose = intervention.dose;
  const unit = level.unit ?? (dose !== undefined && dose.kind !== 'by-level' ? dose.unit : undefined);
  const problems: ScaleProblem[] = [];
  const path = `intervention.doseLevels[${index}]`;
  if (level.amount === undefined) {
    problems.push(
      problem(
        `${path}.amount`,
        'level-amount-missing',
        `the protocol gives no amount for level '${level.id}'`,
      ),
    );
  }
  if (unit === undefined) {
    problems.push(
      problem(`${path}.unit`, 'level-unit-missing', `the protocol gives no unit for level '${level.id}'`),
    );
  }
  if (level.amount === undefined || unit === undefined) {
    return { problems };
  }
  const caps = dose?.kind === 'per-kg' && level.perKg === true ? dose : undefined;
  return {
    amount: level.amount,
    unit,
    perKg: level.perKg === true,
    ...(caps?.maxWeightKg === undefined ? {} : { maxWeightKg: caps.maxWeightKg }),
    ...(caps?.maxAmount === undefined ? {} : { maxAmount: caps.maxAmount }),
    level,
  };
}

function basisOf(input: DoseCalculationInput): DoseBasis | { readonly problems: ScaleProblem[] } {
  const { intervention, doseLevel } = input;
  if (doseLevel !== undefined) {
    return basisFromLevel(intervention, doseLevel);
  }
  const dose = intervention.dose;
  if (dose === undefined) {
    return {
      problems: [problem('intervention.dose', 'no-dose', `'${intervention.id}' has no dose in the protocol`)],
    };
  }
  switch (dose.kind) {
    case 'fixed':
      return { amount: dose.amount, unit: dose.unit, perKg: false };
    case 'per-kg':
      return {
        amount: dose.amountPerKg,
        unit: dose.unit,
        perKg: true,
        ...(dose.maxWeightKg === undefined ? {} : { maxWeightKg: dose.maxWeightKg }),
        ...(dose.maxAmount === undefined ? {} : { maxAmount: dose.maxAmount }),
      };
    case 'by-level':
      return {
        problems: [
          problem(
            'doseLevel',
            'dose-level-required',
            `'${intervention.id}' is dosed by level: give the level`,
          ),
        ],
      };
  }
}

function checkWeight(weightKg: unknown): ScaleProblem[] {
  if (weightKg === undefined || weightKg === null) {
    return [problem('weightKg', 'weight-required', 'a per-kg dose needs the body weight (kg)')];
  }
  if (typeof weightKg !== 'number' || !Number.isFinite(weightKg)) {
    return [problem('weightKg', 'number', `weightKg must be a number, got ${describeValue(weightKg)}`)];
  }
  if (weightKg <= 0) {
    return [problem('weightKg', 'positive', `weightKg must be above 0, got ${weightKg}`)];
  }
  if (weightKg > MAX_PLAUSIBLE_WEIGHT_KG) {
    const message = `weightKg ${weightKg} is above ${MAX_PLAUSIBLE_WEIGHT_KG} kg: check the unit (kg, not lb or g)`;
    return [problem('weightKg', 'weight-plausible', message)];
  }
  return [];
}

function volumeOf(intervention: ProtocolIntervention): Partial<DoseCalculation> {
  const volume = intervention.volume;
  if (volume === undefined) {
    return {};
  }
  return {
    ...(volume.ml === undefined ? {} : { volumeMl: volume.ml }),
    ...(volume.minMl === undefined || volume.maxMl === undefined
      ? {}
      : { volumeRangeMl: { min: volume.minMl, max: volume.maxMl } }),
    volumePer: volume.per ?? 'administration',
  };
}

/** Calculates the dose to prepare; every expected failure is a problem naming the field and rule. */
export function calculateDose(input: DoseCalculationInput): DoseCalculationResult {
  const basis = basisOf(input);
  if ('problems' in basis) {
    return { kind: 'invalid', problems: basis.problems };
  }
  const tolerance = input.intervention.dose?.tolerancePercent;
  const common = {
    ...volumeOf(input.intervention),
    ...(tolerance === undefined ? {} : { tolerancePercent: tolerance }),
    ...(basis.level === undefined ? {} : { doseLevel: basis.level.id }),
  };
  const levelText = basis.level === undefined ? '' : ` (level '${basis.level.id}', ${basis.level.name})`;
  if (!basis.perKg) {
    // A weight given for a fixed dose is not needed, but a wrong one is still an input error.
    const problems = input.weightKg === undefined ? [] : checkWeight(input.weightKg);
    if (problems.length > 0) {
      return { kind: 'invalid', problems };
    }
    const explanation = `fixed dose${levelText}: ${formatAmount(basis.amount)} ${basis.unit}`;
    return { kind: 'ok', amount: basis.amount, unit: basis.unit, capped: false, ...common, explanation };
  }
  const weightProblems = checkWeight(input.weightKg);
  if (weightProblems.length > 0 || input.weightKg === undefined) {
    return { kind: 'invalid', problems: weightProblems };
  }
  const weight = input.weightKg;
  const steps: string[] = [];
  let weightKgUsed = weight;
  let capped = false;
  if (basis.maxWeightKg !== undefined && weight > basis.maxWeightKg) {
    weightKgUsed = basis.maxWeightKg;
    capped = true;
    steps.push(`weight ${weight} kg capped at ${basis.maxWeightKg} kg`);
  }
  let amount = exactProduct(basis.amount, weightKgUsed);
  steps.push(
    `${formatAmount(basis.amount)} ${basis.unit}/kg × ${weightKgUsed} kg = ${formatAmount(amount)} ${basis.unit}`,
  );
  if (basis.maxAmount !== undefined && amount > basis.maxAmount) {
    steps.push(`capped at the maximum ${formatAmount(basis.maxAmount)} ${basis.unit}`);
    amount = basis.maxAmount;
    capped = true;
  }
  return {
    kind: 'ok',
    amount,
    unit: basis.unit,
    perKg: basis.amount,
    weightKgUsed,
    capped,
    ...common,
    explanation: `per-kg dose${levelText}: ${steps.join('; ')}`,
  };
}
