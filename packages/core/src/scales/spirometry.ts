import {
  HANKINSON_AGE_RANGE,
  HANKINSON_ETHNICITIES,
  HANKINSON_SEXES,
  hankinsonAgeGroup,
  hankinsonPredict,
  hankinsonPredictRatio,
  type HankinsonEthnicity,
  type HankinsonSex,
  type HankinsonSubject,
  type HankinsonVolume,
  type SpirometryReferenceValue,
} from './spirometry-hankinson.js';
import {
  describeValue,
  isFiniteNumber,
  problem,
  type ScaleProblem,
  type ScaleResult,
} from './scale-result.js';

/**
 * Spirometry % predicted and LLN by Hankinson 1999 (NHANES III). SVC is expressed against the FVC equation (a
 * documented choice: NHANES III has no SVC equation). Method and sources: docs/methods/spirometry.md.
 */

/** Version of the scoring algorithm, stored with every result. */
export const SPIROMETRY_ALGORITHM = 'spirometry-hankinson@1';
export const HANKINSON_EQUATION = 'hankinson-1999';

/** Hard limits: values outside are rejected as impossible or as a unit mistake (e.g. mL or m given). */
export const SPIROMETRY_LIMITS = {
  ageYears: { min: 1, max: 120 },
  heightCm: { min: 50, max: 250 },
  litres: { min: 0, max: 10 },
} as const;

/**
 * Heights outside this window are flagged as extrapolation. The paper's sampled height range is not in our
 * reference (clinical.md), so this window is a project choice, not the paper's: review before relying on it.
 */
export const SPIROMETRY_PLAUSIBLE_HEIGHT_CM = { min: 120, max: 210 } as const;

/** What a form or file supplies; leaves are `unknown` because validation decides what is acceptable. */
export interface SpirometryInput {
  readonly sex: unknown;
  readonly ageYears: unknown;
  readonly heightCm: unknown;
  readonly ethnicity: unknown;
  readonly fvcL?: unknown;
  readonly fev1L?: unknown;
  readonly svcL?: unknown;
}

/** The reference equation each measure was compared with. */
export type SpirometryReferenceEquation = 'hankinson-1999/fvc' | 'hankinson-1999/fev1';

/** One measured volume against its reference. */
export interface SpirometryMeasureResult {
  readonly measuredL: number;
  readonly predictedL: number;
  readonly llnL: number;
  /** 100 × measured / predicted, unrounded. */
  readonly percentPredicted: number;
  readonly belowLln: boolean;
  readonly referenceEquation: SpirometryReferenceEquation;
}

/** FEV1/FVC in percent against its reference (present when both volumes were measured). */
export interface SpirometryRatioResult {
  readonly measuredPercent: number;
  readonly predictedPercent: number;
  readonly llnPercent: number;
  readonly belowLln: boolean;
}

/** Everything derived from one spirometry record. */
export interface SpirometryResult {
  readonly algorithm: typeof SPIROMETRY_ALGORITHM;
  readonly equation: typeof HANKINSON_EQUATION;
  readonly subject: HankinsonSubject;
  /** Which of the paper's age equations was used (male < 20, female < 18 → 'child'). */
  readonly ageGroup: 'child' | 'adult';
  /** Predicted values and LLN in litres, whatever was measured. */
  readonly reference: Readonly<Record<HankinsonVolume, SpirometryReferenceValue>>;
  readonly fvc?: SpirometryMeasureResult;
  readonly fev1?: SpirometryMeasureResult;
  /** SVC against the FVC equation. */
  readonly svc?: SpirometryMeasureResult;
  readonly fev1FvcRatio?: SpirometryRatioResult;
  /** Accepted but worth a look: extrapolation outside the equation's sample, FEV1 above FVC. */
  readonly warnings: readonly ScaleProblem[];
}

function oneOf<T extends string>(path: string, allowed: readonly T[], value: unknown): T | ScaleProblem {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  return problem(
    path,
    'one-of',
    `${path} must be one of ${allowed.join(', ')} (got ${describeValue(value)})`,
  );
}

function numberIn(
  path: string,
  range: { readonly min: number; readonly max: number },
  value: unknown,
): number | ScaleProblem {
  if (isFiniteNumber(value) && value > range.min && value <= range.max) {
    return value;
  }
  const message = `${path} must be a number > ${range.min} and ≤ ${range.max} (got ${describeValue(value)})`;
  return problem(path, 'number-in-range', message);
}

function optionalLitres(path: string, value: unknown): number | ScaleProblem | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const litres = numberIn(path, SPIROMETRY_LIMITS.litres, value);
  if (typeof litres !== 'number') {
    return problem(
      path,
      'litres-0-10',
      `${path} must be in litres, > 0 and ≤ 10 (got ${describeValue(value)})`,
    );
  }
  return litres;
}

function isProblem(value: unknown): value is ScaleProblem {
  return typeof value === 'object' && value !== null && 'rule' in value;
}

