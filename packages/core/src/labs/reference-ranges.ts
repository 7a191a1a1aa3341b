import { describeValue, isFiniteNumber, problem, type ScaleProblem } from '../scales/scale-result.js';
import { convertBetweenUnits, resolveQuantitativeTest, resolveTestUnit } from './lab-conversion.js';
import type { LabUnit } from './lab-units.js';

/**
 * Site normal (reference) ranges and the flag of a value against them. A range is [LLN, ULN] of one site for one
 * test in one unit, optionally for one sex and an age band [ageMin, ageMax) in years. Flags: below LLN → 'low',
 * above ULN → 'high' (a value equal to a limit is normal, as CTCAE's "<LLN" / ">ULN"). 'critical-low' /
 * 'critical-high' only when the site documents critical (panic) limits on the range.
 */

/** Sexes a range may be restricted to. */
export const LAB_RANGE_SEXES = ['female', 'male'] as const;
/** A sex a range may be restricted to. */
export type LabRangeSex = (typeof LAB_RANGE_SEXES)[number];

/** A site's reference range for one test. Limits are in `unit`; ages in years, ageMin ≤ age < ageMax. */
export interface LabReferenceRange {
  readonly test: string;
  readonly unit: LabUnit;
  readonly lln?: number;
  readonly uln?: number;
  readonly sex?: LabRangeSex;
  readonly ageMin?: number;
  readonly ageMax?: number;
  /** Site-documented critical (panic) limits; flags 'critical-*' exist only when these are given. */
  readonly criticalLow?: number;
  readonly criticalHigh?: number;
  /** Where the range comes from (lab name, method, date). */
  readonly source?: string;
}

/** Flag of a value against a range. */
export type LabFlag = 'critical-low' | 'low' | 'normal' | 'high' | 'critical-high';

/** Classification of a value: flag plus value / ULN and value / LLN (unrounded; absent without the limit). */
export interface LabClassification {
  readonly flag: LabFlag;
  readonly xUln?: number;
  readonly xLln?: number;
  /** The value expressed in the range's unit (converted when the value came in another unit of the test). */
  readonly valueInRangeUnit: number;
  readonly unit: LabUnit;
}

/** Outcome of a classification or a range check. */
export type LabRangeResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

const LIMIT_FIELDS = ['lln', 'uln', 'criticalLow', 'criticalHigh', 'ageMin', 'ageMax'] as const;

function limitProblems(range: LabReferenceRange, path: string): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  for (const field of LIMIT_FIELDS) {
    const value = range[field];
    if (value !== undefined && (!isFiniteNumber(value) || value < 0)) {
      problems.push(
        problem(
          `${path}.${field}`,
          'non-negative-number',
          `${field} must be a number ≥ 0 (got ${describeValue(value)})`,
        ),
      );
    }
  }
  if (problems.length > 0) {
    return problems;
  }
  const ordered = (
    pair: readonly [number | undefined, number | undefined],
    field: string,
    rule: string,
  ): void => {
    const [low, high] = pair;
    if (low !== undefined && high !== undefined && low > high) {
      problems.push(problem(`${path}.${field}`, rule, `${rule.replace(/-/g, ' ')}: ${low} > ${high}`));
    }
  };
  if (range.lln === undefined && range.uln === undefined) {
    problems.push(problem(path, 'has-limit', 'a reference range needs an LLN, a ULN or both'));
  }
  ordered([range.lln, range.uln], 'lln', 'lln-not-above-uln');
  ordered([range.criticalLow, range.lln], 'criticalLow', 'critical-low-not-above-lln');
  ordered([range.uln, range.criticalHigh], 'criticalHigh', 'critical-high-not-below-uln');
  if (range.ageMin !== undefined && range.ageMax !== undefined && range.ageMin >= range.ageMax) {
    problems.push(
      problem(`${path}.ageMax`, 'age-band', `ageMax must exceed ageMin (${range.ageMin} ≥ ${range.ageMax})`),
    );
  }
  return problems;
}

/** Checks a range: known quantitative test, unit of that test, limits ≥ 0 and ordered (critical ≤ LLN ≤ ULN ≤ critical). */
export function validateReferenceRange(range: LabReferenceRange, path = 'range'): readonly ScaleProblem[] {
  const resolved = resolveQuantitativeTest(range.test, `${path}.test`);
  if (resolved.kind === 'invalid') {
    return [resolved.problem];
  }
  const unit = resolveTestUnit(resolved.test, range.unit, `${path}.unit`);
  const problems = unit.kind === 'invalid' ? [unit.problem] : [];
  if (range.sex !== undefined && !(LAB_RANGE_SEXES as readonly string[]).includes(range.sex)) {
    problems.push(
      problem(`${path}.sex`, 'one-of', `sex must be female or male (got ${describeValue(range.sex)})`),
    );
  }
  return [...problems, ...limitProblems(range, path)];
}

