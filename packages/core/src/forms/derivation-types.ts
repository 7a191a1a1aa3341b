import { ageInYears } from '../eligibility/elapsed-time.js';
import { isIsoCalendarDate } from '../protocol/iso-date.js';
import type { FormContext, FormDerivationNote, FormDerivedValue, FormValue } from './form-types.js';

/**
 * The contract of a derivation (code registered per definition id): it sees only accepted values, the items that
 * carry an error and the context, and returns derived values with notes on what it could not derive and why.
 */

export interface DerivationInput {
  /** Accepted values of shown items. */
  readonly values: Readonly<Record<string, FormValue>>;
  /** Items that carry an error (their own or an error check's): a derivation using one of them does not run. */
  readonly blocked: ReadonlySet<string>;
  readonly context: FormContext;
}

export interface DerivationOutput {
  readonly derived: Record<string, FormDerivedValue>;
  readonly notes: FormDerivationNote[];
}

export type FormDerivation = (input: DerivationInput) => DerivationOutput;

/** An empty output to fill. */
export function emptyOutput(): DerivationOutput {
  return { derived: {}, notes: [] };
}

/**
 * Why the inputs are not ready (null when they are): an input carries an error, or a required one is absent.
 * Absent optional inputs are fine.
 */
export function inputsNotReady(
  input: DerivationInput,
  items: { readonly required: readonly string[]; readonly optional?: readonly string[] },
): string | null {
  const blocked = [...items.required, ...(items.optional ?? [])].filter((item) => input.blocked.has(item));
  if (blocked.length > 0) {
    return `${blocked.join(', ')} ${blocked.length === 1 ? 'has' : 'have'} an error`;
  }
  const absent = items.required.filter((item) => input.values[item] === undefined);
  return absent.length > 0 ? `${absent.join(', ')} not entered` : null;
}

/** A number value, or undefined. */
export function numberValue(values: DerivationInput['values'], item: string): number | undefined {
  const value = values[item];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Age for reference equations: context.ageYears, else completed years from context.birthDate to
 * context.assessmentDate; undefined when neither is available.
 */
export function contextAge(context: FormContext): number | undefined {
  if (context.ageYears !== undefined) {
    return context.ageYears;
  }
  const { birthDate, assessmentDate } = context;
  if (
    typeof birthDate === 'string' &&
    typeof assessmentDate === 'string' &&
    isIsoCalendarDate(birthDate) &&
    isIsoCalendarDate(assessmentDate) &&
    birthDate <= assessmentDate
  ) {
    return ageInYears(birthDate, assessmentDate);
  }
  return undefined;
}
