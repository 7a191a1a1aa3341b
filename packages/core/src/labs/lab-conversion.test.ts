import { describe, expect, it } from 'vitest';
import { correctCalciumForAlbumin } from './calcium-correction.js';
import { absoluteCountFromPercent, convertLabValue, formatLabValue } from './lab-conversion.js';
import { parseLabUnit } from './lab-units.js';
import { ANALYTE_FORMULAS, molarMass } from './molar-masses.js';

const convert = (test: string, value: number, from: string, to: string): number => {
  const result = convertLabValue({ test, value, from, to });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
};

describe('molar masses from IUPAC/CIAAW abridged atomic weights (hand sums)', () => {
  it('glucose C6H12O6 = 6×12.011 + 12×1.008 + 6×15.999 = 180.156 g/mol', () => {
    expect(molarMass(ANALYTE_FORMULAS.glucose)).toBeCloseTo(180.156, 9);
  });
  it('creatinine C4H7N3O = 113.12, bilirubin C33H36N4O6 = 584.673, uric acid C5H4N4O3 = 168.112, N2 = 28.014', () => {
    expect(molarMass(ANALYTE_FORMULAS.creatinine)).toBeCloseTo(113.12, 9);
    expect(molarMass(ANALYTE_FORMULAS.bilirubin)).toBeCloseTo(584.673, 9);
    expect(molarMass(ANALYTE_FORMULAS.uricAcid)).toBeCloseTo(168.112, 9);
    expect(molarMass(ANALYTE_FORMULAS.ureaNitrogen)).toBeCloseTo(28.014, 9);
  });
});

describe('conversion factors match the commonly tabulated ones', () => {
  // Cross-check against the factors of Young DS, Ann Intern Med 1987;106:114-129 as commonly tabulated
  // (recalled, to the digits shown): ours are derived from molar masses, so they agree to those digits only.
  it.each([
    ['creatinine', 1, 'mg/dL', 'umol/L', 88.4, 1],
    ['bilirubin-total', 1, 'mg/dL', 'umol/L', 17.1, 1],
    ['glucose', 1, 'mg/dL', 'mmol/L', 0.0555, 4],
    ['calcium', 1, 'mg/dL', 'mmol/L', 0.2495, 4],
    ['magnesium', 1, 'mg/dL', 'mmol/L', 0.4114, 4],
    ['phosphate', 1, 'mg/dL', 'mmol/L', 0.3229, 4],
    ['urea', 1, 'mg/dL', 'mmol/L', 0.357, 3],
    ['uric-acid', 1, 'mg/dL', 'umol/L', 59.48, 2],
    ['hemoglobin', 1, 'g/dL', 'mmol/L', 0.6206, 4],
  ] as const)('%s: %d %s = %d %s', (test, value, from, to, expected, digits) => {
    expect(convert(test, value, from, to)).toBeCloseTo(expected, digits);
  });

  it('exact definitions: 1 g/dL = 10 g/L, 60 U/L = 1 µkat/L, 1500 /µL = 1.5 ×10⁹/L, 45 % = 0.45 L/L', () => {
    expect(convert('albumin', 3.5, 'g/dL', 'g/L')).toBe(35);
    expect(convert('alt', 60, 'U/L', 'ukat/L')).toBe(1);
    expect(convert('neutrophils', 1500, '/uL', '10*9/L')).toBe(1.5);
    expect(convert('platelets', 150, '10*3/uL', '10*9/L')).toBe(150);
    expect(convert('hematocrit', 45, '%', 'L/L')).toBeCloseTo(0.45, 15);
    expect(convert('sodium', 140, 'meq/L', 'mmol/L')).toBe(140);
    expect(convert('magnesium', 2, 'meq/L', 'mmol/L')).toBe(1);
  });

  it('CTCAE pairs: Hgb 10.0 g/dL ≈ 6.2 mmol/L; creatinine 1.5 mg/dL ≈ 132.6 µmol/L; Ca 2.9 mmol/L ≈ 11.6 mg/dL', () => {
    expect(convert('hemoglobin', 10, 'g/dL', 'mmol/L')).toBeCloseTo(6.2056, 4);
    expect(convert('creatinine', 1.5, 'mg/dL', 'umol/L')).toBeCloseTo(132.6, 1);
    expect(convert('calcium-corrected', 2.9, 'mmol/L', 'mg/dL')).toBeCloseTo(11.6226, 4);
  });

  it('never rounds: the stored value keeps every digit', () => {
    const value = convert('creatinine', 1, 'mg/dL', 'umol/L');
    expect(value).toBe(10000 / molarMass(ANALYTE_FORMULAS.creatinine));
    expect(value).not.toBe(88.4);
    expect(value).toBeCloseTo(88.40169731, 8);
  });
});

