// Laboratory values for synthetic participants: a CBC and chemistry panel keyed by lab catalogue code
// (labs/lab-catalogue.ts), each `{ value, unit }` in the catalogue unit listed here, rounded to that unit's report
// decimals. Values scatter around a participant mean inside the demo reference range; in 3 % of results (per test
// and visit) the value leaves the range, and three in ten of those are marked enough for CTCAE v5.0 grade ≥ 2.
// The ranges are ordinary adult reference intervals chosen for the demo (no single source; sites use their own).
import { findLabTest } from '../labs/lab-catalogue.js';
import type { LabReferenceRange } from '../labs/reference-ranges.js';
import type { LabUnit } from '../labs/lab-units.js';
import type { ScreeningSex } from '../eligibility/screening-record.js';
import { randomNormal, type Rng } from '../random/rng.js';
import { chance, clamp, demoRng, normalWithin, roundTo, uniform } from './demo-random.js';
import type { DemoSubject } from './demo-types.js';

type ByValue = number | Readonly<Record<ScreeningSex, number>>;

interface DemoLabSpec {
  readonly code: string;
  readonly unit: LabUnit;
  readonly lln: ByValue;
  readonly uln: ByValue;
  readonly mean: ByValue;
  /** Between-participant SD of the mean, as a fraction of the mean. */
  readonly between: number;
  /** Visit-to-visit coefficient of variation. */
  readonly cv: number;
  /** Direction of a clinically relevant abnormality. */
  readonly abnormal: 'high' | 'low';
  /** Range of a marked abnormality (CTCAE v5.0 grade 2–3), in the unit; `xLimit` = multiples of ULN. */
  readonly marked: readonly [number, number];
  readonly markedAs: 'value' | 'xLimit';
  /** A mild abnormality (CTCAE grade 1) as multiples of the limit it crosses. */
  readonly mild: readonly [number, number];
}

/** The generated panel. CTCAE v5.0 grade-2/3 bands from clinical.md §4 / labs/ctcae-rules-versioned.ts. */
export const DEMO_LAB_PANEL: readonly DemoLabSpec[] = [
  {
    code: 'hemoglobin',
    unit: 'g/L',
    lln: { male: 135, female: 120 },
    uln: { male: 175, female: 155 },
    mean: { male: 150, female: 135 },
    between: 0.05,
    cv: 0.03,
    abnormal: 'low',
    marked: [75, 99],
    markedAs: 'value',
    mild: [0.86, 0.98],
  },
  {
    code: 'wbc',
    unit: '10*9/L',
    lln: 4.0,
    uln: 11.0,
    mean: 6.5,
    between: 0.15,
    cv: 0.1,
    abnormal: 'low',
    marked: [1.5, 2.9],
    markedAs: 'value',
    mild: [0.8, 0.97],
  },
  {
    code: 'neutrophils',
    unit: '10*9/L',
    lln: 1.8,
    uln: 7.5,
    mean: 3.8,
    between: 0.18,
    cv: 0.12,
    abnormal: 'low',
    marked: [0.6, 1.4],
    markedAs: 'value',
    mild: [0.86, 0.97],
  },
  {
    code: 'lymphocytes',
    unit: '10*9/L',
    lln: 1.0,
    uln: 4.0,
    mean: 2.0,
    between: 0.18,
    cv: 0.1,
    abnormal: 'low',
    marked: [0.3, 0.75],
    markedAs: 'value',
    mild: [0.82, 0.97],
  },
  {
    code: 'platelets',
    unit: '10*9/L',
    lln: 150,
    uln: 400,
    mean: 250,
    between: 0.15,
    cv: 0.07,
    abnormal: 'low',
    marked: [35, 74],
    markedAs: 'value',
    mild: [0.8, 0.97],
  },
  {
    code: 'sodium',
    unit: 'mmol/L',
    lln: 135,
    uln: 145,
    mean: 140,
    between: 0.008,
    cv: 0.008,
    abnormal: 'low',
    marked: [121, 129],
    markedAs: 'value',
    mild: [0.97, 0.99],
  },
  {
    code: 'potassium',
    unit: 'mmol/L',
    lln: 3.5,
    uln: 5.1,
    mean: 4.3,
    between: 0.05,
    cv: 0.05,
    abnormal: 'high',
    marked: [5.6, 6.6],
    markedAs: 'value',
    mild: [1.02, 1.07],
  },
  {
    code: 'creatinine',
    unit: 'umol/L',
    lln: { male: 60, female: 45 },
    uln: { male: 110, female: 90 },
    mean: { male: 80, female: 63 },
    between: 0.12,
    cv: 0.05,
    abnormal: 'high',
    marked: [1.6, 2.9],
    markedAs: 'xLimit',
    mild: [1.03, 1.4],
  },
  {
    code: 'alt',
    unit: 'U/L',
    lln: 7,
    uln: 40,
    mean: 21,
    between: 0.25,
    cv: 0.15,
    abnormal: 'high',
    marked: [3.3, 8],
    markedAs: 'xLimit',
    mild: [1.05, 2.5],
  },
  {
    code: 'ast',
    unit: 'U/L',
    lln: 10,
    uln: 40,
    mean: 23,
    between: 0.2,
    cv: 0.12,
    abnormal: 'high',
    marked: [3.3, 8],
    markedAs: 'xLimit',
    mild: [1.05, 2.5],
  },
  {
    code: 'bilirubin-total',
    unit: 'umol/L',
    lln: 3,
    uln: 21,
    mean: 9,
    between: 0.3,
    cv: 0.15,
    abnormal: 'high',
    marked: [1.6, 4],
    markedAs: 'xLimit',
    mild: [1.05, 1.45],
  },
  {
    code: 'albumin',
    unit: 'g/L',
    lln: 35,
    uln: 50,
    mean: 43,
    between: 0.05,
    cv: 0.03,
    abnormal: 'low',
    marked: [22, 29],
    markedAs: 'value',
    mild: [0.88, 0.97],
  },
];

