// The AE form's draft (text as typed) ↔ the API's AE fields, the server's field problems by field, and the
// differences shown when someone else saved the AE meanwhile. Pure: the clinical rules are the server's (core's
// validateAdverseEvent); this only shapes what is sent and where answers are shown.
import type { AdverseEventFields, AdverseEventView } from '@celltrial/contracts';
import type { AeActionTaken, AeOutcome, Relatedness, SeriousnessCriterion } from '@celltrial/core';
import { isApiError } from '../../lib/api-error.js';
import { formatInstant, localInputOf, withOffset } from './local-date-time.js';
import {
  ACTION_LABELS,
  OUTCOME_LABELS,
  RELATEDNESS_LABELS,
  SERIOUSNESS_LABELS,
  labelOf,
} from './safety-labels.js';

export interface AeDraft {
  term: string;
  /** '' when no CTCAE term is chosen. */
  ctcaeTerm: string;
  onsetDate: string;
  ongoing: boolean;
  resolutionDate: string;
  /** '' or '1'…'5'. */
  grade: string;
  serious: boolean;
  seriousness: SeriousnessCriterion[];
  /** '' = not assessed. */
  product: string;
  /** Procedure id → relatedness ('' = not assessed). */
  procedures: Record<string, string>;
  expected: '' | 'yes' | 'no';
  actionTaken: string;
  outcome: string;
  /** Local date (of this browser's zone when awarenessAt is known). */
  awarenessDate: string;
  /** HH:MM local wall time; with the date it makes awarenessAt. */
  awarenessTime: string;
  narrative: string;
}

export function emptyAeDraft(): AeDraft {
  return {
    term: '',
    ctcaeTerm: '',
    onsetDate: '',
    ongoing: true,
    resolutionDate: '',
    grade: '',
    serious: false,
    seriousness: [],
    product: '',
    procedures: {},
    expected: '',
    actionTaken: '',
    outcome: '',
    awarenessDate: '',
    awarenessTime: '',
    narrative: '',
  };
}

/** An instant as local [date, HH:MM] in this browser's zone (the server stores awarenessAt in UTC). */
export function browserWallClock(iso: string): [string, string] {
  const local = localInputOf(new Date(iso));
  return [local.slice(0, 10), local.slice(11, 16)];
}

function expectedOf(expected: boolean | null): AeDraft['expected'] {
  if (expected === null) {
    return '';
  }
  return expected ? 'yes' : 'no';
}

/**
 * The draft of a saved AE. The awareness instant is shown as local date and time (`wallClock`: this browser's zone);
 * sent back unchanged it names the same instant.
 */
export function draftFromAe(
  ae: AdverseEventView,
  wallClock: (iso: string) => [string, string] = browserWallClock,
): AeDraft {
  const [atDate, atTime] = ae.awarenessAt === null ? ['', ''] : wallClock(ae.awarenessAt);
  return {
    term: ae.term,
    ctcaeTerm: ae.ctcaeTerm ?? '',
    onsetDate: ae.onsetDate,
    ongoing: ae.ongoing,
    resolutionDate: ae.resolutionDate ?? '',
    grade: String(ae.grade),
    serious: ae.serious,
    seriousness: [...ae.seriousness],
    product: ae.relatedness.product ?? '',
    procedures: { ...ae.relatedness.procedures },
    expected: expectedOf(ae.expected),
    actionTaken: ae.actionTaken,
    outcome: ae.outcome,
    awarenessDate: ae.awarenessAt === null ? (ae.awarenessDate ?? '') : atDate,
    awarenessTime: atTime,
    narrative: ae.narrative ?? '',
  };
}

function awarenessAtOf(draft: AeDraft, offsetOf: (local: string) => number): string | null {
  if (draft.awarenessDate === '' || draft.awarenessTime === '') {
    return null;
  }
  const local = `${draft.awarenessDate}T${draft.awarenessTime}`;
  return withOffset(local, offsetOf(local));
}

/** The browser's zone offset at a local wall time (Date#getTimezoneOffset). */
export function browserOffset(local: string): number {
  return new Date(local).getTimezoneOffset();
}

/**
 * The request body of a draft. Text is sent as typed (the server trims and checks it); a blank grade is sent as
 * 0 so the server names `grade`; causality left blank is "not assessed" (null / absent). With a time, awareness
 * goes as `awarenessAt` (date and time with this browser's offset; the server takes the date from it), without one
 * as `awarenessDate` alone.
 */
