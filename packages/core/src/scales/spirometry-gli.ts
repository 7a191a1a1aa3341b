import { describeValue, isFiniteNumber, problem, type ScaleResult } from './scale-result.js';

/**
 * GLI-2012 (Quanjer et al., ERJ 2012;40:1324) LMS predictions from a lookup table the user supplies. No GLI table
 * is bundled (licence unclear: clinical.md §2.3). The row layout follows the published lookup-table CSV (columns
 * sex, f, a0..a6, p0..p5, q0, q1, agebound, l0, l1, m0, m1, s0, s1); formulas from clinical.md §2.2 ([C]).
 *
 *   L = q0 + q1·ln(age) + Lspline
 *   M = exp(a0 + a1·ln(height_cm) + a2·ln(age) + a3·AfrAm + a4·NEAsia + a5·SEAsia + a6·Other + Mspline)
 *   S = exp(p0 + p1·ln(age) + p2·AfrAm + p3·NEAsia + p4·SEAsia + p5·Other + Sspline)
 *   spline = v0 + (v1 − v0)·(age − agebound)/0.25, agebound = floor(age·4)/4
 *   z = ((obs/M)^L − 1)/(L·S);  LLN = M·(1 − 1.645·L·S)^(1/L);  %pred = 100·obs/M
 */

export const GLI_ETHNICITIES = [
  'caucasian',
  'african-american',
  'north-east-asian',
  'south-east-asian',
  'other',
] as const;
export type GliEthnicity = (typeof GLI_ETHNICITIES)[number];

/** One row of a GLI-2012 lookup table (one sex, one parameter, one quarter-year of age). */
export interface GliLookupRow {
  readonly sex: 'female' | 'male';
  /** Parameter name as in the table's `f` column, e.g. 'FVC', 'FEV1', 'FEV1FVC'. */
  readonly parameter: string;
  /** a0 … a6 (M equation). */
  readonly a: readonly [number, number, number, number, number, number, number];
  /** p0 … p5 (S equation). */
  readonly p: readonly [number, number, number, number, number, number];
  readonly q0: number;
  readonly q1: number;
  readonly ageBound: number;
  readonly l0: number;
  readonly l1: number;
  readonly m0: number;
  readonly m1: number;
  readonly s0: number;
  readonly s1: number;
}

/** A user-supplied table with the name of its source file, recorded with every prediction. */
export interface GliLookupTable {
  readonly source: string;
  readonly rows: readonly GliLookupRow[];
}

/** Who and what to predict; `measured` (same unit as the table, litres or ratio) is optional. */
export interface GliInput {
  readonly sex: 'female' | 'male';
  readonly ageYears: number;
  readonly heightCm: number;
  readonly ethnicity: GliEthnicity;
  readonly parameter: string;
  readonly measured?: number;
}

/** LMS prediction with LLN, and z-score / % predicted when a measurement was given. */
export interface GliPrediction {
  readonly equation: 'gli-2012';
  readonly tableSource: string;
  readonly l: number;
  readonly m: number;
  readonly s: number;
  readonly predicted: number;
  readonly lln: number;
  readonly zScore?: number;
  readonly percentPredicted?: number;
}

/** GLI-2012 prediction from a supplied lookup table; invalid when the table has no row for the age. */
export function gli2012Predict(table: GliLookupTable, input: GliInput): ScaleResult<GliPrediction> {
  if (!isFiniteNumber(input.ageYears) || !isFiniteNumber(input.heightCm) || input.heightCm <= 0) {
    const message = `ageYears and heightCm must be finite, height > 0 (got ${describeValue(input.ageYears)}, ${describeValue(input.heightCm)})`;
    return { kind: 'invalid', problems: [problem('ageYears', 'number-in-range', message)] };
  }
  const ageBound = Math.floor(input.ageYears * 4) / 4;
  const row = table.rows.find(
    (r) => r.sex === input.sex && r.parameter === input.parameter && r.ageBound === ageBound,
  );
  if (row === undefined || input.ageYears <= 0) {
    const message = `${table.source} has no ${input.sex} ${input.parameter} row for age ${input.ageYears} (agebound ${ageBound})`;
    return { kind: 'invalid', problems: [problem('ageYears', 'gli-table-covers-age', message)] };
  }
  const fraction = (input.ageYears - ageBound) / 0.25;
  const spline = (v0: number, v1: number): number => v0 + (v1 - v0) * fraction;
  const e = ethnicityDummies(input.ethnicity);
  const lnAge = Math.log(input.ageYears);
  const [a0, a1, a2, a3, a4, a5, a6] = row.a;
  const [p0, p1, p2, p3, p4, p5] = row.p;
  const l = row.q0 + row.q1 * lnAge + spline(row.l0, row.l1);
  const m = Math.exp(
    a0 +
      a1 * Math.log(input.heightCm) +
      a2 * lnAge +
      a3 * e.afrAm +
      a4 * e.neAsia +
      a5 * e.seAsia +
      a6 * e.other +
      spline(row.m0, row.m1),
  );
  const s = Math.exp(
    p0 + p1 * lnAge + p2 * e.afrAm + p3 * e.neAsia + p4 * e.seAsia + p5 * e.other + spline(row.s0, row.s1),
  );
  const lln = m * Math.pow(1 - 1.645 * l * s, 1 / l);
  const base = { equation: 'gli-2012', tableSource: table.source, l, m, s, predicted: m, lln } as const;
  if (input.measured === undefined) {
    return { kind: 'ok', value: base };
  }
  const zScore = (Math.pow(input.measured / m, l) - 1) / (l * s);
  return { kind: 'ok', value: { ...base, zScore, percentPredicted: (100 * input.measured) / m } };
}

function ethnicityDummies(ethnicity: GliEthnicity): {
  afrAm: number;
  neAsia: number;
  seAsia: number;
  other: number;
} {
  return {
    afrAm: ethnicity === 'african-american' ? 1 : 0,
    neAsia: ethnicity === 'north-east-asian' ? 1 : 0,
    seAsia: ethnicity === 'south-east-asian' ? 1 : 0,
    other: ethnicity === 'other' ? 1 : 0,
  };
}
