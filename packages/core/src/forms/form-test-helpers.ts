import { evaluateFormEntry } from './evaluate-form.js';
import type { FormContext, FormDefinition, FormEvaluation } from './form-types.js';
import { findFormDefinition } from './library/form-library.js';

/** Test helpers: evaluate a library form by id, and read issues as `item:rule` strings. */

export function libraryForm(id: string): FormDefinition {
  const definition = findFormDefinition(id);
  if (definition === undefined) {
    throw new Error(`no library form ${id}`);
  }
  return definition;
}

export function evaluate(
  id: string,
  values: Readonly<Record<string, unknown>>,
  context: FormContext = {},
): FormEvaluation {
  return evaluateFormEntry(libraryForm(id), { values, context });
}

export function errorsOf(evaluation: FormEvaluation): string[] {
  return evaluation.errors.map((issue) => `${issue.item}:${issue.rule}`);
}

export function warningsOf(evaluation: FormEvaluation): string[] {
  return evaluation.warnings.map((issue) => `${issue.item}:${issue.rule}`);
}

/** A complete, valid vital-signs entry. */
export const VITALS = {
  heartRate: 72,
  systolicBp: 120,
  diastolicBp: 80,
  respiratoryRate: 14,
  temperatureC: 36.6,
  weightKg: 70,
  heightCm: 175,
} as const;

/** A complete ALSFRS-R entry without gastrostomy, all items 4 (48/48). */
export const ALSFRS_ALL_NORMAL = {
  gastrostomy: false,
  q1: 4,
  q2: 4,
  q3: 4,
  q4: 4,
  q5a: 4,
  q6: 4,
  q7: 4,
  q8: 4,
  q9: 4,
  q10: 4,
  q11: 4,
  q12: 4,
} as const;
