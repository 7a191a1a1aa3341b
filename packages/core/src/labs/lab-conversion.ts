import { describeValue, isFiniteNumber, problem, type ScaleProblem } from '../scales/scale-result.js';
import {
  findLabTest,
  findTestUnit,
  type LabUnitDefinition,
  type QuantitativeLabTest,
} from './lab-catalogue.js';
import { LAB_UNIT_LABELS, parseLabUnit, type LabUnit } from './lab-units.js';

/**
 * Unit conversion between the units of one test (SI ↔ conventional). Values are never rounded here;
 * `formatLabValue` rounds for display only.
 */

/** Outcome of a conversion: the unrounded value in the target unit, or the problems found. */
export type LabConversionResult =
  | { readonly kind: 'ok'; readonly value: number; readonly unit: LabUnit }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Looks up a quantitative test by code, or explains why it cannot be used (unknown / qualitative). */
export function resolveQuantitativeTest(
  code: unknown,
  path: string,
):
  | { readonly kind: 'ok'; readonly test: QuantitativeLabTest }
  | { readonly kind: 'invalid'; readonly problem: ScaleProblem } {
  const test = typeof code === 'string' ? findLabTest(code) : undefined;
  if (test === undefined) {
    return {
      kind: 'invalid',
      problem: problem(path, 'known-test', `unknown laboratory test ${describeValue(code)}`),
    };
  }
  if (test.kind === 'qualitative') {
    const message = `test ${test.code} is qualitative (${test.results.join('/')}): it has no units or numeric value`;
    return { kind: 'invalid', problem: problem(path, 'quantitative-test', message) };
  }
  return { kind: 'ok', test };
}

/** Resolves a unit (UCUM code or alias) that must belong to `test`; the problem names the test and the unit. */
export function resolveTestUnit(
  test: QuantitativeLabTest,
  unit: unknown,
  path: string,
):
  | { readonly kind: 'ok'; readonly unit: LabUnitDefinition }
  | { readonly kind: 'invalid'; readonly problem: ScaleProblem } {
  const parsed = typeof unit === 'string' ? parseLabUnit(unit) : undefined;
  const accepted = test.units.map((definition) => definition.unit).join(', ');
  if (parsed === undefined) {
    const message = `unknown unit ${describeValue(unit)} for test ${test.code} (accepted: ${accepted})`;
    return { kind: 'invalid', problem: problem(path, 'known-unit', message) };
  }
  const definition = findTestUnit(test, parsed);
  if (definition === undefined) {
    const message = `unit mismatch: test ${test.code} is not reported in ${parsed} (accepted: ${accepted})`;
    return { kind: 'invalid', problem: problem(path, 'unit-of-test', message) };
  }
  return { kind: 'ok', unit: definition };
}

/** Converts `value` between two units of the same test (identity when equal; never rounded). */
export function convertBetweenUnits(value: number, from: LabUnitDefinition, to: LabUnitDefinition): number {
  if (from.unit === to.unit) {
    return value;
  }
  return (value * from.toSi) / to.toSi;
}

/** Converts a laboratory value between two units of its test; refuses unknown tests and units and mismatches. */
export function convertLabValue(input: {
  readonly test: string;
  readonly value: number;
  readonly from: string;
  readonly to: string;
}): LabConversionResult {
  const resolved = resolveQuantitativeTest(input.test, 'test');
  if (resolved.kind === 'invalid') {
    return { kind: 'invalid', problems: [resolved.problem] };
  }
  const problems: ScaleProblem[] = [];
  if (!isFiniteNumber(input.value)) {
    problems.push(
      problem('value', 'finite-number', `value must be a finite number (got ${describeValue(input.value)})`),
    );
  }
  const from = resolveTestUnit(resolved.test, input.from, 'from');
  const to = resolveTestUnit(resolved.test, input.to, 'to');
  for (const outcome of [from, to]) {
    if (outcome.kind === 'invalid') {
      problems.push(outcome.problem);
    }
  }
  if (problems.length > 0 || from.kind === 'invalid' || to.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', value: convertBetweenUnits(input.value, from.unit, to.unit), unit: to.unit.unit };
}

/**
 * Formats a value for display with the catalogue's decimals for that test and unit (e.g. "88 µmol/L",
 * "1.00 mg/dL"); `decimals` overrides. Display only: never store the result.
 */
export function formatLabValue(input: {
  readonly test: string;
  readonly value: number;
  readonly unit: LabUnit;
  readonly decimals?: number;
}): string {
  const test = findLabTest(input.test);
  const definition = test?.kind === 'quantitative' ? findTestUnit(test, input.unit) : undefined;
  const decimals = input.decimals ?? definition?.decimals;
  const text = decimals === undefined ? String(input.value) : input.value.toFixed(decimals);
  return `${text} ${LAB_UNIT_LABELS[input.unit]}`;
}

/** Absolute count (10⁹/L) from a differential percentage and the WBC (10⁹/L), e.g. ANC = WBC × neutrophil %/100. */
export function absoluteCountFromPercent(input: { readonly wbc: number; readonly percent: number }): number {
  return (input.wbc * input.percent) / 100;
}
