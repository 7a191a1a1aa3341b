import { findLabTest } from '../labs/lab-catalogue.js';
import { problem, type ScaleProblem } from '../scales/scale-result.js';
import { conditionItems } from './form-conditions.js';
import type { FormCondition, FormItem } from './form-types.js';
import { validateItemValue } from './form-values.js';

/** Consistency rules for one item of a definition and for skip conditions (used by validateFormDefinition). */

const NUMERIC = new Set<FormItem['type']>(['integer', 'decimal']);

function choiceProblems(item: FormItem, path: string): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (item.type === 'choice' && (item.choices === undefined || item.choices.length === 0)) {
    problems.push(problem(`${path}.choices`, 'choices-non-empty', `choice item ${item.id} has no choices`));
  }
  if (item.choices === undefined) {
    return problems;
  }
  if (item.type !== 'choice' && item.type !== 'integer') {
    problems.push(
      problem(`${path}.choices`, 'choices-type', `${item.type} item ${item.id} cannot have choices`),
    );
  }
  if (item.choices.length === 0) {
    problems.push(
      problem(`${path}.choices`, 'choices-non-empty', `item ${item.id} has an empty choice list`),
    );
  }
  const seen = new Set<string | number>();
  item.choices.forEach((choice, index) => {
    if (seen.has(choice.value)) {
      problems.push(
        problem(`${path}.choices.${index}`, 'unique-choice', `choice ${String(choice.value)} repeats`),
      );
    }
    seen.add(choice.value);
    if (item.type === 'integer' && !Number.isInteger(choice.value)) {
      problems.push(
        problem(
          `${path}.choices.${index}`,
          'integer-choice',
          `integer item ${item.id} has a non-integer choice`,
        ),
      );
    }
    if (choice.label.trim() === '') {
      problems.push(
        problem(`${path}.choices.${index}`, 'choice-label', `a choice of ${item.id} has no label`),
      );
    }
  });
  return problems;
}

function numericProblems(item: FormItem, path: string): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const numeric = NUMERIC.has(item.type);
  for (const field of ['min', 'max', 'unit'] as const) {
    if (item[field] !== undefined && !numeric) {
      problems.push(
        problem(`${path}.${field}`, 'numeric-only', `${field} applies to integer and decimal items only`),
      );
    }
  }
  if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
    problems.push(problem(`${path}.min`, 'min-not-above-max', `min ${item.min} is above max ${item.max}`));
  }
  if (
    item.decimals !== undefined &&
    (item.type !== 'decimal' || !Number.isInteger(item.decimals) || item.decimals < 0)
  ) {
    problems.push(
      problem(`${path}.decimals`, 'decimals', 'decimals is a whole number ≥ 0 on decimal items only'),
    );
  }
  if (
    item.maxLength !== undefined &&
    (item.type !== 'text' || !Number.isInteger(item.maxLength) || item.maxLength < 1)
  ) {
    problems.push(
      problem(`${path}.maxLength`, 'max-length', 'maxLength is a whole number ≥ 1 on text items only'),
    );
  }
  return problems;
}

function labProblems(item: FormItem, path: string): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (item.type === 'quantity' && (item.units === undefined || item.units.length === 0)) {
    problems.push(problem(`${path}.units`, 'units-non-empty', `quantity item ${item.id} lists no units`));
  }
  if (item.units !== undefined && item.type !== 'quantity') {
    problems.push(problem(`${path}.units`, 'quantity-only', 'units apply to quantity items only'));
  }
  if (item.labTest === undefined) {
    return problems;
  }
  const test = findLabTest(item.labTest);
  if (test === undefined) {
    return [...problems, problem(`${path}.labTest`, 'known-test', `unknown lab test '${item.labTest}'`)];
  }
  if (test.kind === 'quantitative') {
    if (item.type !== 'quantity') {
      problems.push(
        problem(`${path}.labTest`, 'lab-item-type', `quantitative test ${test.code} needs a quantity item`),
      );
    }
    const known = test.units.map((unit) => unit.unit as string);
    for (const unit of item.units ?? []) {
      if (!known.includes(unit)) {
        problems.push(problem(`${path}.units`, 'unit-of-test', `${test.code} is not reported in ${unit}`));
      }
    }
  } else {
    if (item.type !== 'choice') {
      problems.push(
        problem(`${path}.labTest`, 'lab-item-type', `qualitative test ${test.code} needs a choice item`),
      );
    }
    for (const choice of item.choices ?? []) {
      if (!(test.results as readonly unknown[]).includes(choice.value)) {
        problems.push(
          problem(`${path}.choices`, 'result-of-test', `${test.code} has no result ${String(choice.value)}`),
        );
      }
    }
  }
  return problems;
}

/** Problems of one item's own attributes (not its skip condition). */
export function itemProblems(item: FormItem, path: string): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(item.id)) {
    problems.push(
      problem(`${path}.id`, 'item-id', `item id '${item.id}' must be letters, digits and hyphens`),
    );
  }
  if (item.label.trim() === '') {
    problems.push(problem(`${path}.label`, 'label', `item ${item.id} has no label`));
  }
  return [
    ...problems,
    ...choiceProblems(item, path),
    ...numericProblems(item, path),
    ...labProblems(item, path),
  ];
}

/**
 * Problems of a condition used at `path`: every item it names exists among `earlier` (items before the one it
 * controls, so skip logic can never loop), and compared values are valid values of that item.
 */
export function conditionProblems(
  condition: FormCondition,
  scope: { readonly earlier: ReadonlyMap<string, FormItem>; readonly path: string },
): ScaleProblem[] {
  const { earlier, path } = scope;
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    if (parts.length === 0) {
      return [problem(path, 'condition-non-empty', 'all / any needs at least one condition')];
    }
    return parts.flatMap((part, index) => conditionProblems(part, { earlier, path: `${path}.${index}` }));
  }
  const [id = ''] = conditionItems(condition);
  const target = earlier.get(id);
  if (target === undefined) {
    return [
      problem(`${path}.item`, 'condition-item', `condition names '${id}', which is not an earlier item`),
    ];
  }
  if ('present' in condition) {
    return [];
  }
  const value = 'equals' in condition ? condition.equals : condition.notEquals;
  return validateItemValue(target, value).kind === 'ok'
    ? []
    : [problem(path, 'condition-value', `${JSON.stringify(value)} is not a valid value of ${id}`)];
}
