// Kleene's strong three-valued logic on criterion statuses: `met` (true), `not-met` (false), `unknown`.
// NOT swaps met and not-met; AND is not-met when any operand is, met when all are; OR is met when any operand is,
// not-met when all are; otherwise unknown. Missing data therefore never turns a rule true by itself.

export const CRITERION_STATUSES = ['met', 'not-met', 'unknown'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Three-valued NOT. */
export function not3(value: CriterionStatus): CriterionStatus {
  if (value === 'unknown') {
    return 'unknown';
  }
  return value === 'met' ? 'not-met' : 'met';
}

/** Three-valued AND of any number of operands (met for none). */
export function and3(values: readonly CriterionStatus[]): CriterionStatus {
  if (values.includes('not-met')) {
    return 'not-met';
  }
  return values.includes('unknown') ? 'unknown' : 'met';
}

/** Three-valued OR of any number of operands (not-met for none). */
export function or3(values: readonly CriterionStatus[]): CriterionStatus {
  if (values.includes('met')) {
    return 'met';
  }
  return values.includes('unknown') ? 'unknown' : 'not-met';
}

/** A boolean as a status. */
export function fromBoolean(value: boolean): CriterionStatus {
  return value ? 'met' : 'not-met';
}
