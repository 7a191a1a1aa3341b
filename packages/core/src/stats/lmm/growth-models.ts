/**
 * The two longitudinal models of the analysis plan, built on fitLmm:
 *  - linear growth by group: response ~ time × group + (1 + time | subject), groups treatment-coded;
 *  - piecewise (broken-stick) model for run-in designs: response ~ time + (time − split)₊ + (1 + time | subject)
 *    (optionally with a random slope change), whose (time − split)₊ coefficient is the mean slope change.
 */
import { invalid } from '../problems.js';
import type { StatsResult } from '../problems.js';
import { fitLmm } from './fit-lmm.js';
import type { LmmFit } from './fit-lmm.js';
import type { LmmMethod } from './profiled-deviance.js';

/** Long-format data: one row per observation. */
export interface LongitudinalData {
  readonly subject: readonly string[];
  readonly time: readonly number[];
  readonly response: readonly number[];
}

/** Linear growth model by group: fixed effects intercept, time, group:LEVEL…, time:group:LEVEL…. */
export function fitGrowthModel(
  data: LongitudinalData & { readonly group?: readonly string[] },
  options: { readonly method: LmmMethod; readonly reference?: string },
): StatsResult<{ fit: LmmFit; reference: string | null; levels: readonly string[] }> {
  const n = data.response.length;
  const fixed: number[][] = [new Array<number>(n).fill(1), [...data.time]];
  const fixedNames = ['intercept', 'time'];
  let reference: string | null = null;
  let levels: string[] = [];
  if (data.group !== undefined) {
    const group = data.group;
    levels = [...new Set(group)].sort();
    if (levels.length < 2) {
      return invalid([
        { code: 'one-level-group', message: `the group has only one level (${levels[0] ?? 'none'})` },
      ]);
    }
    reference = options.reference ?? levels[0] ?? '';
    if (!levels.includes(reference)) {
      return invalid([
        {
          code: 'invalid-argument',
          message: `reference level '${reference}' does not occur (levels: ${levels.join(', ')})`,
        },
      ]);
    }
    const others = levels.filter((l) => l !== reference);
    for (const level of others) {
      fixed.push(group.map((g) => (g === level ? 1 : 0)));
      fixedNames.push(`group:${level}`);
    }
    for (const level of others) {
      fixed.push(group.map((g, i) => (g === level ? (data.time[i] ?? 0) : 0)));
      fixedNames.push(`time:group:${level}`);
    }
    const subjectGroup = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const s = data.subject[i] ?? '';
      const g = group[i] ?? '';
      const seen = subjectGroup.get(s);
      if (seen !== undefined && seen !== g) {
        return invalid([
          {
            code: 'invalid-argument',
            subject: s,
            message: `subject ${s} appears in two groups (${seen}, ${g})`,
          },
        ]);
      }
      subjectGroup.set(s, g);
    }
  }
  const result = fitLmm(
    {
      response: data.response,
      fixed,
      fixedNames,
      random: [new Array<number>(n).fill(1), [...data.time]],
      randomNames: ['intercept', 'time'],
      subject: data.subject,
    },
    { method: options.method },
  );
  return result.kind === 'ok' ? { kind: 'ok', fit: result.fit, reference, levels } : result;
}

/** Piecewise (broken-stick) model with the knot at `split`; `randomChange` adds a random slope change. */
export function fitPiecewiseModel(
  data: LongitudinalData,
  options: { readonly method: LmmMethod; readonly split: number; readonly randomChange?: boolean },
): StatsResult<{ fit: LmmFit }> {
  const n = data.response.length;
  const ones = new Array<number>(n).fill(1);
  const time = [...data.time];
  const after = time.map((t) => Math.max(t - options.split, 0));
  const random = options.randomChange === true ? [ones, time, after] : [ones, time];
  const randomNames =
    options.randomChange === true ? ['intercept', 'time', 'slopeChange'] : ['intercept', 'time'];
  return fitLmm(
    {
      response: data.response,
      fixed: [ones, time, after],
      fixedNames: ['intercept', 'time', 'slopeChange'],
      random,
      randomNames,
      subject: data.subject,
    },
    { method: options.method },
  );
}