describe('bad conversions are refused with the test and unit named', () => {
  it('unit mismatch', () => {
    expect(convertLabValue({ test: 'glucose', value: 5, from: 'mmol/L', to: 'g/L' })).toEqual({
      kind: 'invalid',
      problems: [
        {
          path: 'to',
          rule: 'unit-of-test',
          message: 'unit mismatch: test glucose is not reported in g/L (accepted: mmol/L, mg/dL)',
        },
      ],
    });
  });
  it('unknown unit, unknown test, qualitative test, non-finite value', () => {
    expect(convertLabValue({ test: 'glucose', value: 5, from: 'mg%', to: 'mmol/L' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'from', rule: 'known-unit' }],
    });
    expect(convertLabValue({ test: 'vitamin-q', value: 5, from: 'mmol/L', to: 'mmol/L' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'test', rule: 'known-test' }],
    });
    expect(convertLabValue({ test: 'hbsag', value: 1, from: 'mmol/L', to: 'mmol/L' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'test', rule: 'quantitative-test' }],
    });
    expect(
      convertLabValue({ test: 'glucose', value: Number.NaN, from: 'mmol/L', to: 'mg/dL' }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'value', rule: 'finite-number' }],
    });
  });
});

describe('units as written on reports', () => {
  it.each([
    ['µmol/L', 'umol/L'],
    ['μkat/L', 'ukat/L'],
    ['umol/l', 'umol/L'],
    ['IU/L', 'U/L'],
    ['x10^9/L', '10*9/L'],
    ['/mm3', '/uL'],
    ['cells/µL', '/uL'],
    ['mEq/L', 'meq/L'],
    ['mg/dl', 'mg/dL'],
    ['K/uL', '10*3/uL'],
  ])('%s → %s', (text, code) => {
    expect(parseLabUnit(text)).toBe(code);
  });
  it('unknown spellings stay unknown', () => {
    expect(parseLabUnit('mg%')).toBeUndefined();
  });
});

describe('display formatting (rounding for display only)', () => {
  it('uses the catalogue decimals per test and unit', () => {
    expect(formatLabValue({ test: 'creatinine', value: 10000 / 113.12, unit: 'umol/L' })).toBe('88 µmol/L');
    expect(formatLabValue({ test: 'creatinine', value: 1, unit: 'mg/dL' })).toBe('1.00 mg/dL');
    expect(formatLabValue({ test: 'neutrophils', value: 1.5, unit: '10*9/L' })).toBe('1.50 ×10⁹/L');
    expect(formatLabValue({ test: 'neutrophils', value: 1.5, unit: '10*9/L', decimals: 1 })).toBe(
      '1.5 ×10⁹/L',
    );
  });
  it('ANC from the differential: WBC 5.2 × 40 % = 2.08 ×10⁹/L', () => {
    expect(absoluteCountFromPercent({ wbc: 5.2, percent: 40 })).toBeCloseTo(2.08, 12);
  });
});

describe('albumin-corrected calcium (Ca + 0.8 × (4.0 − albumin g/dL))', () => {
  it('8.0 mg/dL with albumin 2.0 g/dL → 9.6 mg/dL', () => {
    const result = correctCalciumForAlbumin({
      calcium: 8,
      calciumUnit: 'mg/dL',
      albumin: 2,
      albuminUnit: 'g/dL',
    });
    expect(result.kind === 'ok' ? result.value.value : Number.NaN).toBeCloseTo(9.6, 12);
  });
  it('SI: 2.0 mmol/L with albumin 20 g/L → 2.0 + 1.6 mg/dL × 10/40.078 = 2.39922 mmol/L', () => {
    const result = correctCalciumForAlbumin({
      calcium: 2,
      calciumUnit: 'mmol/L',
      albumin: 20,
      albuminUnit: 'g/L',
    });
    expect(result).toMatchObject({ kind: 'ok', value: { unit: 'mmol/L' } });
    expect(result.kind === 'ok' ? result.value.value : Number.NaN).toBeCloseTo(2 + 16 / 40.078, 12);
  });
  it('refuses a unit of the wrong test', () => {
    expect(
      correctCalciumForAlbumin({ calcium: 2, calciumUnit: 'g/L', albumin: 40, albuminUnit: 'g/L' }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'calciumUnit', rule: 'unit-of-test' }],
    });
  });
});