/** Chance that one result leaves its reference range, and the share of those that are marked (grade ≥ 2). */
export const DEMO_LAB_OUT_OF_RANGE_RATE = 0.03;
export const DEMO_LAB_MARKED_SHARE = 0.3;

function bySex(value: ByValue, sex: ScreeningSex): number {
  return typeof value === 'number' ? value : value[sex];
}

function decimalsOf(spec: DemoLabSpec): number {
  const test = findLabTest(spec.code);
  const unit = test?.kind === 'quantitative' ? test.units.find((u) => u.unit === spec.unit) : undefined;
  if (unit === undefined) {
    throw new Error(`demo lab panel: ${spec.code} has no catalogue unit ${spec.unit}`);
  }
  return unit.decimals;
}

/** The demo reference ranges, as site ranges the server can install for demo sites. */
export const DEMO_LAB_REFERENCE_RANGES: readonly LabReferenceRange[] = DEMO_LAB_PANEL.flatMap((spec) => {
  const source = 'celltrial demo: typical adult reference interval (illustrative, synthetic data only)';
  if (typeof spec.lln === 'number' && typeof spec.uln === 'number') {
    return [{ test: spec.code, unit: spec.unit, lln: spec.lln, uln: spec.uln, source }];
  }
  return (['female', 'male'] as const).map((sex) => ({
    test: spec.code,
    unit: spec.unit,
    lln: bySex(spec.lln, sex),
    uln: bySex(spec.uln, sex),
    sex,
    source,
  }));
});

/** The demo range of a test for a sex. */
export function demoLabRange(code: string, sex: ScreeningSex): { lln: number; uln: number; unit: LabUnit } {
  const spec = DEMO_LAB_PANEL.find((candidate) => candidate.code === code);
  if (spec === undefined) {
    throw new RangeError(`not in the demo lab panel: ${code}`);
  }
  return { lln: bySex(spec.lln, sex), uln: bySex(spec.uln, sex), unit: spec.unit };
}

/** Participant means, kept well inside the range so that out-of-range values come from the excursions. */
export function drawLabMeans(rng: Rng, sex: ScreeningSex): Record<string, number> {
  const means: Record<string, number> = {};
  for (const spec of DEMO_LAB_PANEL) {
    const lln = bySex(spec.lln, sex);
    const uln = bySex(spec.uln, sex);
    const mean = bySex(spec.mean, sex);
    const margin = (uln - lln) * 0.1;
    means[spec.code] = normalWithin(rng, {
      mean,
      sd: mean * spec.between,
      bounds: { min: lln + margin, max: uln - margin },
    });
  }
  return means;
}

function excursion(rng: Rng, spec: DemoLabSpec, limits: { lln: number; uln: number }): number {
  const marked = chance(rng, DEMO_LAB_MARKED_SHARE);
  if (marked) {
    const [low, high] = spec.marked;
    const limit = spec.abnormal === 'high' ? limits.uln : limits.lln;
    return uniform(rng, low, high) * (spec.markedAs === 'xLimit' ? limit : 1);
  }
  const [low, high] = spec.mild;
  return (spec.abnormal === 'high' ? limits.uln : limits.lln) * uniform(rng, low, high);
}

/** The labs form values at a date: `{ [code]: { value, unit } }` for every test of the panel. */
export function labValuesAt(
  participant: DemoSubject,
  date: string,
): Record<string, { value: number; unit: LabUnit }> {
  const rng = demoRng(participant.seed, 'labs', date);
  const sex = participant.demographics.sex;
  const values: Record<string, { value: number; unit: LabUnit }> = {};
  for (const spec of DEMO_LAB_PANEL) {
    const limits = { lln: bySex(spec.lln, sex), uln: bySex(spec.uln, sex) };
    const mean = participant.trajectory.labs[spec.code] ?? bySex(spec.mean, sex);
    const raw = chance(rng, DEMO_LAB_OUT_OF_RANGE_RATE)
      ? excursion(rng, spec, limits)
      : clamp(mean * (1 + randomNormal(rng, 0, spec.cv)), limits.lln, limits.uln);
    const decimals = decimalsOf(spec);
    // Rounding may not carry an excursion back onto the limit: step one report unit outwards when it does.
    let value = roundTo(raw, decimals);
    const step = 10 ** -decimals;
    if (raw > limits.uln && value <= limits.uln) {
      value = roundTo(limits.uln + step, decimals);
    } else if (raw < limits.lln && value >= limits.lln) {
      value = roundTo(limits.lln - step, decimals);
    }
    values[spec.code] = { value, unit: spec.unit };
  }
  return values;
}
