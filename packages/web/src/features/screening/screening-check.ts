// The live check of the screening form: validate the record (contracts' parseScreeningRecord, the rules the
// CLI and the docs use) and evaluate every eligibility criterion in the browser with core's evaluateEligibility,
// the same function the server runs on save.
import { parseScreeningRecord, type ScreeningProblem } from '@celltrial/contracts';
import {
  evaluateEligibility,
  isIsoCalendarDate,
  type EligibilityEvaluation,
  type Protocol,
  type ScreeningRecord,
} from '@celltrial/core';
import { draftToData, type ScreeningDraft } from './screening-draft.js';

export interface ScreeningCheck {
  /** The record JSON the form would save. */
  data: Record<string, unknown>;
  /** Everything wrong with it (each names its field); the server refuses nothing the form lets through. */
  problems: readonly ScreeningProblem[];
  /** Null while the assessment date is missing or invalid (every criterion is measured at that date). */
  evaluation: EligibilityEvaluation | null;
  /** Fields left out of the evaluation because their values are invalid (they count as missing). */
  ignoredFields: readonly string[];
}

type Segment = string | number;

/** `conditions[2].code` → ['conditions', 2, 'code']. */
export function pathSegments(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    const [, index, key] = match;
    if (index !== undefined) {
      segments.push(Number(index));
    } else if (key !== undefined) {
      segments.push(key);
    }
  }
  return segments;
}

function clone(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Removes the value at `path` from `data` (in place): a list element entirely (a half-valid row of a list
 * must not count), otherwise the key. Returns false when the path does not lead anywhere.
 */
function removeAt(data: unknown, path: Segment[]): boolean {
  const cut = path.findIndex((segment) => typeof segment === 'number');
  const target = cut === -1 ? path : path.slice(0, cut + 1);
  let node: unknown = data;
  for (const segment of target.slice(0, -1)) {
    node = (node as Record<Segment, unknown> | undefined)?.[segment];
  }
  const last = target.at(-1);
  if (last === undefined || typeof node !== 'object' || node === null) {
    return false;
  }
  if (Array.isArray(node) && typeof last === 'number') {
    node.splice(last, 1);
    return true;
  }
  if (!Array.isArray(node) && typeof last === 'string' && Object.hasOwn(node, last)) {
    delete (node as Record<string, unknown>)[last];
    return true;
  }
  return false;
}

const MAX_PASSES = 10;

function laterFirst(a: string, b: string): number {
  const left = pathSegments(a);
  const right = pathSegments(b);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (typeof x === 'number' && typeof y === 'number' && x !== y) {
      return y - x;
    }
    if (x !== y) {
      return String(x) < String(y) ? -1 : 1;
    }
  }
  return right.length - left.length;
}

/** The record without its invalid values, for an honest evaluation (invalid = unknown, never met). */
function validPart(data: Record<string, unknown>): { record: ScreeningRecord; ignored: string[] } | null {
  const ignored: string[] = [];
  let current = clone(data) as Record<string, unknown>;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const parsed = parseScreeningRecord(current);
    if (parsed.kind === 'ok') {
      return { record: parsed.record, ignored };
    }
    // Remove later list elements first so the indices of earlier ones stay right.
    const paths = [...new Set(parsed.problems.map((problem) => problem.path))].sort(laterFirst);
    const next = clone(current) as Record<string, unknown>;
    const removed = paths.filter((path) => path !== '' && removeAt(next, pathSegments(path)));
    if (removed.length === 0) {
      return null;
    }
    ignored.push(...removed);
    current = next;
  }
  return null;
}

/** Validates the form and evaluates eligibility on its valid values. */
export function checkScreeningDraft(protocol: Protocol, draft: ScreeningDraft): ScreeningCheck {
  const data = draftToData(draft);
  const parsed = parseScreeningRecord(data);
  const problems = parsed.kind === 'ok' ? [] : parsed.problems;
  if (!isIsoCalendarDate(draft.assessmentDate.trim())) {
    return { data, problems, evaluation: null, ignoredFields: [] };
  }
  if (parsed.kind === 'ok') {
    return { data, problems, evaluation: evaluateEligibility(protocol, parsed.record), ignoredFields: [] };
  }
  const valid = validPart(data);
  return {
    data,
    problems,
    evaluation: valid === null ? null : evaluateEligibility(protocol, valid.record),
    ignoredFields: valid?.ignored ?? [],
  };
}

/** The first problem's message for a field path (for the input's error text). */
export function problemFor(problems: readonly ScreeningProblem[], path: string): string | undefined {
  return problems.find((problem) => problem.path === path)?.message;
}
