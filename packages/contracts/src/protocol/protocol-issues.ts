// Turns zod issues on a protocol document into author-facing problems: one per unknown key, "missing
// field" instead of "expected string, received undefined", and "did you mean" for near-miss keys.
import { z } from 'zod';
import type { DocumentPath } from './yaml-locate.js';
import { editDistance } from '@celltrial/core';

export interface RawProblem {
  path: DocumentPath;
  rule: string;
  message: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey?: boolean;
  /** For an unknown key: the allowed key it is probably a misspelling of. */
  suggestion?: string;
}

function valueAt(data: unknown, path: DocumentPath): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !(String(segment) in current)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return { found: true, value: current };
}

/** The object schema that applies at `path`, following arrays, optionals, records and unions. */
function objectSchemaAt(schema: z.ZodType, path: DocumentPath, data: unknown): z.ZodObject | null {
  let current: z.ZodType = schema;
  const unwrap = (candidate: z.ZodType, value: unknown): z.ZodType => {
    let inner = candidate;
    for (let guard = 0; guard < 10; guard += 1) {
      if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
        inner = inner.unwrap() as z.ZodType;
      } else if (inner instanceof z.ZodUnion) {
        const options = inner.options as z.ZodType[];
        inner =
          options.find((option) => option.safeParse(value).success) ?? pickByKind(options, value) ?? inner;
        if (inner instanceof z.ZodUnion) {
          return inner;
        }
      } else {
        return inner;
      }
    }
    return inner;
  };
  for (let index = 0; index <= path.length; index += 1) {
    const value = valueAt(data, path.slice(0, index)).value;
    current = unwrap(current, value);
    if (index === path.length) {
      break;
    }
    const segment = path[index];
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      const next = (current.shape as Record<string, z.ZodType>)[segment];
      if (next === undefined) {
        return null;
      }
      current = next;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
    } else if (current instanceof z.ZodRecord) {
      current = current.valueType as z.ZodType;
    } else {
      return null;
    }
  }
  return current instanceof z.ZodObject ? current : null;
}

function pickByKind(options: z.ZodType[], value: unknown): z.ZodType | undefined {
  if (value === null || typeof value !== 'object' || !('kind' in value)) {
    return undefined;
  }
  const kind = value.kind;
  return options.find((option) => {
    if (!(option instanceof z.ZodObject)) {
      return false;
    }
    const literal = (option.shape as Record<string, z.ZodType>).kind;
    return literal instanceof z.ZodLiteral && literal.values.has(kind as never);
  });
}

/** The allowed key a near-miss key was probably meant to be (one edit for short keys, two from six). */
function closestKey(key: string, allowed: string[]): string | undefined {
  const tolerance = key.length >= 6 ? 2 : 1;
  return allowed
    .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
    .filter((entry) => key.length > 2 && entry.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance)[0]?.candidate;
}

function unknownKeyMessage(key: string, allowed: string[], suggestion: string | undefined): string {
  if (suggestion !== undefined) {
    return `unknown key '${key}' (did you mean '${suggestion}'?)`;
  }
  return allowed.length > 0 ? `unknown key '${key}'; allowed: ${allowed.join(', ')}` : `unknown key '${key}'`;
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** Author-facing problems for the issues zod found in a protocol document. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown,
): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(objectSchemaAt(schema, path, data)?.shape ?? {});
      for (const key of issue.keys) {
        // `{ text: a, b }` parses as the keys `text` and `b` (null): a comma in unquoted flow text.
        const splitText = valueAt(data, [...path, key]).value === null;
        const hint = splitText
          ? ' — if it is the tail of unquoted text with a comma inside { … }, quote the text'
          : '';
        const suggestion = closestKey(key, allowed);
        problems.push({
          path: [...path, key],
          rule: 'unknown-key',
          message: `${unknownKeyMessage(key, allowed, suggestion)}${hint}`,
          atKey: true,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
      continue;
    }
    const here = valueAt(data, path);
    if (issue.code === 'invalid_type' && !here.found) {
      problems.push({
        path,
        rule: 'missing-field',
        message: `missing required field '${String(path[path.length - 1])}'`,
      });
    } else if (issue.code === 'invalid_type') {
      problems.push({
        path,
        rule: 'wrong-type',
        message: `expected ${issue.expected}, got ${describe(here.value)}`,
      });
    } else if (issue.code === 'invalid_union' && 'discriminator' in issue && !here.found) {
      problems.push({
        path,
        rule: 'missing-field',
        message: `missing required field '${String(issue.discriminator)}'`,
      });
    } else if (issue.code === 'invalid_value' || issue.code === 'invalid_union') {
      problems.push({ path, rule: 'invalid-value', message: issue.message });
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      problems.push({ path, rule: 'out-of-range', message: issue.message });
    } else if (issue.code === 'invalid_key') {
      problems.push({
        path,
        rule: 'invalid-key',
        message: issue.issues[0]?.message ?? issue.message,
        atKey: true,
      });
    } else {
      problems.push({ path, rule: 'invalid-format', message: issue.message });
    }
  }
  return problems;
}