export function fieldsFromDraft(
  draft: AeDraft,
  offsetOf: (local: string) => number = browserOffset,
): AdverseEventFields {
  const procedures: Record<string, Relatedness> = {};
  for (const [id, value] of Object.entries(draft.procedures)) {
    if (value !== '') {
      procedures[id] = value as Relatedness;
    }
  }
  const narrative = draft.narrative.trim();
  const awarenessAt = awarenessAtOf(draft, offsetOf);
  return {
    term: draft.term,
    ctcaeTerm: draft.ctcaeTerm.trim() === '' ? null : draft.ctcaeTerm.trim(),
    onsetDate: draft.onsetDate,
    resolutionDate: draft.ongoing || draft.resolutionDate === '' ? null : draft.resolutionDate,
    ongoing: draft.ongoing,
    grade: draft.grade === '' ? 0 : Number(draft.grade),
    serious: draft.serious,
    seriousness: draft.serious ? draft.seriousness : [],
    relatedness: { product: draft.product === '' ? null : (draft.product as Relatedness), procedures },
    expected: draft.expected === '' ? null : draft.expected === 'yes',
    actionTaken: draft.actionTaken as AeActionTaken,
    outcome: draft.outcome as AeOutcome,
    awarenessAt,
    awarenessDate: awarenessAt !== null || draft.awarenessDate === '' ? null : draft.awarenessDate,
    narrative: narrative === '' ? null : narrative,
  };
}

/** Fields the form needs before anything is sent (the server checks everything else). */
export function missingFields(draft: AeDraft): Map<string, string> {
  const missing = new Map<string, string>();
  const need = (field: keyof AeDraft, label: string) => {
    if (draft[field] === '') {
      missing.set(field, `${label} is required`);
    }
  };
  need('term', 'the verbatim term');
  need('onsetDate', 'the onset date');
  need('grade', 'the grade');
  need('actionTaken', 'the action taken');
  need('outcome', 'the outcome');
  return missing;
}

/** The field a server problem belongs to: `body.` dropped, list indices folded (`seriousness[1]` → `seriousness`). */
export function fieldKeyOf(path: string): string {
  return path
    .replace(/^body\./, '')
    .replace(/\[\d+\]$/, '')
    .replace(/\.\d+$/, '');
}

/** The problems of a 422 FORM_INVALID or 400 VALIDATION_FAILED answer, by field. */
export function issuesByField(error: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!isApiError(error, 'FORM_INVALID') && !isApiError(error, 'VALIDATION_FAILED')) {
    return map;
  }
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  for (const raw of Array.isArray(issues) ? (issues as unknown[]) : []) {
    const issue = raw as { path?: unknown; message?: unknown };
    const key = fieldKeyOf(typeof issue.path === 'string' ? issue.path : '');
    const message = typeof issue.message === 'string' ? issue.message : 'invalid value';
    map.set(key, [...(map.get(key) ?? []), message]);
  }
  return map;
}

/** A field value for the comparison table. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((v) => labelOf(SERIOUSNESS_LABELS, String(v))).join('; ');
  }
  const labels: Record<string, Readonly<Record<string, string>>> = {
    actionTaken: ACTION_LABELS,
    outcome: OUTCOME_LABELS,
  };
  if (field === 'awarenessAt' && typeof value === 'string') {
    return formatInstant(value);
  }
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (field.startsWith('relatedness')) {
    return labelOf(RELATEDNESS_LABELS, text);
  }
  return labelOf(labels[field] ?? {}, text);
}

const COMPARED: [keyof AdverseEventFields, string][] = [
  ['term', 'Verbatim term'],
  ['ctcaeTerm', 'CTCAE term'],
  ['onsetDate', 'Onset date'],
  ['ongoing', 'Ongoing'],
  ['resolutionDate', 'Resolution date'],
  ['grade', 'Grade'],
  ['serious', 'Serious'],
  ['seriousness', 'Seriousness criteria'],
  ['expected', 'Expected'],
  ['actionTaken', 'Action taken'],
  ['outcome', 'Outcome'],
  ['awarenessDate', 'Awareness date'],
  ['awarenessAt', 'Awareness time'],
  ['narrative', 'Narrative'],
];

export interface AeDifference {
  label: string;
  theirs: string;
  mine: string;
}

/** The fields where two versions (e.g. someone else's saved AE and the user's values) differ, as shown text. */
export function aeDifferences(
  theirs: AdverseEventFields,
  mine: AdverseEventFields,
  procedureNames: ReadonlyMap<string, string>,
): AeDifference[] {
  const rows: AeDifference[] = [];
  for (const [field, label] of COMPARED) {
    const a = shown(field, theirs[field]);
    const b = shown(field, mine[field]);
    if (a !== b) {
      rows.push({ label, theirs: a, mine: b });
    }
  }
  const product = [
    shown('relatedness', theirs.relatedness.product),
    shown('relatedness', mine.relatedness.product),
  ] as const;
  if (product[0] !== product[1]) {
    rows.push({ label: 'Related to the product', theirs: product[0], mine: product[1] });
  }
  const ids = new Set([
    ...Object.keys(theirs.relatedness.procedures),
    ...Object.keys(mine.relatedness.procedures),
  ]);
  for (const id of ids) {
    const a = shown('relatedness', theirs.relatedness.procedures[id]);
    const b = shown('relatedness', mine.relatedness.procedures[id]);
    if (a !== b) {
      rows.push({ label: `Related to ${procedureNames.get(id) ?? id}`, theirs: a, mine: b });
    }
  }
  return rows;
}
