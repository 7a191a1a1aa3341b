import { evaluateCondition, type FormValueLookup } from './form-conditions.js';
import { dateProblem, dayNumberOf, hasTime, secondsOf } from './form-temporal.js';
import {
  FORM_CONTEXT_OPERANDS,
  type FormCheck,
  type FormComparator,
  type FormContext,
  type FormContextOperand,
  type FormIssue,
  type FormValue,
} from './form-types.js';

/**
 * Cross-field checks. A compare runs only when both sides have a value (a missing side is the job of `required`,
 * an invalid side already has its own issue); presence assertions count entered values.
 */

/** What the checks see of an entry. */
export interface CheckState {
  /** Accepted values of shown items. */
  readonly lookup: FormValueLookup;
  /** True when the item was given any value (valid or not, shown or not). */
  readonly given: (item: string) => boolean;
  readonly shown: (item: string) => boolean;
  readonly context: FormContext;
}

/** Outcome of all checks of a definition. */
export interface CheckOutcome {
  readonly errors: FormIssue[];
  readonly warnings: FormIssue[];
  /** Items listed as missing by failed 'incomplete' checks. */
  readonly missing: string[];
}

type Operand =
  { readonly kind: 'number'; readonly value: number } | { readonly kind: 'time'; readonly text: string };

function isContextOperand(operand: string): operand is FormContextOperand {
  return Object.hasOwn(FORM_CONTEXT_OPERANDS, operand);
}

function toOperand(value: unknown): Operand | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { kind: 'number', value };
  }
  if (typeof value === 'string') {
    const date = value.length > 10 ? value.slice(0, 10) : value;
    return dateProblem(date) === null ? { kind: 'time', text: value } : undefined;
  }
  return undefined;
}

function resolveOperand(operand: string | number, state: CheckState): Operand | undefined {
  if (typeof operand === 'number') {
    return toOperand(operand);
  }
  if (isContextOperand(operand)) {
    const key = operand.slice('context.'.length) as keyof FormContext;
    return toOperand(state.context[key]);
  }
  const value: FormValue | undefined = state.lookup(operand);
  return typeof value === 'object' ? undefined : toOperand(value);
}

/** Numbers to compare: numbers as they are; times in seconds, or in days when either side is a plain date. */
function comparable(left: Operand, right: Operand): readonly [number, number] | undefined {
  if (left.kind === 'number' && right.kind === 'number') {
    return [left.value, right.value];
  }
  if (left.kind === 'time' && right.kind === 'time') {
    if (hasTime(left.text) && hasTime(right.text)) {
      return [secondsOf(left.text), secondsOf(right.text)];
    }
    return [dayNumberOf(left.text), dayNumberOf(right.text)];
  }
  return undefined;
}

function holds(pair: readonly [number, number], comparator: FormComparator): boolean {
  const [a, b] = pair;
  switch (comparator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

function shownValue(operand: Operand): string {
  return operand.kind === 'number' ? String(operand.value) : operand.text;
}

interface Failure {
  readonly detail: string;
}

function evaluateAssertion(check: FormCheck, state: CheckState): Failure | null {
  const assertion = check.assert;
  if ('compare' in assertion) {
    const [leftItem, comparator, rightOperand] = assertion.compare;
    const left = resolveOperand(leftItem, state);
    const right = resolveOperand(rightOperand, state);
    const pair = left === undefined || right === undefined ? undefined : comparable(left, right);
    if (left === undefined || right === undefined || pair === undefined || holds(pair, comparator)) {
      return null;
    }
    const rightName = typeof rightOperand === 'number' ? '' : `${rightOperand} = `;
    return { detail: `${leftItem} = ${shownValue(left)}, ${rightName}${shownValue(right)}` };
  }
  if ('atMostOneOf' in assertion) {
    const entered = assertion.atMostOneOf.filter((item) => state.given(item));
    return entered.length > 1 ? { detail: `entered: ${entered.join(', ')}` } : null;
  }
  const shown = assertion.atLeastOneOf.filter((item) => state.shown(item));
  if (shown.length === 0 || shown.some((item) => state.given(item))) {
    return null;
  }
  return { detail: `none of ${shown.join(', ')} entered` };
}

/** Runs every check whose `when` holds. */
export function evaluateChecks(checks: readonly FormCheck[], state: CheckState): CheckOutcome {
  const outcome: CheckOutcome = { errors: [], warnings: [], missing: [] };
  for (const check of checks) {
    if (check.when !== undefined && !evaluateCondition(check.when, state.lookup)) {
      continue;
    }
    const failure = evaluateAssertion(check, state);
    if (failure === null) {
      continue;
    }
    if (check.severity === 'incomplete') {
      outcome.missing.push(...check.items.filter((item) => state.shown(item)));
      continue;
    }
    const issue: FormIssue = {
      item: check.items[0] ?? '',
      rule: check.id,
      message: `${check.message} (${failure.detail})`,
      check: check.id,
      items: check.items,
    };
    (check.severity === 'error' ? outcome.errors : outcome.warnings).push(issue);
  }
  return outcome;
}
