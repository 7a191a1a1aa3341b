import { describe, expect, it } from 'vitest';
import {
  classifyLabValue,
  selectReferenceRange,
  validateReferenceRange,
  type LabReferenceRange,
} from './reference-ranges.js';

const creatinineRanges: readonly LabReferenceRange[] = [
  { test: 'creatinine', unit: 'umol/L', lln: 45, uln: 84, sex: 'female' },
  { test: 'creatinine', unit: 'umol/L', lln: 59, uln: 104, sex: 'male' },
  { test: 'creatinine', unit: 'umol/L', lln: 50, uln: 110, sex: 'male', ageMin: 70 },
  { test: 'hemoglobin', unit: 'g/L', lln: 120, uln: 160 },
];

describe('selecting a site range', () => {
  it('picks by sex, and an age band over an unbanded range', () => {
    expect(
      selectReferenceRange({ ranges: creatinineRanges, test: 'creatinine', sex: 'female', ageYears: 50 }),
    ).toMatchObject({
      kind: 'ok',
      range: { uln: 84 },
    });
    expect(
      selectReferenceRange({ ranges: creatinineRanges, test: 'creatinine', sex: 'male', ageYears: 69.9 }),
    ).toMatchObject({
      kind: 'ok',
      range: { uln: 104 },
    });
    expect(
      selectReferenceRange({ ranges: creatinineRanges, test: 'creatinine', sex: 'male', ageYears: 70 }),
    ).toMatchObject({
      kind: 'ok',
      range: { uln: 110 },
    });
    expect(selectReferenceRange({ ranges: creatinineRanges, test: 'hemoglobin' })).toMatchObject({
      kind: 'ok',
    });
  });
  it('none without the sex a range needs; ambiguous when two equal ranges overlap', () => {
    expect(selectReferenceRange({ ranges: creatinineRanges, test: 'creatinine' })).toMatchObject({
      kind: 'none',
    });
    const overlapping = [
      ...creatinineRanges,
      { test: 'hemoglobin', unit: 'g/dL', lln: 12, uln: 16 } as const,
    ];
    expect(selectReferenceRange({ ranges: overlapping, test: 'hemoglobin' })).toMatchObject({
      kind: 'ambiguous',
    });
  });
});

describe('classifying a value', () => {
  const range: LabReferenceRange = { test: 'potassium', unit: 'mmol/L', lln: 3.5, uln: 5.1 };
  it.each([
    [3.49, 'low'],
    [3.5, 'normal'],
    [5.1, 'normal'],
    [5.11, 'high'],
  ] as const)('K %d mmol/L → %s (a value equal to a limit is normal)', (value, flag) => {
    expect(classifyLabValue({ test: 'potassium', value, unit: 'mmol/L', range })).toMatchObject({
      kind: 'ok',
      value: { flag },
    });
  });

  it('multiples of ULN and LLN, unrounded', () => {
    const result = classifyLabValue({
      test: 'alt',
      value: 100,
      unit: 'U/L',
      range: { test: 'alt', unit: 'U/L', lln: 7, uln: 40 },
    });
    expect(result).toEqual({
      kind: 'ok',
      value: { flag: 'high', xUln: 2.5, xLln: 100 / 7, valueInRangeUnit: 100, unit: 'U/L' },
    });
  });

  it('converts the value to the range unit (creatinine 1.2 mg/dL against a µmol/L range)', () => {
    const result = classifyLabValue({
      test: 'creatinine',
      value: 1.2,
      unit: 'mg/dL',
      range: { test: 'creatinine', unit: 'umol/L', lln: 59, uln: 104 },
    });
    expect(result).toMatchObject({ kind: 'ok', value: { flag: 'high', unit: 'umol/L' } });
    expect(result.kind === 'ok' ? result.value.valueInRangeUnit : 0).toBeCloseTo(106.08, 2);
  });

  it('critical flags only when the site documents critical limits', () => {
    const documented: LabReferenceRange = { ...range, criticalLow: 2.5, criticalHigh: 6.5 };
    expect(
      classifyLabValue({ test: 'potassium', value: 2.4, unit: 'mmol/L', range: documented }),
    ).toMatchObject({
      value: { flag: 'critical-low' },
    });
    expect(
      classifyLabValue({ test: 'potassium', value: 6.6, unit: 'mmol/L', range: documented }),
    ).toMatchObject({
      value: { flag: 'critical-high' },
    });
    expect(classifyLabValue({ test: 'potassium', value: 2.4, unit: 'mmol/L', range })).toMatchObject({
      value: { flag: 'low' },
    });
  });

  it('refuses mismatched tests and units, and negative values', () => {
    expect(classifyLabValue({ test: 'sodium', value: 140, unit: 'mmol/L', range })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'range.test', rule: 'same-test' }],
    });
    expect(classifyLabValue({ test: 'potassium', value: -1, unit: 'g/L', range })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'value' }, { path: 'unit', rule: 'unit-of-test' }],
    });
  });
});

describe('validating a range', () => {
  it('accepts a good range and lists every problem of a bad one', () => {
    expect(validateReferenceRange({ test: 'sodium', unit: 'mmol/L', lln: 135, uln: 145 })).toEqual([]);
    const problems = validateReferenceRange({
      test: 'sodium',
      unit: 'mmol/L',
      lln: 150,
      uln: 140,
      criticalHigh: 130,
      ageMin: 60,
      ageMax: 18,
    }).map((p) => p.rule);
    expect(problems).toEqual(['lln-not-above-uln', 'critical-high-not-below-uln', 'age-band']);
    expect(validateReferenceRange({ test: 'sodium', unit: 'mg/dL' }).map((p) => p.rule)).toEqual([
      'unit-of-test',
      'has-limit',
    ]);
  });
});
