/**
 * ENCALS survival PREDICTION MODEL (Westeneng et al., Lancet Neurol 2018;17:423): predicted probability of
 * remaining free of death, tracheostomy or non-invasive ventilation > 23 h/day, by months since symptom onset,
 * from baseline characteristics. This is a model prediction for a participant, not an observed outcome.
 *
 * Coefficients per clinical.md §1.7: predictors [V] (Lancet abstract); coefficients and baseline spline [C]
 * from public ENCALS R code, to be verified against the paper's appendix before clinical use (clinical.md §6 item 3).
 * Royston–Parmar proportional-odds model: S(t) = 1 / (1 + exp(s(ln t) + LP)), t in months since onset.
 */
import { invalid } from './problems.js';
import type { StatsProblem, StatsResult } from './problems.js';

/** Baseline characteristics used by the model. */
export interface EncalsInput {
  /** Age at symptom onset (years). */
  readonly ageOnset: number;
  /** Months from symptom onset to diagnosis. */
  readonly diagnosticDelay: number;
  /** ΔFRS: (48 − ALSFRS-R) / months since onset, points per month (positive = loss). */
  readonly deltaFrs: number;
  /** FVC, % predicted. */
  readonly fvcPercent: number;
  readonly bulbarOnset: boolean;
  readonly definiteElEscorial: boolean;
  readonly ftd: boolean;
  /** C9orf72 repeat expansion; null/undefined = unknown (then the model without C9orf72 is used). */
  readonly c9orf72?: boolean | null;
}

/** Coefficient sets; `verification` repeats the source marks of clinical.md §1.7. */
export const ENCALS_COEFFICIENTS = {
  withC9orf72: {
    slope: -1.837,
    delay: -2.373,
    age: -0.267,
    fvc: 0.477,
    bulbar: 0.269,
    definite: 0.233,
    ftd: 0.388,
    c9orf72: 0.256,
  },
  withoutC9orf72: {
    slope: -1.839,
    delay: -2.376,
    age: -0.264,
    fvc: 0.474,
    bulbar: 0.271,
    definite: 0.238,
    ftd: 0.415,
    c9orf72: 0,
  },
  baseline: { intercept: -6.409, x: 2.643, v1: -0.546, v2: 0.585 },
  knots: { min: 0.081, k1: 3.108, k2: 3.638, max: 5.917, lambda1: 0.481323, lambda2: 0.390507 },
  verification:
    '[V] predictors (Lancet abstract); [C] coefficients from public ENCALS R code — verify against the appendix',
} as const;

/** Label attached to every prediction. */
export const ENCALS_LABEL =
  'ENCALS prediction model (Westeneng et al. 2018): predicted, not observed; coefficients from public code, to be verified against the paper';

function cube(v: number): number {
  return v > 0 ? v * v * v : 0;
}

/** Baseline log-odds spline s(x), x = ln(months since onset) (cubed form of every truncated term). */
export function encalsBaseline(x: number): number {
  const k = ENCALS_COEFFICIENTS.knots;
  const b = ENCALS_COEFFICIENTS.baseline;
  const v1 = cube(x - k.k1) - k.lambda1 * cube(x - k.min) - (1 - k.lambda1) * cube(x - k.max);
  const v2 = cube(x - k.k2) - k.lambda2 * cube(x - k.min) - (1 - k.lambda2) * cube(x - k.max);
  return b.intercept + b.x * x + b.v1 * v1 + b.v2 * v2;
}

/** Linear predictor LP (higher = better prognosis). */
export function encalsLinearPredictor(input: EncalsInput): number {
  const c =
    input.c9orf72 === undefined || input.c9orf72 === null
      ? ENCALS_COEFFICIENTS.withoutC9orf72
      : ENCALS_COEFFICIENTS.withC9orf72;
  const tAge = (input.ageOnset / 100) ** -2;
  const tDelay = (input.diagnosticDelay / 10) ** -0.5 + Math.log(input.diagnosticDelay / 10);
  const tSlope = (input.deltaFrs + 0.1) ** -0.5;
  const tFvc = (input.fvcPercent / 100) ** -1 + (input.fvcPercent / 100) ** -0.5;
  return (
    c.slope * tSlope +
    c.delay * tDelay +
    c.age * tAge +
    c.fvc * tFvc +
    c.bulbar * (input.bulbarOnset ? 1 : 0) +
    c.definite * (input.definiteElEscorial ? 1 : 0) +
    c.ftd * (input.ftd ? 1 : 0) +
    c.c9orf72 * (input.c9orf72 === true ? 1 : 0)
  );
}

/** Predicted event-free probability at `months` since onset for linear predictor lp. */
export function encalsSurvival(lp: number, months: number): number {
  return 1 / (1 + Math.exp(encalsBaseline(Math.log(months)) + lp));
}

/** Predicted median event-free time (months since onset): S(t) = ½ ⇔ s(ln t) = −LP (bisection in ln t). */
export function encalsMedian(lp: number): number {
  let lo = Math.log(0.1);
  let hi = Math.log(1200);
  if (encalsBaseline(hi) + lp < 0) {
    return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (encalsBaseline(mid) + lp < 0) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** A labelled ENCALS prediction for one participant. */
export interface EncalsPrediction {
  readonly label: string;
  readonly linearPredictor: number;
  readonly usedC9orf72: boolean;
  readonly medianMonthsFromOnset: number;
  readonly survivalAt: readonly { readonly monthsFromOnset: number; readonly survival: number }[];
}

/** Validates inputs and predicts; `times` are months since symptom onset. */
export function encalsPredict(
  input: EncalsInput,
  times: readonly number[] = [12, 24, 36, 60],
): StatsResult<{ prediction: EncalsPrediction }> {
  const problems: StatsProblem[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) {
      problems.push({ code: 'invalid-argument', message });
    }
  };
  check(input.ageOnset > 0 && input.ageOnset < 120, 'ageOnset must be in years (0–120)');
  check(input.diagnosticDelay > 0, 'diagnosticDelay must be > 0 months');
  check(
    input.deltaFrs > -0.1 && Number.isFinite(input.deltaFrs),
    'deltaFrs must be a number > −0.1 points/month',
  );
  check(input.fvcPercent > 0 && input.fvcPercent < 250, 'fvcPercent must be % predicted (0–250)');
  check(
    times.every((t) => t > 0),
    'prediction times must be > 0 months since onset',
  );
  if (problems.length > 0) {
    return invalid(problems);
  }
  const lp = encalsLinearPredictor(input);
  return {
    kind: 'ok',
    prediction: {
      label: ENCALS_LABEL,
      linearPredictor: lp,
      usedC9orf72: input.c9orf72 !== undefined && input.c9orf72 !== null,
      medianMonthsFromOnset: encalsMedian(lp),
      survivalAt: times.map((t) => ({ monthsFromOnset: t, survival: encalsSurvival(lp, t) })),
    },
  };
}
