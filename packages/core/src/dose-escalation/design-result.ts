/**
 * Shared result shapes of the dose-escalation engines: every expected failure is a list of problems, each
 * naming the input path (e.g. `rates[2]`, `target`) and the rule it broke.
 */

/** One input problem: where (`path`), which rule (stable id) and a one-line human message. */
export interface DesignProblem {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

/** An engine's outcome: the value, or every problem found in the input. */
export type DesignResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'invalid'; readonly problems: readonly DesignProblem[] };

/** Builds a problem (small helper so problem lists read as data). */
export function designProblem(path: string, rule: string, message: string): DesignProblem {
  return { path, rule, message };
}

/** Problems (zero or one) unless `value` is an integer within [min, max]. */
export function integerProblems(
  path: string,
  value: number,
  range: { readonly min: number; readonly max: number },
): DesignProblem[] {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) {
    return [];
  }
  return [
    designProblem(
      path,
      'integer-in-range',
      `${path} must be an integer from ${range.min} to ${range.max}, got ${String(value)}`,
    ),
  ];
}

/** Problems (zero or one) unless `value` is a probability strictly between 0 and 1. */
export function probabilityProblems(path: string, value: number): DesignProblem[] {
  if (Number.isFinite(value) && value > 0 && value < 1) {
    return [];
  }
  return [
    designProblem(
      path,
      'open-unit-interval',
      `${path} must be a number strictly between 0 and 1, got ${String(value)}`,
    ),
  ];
}

/** One problem per rate that is not strictly between 0 and 1, and one if the list is empty. */
export function rateProblems(path: string, rates: readonly number[]): DesignProblem[] {
  if (rates.length === 0) {
    return [designProblem(path, 'non-empty', `${path} needs at least one dose level`)];
  }
  return rates.flatMap((rate, i) => probabilityProblems(`${path}[${i}]`, rate));
}
