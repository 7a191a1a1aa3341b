import { describeValue, isFiniteNumber, problem, type ScaleResult } from './scale-result.js';

// The lookup-table parser is exported with the predictions (scales/index.ts re-exports this module).
export * from './spirometry-gli-table.js';

/**
 * GLI LMS predictions from a lookup table the user supplies (no GLI table is bundled: licence unclear, clinical.md
 * §2.3). Two editions share the machinery:
 * - `gli-2012`: Quanjer et al., ERJ 2012;40:1324 — multi-ethnic (ethnicity terms a3..a6, p2..p5);
 * - `gli-global-2022`: Bowerman et al., AJRCCM 2023;207:768 — race-neutral (no ethnicity terms: they are zero).
 * Rows follow the published GLI-2012 lookup-table CSV (sex, f, a0..a6, p0..p5, q0, q1, agebound, l0, l1, m0, m1,
 * s0, s1); spirometry-gli-table.ts parses such files. Formulas from clinical.md §2.2 ([C]):
 *
 *   L = q0 + q1·ln(age) + Lspline
 *   M = exp(a0 + a1·ln(height_cm) + a2·ln(age) + a3·AfrAm + a4·NEAsia + a5·SEAsia + a6·Other + Mspline)
 *   S = exp(p0 + p1·ln(age) + p2·AfrAm + p3·NEAsia + p4·SEAsia + p5·Other + Sspline)
 *   spline = v0 + (v1 − v0)·(age − agebound)/0.25, agebound = floor(age·4)/4
 *   z = ((obs/M)^L − 1)/(L·S);  LLN = M·(1 − 1.645·L·S)^(1/L);  %pred = 100·obs/M
 */

export const GLI_EDITIONS = ['gli-2012', 'gli-global-2022'] as const;
export type GliEdition = (typeof GLI_EDITIONS)[number];

/** Version of the GLI derivation code, stored with every derived GLI value. */
export const GLI_ALGORITHM = 'spirometry-gli@1';

/** GLI-2012 ethnic groups (the Global 2022 edition has none). */
export const GLI_ETHNICITIES = [
  'caucasian',
  'african-american',
  'north-east-asian',
  'south-east-asian',
  'other',
] as const;
export type GliEthnicity = (typeof GLI_ETHNICITIES)[number];

