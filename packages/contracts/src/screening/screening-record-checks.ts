// Cross-field rules of the screening record (docs/screening-record.md, "Consistency rules"). They run even when
// some fields are malformed (only well-formed values are compared), so that one pass reports every problem.
import { completedYears, isIsoCalendarDate } from '@celltrial/core';
import type { z } from 'zod';

type Path = (string | number)[];
type Ctx = z.RefinementCtx;
type Loose = Record<string, unknown>;

/** Oldest plausible age at screening, in completed years. */
export const SCREENING_MAX_AGE_YEARS = 120;

function report(ctx: Ctx, problem: { path: Path; rule: string; message: string }): void {
  const { path, rule, message } = problem;
  ctx.addIssue({ code: 'custom', path, message, params: { rule, fullMessage: true } });
}

function dateAt(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoCalendarDate(value) ? value : undefined;
}

function objectAt(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

function listAt(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map((item) => objectAt(item) ?? {}) : [];
}

function pathText(path: Path): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

interface DatedField {
  readonly path: Path;
  readonly date: string;
  /** Planned medications may start after the assessment. */
  readonly mayBeFuture?: boolean;
  /** Must not precede the birth date. */
  readonly afterBirth: boolean;
}

function datedFields(record: Loose): DatedField[] {
  const fields: DatedField[] = [];
  const add = (path: Path, value: unknown, options: { afterBirth: boolean; mayBeFuture?: boolean }): void => {
    const date = dateAt(value);
    if (date !== undefined) {
      fields.push({ path, date, ...options });
    }
  };
  const diagnosis = objectAt(record['diagnosis']) ?? {};
  add(['birthDate'], record['birthDate'], { afterBirth: false });
  add(['diagnosis', 'symptomOnsetDate'], diagnosis['symptomOnsetDate'], { afterBirth: true });
  add(['diagnosis', 'diagnosisDate'], diagnosis['diagnosisDate'], { afterBirth: true });
  listAt(record['alsfrsRHistory']).forEach((point, index) => {
    add(['alsfrsRHistory', index, 'date'], point['date'], { afterBirth: true });
  });
  listAt(record['conditions']).forEach((condition, index) => {
    add(['conditions', index, 'onsetDate'], condition['onsetDate'], { afterBirth: true });
    add(['conditions', index, 'resolvedDate'], condition['resolvedDate'], { afterBirth: true });
  });
  listAt(record['medications']).forEach((medication, index) => {
    const mayBeFuture = medication['planned'] === true;
    add(['medications', index, 'startDate'], medication['startDate'], { afterBirth: true, mayBeFuture });
    add(['medications', index, 'stopDate'], medication['stopDate'], { afterBirth: true });
    add(['medications', index, 'doseStableSince'], medication['doseStableSince'], { afterBirth: true });
  });
  return fields;
}

function checkDatesAgainstAssessmentAndBirth(record: Loose, ctx: Ctx): void {
  const assessment = dateAt(record['assessmentDate']);
  const birth = dateAt(record['birthDate']);
  for (const field of datedFields(record)) {
    if (assessment !== undefined && field.date > assessment && field.mayBeFuture !== true) {
      report(ctx, {
        path: field.path,
        rule: 'not-after-assessment',
        message: `${pathText(field.path)} ${field.date} is after assessmentDate ${assessment}`,
      });
    }
    const birthPlausible = birth !== undefined && (assessment === undefined || birth <= assessment);
    if (birthPlausible && field.afterBirth && field.date < birth) {
      report(ctx, {
        path: field.path,
        rule: 'after-birth',
        message: `${pathText(field.path)} ${field.date} is before birthDate ${birth}`,
      });
    }
  }
  if (assessment !== undefined && birth !== undefined && birth <= assessment) {
    const age = completedYears(birth, assessment);
    if (age > SCREENING_MAX_AGE_YEARS) {
      report(ctx, {
        path: ['birthDate'],
        rule: 'plausible-age',
        message: `birthDate ${birth} makes the age ${age} at assessmentDate; at most ${SCREENING_MAX_AGE_YEARS} is plausible`,
      });
    }
  }
}

function checkOrder(ctx: Ctx, input: { earlier: [Path, unknown]; later: [Path, unknown] }): void {
  const [earlierPath, earlierValue] = input.earlier;
  const [laterPath, laterValue] = input.later;
  const earlier = dateAt(earlierValue);
  const later = dateAt(laterValue);
  if (earlier !== undefined && later !== undefined && later < earlier) {
    report(ctx, {
      path: laterPath,
      rule: 'date-order',
      message: `${pathText(laterPath)} ${later} is before ${pathText(earlierPath)} ${earlier}`,
    });
  }
}

function checkDateOrder(record: Loose, ctx: Ctx): void {
  const diagnosis = objectAt(record['diagnosis']) ?? {};
  checkOrder(ctx, {
    earlier: [['diagnosis', 'symptomOnsetDate'], diagnosis['symptomOnsetDate']],
    later: [['diagnosis', 'diagnosisDate'], diagnosis['diagnosisDate']],
  });
  listAt(record['conditions']).forEach((condition, index) => {
    checkOrder(ctx, {
      earlier: [['conditions', index, 'onsetDate'], condition['onsetDate']],
      later: [['conditions', index, 'resolvedDate'], condition['resolvedDate']],
    });
  });
  listAt(record['medications']).forEach((medication, index) => {
    const at = (field: string): [Path, unknown] => [['medications', index, field], medication[field]];
    checkOrder(ctx, { earlier: at('startDate'), later: at('stopDate') });
    checkOrder(ctx, { earlier: at('startDate'), later: at('doseStableSince') });
    checkOrder(ctx, { earlier: at('doseStableSince'), later: at('stopDate') });
    if (medication['planned'] === true && medication['stopDate'] !== undefined) {
      report(ctx, {
        path: ['medications', index, 'stopDate'],
        rule: 'planned-medication',
        message: `medications[${index}] is planned: it has no stopDate yet`,
      });
    }
  });
}

const ITEM_KEYS = ['1', '2', '3', '4', '6', '7', '8', '9', '10', '11', '12'] as const;

function itemSum(items: Loose): number | undefined {
  const five = items['5a'] ?? items['5b'];
  const scores = [...ITEM_KEYS.map((key) => items[key]), five];
  return scores.every((score): score is number => typeof score === 'number')
    ? scores.reduce((sum, score) => sum + score, 0)
    : undefined;
}

function isAlsfrsRTotal(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 48;
}

function hasCurrentGastrostomy(record: Loose): boolean | undefined {
  if (!Array.isArray(record['conditions'])) {
    return undefined;
  }
  return listAt(record['conditions']).some(
    (condition) => condition['code'] === 'gastrostomy' && condition['resolvedDate'] === undefined,
  );
}

function checkAlsfrsR(record: Loose, ctx: Ctx): void {
  const alsfrsR = objectAt(record['alsfrsR']) ?? {};
  const items = objectAt(alsfrsR['items']);
  const rawTotal = alsfrsR['total'];
  const total = isAlsfrsRTotal(rawTotal) ? rawTotal : undefined;
  if (items !== undefined) {
    if (items['5a'] !== undefined && items['5b'] !== undefined) {
      report(ctx, {
        path: ['alsfrsR', 'items', '5b'],
        rule: 'item5-one-of',
        message: 'alsfrsR.items has 5a and 5b: item 5 is scored on one scale only (5b with a gastrostomy)',
      });
    }
    const sum = itemSum(items);
    if (sum !== undefined && total !== undefined && sum !== total) {
      report(ctx, {
        path: ['alsfrsR', 'total'],
        rule: 'consistent-total',
        message: `alsfrsR.total ${total} differs from the sum of the items (${sum})`,
      });
    }
    const gastrostomy = hasCurrentGastrostomy(record);
    if (gastrostomy === true && items['5a'] !== undefined) {
      report(ctx, {
        path: ['alsfrsR', 'items', '5a'],
        rule: 'item5-gastrostomy',
        message:
          'alsfrsR.items.5a is for participants without a gastrostomy, but conditions list a current gastrostomy (use 5b)',
      });
    }
    if (gastrostomy === false && items['5b'] !== undefined) {
      report(ctx, {
        path: ['alsfrsR', 'items', '5b'],
        rule: 'item5-gastrostomy',
        message:
          'alsfrsR.items.5b is for participants with a gastrostomy, but conditions list none (use 5a or add it)',
      });
    }
  }
  const seen = new Set<string>();
  const assessment = dateAt(record['assessmentDate']);
  const current = total ?? (items === undefined ? undefined : itemSum(items));
  listAt(record['alsfrsRHistory']).forEach((point, index) => {
    const date = dateAt(point['date']);
    if (date === undefined) {
      return;
    }
    if (seen.has(date)) {
      report(ctx, {
        path: ['alsfrsRHistory', index, 'date'],
        rule: 'unique-date',
        message: `alsfrsRHistory has two totals on ${date}`,
      });
    }
    seen.add(date);
    if (
      date === assessment &&
      current !== undefined &&
      typeof point['total'] === 'number' &&
      point['total'] !== current
    ) {
      report(ctx, {
        path: ['alsfrsRHistory', index, 'total'],
        rule: 'consistent-total',
        message: `alsfrsRHistory[${index}].total ${String(point['total'])} on the assessment date differs from alsfrsR (${current})`,
      });
    }
  });
}

function checkEdss(record: Loose, ctx: Ctx): void {
  const edss = record['edss'];
  if (typeof edss === 'number' && edss >= 0 && edss <= 10 && (!Number.isInteger(edss * 2) || edss === 0.5)) {
    report(ctx, {
      path: ['edss'],
      rule: 'edss-step',
      message: `edss must be 0 or a step of 0.5 from 1.0 to 10.0 (got ${edss})`,
    });
  }
}

/** Cross-field rules of the screening record (zod superRefine). */
export function checkScreeningRecord(value: unknown, ctx: Ctx): void {
  const record = objectAt(value);
  if (record === undefined) {
    return;
  }
  checkDatesAgainstAssessmentAndBirth(record, ctx);
  checkDateOrder(record, ctx);
  checkAlsfrsR(record, ctx);
  checkEdss(record, ctx);
}
