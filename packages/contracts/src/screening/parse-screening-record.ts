// Turns zod issues on a screening record into problems that name the field and the rule, for the API, the CLI
// ("alsfrsR.total: must be a whole number from 0 to 48 (got 52) (rule: range)") and the screening form.
import type { ScreeningRecord } from '@celltrial/core';
import type { z } from 'zod';
import { ScreeningRecordSchema } from './screening-record.schema.js';

export interface ScreeningProblem {
  /** The field, e.g. `alsfrsR.total`, `conditions[2].code` ('' for the record itself). */
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

export type ParseScreeningRecordResult =
  | { readonly kind: 'ok'; readonly record: ScreeningRecord }
  | { readonly kind: 'invalid'; readonly problems: readonly ScreeningProblem[] };

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') {
        return `[${segment}]`;
      }
      return `${index === 0 ? '' : '.'}${String(segment)}`;
    })
    .join('');
}

function describeInput(input: unknown): string {
  if (input === undefined) {
    return '';
  }
  const text = JSON.stringify(input);
  return text === undefined || text.length > 40 ? '' : ` (got ${text})`;
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return 'required';
      }
      return issue.expected === 'int' ? 'integer' : 'type';
    case 'too_big':
    case 'too_small':
      return 'range';
    case 'invalid_value':
      return 'one-of';
    case 'invalid_format':
      return 'format';
    case 'unrecognized_keys':
      return 'known-field';
    case 'invalid_key':
      return 'key-format';
    case 'custom': {
      const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
      return typeof rule === 'string' ? rule : 'invalid';
    }
    case 'invalid_element':
    case 'invalid_union':
    case 'not_multiple_of':
      return issue.code.replace(/_/g, '-');
  }
}

function toProblems(issue: z.core.$ZodIssue): ScreeningProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = pathText([...issue.path, key]);
      return {
        path,
        rule: 'known-field',
        message: `${path} is not a screening record field (see docs/screening-record.md)`,
      };
    });
  }
  const path = pathText(issue.path);
  const rule = ruleOf(issue);
  // Cross-field messages already name their fields; the others are predicates ("must be …").
  const full =
    issue.code === 'custom' && (issue.params as { fullMessage?: unknown } | undefined)?.fullMessage === true;
  const detail = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const message = full
    ? issue.message
    : `${path === '' ? 'the record' : path} ${detail}${describeInput(issue.input)}`;
  return [{ path, rule, message }];
}

/** Validates a screening record; every problem names its field and rule. */
export function parseScreeningRecord(input: unknown): ParseScreeningRecordResult {
  const parsed = ScreeningRecordSchema.safeParse(input, { reportInput: true });
  if (parsed.success) {
    return { kind: 'ok', record: parsed.data };
  }
  return { kind: 'invalid', problems: parsed.error.issues.flatMap(toProblems) };
}

/** One line per problem: `message (rule: id)`; messages start with the field they are about. */
export function formatScreeningProblem(problem: ScreeningProblem, prefix = ''): string {
  return `${prefix}${problem.message} (rule: ${problem.rule})`;
}
