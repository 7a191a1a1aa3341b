import { describeValue } from './scale-result.js';
import type { GliEdition, GliLookupRow, GliLookupTable } from './spirometry-gli.js';

/**
 * Turns the records of a GLI lookup-table CSV (parsed by the caller; core does no I/O) into a GliLookupTable,
 * or lists every problem with the file line and column. Column names match case-insensitively, ignoring spaces
 * and underscores ('M Spline' = 'mspline'); unknown columns are ignored. Layouts (docs/methods/spirometry.md):
 *
 * - `gli-2012`: the published lookup table — sex, f, a0..a6, p0..p5, q0, q1, agebound, l0, l1, m0, m1, s0, s1.
 * - `gli-global-2022`: the same layout without ethnicity terms (a3..a6 and p2..p5 may be present but must be 0),
 *   or the spline-sheet layout — sex, f, agebound, a0, a1, a2, p0, p1, q0, q1, lspline, mspline, sspline, one value
 *   per quarter-year: v1 is the value of the next quarter-year row of the same sex and parameter (v0 on the last).
 *
 * sex is 1 or m/male (male) and 2 or f/female (female); agebound is a whole quarter-year ≥ 0, unique per sex and
 * parameter.
 */

/** One data record of the file: its line number (1 = header) and its cells by column name as written. */
export interface GliTableRecord {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface GliTableSource {
  readonly edition: GliEdition;
  /** The name recorded with every prediction (file name, or the name given when loading). */
  readonly source: string;
  /** The header row as written. */
  readonly columns: readonly string[];
  readonly records: readonly GliTableRecord[];
}

/** One problem: file line (1 = header), column, rule id and a message. */
export interface GliTableProblem {
  readonly line: number;
  readonly column: string;
  readonly rule: string;
  readonly message: string;
}

export type GliTableParse =
  | { readonly kind: 'ok'; readonly table: GliLookupTable }
  | { readonly kind: 'invalid'; readonly problems: readonly GliTableProblem[] };

const A = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'] as const;
const P = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'] as const;
const ETHNICITY_TERMS = ['a3', 'a4', 'a5', 'a6', 'p2', 'p3', 'p4', 'p5'] as const;
const PAIRS = ['l0', 'l1', 'm0', 'm1', 's0', 's1'] as const;
const SHEET = ['lspline', 'mspline', 'sspline'] as const;
const COMMON = ['sex', 'f', 'a0', 'a1', 'a2', 'p0', 'p1', 'q0', 'q1', 'agebound'] as const;

type Layout = 'pairs' | 'sheet';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function normalize(column: string): string {
  return column.toLowerCase().replace(/[\s_]+/g, '');
}

function layoutOf(edition: GliEdition, present: ReadonlySet<string>): Layout {
  if (edition === 'gli-global-2022' && !PAIRS.every((c) => present.has(c))) {
    return SHEET.some((c) => present.has(c)) ? 'sheet' : 'pairs';
  }
  return 'pairs';
}

function requiredColumns(edition: GliEdition, layout: Layout): readonly string[] {
  if (edition === 'gli-2012') {
    return ['sex', 'f', ...A, ...P, 'q0', 'q1', 'agebound', ...PAIRS];
  }
  return [...COMMON, ...(layout === 'pairs' ? PAIRS : SHEET)];
}

function parseSex(cell: string): 'male' | 'female' | undefined {
  const value = cell.trim().toLowerCase();
  if (value === '1' || value === 'm' || value === 'male') {
    return 'male';
  }
  return value === '2' || value === 'f' || value === 'female' ? 'female' : undefined;
}

interface RowReader {
  /** The cell of a normalized column, trimmed ('' when absent). */
  cell(column: string): string;
  /** The number in a column, or 0 after recording a problem. */
  num(column: string): number;
  report(column: string, rule: string, message: string): void;
}

function rowReader(
  record: GliTableRecord,
  ctx: { readonly names: ReadonlyMap<string, string>; readonly problems: GliTableProblem[] },
): RowReader {
  const written = (column: string): string => ctx.names.get(column) ?? column;
  const report = (column: string, rule: string, message: string): void => {
    ctx.problems.push({ line: record.line, column: written(column), rule, message });
  };
  const cell = (column: string): string => (record.values[written(column)] ?? '').trim();
  return {
    cell,
    report,
    num: (column) => {
      const text = cell(column);
      if (!NUMBER.test(text)) {
        report(column, 'number', `must be a number (got ${describeValue(text)})`);
        return 0;
      }
      return Number(text);
    },
  };
}

/** A row before the spline pairs of the sheet layout are filled in. */
interface ParsedRow {
  readonly line: number;
  readonly row: GliLookupRow;
}

function parseRecord(
  read: RowReader,
  ctx: { readonly edition: GliEdition; readonly layout: Layout; readonly present: ReadonlySet<string> },
): GliLookupRow | undefined {
  const sex = parseSex(read.cell('sex'));
  if (sex === undefined) {
    read.report(
      'sex',
      'one-of',
      `must be 1, 2, m, f, male or female (got ${describeValue(read.cell('sex'))})`,
    );
  }
  const parameter = read.cell('f');
  if (parameter === '') {
    read.report('f', 'required', 'the parameter name (FVC, FEV1, …) is empty');
  }
  const optional = (column: string): number => (ctx.present.has(column) ? read.num(column) : 0);
  const a = A.map(optional) as unknown as GliLookupRow['a'];
  const p = P.map(optional) as unknown as GliLookupRow['p'];
  if (ctx.edition === 'gli-global-2022') {
    const terms: readonly number[] = [...a.slice(3), ...p.slice(2)];
    ETHNICITY_TERMS.forEach((term, k) => {
      if (terms[k] !== 0) {
        read.report(
          term,
          'race-neutral',
          'GLI Global 2022 has no ethnicity terms: a3..a6 and p2..p5 must be 0',
        );
      }
    });
  }
  const ageBound = read.num('agebound');
  if (ageBound < 0 || !Number.isInteger(ageBound * 4)) {
    read.report('agebound', 'quarter-year', `must be a whole quarter-year ≥ 0 (got ${ageBound})`);
  }
  const splines =
    ctx.layout === 'pairs'
      ? {
          l0: read.num('l0'),
          l1: read.num('l1'),
          m0: read.num('m0'),
          m1: read.num('m1'),
          s0: read.num('s0'),
          s1: read.num('s1'),
        }
      : (() => {
          const [l, m, s] = SHEET.map((c) => read.num(c)) as [number, number, number];
          return { l0: l, l1: l, m0: m, m1: m, s0: s, s1: s };
        })();
  const q0 = read.num('q0');
  const q1 = read.num('q1');
  return sex === undefined ? undefined : { sex, parameter, a, p, q0, q1, ageBound, ...splines };
}

/** Sheet layout: v1 of each row is v0 of the next quarter-year row of the same sex and parameter. */
function fillNextQuarter(rows: readonly GliLookupRow[]): GliLookupRow[] {
  const key = (r: GliLookupRow, ageBound: number): string => `${r.sex}|${r.parameter}|${ageBound}`;
  const byKey = new Map(rows.map((r) => [key(r, r.ageBound), r]));
  return rows.map((r) => {
    const next = byKey.get(key(r, r.ageBound + 0.25)) ?? r;
    return { ...r, l1: next.l0, m1: next.m0, s1: next.s0 };
  });
}

function duplicateProblems(
  rows: readonly ParsedRow[],
  names: ReadonlyMap<string, string>,
): GliTableProblem[] {
  const first = new Map<string, number>();
  const problems: GliTableProblem[] = [];
  for (const { line, row } of rows) {
    const key = `${row.sex}|${row.parameter}|${row.ageBound}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, line);
    } else {
      problems.push({
        line,
        column: names.get('agebound') ?? 'agebound',
        rule: 'unique-age-bound',
        message: `${row.sex} ${row.parameter} agebound ${row.ageBound} already at line ${earlier}`,
      });
    }
  }
  return problems;
}

/** Parses and validates a GLI lookup table; every problem names its line and column. */
export function parseGliLookupTable(input: GliTableSource): GliTableParse {
  const names = new Map<string, string>();
  const repeated: GliTableProblem[] = [];
  for (const column of input.columns) {
    const earlier = names.get(normalize(column));
    if (earlier === undefined) {
      names.set(normalize(column), column);
    } else {
      const message = `'${column}' and '${earlier}' name the same column`;
      repeated.push({ line: 1, column, rule: 'unique-column', message });
    }
  }
  if (repeated.length > 0) {
    return { kind: 'invalid', problems: repeated };
  }
  const present = new Set(names.keys());
  const layout = layoutOf(input.edition, present);
  const missing = requiredColumns(input.edition, layout).filter((c) => !present.has(c));
  if (missing.length > 0) {
    return {
      kind: 'invalid',
      problems: missing.map((column) => ({
        line: 1,
        column,
        rule: 'required-column',
        message: `the ${input.edition} ${layout === 'sheet' ? 'spline-sheet ' : ''}layout needs column '${column}'`,
      })),
    };
  }
  if (input.records.length === 0) {
    return {
      kind: 'invalid',
      problems: [{ line: 1, column: 'rows', rule: 'non-empty', message: 'the file has no data rows' }],
    };
  }
  const problems: GliTableProblem[] = [];
  const parsed: ParsedRow[] = [];
  for (const record of input.records) {
    const row = parseRecord(rowReader(record, { names, problems }), {
      edition: input.edition,
      layout,
      present,
    });
    if (row !== undefined) {
      parsed.push({ line: record.line, row });
    }
  }
  problems.push(...duplicateProblems(parsed, names));
  if (problems.length > 0) {
    return { kind: 'invalid', problems: [...problems].sort((x, y) => x.line - y.line) };
  }
  const rows = parsed.map((p) => p.row);
  return {
    kind: 'ok',
    table: {
      edition: input.edition,
      source: input.source,
      rows: layout === 'sheet' ? fillNextQuarter(rows) : rows,
    },
  };
}
