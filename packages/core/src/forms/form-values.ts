import { parseLabUnit } from '../labs/lab-units.js';
import { describeValue } from '../scales/scale-result.js';
import { dateProblem, datetimeProblem, FORM_YEAR_RANGE, type DateProblem } from './form-temporal.js';
import type { FormItem, FormIssue, FormQuantity, FormValue } from './form-types.js';

/**
 * Validation of one item value against its definition: type, coded answers, limits, decimals, calendar dates and
 * lab units. Accepted values are returned exactly as entered (a quantity's unit is normalised to its UCUM code).
 * Nothing is parsed from text: the UI sends numbers as JSON numbers and booleans as JSON booleans.
 */

/** Longest text accepted when an item does not say. */
export const FORM_TEXT_MAX_LENGTH = 4000;

/** Outcome of validating one value. */
export type FormValueResult =
  | { readonly kind: 'ok'; readonly value: FormValue }
  | { readonly kind: 'invalid'; readonly issues: readonly FormIssue[] };

/** No value: undefined, null, or a string of only white space (a cleared field). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Decimal places of a finite number as JavaScript writes it shortest (1.50 → 1, 1e-7 → 7). */
export function decimalPlaces(value: number): number {
  const [mantissa = '', exponent] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

function issue(item: FormItem, rule: string, message: string): FormIssue {
  return { item: item.id, rule, message };
}

function invalid(item: FormItem, rule: string, message: string): FormValueResult {
  return { kind: 'invalid', issues: [issue(item, rule, message)] };
}

function name(item: FormItem): string {
  return `${item.label} (${item.id})`;
}

function choiceList(item: FormItem): string {
  return (item.choices ?? []).map((choice) => JSON.stringify(choice.value)).join(', ');
}

function numberLimits(item: FormItem, value: number): FormIssue[] {
  const issues: FormIssue[] = [];
  const unit = item.unit === undefined ? '' : ` ${item.unit}`;
  if (item.min !== undefined && value < item.min) {
    issues.push(issue(item, 'min', `${name(item)} must be ≥ ${item.min}${unit} (got ${value})`));
  }
  if (item.max !== undefined && value > item.max) {
    issues.push(issue(item, 'max', `${name(item)} must be ≤ ${item.max}${unit} (got ${value})`));
  }
  if (item.type === 'decimal' && item.decimals !== undefined && decimalPlaces(value) > item.decimals) {
    const message = `${name(item)} takes at most ${item.decimals} decimal(s) (got ${value}); it is never rounded: re-enter it as measured`;
    issues.push(issue(item, 'decimals', message));
  }
  return issues;
}

function validateNumber(item: FormItem, value: unknown): FormValueResult {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return invalid(item, 'finite-number', `${name(item)} must be a number (got ${describeValue(value)})`);
  }
  if (item.type === 'integer' && !Number.isInteger(value)) {
    return invalid(item, 'integer', `${name(item)} must be a whole number (got ${value})`);
  }
  if (item.choices !== undefined && !item.choices.some((choice) => choice.value === value)) {
    return invalid(item, 'one-of', `${name(item)} must be one of ${choiceList(item)} (got ${value})`);
  }
  const issues = numberLimits(item, value);
  return issues.length > 0 ? { kind: 'invalid', issues } : { kind: 'ok', value };
}

function validateTemporal(item: FormItem, value: unknown): FormValueResult {
  const shape = item.type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:MM[:SS]';
  const formatRule = item.type === 'date' ? 'iso-date' : 'iso-datetime';
  if (typeof value !== 'string') {
    return invalid(item, formatRule, `${name(item)} must be a ${shape} text (got ${describeValue(value)})`);
  }
  const problem = item.type === 'date' ? dateProblem(value) : datetimeProblem(value);
  if (problem === null) {
    return { kind: 'ok', value };
  }
  const messages: Readonly<Record<DateProblem, string>> = {
    format: `${name(item)} must be written ${shape} (got ${JSON.stringify(value)})`,
    'real-date': `${name(item)} is not a real date or time (got ${JSON.stringify(value)})`,
    'year-range': `${name(item)} must fall in the years ${FORM_YEAR_RANGE.min}–${FORM_YEAR_RANGE.max} (got ${JSON.stringify(value)})`,
  };
  return invalid(item, problem === 'format' ? formatRule : problem, messages[problem]);
}

