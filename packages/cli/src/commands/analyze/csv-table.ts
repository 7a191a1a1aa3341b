import { parse } from 'csv-parse/sync';
import { readTextInput } from '../../io/read-input.js';
import { CliError } from '../../io/cli-error.js';

/** A parsed CSV file with a header row; cells are strings keyed by column name. */
export interface CsvTable {
  readonly source: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
  /** Line number in the file where each data row ends (blank lines and quoted newlines counted). */
  readonly lines: readonly number[];
}

/** Reads a CSV file (or `-` for stdin) with a header row. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  const text = await readTextInput(file);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` csv-parse returns { record, info } objects; its typings do not model that option.
    parsed = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    throw new CliError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  const columns = parsed[0]?.record ?? [];
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined) {
    throw new CliError(`${file}: column '${duplicate}' appears twice in the header`);
  }
  const data = parsed.slice(1);
  if (data.length === 0) {
    throw new CliError(`${file} has no data rows`);
  }
  const rows = data.map((d) => Object.fromEntries(columns.map((c, k) => [c, d.record[k] ?? ''])));
  return { source: file, columns, rows, lines: data.map((d) => d.info.lines) };
}

/** Throws a CliError when a column is missing, listing the columns that exist. */
export function requireColumn(table: CsvTable, column: string, flag: string): void {
  if (!table.columns.includes(column)) {
    throw new CliError(
      `${table.source}: missing column '${column}' (set it with ${flag}; columns are: ${table.columns.join(', ')})`,
    );
  }
}

/** Line number in the file of data row i. */
export function lineOf(table: CsvTable, i: number): number {
  return table.lines[i] ?? i + 2;
}

/** The values of a numeric column; a non-numeric cell is an error naming the column and line. */
export function numericColumn(table: CsvTable, column: string, flag: string): number[] {
  requireColumn(table, column, flag);
  return table.rows.map((row, i) => {
    const cell = row[column] ?? '';
    const value = cell === '' ? Number.NaN : Number(cell);
    if (!Number.isFinite(value)) {
      throw new CliError(
        `${table.source}: column '${column}', line ${lineOf(table, i)}: '${cell}' is not a number`,
      );
    }
    return value;
  });
}

/** The values of a text column; an empty cell is an error naming the column and line. */
export function textColumn(table: CsvTable, column: string, flag: string): string[] {
  requireColumn(table, column, flag);
  return table.rows.map((row, i) => {
    const cell = row[column] ?? '';
    if (cell === '') {
      throw new CliError(`${table.source}: column '${column}', line ${lineOf(table, i)}: empty value`);
    }
    return cell;
  });
}

/** An event column: 1 = event, 0 = censored. */
export function eventColumn(table: CsvTable, column: string, flag: string): boolean[] {
  requireColumn(table, column, flag);
  return table.rows.map((row, i) => {
    const cell = row[column] ?? '';
    if (cell !== '0' && cell !== '1') {
      throw new CliError(
        `${table.source}: column '${column}', line ${lineOf(table, i)}: '${cell}' is not an event indicator (use 1 = event, 0 = censored)`,
      );
    }
    return cell === '1';
  });
}

/** Sorted group levels with the reference first; errors when fewer than 2 levels or the reference is absent. */
export function groupLevels(
  values: readonly string[],
  column: string,
  reference: string | undefined,
): string[] {
  const levels = [...new Set(values)].sort();
  if (levels.length < 2) {
    throw new CliError(
      `column '${column}' has only one level (${levels[0] ?? 'none'}); a group comparison needs at least 2`,
    );
  }
  const ref = reference ?? levels[0] ?? '';
  if (!levels.includes(ref)) {
    throw new CliError(
      `reference level '${ref}' does not occur in column '${column}' (levels: ${levels.join(', ')})`,
    );
  }
  return [ref, ...levels.filter((l) => l !== ref)];
}

/** Turns a core `invalid` result into a one-line CliError. */
export function failOnProblems(problems: readonly { readonly message: string }[]): never {
  const first = problems[0]?.message ?? 'invalid input';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
  throw new CliError(`${first}${more}`);
}

/** Parses a finite number option, naming the flag on error. */
export function parseNumberOption(flag: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      throw new CliError(`${flag} must be a number, got '${value}'`);
    }
    return n;
  };
}

/** Parses a comma-separated list of numbers, naming the flag on error. */
export function parseNumberList(flag: string): (value: string) => number[] {
  const one = parseNumberOption(flag);
  return (value: string) => value.split(',').map((v) => one(v.trim()));
}
