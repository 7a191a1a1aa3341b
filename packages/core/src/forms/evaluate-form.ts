import { editDistance } from '../text/edit-distance.js';
import { describeCondition, evaluateCondition } from './form-conditions.js';
import { evaluateChecks } from './form-checks.js';
import { findFormDerivation } from './form-derivations.js';
import type {
  FormDefinition,
  FormEntry,
  FormEvaluation,
  FormIssue,
  FormItem,
  FormValue,
} from './form-types.js';
import { isAbsent, validateItemValue } from './form-values.js';

/**
 * The form engine: one pure function the server runs on every save and the web app runs live. Rules, in order:
 * unknown item ids and invalid values are errors; a value for an item hidden by its skip condition is an error;
 * required shown items without a value are `missing` (never errors); cross-field checks add errors, warnings or
 * missing items; the registered derivation runs on inputs that are present and carry no error.
 * Reference: docs/forms.md.
 */

/** Every item of a definition in display order. */
export function formItems(definition: FormDefinition): readonly FormItem[] {
  return definition.sections.flatMap((section) => section.items);
}

function unknownItemIssue(key: string, items: readonly FormItem[]): FormIssue {
  let best: { id: string; distance: number } | undefined;
  for (const item of items) {
    const distance = editDistance(key, item.id);
    if (best === undefined || distance < best.distance) {
      best = { id: item.id, distance };
    }
  }
  const close = best !== undefined && best.distance <= Math.max(2, Math.floor(key.length / 3));
  const hint = close && best !== undefined ? ` (did you mean '${best.id}'?)` : '';
  return { item: key, rule: 'unknown-item', message: `'${key}' is not an item of this form${hint}` };
}

interface ValueState {
  readonly given: Set<string>;
  readonly valid: Map<string, FormValue>;
  readonly invalid: Map<string, readonly FormIssue[]>;
}

function readValues(items: readonly FormItem[], values: FormEntry['values']): ValueState {
  const state: ValueState = { given: new Set(), valid: new Map(), invalid: new Map() };
  for (const item of items) {
    const value = Object.hasOwn(values, item.id) ? values[item.id] : undefined;
    if (isAbsent(value)) {
      continue;
    }
    state.given.add(item.id);
    const result = validateItemValue(item, value);
    if (result.kind === 'ok') {
      state.valid.set(item.id, result.value);
    } else {
      state.invalid.set(item.id, result.issues);
    }
  }
  return state;
}

/** Visibility of each item from its skip condition over the accepted values of shown items. */
function visibility(byId: ReadonlyMap<string, FormItem>, valid: ReadonlyMap<string, FormValue>) {
  const memo = new Map<string, boolean>();
  const lookup = (id: string): FormValue | undefined => (shown(id) ? valid.get(id) : undefined);
  function shown(id: string): boolean {
    const known = memo.get(id);
    if (known !== undefined) {
      return known;
    }
    const condition = byId.get(id)?.showWhen;
    memo.set(id, false); // a cycle (refused by validateFormDefinition) would read as hidden, never loop
    const result = byId.has(id) && (condition === undefined || evaluateCondition(condition, lookup));
    memo.set(id, result);
    return result;
  }
  return { shown, lookup };
}

function hiddenIssue(item: FormItem): FormIssue {
  const condition =
    item.showWhen === undefined ? '' : ` (shown only when ${describeCondition(item.showWhen)})`;
  return {
    item: item.id,
    rule: 'hidden-item',
    message: `${item.label} (${item.id}) must be left empty${condition}`,
  };
}

function unique(ids: readonly string[], order: readonly FormItem[]): string[] {
  const set = new Set(ids);
  return order.filter((item) => set.has(item.id)).map((item) => item.id);
}

/** Evaluates one entry of a form: accepted values, errors, warnings, missing items and derived values. */
export function evaluateFormEntry(definition: FormDefinition, entry: FormEntry): FormEvaluation {
  const items = formItems(definition);
  const byId = new Map(items.map((item) => [item.id, item]));
  const errors: FormIssue[] = Object.keys(entry.values)
    .filter((key) => !byId.has(key))
    .map((key) => unknownItemIssue(key, items));
  const state = readValues(items, entry.values);
  const { shown, lookup } = visibility(byId, state.valid);
  const values: Record<string, FormValue> = {};
  const missing: string[] = [];
  for (const item of items) {
    if (!shown(item.id)) {
      if (state.given.has(item.id)) {
        errors.push(hiddenIssue(item));
      }
      continue;
    }
    const value = state.valid.get(item.id);
    if (value !== undefined) {
      values[item.id] = value;
    }
    errors.push(...(state.invalid.get(item.id) ?? []));
    if (item.required === true && !state.given.has(item.id)) {
      missing.push(item.id);
    }
  }
  const checks = evaluateChecks(definition.checks, {
    lookup,
    given: (item) => state.given.has(item),
    shown,
    context: entry.context,
  });
  errors.push(...checks.errors);
  const blocked = new Set(errors.flatMap((issue) => [issue.item, ...(issue.items ?? [])]));
  const derivation = findFormDerivation(definition.id);
  const derivedOutput = derivation?.({ values, blocked, context: entry.context });
  const allMissing = unique([...missing, ...checks.missing], items);
  return {
    values,
    errors,
    warnings: checks.warnings,
    missing: allMissing,
    derived: derivedOutput?.derived ?? {},
    derivationNotes: derivedOutput?.notes ?? [],
    complete: errors.length === 0 && allMissing.length === 0,
  };
}