function validateText(item: FormItem, value: unknown): FormValueResult {
  if (typeof value !== 'string') {
    return invalid(item, 'text', `${name(item)} must be text (got ${describeValue(value)})`);
  }
  const maxLength = item.maxLength ?? FORM_TEXT_MAX_LENGTH;
  if (value.length > maxLength) {
    return invalid(
      item,
      'max-length',
      `${name(item)} is ${value.length} characters long; at most ${maxLength} are accepted`,
    );
  }
  return { kind: 'ok', value };
}

function validateChoice(item: FormItem, value: unknown): FormValueResult {
  if (
    (typeof value === 'string' || typeof value === 'number') &&
    item.choices?.some((c) => c.value === value)
  ) {
    return { kind: 'ok', value };
  }
  return invalid(
    item,
    'one-of',
    `${name(item)} must be one of ${choiceList(item)} (got ${describeValue(value)})`,
  );
}

function isQuantityShape(value: unknown): value is { value: unknown; unit: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'unit' && keys[1] === 'value';
}

function normaliseUnit(item: FormItem, unit: string): string | undefined {
  const accepted = item.units ?? [];
  if (accepted.includes(unit)) {
    return unit;
  }
  const parsed = item.labTest === undefined ? undefined : parseLabUnit(unit);
  return parsed !== undefined && accepted.includes(parsed) ? parsed : undefined;
}

function validateQuantity(item: FormItem, value: unknown): FormValueResult {
  if (!isQuantityShape(value)) {
    const message = `${name(item)} must be { value: number, unit: string } (got ${describeValue(value)})`;
    return invalid(item, 'quantity', message);
  }
  const issues: FormIssue[] = [];
  const number = value.value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    const message = `${name(item)} value must be a number ≥ 0 (got ${describeValue(number)})`;
    issues.push(issue(item, 'non-negative-number', message));
  }
  const accepted = (item.units ?? []).join(', ');
  const unit = typeof value.unit === 'string' ? normaliseUnit(item, value.unit) : undefined;
  if (unit === undefined) {
    const known = typeof value.unit === 'string' && parseLabUnit(value.unit) !== undefined;
    const rule = item.labTest !== undefined && known ? 'unit-of-test' : 'known-unit';
    const what = item.labTest === undefined ? name(item) : `test ${item.labTest}`;
    issues.push(
      issue(item, rule, `${what} is not reported in ${describeValue(value.unit)} (accepted: ${accepted})`),
    );
  }
  if (issues.length > 0 || typeof number !== 'number' || unit === undefined) {
    return { kind: 'invalid', issues };
  }
  const quantity: FormQuantity = { value: number, unit };
  return { kind: 'ok', value: quantity };
}

function validateBoolean(item: FormItem, value: unknown): FormValueResult {
  return typeof value === 'boolean'
    ? { kind: 'ok', value }
    : invalid(item, 'boolean', `${name(item)} must be true or false (got ${describeValue(value)})`);
}

/** Validates a present value (callers check `isAbsent` first). */
export function validateItemValue(item: FormItem, value: unknown): FormValueResult {
  switch (item.type) {
    case 'integer':
    case 'decimal':
      return validateNumber(item, value);
    case 'text':
      return validateText(item, value);
    case 'date':
    case 'datetime':
      return validateTemporal(item, value);
    case 'boolean':
      return validateBoolean(item, value);
    case 'choice':
      return validateChoice(item, value);
    case 'quantity':
      return validateQuantity(item, value);
  }
}
