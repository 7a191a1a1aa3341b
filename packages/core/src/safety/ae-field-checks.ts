// Field-level readers for `validateAdverseEvent`: each returns the typed value or records a problem naming the
// field and the rule it broke.
import { isIsoCalendarDate } from '../protocol/iso-date.js';
import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { RELATEDNESS_LEVELS, type Relatedness } from './adverse-event-types.js';

/** Collects problems while fields are read. */
export class ProblemCollector {
  readonly problems: ScaleProblem[] = [];

  add(path: string, rule: string, message: string): void {
    this.problems.push(problem(path, rule, message));
  }
}

/** A required ISO date no later than `today`; undefined (with a problem) otherwise. */
export function readDate(
  collector: ProblemCollector,
  field: { readonly path: string; readonly value: unknown; readonly required: boolean },
  today: string,
): string | undefined {
  const { path, value } = field;
  if (value === undefined || value === null || value === '') {
    if (field.required) {
      collector.add(path, 'required', `${path} is required`);
    }
    return undefined;
  }
  if (typeof value !== 'string' || !isIsoCalendarDate(value)) {
    collector.add(
      path,
      'iso-date',
      `${path} must be a calendar date written YYYY-MM-DD, got ${describeValue(value)}`,
    );
    return undefined;
  }
  if (value > today) {
    collector.add(path, 'not-in-future', `${path} ${value} is after today (${today})`);
    return undefined;
  }
  return value;
}

/** A required boolean. */
export function readBoolean(collector: ProblemCollector, path: string, value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === undefined || value === null) {
    collector.add(path, 'required', `${path} is required (true or false)`);
  } else {
    collector.add(path, 'boolean', `${path} must be true or false, got ${describeValue(value)}`);
  }
  return undefined;
}

/** A required member of a closed vocabulary. */
export function readOneOf<T extends string>(
  collector: ProblemCollector,
  field: { readonly path: string; readonly value: unknown },
  allowed: readonly T[],
): T | undefined {
  const { path, value } = field;
  if (value === undefined || value === null || value === '') {
    collector.add(path, 'required', `${path} is required (one of ${allowed.join(', ')})`);
    return undefined;
  }
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    collector.add(
      path,
      'one-of',
      `${path} must be one of ${allowed.join(', ')}, got ${describeValue(value)}`,
    );
  }
  return found;
}

/** An optional relatedness value (undefined/null → null; anything else must be on the scale). */
export function readRelatedness(
  collector: ProblemCollector,
  path: string,
  value: unknown,
): Relatedness | null | undefined {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  const found = RELATEDNESS_LEVELS.find((candidate) => candidate === value);
  if (found === undefined) {
    collector.add(
      path,
      'one-of',
      `${path} must be one of ${RELATEDNESS_LEVELS.join(', ')}, got ${describeValue(value)}`,
    );
  }
  return found;
}
