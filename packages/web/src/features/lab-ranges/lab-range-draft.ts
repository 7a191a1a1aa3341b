// The editor's draft of a site's reference ranges: inputs hold text (so nothing typed is reformatted), and the
// body sent on save holds every draft row of each test that differs from the saved ranges (the server replaces
// ranges test by test). Pure: no React, unit-tested.
import type { FieldIssue } from '@celltrial/contracts';
import type { SiteLabRangeInput, SiteLabRangeView } from './lab-ranges-api.js';

export const DRAFT_FIELDS = ['test', 'unit', 'lln', 'uln', 'sex', 'ageMin', 'ageMax', 'source'] as const;
/** A field of a draft row (the names of the API body's fields). */
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** One row of the draft; `key` identifies it in the editor and in the issues. */
export interface DraftRow {
  readonly key: string;
  readonly test: string;
  readonly unit: string;
  readonly lln: string;
  readonly uln: string;
  /** '' = either sex. */
  readonly sex: '' | 'female' | 'male';
  readonly ageMin: string;
  readonly ageMax: string;
  readonly source: string;
}

/** Problems of one row: by field, and for the row as a whole (`row`). */
export type RowProblems = Partial<Record<DraftField | 'row', string>>;
/** Problems by row key. */
export type DraftProblems = Readonly<Record<string, RowProblems>>;

const numberText = (value: number | null): string => (value === null ? '' : String(value));

/** A draft row holding a saved range (numbers written as JavaScript writes them, never rounded). */
export function rowFromRange(range: SiteLabRangeView): DraftRow {
  return {
    key: range.id,
    test: range.test,
    unit: range.unit,
    lln: numberText(range.lln),
    uln: numberText(range.uln),
    sex: range.sex ?? '',
    ageMin: numberText(range.ageMin),
    ageMax: numberText(range.ageMax),
    source: range.source ?? '',
  };
}

/** An empty row for "Add range". */
export function emptyRow(key: string): DraftRow {
  return { key, test: '', unit: '', lln: '', uln: '', sex: '', ageMin: '', ageMax: '', source: '' };
}

// A plain decimal ≥ 0 ("12", "0.5", ".5", "3.", "1e3" too): what the API's number fields take.
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Parsed = { kind: 'ok'; value: number | null } | { kind: 'invalid'; message: string };

function parseNumber(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'ok', value: null };
  }
  const value = Number(trimmed);
  return DECIMAL.test(trimmed) && Number.isFinite(value)
    ? { kind: 'ok', value }
    : { kind: 'invalid', message: `must be a number ≥ 0 (got "${trimmed}")` };
}

const NUMBER_FIELDS = ['lln', 'uln', 'ageMin', 'ageMax'] as const;

/** The row as the API's range, or the problems that keep it from being sent (the server checks the rest). */
export function rowToInput(
  row: DraftRow,
): { kind: 'ok'; input: SiteLabRangeInput } | { kind: 'invalid'; problems: RowProblems } {
  const problems: RowProblems = {};
  if (row.test === '') {
    problems.test = 'choose a test';
  }
  if (row.unit === '') {
    problems.unit = 'choose a unit';
  }
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number | null>> = {};
  for (const field of NUMBER_FIELDS) {
    const parsed = parseNumber(row[field]);
    if (parsed.kind === 'invalid') {
      problems[field] = parsed.message;
    } else {
      numbers[field] = parsed.value;
    }
  }
  if (Object.keys(problems).length > 0) {
    return { kind: 'invalid', problems };
  }
  const source = row.source.trim();
  return {
    kind: 'ok',
    input: {
      test: row.test,
      unit: row.unit,
      lln: numbers.lln ?? null,
      uln: numbers.uln ?? null,
      sex: row.sex === '' ? null : row.sex,
      ageMin: numbers.ageMin ?? null,
      ageMax: numbers.ageMax ?? null,
      source: source === '' ? null : source,
    },
  };
}

