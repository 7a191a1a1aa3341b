import { expect } from 'vitest';
import { gradeLabValue } from './ctcae-grading.js';
import type { GradeLabValueInput } from './ctcae-grading-input.js';
import type { CtcaeLabTerm, CtcaeVersion } from './ctcae-terms.js';

/** One golden table: a term (and test), its limits, and [value, expected grade or 'not-gradable'] pairs. */
export interface GoldenTable {
  readonly term: CtcaeLabTerm;
  readonly test: string;
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
  readonly baseline?: number;
  readonly convention?: GradeLabValueInput['convention'];
  readonly cases: readonly (readonly [number, number | 'not-gradable'])[];
}

/** The grade (or 'not-gradable' / 'invalid') of one value under a table's limits. */
export function gradeOf(
  version: CtcaeVersion,
  table: Omit<GoldenTable, 'cases'>,
  value: number,
): number | 'not-gradable' | 'invalid' {
  const outcome = gradeLabValue({ version, ...table, value });
  if (outcome.kind === 'graded') {
    return outcome.grade;
  }
  return outcome.kind;
}

/** Asserts every case of a table, naming the value in the failure message. */
export function expectTable(version: CtcaeVersion, table: GoldenTable): void {
  for (const [value, expected] of table.cases) {
    const label = `${version} ${table.term} (${table.test}) value ${value} ${table.unit}`;
    expect(gradeOf(version, table, value), label).toBe(expected);
  }
}

/** Key identifying a rule by term and test. */
export function ruleKey(table: { readonly term: string; readonly test: string }): string {
  return `${table.term}|${table.test}`;
}
