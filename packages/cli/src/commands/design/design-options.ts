import type { DesignProblem } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';

/** Raw option values as commander hands them over (strings, or booleans for switches). */
export type RawOptions = Readonly<Record<string, string | boolean | undefined>>;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** The string value of a flag, or a CliError naming it when it is required and missing. */
export function requiredText(options: RawOptions, key: string, flag: string): string {
  const value = options[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CliError(`${flag} is required`);
  }
  return value.trim();
}

/** Parses a decimal number, naming the flag when the text is not one. */
export function parseNumber(text: string, flag: string): number {
  if (!NUMBER.test(text.trim())) {
    throw new CliError(`${flag} must be a number, got "${text}"`);
  }
  return Number(text);
}

/** Parses a whole number, naming the flag when the text is not one. */
export function parseInteger(text: string, flag: string): number {
  if (!INTEGER.test(text.trim())) {
    throw new CliError(`${flag} must be a whole number, got "${text}"`);
  }
  return Number(text);
}

/** Parses a comma-separated list of numbers (`0.1,0.3,0.5`), naming the flag and the bad entry. */
export function parseNumberList(text: string, flag: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  return parts.map((part, i) => {
    if (!NUMBER.test(part)) {
      throw new CliError(`${flag} must be comma-separated numbers; value ${i + 1} is "${part}"`);
    }
    return Number(part);
  });
}

/** An optional number flag. */
export function optionalNumber(options: RawOptions, key: string, flag: string): number | undefined {
  const value = options[key];
  return typeof value === 'string' ? parseNumber(value, flag) : undefined;
}

/** An optional whole-number flag. */
export function optionalInteger(options: RawOptions, key: string, flag: string): number | undefined {
  const value = options[key];
  return typeof value === 'string' ? parseInteger(value, flag) : undefined;
}

/** An optional flag restricted to a list of words. */
export function optionalChoice<T extends string>(
  options: RawOptions,
  key: string,
  spec: { readonly flag: string; readonly choices: readonly T[] },
): T | undefined {
  const value = options[key];
  if (value === undefined || typeof value === 'boolean') {
    return undefined;
  }
  const found = spec.choices.find((c) => c === value);
  if (found === undefined) {
    throw new CliError(`${spec.flag} must be one of ${spec.choices.join(', ')}, got "${value}"`);
  }
  return found;
}

/**
 * Turns core problems into one CliError line, naming the flag of each problem: `path` (e.g. `rates[1]`,
 * `startLevel`) is looked up in `flags` by its leading name; indexed paths become "FLAG value N".
 */
export function failOnProblems(
  problems: readonly DesignProblem[],
  flags: Readonly<Record<string, string>>,
): never {
  const lines = problems.map((p) => {
    const match = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(p.path);
    const base = match?.[1] ?? p.path;
    const flag = flags[base] ?? `--${base}`;
    const index = match?.[2];
    const subject = index === undefined ? flag : `${flag} value ${Number(index) + 1}`;
    const message = p.message.startsWith(p.path)
      ? `${subject}${p.message.slice(p.path.length)}`
      : `${subject}: ${p.message}`;
    return `${message} [${p.rule}]`;
  });
  throw new CliError(lines.join('; '));
}
