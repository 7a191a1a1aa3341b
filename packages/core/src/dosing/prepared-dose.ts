import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { absExact, compareExact, multiplyExact, subtractExact, toExactDecimal } from './exact-decimal.js';

/**
 * Whether a prepared (e.g. viable-cell count of the final product) dose is within the protocol's tolerance of the
 * calculated dose. The comparison |prepared − calculated| × 100 ≤ tolerance × calculated is exact on the numbers as
 * written, so a dose exactly at the limit is within tolerance. The reported percentage is an unrounded double.
 */

export interface PreparedDoseInput {
  readonly calculated: { readonly amount: number; readonly unit?: string };
  readonly preparedAmount: number;
  /** Accepted deviation either way, in percent of the calculated amount (e.g. 20 for ±20 %). */
  readonly tolerancePercent: number;
}

export type PreparedDoseCheck =
  /** percent: (prepared − calculated) / calculated × 100 (negative when under). */
  | { readonly kind: 'within-tolerance'; readonly percent: number }
  | { readonly kind: 'deviation'; readonly percent: number; readonly needsReason: true }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

function checkInput(input: PreparedDoseInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const { calculated, preparedAmount, tolerancePercent } = input;
  if (
    typeof calculated.amount !== 'number' ||
    !Number.isFinite(calculated.amount) ||
    calculated.amount <= 0
  ) {
    const message = `the calculated amount must be a number above 0, got ${describeValue(calculated.amount)}`;
    problems.push(problem('calculated.amount', 'positive', message));
  }
  if (typeof preparedAmount !== 'number' || !Number.isFinite(preparedAmount) || preparedAmount < 0) {
    const message = `preparedAmount must be a number ≥ 0, got ${describeValue(preparedAmount)}`;
    problems.push(problem('preparedAmount', 'non-negative', message));
  }
  if (typeof tolerancePercent !== 'number' || !Number.isFinite(tolerancePercent) || tolerancePercent < 0) {
    const message = `tolerancePercent must be a number ≥ 0, got ${describeValue(tolerancePercent)}`;
    problems.push(problem('tolerancePercent', 'non-negative', message));
  }
  return problems;
}

/** Compares the prepared amount with the calculated one; a deviation needs a documented reason. */
export function checkPreparedDose(input: PreparedDoseInput): PreparedDoseCheck {
  const problems = checkInput(input);
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const calculated = toExactDecimal(input.calculated.amount);
  const prepared = toExactDecimal(input.preparedAmount);
  const deviation = absExact(subtractExact(prepared, calculated));
  const within =
    compareExact(
      multiplyExact(deviation, toExactDecimal(100)),
      multiplyExact(toExactDecimal(input.tolerancePercent), calculated),
    ) <= 0;
  const percent = ((input.preparedAmount - input.calculated.amount) / input.calculated.amount) * 100;
  return within ? { kind: 'within-tolerance', percent } : { kind: 'deviation', percent, needsReason: true };
}
