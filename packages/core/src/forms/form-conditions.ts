import type { FormCondition, FormValue } from './form-types.js';

/**
 * Skip conditions. A leaf looks at the accepted value of a shown item; an absent, invalid or hidden item has no
 * value, so `equals` and `notEquals` are false for it and only `present: false` is true. `all: []` is true and
 * `any: []` false (validateFormDefinition refuses both as mistakes).
 */

/** Accepted value of a shown item, or undefined. */
export type FormValueLookup = (item: string) => FormValue | undefined;

/** Equality of two values as a condition sees them (quantities by number and unit). */
export function formValuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const x = a as Partial<Record<string, unknown>>;
    const y = b as Partial<Record<string, unknown>>;
    return x['value'] === y['value'] && x['unit'] === y['unit'];
  }
  return a === b;
}

/** Evaluates a condition against the entry's accepted values. */
export function evaluateCondition(condition: FormCondition, lookup: FormValueLookup): boolean {
  if ('all' in condition) {
    return condition.all.every((part) => evaluateCondition(part, lookup));
  }
  if ('any' in condition) {
    return condition.any.some((part) => evaluateCondition(part, lookup));
  }
  const value = lookup(condition.item);
  if ('present' in condition) {
    return (value !== undefined) === condition.present;
  }
  if (value === undefined) {
    return false;
  }
  return 'equals' in condition
    ? formValuesEqual(value, condition.equals)
    : !formValuesEqual(value, condition.notEquals);
}

/** Every item id a condition looks at, in order of appearance. */
export function conditionItems(condition: FormCondition): string[] {
  if ('all' in condition) {
    return condition.all.flatMap(conditionItems);
  }
  if ('any' in condition) {
    return condition.any.flatMap(conditionItems);
  }
  return [condition.item];
}

/** Short text of a condition for messages ("gastrostomy = true"). */
export function describeCondition(condition: FormCondition): string {
  if ('all' in condition) {
    return condition.all.map(describeCondition).join(' and ');
  }
  if ('any' in condition) {
    return `(${condition.any.map(describeCondition).join(' or ')})`;
  }
  if ('present' in condition) {
    return `${condition.item} is ${condition.present ? 'answered' : 'not answered'}`;
  }
  return 'equals' in condition
    ? `${condition.item} = ${JSON.stringify(condition.equals)}`
    : `${condition.item} ≠ ${JSON.stringify(condition.notEquals)}`;
}
