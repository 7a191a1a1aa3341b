import type { ScaleProblem, ScaleResult } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson, readJsonInput } from '../../io/read-input.js';

/** How one instrument's records are checked, scored and shaped for output. */
export interface RecordScorer<T> {
  /** Top-level keys a record may have (anything else is rejected as a likely typo). */
  readonly allowedKeys: readonly string[];
  readonly score: (record: Readonly<Record<string, unknown>>) => ScaleResult<T>;
  readonly toOutput: (value: T) => unknown;
}

/** One line naming each problem's field (prefixed with the array index when the input is an array) and rule. */
export function formatProblems(problems: readonly ScaleProblem[], prefix: string): string {
  return problems.map((p) => `${prefix}${p.path}: ${p.message} (rule: ${p.rule})`).join('; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scoreOne<T>(value: unknown, scorer: RecordScorer<T>, prefix: string): unknown {
  if (!isRecord(value)) {
    throw new CliError(`${prefix || 'input'}: must be a JSON object (rule: object)`);
  }
  const unknownKeys = Object.keys(value).filter((key) => !scorer.allowedKeys.includes(key));
  if (unknownKeys.length > 0) {
    const allowed = scorer.allowedKeys.join(', ');
    throw new CliError(
      unknownKeys
        .map((key) => `${prefix}${key}: unknown field, expected one of ${allowed} (rule: known-field)`)
        .join('; '),
    );
  }
  const result = scorer.score(value);
  if (result.kind === 'invalid') {
    throw new CliError(formatProblems(result.problems, prefix));
  }
  return scorer.toOutput(result.value);
}

/** Reads one object or an array of objects (file or `-`), scores each, prints JSON (array in → array out). */
export async function runScorer<T>(file: string, scorer: RecordScorer<T>): Promise<void> {
  const input = await readJsonInput(file);
  if (Array.isArray(input)) {
    printJson(input.map((value, index) => scoreOne(value, scorer, `[${index}].`)));
    return;
  }
  printJson(scoreOne(input, scorer, ''));
}