// Compares rows by what they mean, so "1.0" typed over a saved 1 is no change.
function signature(row: DraftRow): string {
  const parsed = rowToInput(row);
  return parsed.kind === 'ok' ? JSON.stringify(parsed.input) : `invalid:${JSON.stringify(row)}`;
}

function signaturesByTest(rows: readonly DraftRow[]): Map<string, string[]> {
  const byTest = new Map<string, string[]>();
  for (const row of rows) {
    byTest.set(row.test, [...(byTest.get(row.test) ?? []), signature(row)]);
  }
  return byTest;
}

const sameMultiset = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What saving the draft would do. */
export interface DraftChanges {
  /** Tests whose ranges the draft changes and still has rows for (these are sent), in draft order. */
  readonly changedTests: readonly string[];
  /** Tests whose every range was removed: the API replaces ranges by test, so these cannot be cleared. */
  readonly clearedTests: readonly string[];
}

/** Compares the draft with the saved ranges test by test. */
export function draftChanges(saved: readonly SiteLabRangeView[], draft: readonly DraftRow[]): DraftChanges {
  const before = signaturesByTest(saved.map(rowFromRange));
  const after = signaturesByTest(draft);
  const changedTests = [...after.keys()].filter(
    (test) => test !== '' && !sameMultiset(after.get(test) ?? [], before.get(test) ?? []),
  );
  const clearedTests = [...before.keys()].filter((test) => !after.has(test));
  // A new row whose test is not chosen yet is a change too (it must be completed or removed).
  const incomplete = after.has('') ? [''] : [];
  return { changedTests: [...incomplete, ...changedTests], clearedTests };
}

/** The body to send (with the draft key of each range sent), or the problems of the rows that would be sent. */
export type SaveBody =
  | { kind: 'ok'; ranges: SiteLabRangeInput[]; keys: string[] }
  | { kind: 'invalid'; problems: DraftProblems }
  | { kind: 'unchanged' };

/** Every draft row of the changed tests, in draft order. */
export function buildSaveBody(saved: readonly SiteLabRangeView[], draft: readonly DraftRow[]): SaveBody {
  const changed = new Set(draftChanges(saved, draft).changedTests);
  const rows = draft.filter((row) => changed.has(row.test));
  if (rows.length === 0) {
    return { kind: 'unchanged' };
  }
  const problems: Record<string, RowProblems> = {};
  const ranges: SiteLabRangeInput[] = [];
  for (const row of rows) {
    const parsed = rowToInput(row);
    if (parsed.kind === 'invalid') {
      problems[row.key] = parsed.problems;
    } else {
      ranges.push(parsed.input);
    }
  }
  return Object.keys(problems).length > 0
    ? { kind: 'invalid', problems }
    : { kind: 'ok', ranges, keys: rows.map((row) => row.key) };
}

const isDraftField = (field: string): field is DraftField =>
  (DRAFT_FIELDS as readonly string[]).includes(field);

// `ranges.3` is about the row as a whole, `ranges.3.lln` about its field; any other field is not placed.
function issueTarget(field: string | undefined): DraftField | 'row' | undefined {
  if (field === undefined) {
    return 'row';
  }
  return isDraftField(field) ? field : undefined;
}

const ISSUE_PATH = /^(?:body\.)?ranges\.(\d+)(?:\.(\w+))?$/;

/** The server's issues placed at the draft rows sent (`keys[i]` sent as ranges[i]); the rest are `general`. */
export function problemsFromIssues(
  issues: readonly FieldIssue[],
  keys: readonly string[],
): { rows: DraftProblems; general: string[] } {
  const rows: Record<string, RowProblems> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const match = ISSUE_PATH.exec(issue.path);
    const key = match ? keys[Number(match[1])] : undefined;
    const field = match?.[2];
    const target = issueTarget(field);
    if (key === undefined || target === undefined) {
      general.push(issue.message);
      continue;
    }
    const existing = rows[key]?.[target];
    rows[key] = {
      ...rows[key],
      [target]: existing === undefined ? issue.message : `${existing}; ${issue.message}`,
    };
  }
  return { rows, general };
}
