// Field builders for the screening record: every message is a predicate phrase ("must be from 0 to 48") that
// parse-screening-record.ts prefixes with the field path; rules come from the issue code or `params.rule`.
import { isIsoCalendarDate } from '@celltrial/core';
import { z } from 'zod';

function typeError(expected: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${expected}`;
}

/** A real calendar date written `YYYY-MM-DD`. */
export const ScreeningDateSchema = z
  .string({ error: typeError('a date YYYY-MM-DD (a string)') })
  .refine(isIsoCalendarDate, {
    error: 'must be a real calendar date YYYY-MM-DD',
    params: { rule: 'iso-date' },
  });

export const ScreeningFlagSchema = z.boolean({ error: typeError('true or false') });

/** An enumerated value; the message lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: typeError(`one of ${values.join(', ')}`) });
}

interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** The minimum itself is impossible (weights and concentrations are above 0). */
  readonly aboveMin?: boolean;
  readonly integer?: boolean;
}

function describeRange(range: NumberRange): string {
  const kind = range.integer === true ? 'a whole number' : 'a number';
  return range.aboveMin === true
    ? `${kind} above ${range.min} and at most ${range.max}`
    : `${kind} from ${range.min} to ${range.max}`;
}

/** A finite number within a plausible range (values outside it are impossible, not merely unusual). */
export function numberIn(range: NumberRange) {
  const message = `must be ${describeRange(range)}`;
  let schema = z.number({ error: typeError(describeRange(range)) });
  if (range.integer === true) {
    schema = schema.int({ error: `must be a whole number (${describeRange(range)})` });
  }
  schema =
    range.aboveMin === true
      ? schema.gt(range.min, { error: message })
      : schema.min(range.min, { error: message });
  return schema.max(range.max, { error: message });
}
