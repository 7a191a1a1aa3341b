// The live check of an eCRF form in the browser: core's form engine (the function the server runs on save) over
// the draft, with skip logic applied first so hidden items are neither shown nor sent. Pure.
import {
  evaluateCondition,
  evaluateFormEntry,
  type FormContext,
  type FormDefinition,
  type FormEvaluation,
  type FormIssue,
} from '@celltrial/core';
import { definitionItems } from '../form-definitions.js';
import { draftToValues, type FormDraft } from './form-draft.js';

export interface FormCheck {
  /** The values to save: every non-empty input of a shown item. */
  readonly values: Record<string, unknown>;
  readonly evaluation: FormEvaluation;
  /** Items shown under the skip conditions of the current values. */
  readonly shown: ReadonlySet<string>;
  /** Errors by item (a cross-field check attaches to each of its items). */
  readonly errorsByItem: ReadonlyMap<string, readonly FormIssue[]>;
  readonly warningsByItem: ReadonlyMap<string, readonly FormIssue[]>;
}

function byItem(issues: readonly FormIssue[]): Map<string, FormIssue[]> {
  const map = new Map<string, FormIssue[]>();
  for (const issue of issues) {
    for (const item of new Set([issue.item, ...(issue.items ?? [])])) {
      map.set(item, [...(map.get(item) ?? []), issue]);
    }
  }
  return map;
}

/**
 * Evaluates the draft. The first pass finds which items are shown (a skip condition looks only at accepted values
 * of shown items, so a hidden item's own input never changes what is shown); the second evaluates only the inputs
 * of shown items, which is what Save sends. Text typed into an item that became hidden stays in the draft and comes
 * back if the item is shown again.
 */
export function checkFormDraft(
  definition: FormDefinition,
  draft: FormDraft,
  context: FormContext,
): FormCheck {
  const first = evaluateFormEntry(definition, { values: draftToValues(definition, draft), context });
  const lookup = (id: string) => first.values[id];
  const shown = new Set(
    definitionItems(definition)
      .filter((item) => item.showWhen === undefined || evaluateCondition(item.showWhen, lookup))
      .map((item) => item.id),
  );
  const values = draftToValues(definition, draft, (id) => shown.has(id));
  const evaluation = evaluateFormEntry(definition, { values, context });
  return {
    values,
    evaluation,
    shown,
    errorsByItem: byItem(evaluation.errors),
    warningsByItem: byItem(evaluation.warnings),
  };
}
