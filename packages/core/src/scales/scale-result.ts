/**
 * Shared result shapes of the instrument scorers: every expected failure is a list of problems, each naming the
 * input path (e.g. `items.5a`, `heightCm`) and the rule it broke, in the same shape as the API's field issues.
 */

/** One input problem: where (`path`), which rule (stable id) and a one-line human message. */
export interface ScaleProblem {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

/** A scorer's outcome: the value, or every problem found in the input. */
export type ScaleResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Builds a problem (small helper so problem lists read as data). */
export function problem(path: string, rule: string, message: string): ScaleProblem {
  return { path, rule, message };
}

/** True when `value` is an integer within [min, max] (a number, not a numeric string). */
export function isIntegerInRange(
  value: unknown,
  range: { readonly min: number; readonly max: number },
): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** True when `value` is a finite number (not NaN, not ±Infinity, not a string). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Describes a received value for a problem message (`got "3"`, `got 5`, `got nothing`). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : 'an object';
}
