import {
  describeValue,
  isFiniteNumber,
  problem,
  type ScaleProblem,
  type ScaleResult,
} from './scale-result.js';

/** Vital-sign helpers: body-mass index (weight in kg / height in m², Quetelet; WHO definition). */

/** Hard limits for BMI inputs: outside is impossible or a unit mistake (lb for kg, m or in for cm). */
export const BMI_LIMITS = {
  weightKg: { min: 0.5, max: 400 },
  heightCm: { min: 40, max: 250 },
} as const;

/** Body-mass index in kg/m², unrounded. */
export interface BmiResult {
  readonly bmi: number;
}

/** Validates weight (kg) and height (cm) and computes the BMI; problems name the field and range rule. */
export function computeBmi(input: {
  readonly weightKg: unknown;
  readonly heightCm: unknown;
}): ScaleResult<BmiResult> {
  const problems: ScaleProblem[] = [];
  for (const field of ['weightKg', 'heightCm'] as const) {
    const value = input[field];
    const range = BMI_LIMITS[field];
    if (!isFiniteNumber(value) || value < range.min || value > range.max) {
      const message = `${field} must be a number ${range.min}–${range.max} (got ${describeValue(value)})`;
      problems.push(problem(field, 'number-in-range', message));
    }
  }
  const { weightKg, heightCm } = input;
  if (problems.length > 0 || !isFiniteNumber(weightKg) || !isFiniteNumber(heightCm)) {
    return { kind: 'invalid', problems };
  }
  const heightM = heightCm / 100;
  return { kind: 'ok', value: { bmi: weightKg / (heightM * heightM) } };
}