/** Validates the input and computes predicted, LLN and % predicted for each measure given. */
export function scoreSpirometry(input: SpirometryInput): ScaleResult<SpirometryResult> {
  const sex = oneOf<HankinsonSex>('sex', HANKINSON_SEXES, input.sex);
  const ageYears = numberIn('ageYears', SPIROMETRY_LIMITS.ageYears, input.ageYears);
  const heightCm = numberIn('heightCm', SPIROMETRY_LIMITS.heightCm, input.heightCm);
  const ethnicity = oneOf<HankinsonEthnicity>('ethnicity', HANKINSON_ETHNICITIES, input.ethnicity);
  const fvcL = optionalLitres('fvcL', input.fvcL);
  const fev1L = optionalLitres('fev1L', input.fev1L);
  const svcL = optionalLitres('svcL', input.svcL);
  const problems = [sex, ageYears, heightCm, ethnicity, fvcL, fev1L, svcL].filter(isProblem);
  if (
    isProblem(sex) ||
    isProblem(ageYears) ||
    isProblem(heightCm) ||
    isProblem(ethnicity) ||
    isProblem(fvcL) ||
    isProblem(fev1L) ||
    isProblem(svcL)
  ) {
    return { kind: 'invalid', problems };
  }
  const subject: HankinsonSubject = { sex, ageYears, heightCm, ethnicity };
  return { kind: 'ok', value: computeSpirometry(subject, { fvcL, fev1L, svcL }) };
}

/** Scores already-validated values (exported for callers that hold typed data). */
export function computeSpirometry(
  subject: HankinsonSubject,
  measured: {
    readonly fvcL?: number | undefined;
    readonly fev1L?: number | undefined;
    readonly svcL?: number | undefined;
  },
): SpirometryResult {
  const reference = { fvc: hankinsonPredict(subject, 'fvc'), fev1: hankinsonPredict(subject, 'fev1') };
  const measure = (
    volume: HankinsonVolume,
    litres: number | undefined,
  ): SpirometryMeasureResult | undefined => {
    if (litres === undefined) {
      return undefined;
    }
    const ref = reference[volume];
    return {
      measuredL: litres,
      predictedL: ref.predicted,
      llnL: ref.lln,
      percentPredicted: (100 * litres) / ref.predicted,
      belowLln: litres < ref.lln,
      referenceEquation: `hankinson-1999/${volume}`,
    };
  };
  const result: SpirometryResult = {
    algorithm: SPIROMETRY_ALGORITHM,
    equation: HANKINSON_EQUATION,
    subject,
    ageGroup: hankinsonAgeGroup(subject),
    reference,
    warnings: spirometryWarnings(subject, measured),
  };
  const fvc = measure('fvc', measured.fvcL);
  const fev1 = measure('fev1', measured.fev1L);
  const svc = measure('fvc', measured.svcL);
  const ratio = ratioResult(subject, measured);
  return {
    ...result,
    ...(fvc === undefined ? {} : { fvc }),
    ...(fev1 === undefined ? {} : { fev1 }),
    ...(svc === undefined ? {} : { svc }),
    ...(ratio === undefined ? {} : { fev1FvcRatio: ratio }),
  };
}

function ratioResult(
  subject: HankinsonSubject,
  measured: { readonly fvcL?: number | undefined; readonly fev1L?: number | undefined },
): SpirometryRatioResult | undefined {
  if (measured.fvcL === undefined || measured.fev1L === undefined) {
    return undefined;
  }
  const ref = hankinsonPredictRatio(subject);
  const measuredPercent = (100 * measured.fev1L) / measured.fvcL;
  return {
    measuredPercent,
    predictedPercent: ref.predicted,
    llnPercent: ref.lln,
    belowLln: measuredPercent < ref.lln,
  };
}

function spirometryWarnings(
  subject: HankinsonSubject,
  measured: { readonly fvcL?: number | undefined; readonly fev1L?: number | undefined },
): ScaleProblem[] {
  const warnings: ScaleProblem[] = [];
  const age = HANKINSON_AGE_RANGE;
  if (subject.ageYears < age.min || subject.ageYears > age.max) {
    const message = `ageYears ${subject.ageYears} is outside the NHANES III sample (${age.min}–${age.max} y): extrapolated`;
    warnings.push(problem('ageYears', 'extrapolated-age', message));
  }
  const height = SPIROMETRY_PLAUSIBLE_HEIGHT_CM;
  if (subject.heightCm < height.min || subject.heightCm > height.max) {
    const message = `heightCm ${subject.heightCm} is outside ${height.min}–${height.max} cm: prediction extrapolated`;
    warnings.push(problem('heightCm', 'extrapolated-height', message));
  }
  if (measured.fvcL !== undefined && measured.fev1L !== undefined && measured.fev1L > measured.fvcL) {
    const message = `fev1L ${measured.fev1L} exceeds fvcL ${measured.fvcL}: check the values`;
    warnings.push(problem('fev1L', 'fev1-not-above-fvc', message));
  }
  return warnings;
}
