import { problem, type ScaleProblem } from '../scales/scale-result.js';
import { formItems } from './evaluate-form.js';
import { FORM_CONTEXT_OPERANDS, type FormCheck, type FormDefinition, type FormItem } from './form-types.js';
import { conditionProblems, itemProblems } from './validate-form-items.js';

/**
 * Internal consistency of a form definition: unique ids, well-formed items, skip conditions that name earlier
 * items with valid values, checks over existing items of fitting types, derived ids that do not shadow items.
 * The library test runs it on every definition; a protocol-specific definition would run it on load.
 */

/** A definition problem: where (`sections.0.items.3.choices`), which rule, and a message. */
export type FormDefinitionProblem = ScaleProblem;

/** Outcome of validating a definition. */
export type FormDefinitionValidation =
  { readonly kind: 'ok' } | { readonly kind: 'invalid'; readonly problems: readonly FormDefinitionProblem[] };

const COMPARABLE: Readonly<Record<FormItem['type'], 'number' | 'date' | null>> = {
  integer: 'number',
  decimal: 'number',
  date: 'date',
  datetime: 'date',
  text: null,
  boolean: null,
  choice: null,
  quantity: null,
};

function operandKind(
  operand: string | number,
  byId: ReadonlyMap<string, FormItem>,
): 'number' | 'date' | null | undefined {
  if (typeof operand === 'number') {
    return Number.isFinite(operand) ? 'number' : null;
  }
  if (Object.hasOwn(FORM_CONTEXT_OPERANDS, operand)) {
    return FORM_CONTEXT_OPERANDS[operand as keyof typeof FORM_CONTEXT_OPERANDS];
  }
  const item = byId.get(operand);
  return item === undefined ? undefined : COMPARABLE[item.type];
}

function assertionProblems(
  check: FormCheck,
  byId: ReadonlyMap<string, FormItem>,
  path: string,
): ScaleProblem[] {
  const assertion = check.assert;
  if ('compare' in assertion) {
    const [left, , right] = assertion.compare;
    const leftKind = operandKind(left, byId);
    const rightKind = operandKind(right, byId);
    if (leftKind === undefined || byId.get(left) === undefined) {
      return [
        problem(`${path}.assert.compare.0`, 'check-item', `compare names '${left}', which is not an item`),
      ];
    }
    if (rightKind === undefined) {
      return [
        problem(
          `${path}.assert.compare.2`,
          'check-item',
          `compare names '${String(right)}', which is not an item or context operand`,
        ),
      ];
    }
    if (leftKind === null || leftKind !== rightKind) {
      return [
        problem(
          `${path}.assert.compare`,
          'comparable',
          `${left} and ${String(right)} are not comparable (numbers with numbers, dates with dates)`,
        ),
      ];
    }
    return [];
  }
  const items = 'atMostOneOf' in assertion ? assertion.atMostOneOf : assertion.atLeastOneOf;
  const problems = items
    .filter((id) => !byId.has(id))
    .map((id) => problem(`${path}.assert`, 'check-item', `assertion names '${id}', which is not an item`));
  if (items.length < 2) {
    problems.push(problem(`${path}.assert`, 'group-size', 'a presence assertion needs at least two items'));
  }
  return problems;
}

function checkProblems(definition: FormDefinition, byId: ReadonlyMap<string, FormItem>): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const seen = new Set<string>();
  definition.checks.forEach((check, index) => {
    const path = `checks.${index}`;
    if (seen.has(check.id)) {
      problems.push(problem(`${path}.id`, 'unique-check-id', `check id '${check.id}' repeats`));
    }
    seen.add(check.id);
    if (check.items.length === 0) {
      problems.push(problem(`${path}.items`, 'check-items', `check ${check.id} attaches to no item`));
    }
    for (const id of check.items.filter((candidate) => !byId.has(candidate))) {
      problems.push(
        problem(`${path}.items`, 'check-item', `check ${check.id} attaches to '${id}', which is not an item`),
      );
    }
    if (check.when !== undefined) {
      problems.push(...conditionProblems(check.when, { earlier: byId, path: `${path}.when` }));
    }
    if (check.severity === 'incomplete' && !('atLeastOneOf' in check.assert)) {
      problems.push(
        problem(
          `${path}.severity`,
          'incomplete-assertion',
          "severity 'incomplete' applies to atLeastOneOf only",
        ),
      );
    }
    problems.push(...assertionProblems(check, byId, path));
  });
  return problems;
}

function structureProblems(definition: FormDefinition): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (!/^[a-z][a-z0-9-]*$/.test(definition.id)) {
    problems.push(problem('id', 'form-id', `form id '${definition.id}' must be lower-case kebab-case`));
  }
  if (!new RegExp(`^${definition.id}@[1-9][0-9]*$`).test(definition.version)) {
    problems.push(
      problem(
        'version',
        'form-version',
        `version must be '${definition.id}@<n>' (got '${definition.version}')`,
      ),
    );
  }
  if (definition.sections.length === 0) {
    problems.push(problem('sections', 'sections-non-empty', 'a form needs at least one section'));
  }
  const sectionIds = new Set<string>();
  definition.sections.forEach((section, index) => {
    if (sectionIds.has(section.id)) {
      problems.push(
        problem(`sections.${index}.id`, 'unique-section-id', `section id '${section.id}' repeats`),
      );
    }
    sectionIds.add(section.id);
    if (section.items.length === 0) {
      problems.push(
        problem(`sections.${index}.items`, 'items-non-empty', `section ${section.id} has no items`),
      );
    }
  });
  return problems;
}

/** Checks a definition for internal consistency; every problem names the path and the rule. */
export function validateFormDefinition(definition: FormDefinition): FormDefinitionValidation {
  const problems = structureProblems(definition);
  const earlier = new Map<string, FormItem>();
  definition.sections.forEach((section, sectionIndex) => {
    section.items.forEach((item, itemIndex) => {
      const path = `sections.${sectionIndex}.items.${itemIndex}`;
      problems.push(...itemProblems(item, path));
      if (earlier.has(item.id)) {
        problems.push(problem(`${path}.id`, 'unique-item-id', `item id '${item.id}' repeats`));
      }
      if (item.showWhen !== undefined) {
        problems.push(...conditionProblems(item.showWhen, { earlier, path: `${path}.showWhen` }));
      }
      earlier.set(item.id, item);
    });
  });
  problems.push(...checkProblems(definition, earlier));
  const itemIds = new Set(formItems(definition).map((item) => item.id));
  const derivedIds = new Set<string>();
  (definition.derivedItems ?? []).forEach((derived, index) => {
    if (itemIds.has(derived.id) || derivedIds.has(derived.id)) {
      problems.push(
        problem(
          `derivedItems.${index}.id`,
          'unique-derived-id',
          `derived id '${derived.id}' repeats or shadows an item`,
        ),
      );
    }
    derivedIds.add(derived.id);
  });
  return problems.length === 0 ? { kind: 'ok' } : { kind: 'invalid', problems };
}