function matches(
  range: LabReferenceRange,
  who: { readonly sex?: LabRangeSex; readonly ageYears?: number },
): boolean {
  if (range.sex !== undefined && range.sex !== who.sex) {
    return false;
  }
  if (range.ageMin === undefined && range.ageMax === undefined) {
    return true;
  }
  if (who.ageYears === undefined) {
    return false;
  }
  return (range.ageMin ?? 0) <= who.ageYears && (range.ageMax === undefined || who.ageYears < range.ageMax);
}

function specificity(range: LabReferenceRange): number {
  return (
    (range.sex === undefined ? 0 : 2) + (range.ageMin === undefined && range.ageMax === undefined ? 0 : 1)
  );
}

/** Outcome of choosing a site range for a participant. */
export type ReferenceRangeSelection =
  | { readonly kind: 'ok'; readonly range: LabReferenceRange }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'ambiguous'; readonly ranges: readonly LabReferenceRange[]; readonly reason: string };

/**
 * Picks the site range for a test and participant: ranges for the test whose sex and age band match, the most
 * specific winning (sex-specific over not, age-banded over not); equally specific matches are 'ambiguous'.
 */
export function selectReferenceRange(input: {
  readonly ranges: readonly LabReferenceRange[];
  readonly test: string;
  readonly sex?: LabRangeSex;
  readonly ageYears?: number;
}): ReferenceRangeSelection {
  const candidates = input.ranges.filter((range) => range.test === input.test && matches(range, input));
  if (candidates.length === 0) {
    return {
      kind: 'none',
      reason: `no reference range for ${input.test} matches sex ${input.sex ?? 'unknown'}, age ${input.ageYears ?? 'unknown'}`,
    };
  }
  const best = Math.max(...candidates.map(specificity));
  const top = candidates.filter((range) => specificity(range) === best);
  const [only] = top;
  if (top.length === 1 && only !== undefined) {
    return { kind: 'ok', range: only };
  }
  return {
    kind: 'ambiguous',
    ranges: top,
    reason: `${top.length} ranges for ${input.test} match equally: the site list overlaps`,
  };
}

function flagOf(value: number, range: LabReferenceRange): LabFlag {
  if (range.criticalLow !== undefined && value < range.criticalLow) {
    return 'critical-low';
  }
  if (range.criticalHigh !== undefined && value > range.criticalHigh) {
    return 'critical-high';
  }
  if (range.lln !== undefined && value < range.lln) {
    return 'low';
  }
  if (range.uln !== undefined && value > range.uln) {
    return 'high';
  }
  return 'normal';
}

/** Flags a value against a site range (converting the value to the range's unit first) with × ULN and × LLN. */
export function classifyLabValue(input: {
  readonly test: string;
  readonly value: number;
  readonly unit: string;
  readonly range: LabReferenceRange;
}): LabRangeResult<LabClassification> {
  const resolved = resolveQuantitativeTest(input.test, 'test');
  if (resolved.kind === 'invalid') {
    return { kind: 'invalid', problems: [resolved.problem] };
  }
  const problems: ScaleProblem[] = [];
  if (!isFiniteNumber(input.value) || input.value < 0) {
    problems.push(
      problem(
        'value',
        'non-negative-number',
        `value must be a number ≥ 0 (got ${describeValue(input.value)})`,
      ),
    );
  }
  if (input.range.test !== input.test) {
    problems.push(
      problem('range.test', 'same-test', `range is for ${input.range.test}, value is ${input.test}`),
    );
  }
  const unit = resolveTestUnit(resolved.test, input.unit, 'unit');
  const rangeUnit = resolveTestUnit(resolved.test, input.range.unit, 'range.unit');
  problems.push(...limitProblems(input.range, 'range'));
  for (const outcome of [unit, rangeUnit]) {
    if (outcome.kind === 'invalid') {
      problems.push(outcome.problem);
    }
  }
  if (problems.length > 0 || unit.kind === 'invalid' || rangeUnit.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  const value = convertBetweenUnits(input.value, unit.unit, rangeUnit.unit);
  const { lln, uln } = input.range;
  return {
    kind: 'ok',
    value: {
      flag: flagOf(value, input.range),
      ...(uln !== undefined && uln > 0 ? { xUln: value / uln } : {}),
      ...(lln !== undefined && lln > 0 ? { xLln: value / lln } : {}),
      valueInRangeUnit: value,
      unit: rangeUnit.unit.unit,
    },
  };
}