/** One row of a GLI lookup table (one sex, one parameter, one quarter-year of age). */
export interface GliLookupRow {
  readonly sex: 'female' | 'male';
  /** Parameter name as in the table's `f` column, e.g. 'FVC', 'FEV1', 'FEV1FVC'. */
  readonly parameter: string;
  /** a0 … a6 (M equation); a3..a6 are 0 in a Global 2022 table. */
  readonly a: readonly [number, number, number, number, number, number, number];
  /** p0 … p5 (S equation); p2..p5 are 0 in a Global 2022 table. */
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

/** A user-supplied table: its edition and the name of its source, recorded with every prediction. */
export interface GliLookupTable {
  readonly edition: GliEdition;
  readonly source: string;
  readonly rows: readonly GliLookupRow[];
}

/**
 * Who and what to predict. `ethnicity` is required by GLI-2012 and ignored by Global 2022; `measured` (same unit
 * as the table: litres, or a ratio) is optional.
 */
export interface GliInput {
  readonly sex: 'female' | 'male';
  /** Decimal age in years (GLI splines change every quarter-year). */
  readonly ageYears: number;
  readonly heightCm: number;
  readonly ethnicity?: GliEthnicity;
  readonly parameter: string;
  readonly measured?: number;
}

/** `<edition>/<parameter in lower case>`, e.g. 'gli-2012/fvc', 'gli-global-2022/fev1'. */
export type GliEquationId = `${GliEdition}/${string}`;

/** LMS prediction with LLN, and z-score / % predicted when a measurement was given. */
export interface GliPrediction {
  readonly edition: GliEdition;
  readonly equation: GliEquationId;
  readonly tableSource: string;
  readonly l: number;
  readonly m: number;
  readonly s: number;
  readonly predicted: number;
  readonly lln: number;
  readonly zScore?: number;
  readonly percentPredicted?: number;
}

export function gliEquationId(edition: GliEdition, parameter: string): GliEquationId {
  return `${edition}/${parameter.toLowerCase()}`;
}

/** The table row for sex, parameter and age (agebound = floor(age·4)/4), if any. */
export function findGliRow(
  table: GliLookupTable,
  key: { readonly sex: 'female' | 'male'; readonly parameter: string; readonly ageYears: number },
): GliLookupRow | undefined {
  const ageBound = Math.floor(key.ageYears * 4) / 4;
  return table.rows.find(
    (r) => r.sex === key.sex && r.parameter === key.parameter && r.ageBound === ageBound,
  );
}

function inputProblem(table: GliLookupTable, input: GliInput): ScaleResult<never> | null {
  const { ageYears, heightCm, measured } = input;
  if (!isFiniteNumber(ageYears) || ageYears <= 0 || !isFiniteNumber(heightCm) || heightCm <= 0) {
    const message = `ageYears and heightCm must be finite and > 0 (got ${describeValue(ageYears)}, ${describeValue(heightCm)})`;
    return { kind: 'invalid', problems: [problem('ageYears', 'number-in-range', message)] };
  }
  if (measured !== undefined && (!isFiniteNumber(measured) || measured <= 0)) {
    const message = `measured must be a finite number > 0 (got ${describeValue(measured)})`;
    return { kind: 'invalid', problems: [problem('measured', 'number-in-range', message)] };
  }
  if (table.edition === 'gli-2012' && !GLI_ETHNICITIES.includes(input.ethnicity as GliEthnicity)) {
    const message = `GLI-2012 needs one of ${GLI_ETHNICITIES.join(', ')} (got ${describeValue(input.ethnicity)})`;
    return { kind: 'invalid', problems: [problem('ethnicity', 'one-of', message)] };
  }
  return null;
}

/**
 * GLI prediction from a supplied lookup table (either edition); invalid when the input is unusable or the table
 * has no row for the sex, parameter and age.
 */
export function gliPredict(table: GliLookupTable, input: GliInput): ScaleResult<GliPrediction> {
  const refused = inputProblem(table, input);
  if (refused !== null) {
    return refused;
  }
  const row = findGliRow(table, input);
  if (row === undefined) {
    const ageBound = Math.floor(input.ageYears * 4) / 4;
    const message = `${table.source} has no ${input.sex} ${input.parameter} row for age ${input.ageYears} (agebound ${ageBound})`;
    return { kind: 'invalid', problems: [problem('ageYears', 'gli-table-covers-age', message)] };
  }
  const fraction = (input.ageYears - row.ageBound) / 0.25;
  const spline = (v0: number, v1: number): number => v0 + (v1 - v0) * fraction;
  // Global 2022 is race-neutral: the ethnicity terms never apply, whatever the input says.
  const e = table.edition === 'gli-2012' ? ethnicityDummies(input.ethnicity ?? 'caucasian') : NO_ETHNICITY;
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
  if (![l, m, s, lln].every(Number.isFinite) || l === 0) {
    const message = `${table.source} gives no finite L, M, S and LLN for this input (L ${l}, M ${m}, S ${s})`;
    return { kind: 'invalid', problems: [problem('ageYears', 'gli-lms-defined', message)] };
  }
  const base = {
    edition: table.edition,
    equation: gliEquationId(table.edition, input.parameter),
    tableSource: table.source,
    l,
    m,
    s,
    predicted: m,
    lln,
  };
  if (input.measured === undefined) {
    return { kind: 'ok', value: base };
  }
  const zScore = (Math.pow(input.measured / m, l) - 1) / (l * s);
  return { kind: 'ok', value: { ...base, zScore, percentPredicted: (100 * input.measured) / m } };
}

interface EthnicityDummies {
  readonly afrAm: number;
  readonly neAsia: number;
  readonly seAsia: number;
  readonly other: number;
}

const NO_ETHNICITY: EthnicityDummies = { afrAm: 0, neAsia: 0, seAsia: 0, other: 0 };

function ethnicityDummies(ethnicity: GliEthnicity): EthnicityDummies {
  return {
    afrAm: ethnicity === 'african-american' ? 1 : 0,
    neAsia: ethnicity === 'north-east-asian' ? 1 : 0,
    seAsia: ethnicity === 'south-east-asian' ? 1 : 0,
    other: ethnicity === 'other' ? 1 : 0,
  };
}
