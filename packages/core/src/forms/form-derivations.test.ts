import { describe, expect, it } from 'vitest';
import type { LabReferenceRange } from '../labs/reference-ranges.js';
import { ALSFRS_R_ALGORITHM } from '../scales/alsfrs-r.js';
import { EDSS_ALGORITHM } from '../scales/edss.js';
import { SPIROMETRY_ALGORITHM } from '../scales/spirometry.js';
import { ctcaeAlgorithm, LAB_FLAG_ALGORITHM, LAB_SI_ALGORITHM } from './derive-labs.js';
import { BMI_ALGORITHM } from './derive-vital-signs.js';
import { ALSFRS_ALL_NORMAL, VITALS, evaluate } from './form-test-helpers.js';
import type { FormEvaluation } from './form-types.js';

function derivedValues(evaluation: FormEvaluation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(evaluation.derived).map(([id, derived]) => [id, derived.value]));
}

function notes(evaluation: FormEvaluation): string {
  return evaluation.derivationNotes.map((note) => note.message).join(' | ');
}

describe('ALSFRS-R derivation (scoreAlsfrsR)', () => {
  // Hand-checked record from scales/alsfrs-r.test.ts: bulbar 3+4+2 = 9; fine motor 2+1(5b)+3 = 6;
  // gross motor 3+2+1 = 6; respiratory 4+3+4 = 11; total 32; gastrostomy → King's 4A; MiToS 0 (no domain lost:
  // walking 2 and dressing 3 > 1, swallowing 2 > 1, speech 3 > 1, dyspnoea 4 > 1 and respiratory insufficiency 4 > 2).
  const mixed = {
    gastrostomy: true,
    q1: 3,
    q2: 4,
    q3: 2,
    q4: 2,
    q5b: 1,
    q6: 3,
    q7: 3,
    q8: 2,
    q9: 1,
    q10: 4,
    q11: 3,
    q12: 4,
  };

  it('derives total, subscores and stages of the hand-checked record, with ΔFRS from the context dates', () => {
    const result = evaluate('alsfrs-r', mixed, {
      symptomOnsetDate: '2024-01-01',
      assessmentDate: '2025-01-01',
    });
    expect(result.complete).toBe(true);
    const derived = derivedValues(result);
    expect(derived).toMatchObject({
      total: 32,
      bulbar: 9,
      fineMotor: 6,
      grossMotor: 6,
      respiratory: 11,
      kings: '4A',
      mitos: 0,
    });
    // ΔFRS = (48 − 32) / (366 days / 30.4375) = 16 × 30.4375 / 366 = 487 / 366 (2024 is a leap year).
    expect(derived['deltaFrs']).toBeCloseTo(487 / 366, 12);
    expect(Object.values(result.derived).every((d) => d.algorithm === ALSFRS_R_ALGORITHM)).toBe(true);
  });

  it("reproduces the clinical.md §1.8 vector item1 = 1, item4 = 1, item6 = 1, item3 = 1, item12 = 2 → King's 4B, MiToS 4", () => {
    const result = evaluate('alsfrs-r', { ...ALSFRS_ALL_NORMAL, q1: 1, q4: 1, q6: 1, q3: 1, q12: 2 });
    // total 48 − (3 + 3 + 3 + 3 + 2) = 34; bulbar 1+4+1 = 6; fine motor 1+4+1 = 6; respiratory 4+4+2 = 10.
    expect(derivedValues(result)).toMatchObject({
      total: 34,
      bulbar: 6,
      fineMotor: 6,
      grossMotor: 12,
      respiratory: 10,
      kings: '4B',
      mitos: 4,
    });
  });

  it('leaves ΔFRS out with a note when the context has no dates, or when the visit precedes onset', () => {
    const noDates = evaluate('alsfrs-r', ALSFRS_ALL_NORMAL);
    expect(noDates.derived['total']?.value).toBe(48);
    expect(noDates.derived).not.toHaveProperty('deltaFrs');
    expect(notes(noDates)).toContain('no symptom onset date and visit date');
    const reversed = evaluate('alsfrs-r', ALSFRS_ALL_NORMAL, {
      symptomOnsetDate: '2025-02-01',
      assessmentDate: '2025-01-01',
    });
    expect(reversed.derived).not.toHaveProperty('deltaFrs');
    expect(notes(reversed)).toContain('assessmentDate must be after symptomOnsetDate');
    expect(reversed.warnings).toEqual([]);
  });

  it('does not score an incomplete or erroneous record', () => {
    expect(evaluate('alsfrs-r', { ...ALSFRS_ALL_NORMAL, q3: undefined }).derived).toEqual({});
    const both = evaluate('alsfrs-r', { ...ALSFRS_ALL_NORMAL, q5b: 2 });
    expect(both.derived).toEqual({});
    expect(notes(both)).toContain('error');
  });
});

describe('spirometry derivation (Hankinson 1999)', () => {
  const male60 = { sex: 'male', ageYears: 60, heightCm: 175, ethnicity: 'caucasian' } as const;

  it('reproduces the spirometry.test.ts golden case (M Cau 60 y 175 cm; FVC 4.2, FEV1 3.0, SVC 4.4 L)', () => {
    const result = evaluate('spirometry', { fvcL: 4.2, fev1L: 3.0, svcL: 4.4 }, male60);
    const derived = derivedValues(result);
    // 100 · 4.2 / 4.5858125 = 91.58682; FVC LLN 3.68329375 (hand-checked in spirometry.test.ts)
    expect(derived['fvcPercentPredicted']).toBeCloseTo(91.58682, 4);
    expect(derived['fvcPredictedL']).toBeCloseTo(4.5858125, 8);
    expect(derived['fvcLlnL']).toBeCloseTo(3.68329375, 8);
    // 100 · 3.0 / 3.4701125 = 86.45253; FEV1 LLN 2.70724375
    expect(derived['fev1PercentPredicted']).toBeCloseTo(86.45253, 4);
    expect(derived['fev1LlnL']).toBeCloseTo(2.70724375, 8);
    // SVC against the FVC equation: 100 · 4.4 / 4.5858125 = 95.94810
    expect(derived['svcPercentPredicted']).toBeCloseTo(95.9481, 4);
    expect(derived['fev1FvcPercent']).toBeCloseTo(71.428571, 5);
    expect(derived['equation']).toBe('hankinson-1999');
    expect(result.derived['fvcPercentPredicted']?.algorithm).toBe(SPIROMETRY_ALGORITHM);
  });

  it('derives only the volumes entered', () => {
    const derived = derivedValues(evaluate('spirometry', { svcL: 4.4 }, male60));
    expect(Object.keys(derived).sort()).toEqual([
      'equation',
      'svcLlnL',
      'svcPercentPredicted',
      'svcPredictedL',
    ]);
  });

  it('computes age from birth date and visit date when ageYears is absent (completed years)', () => {
    const context = {
      sex: 'male',
      heightCm: 175,
      ethnicity: 'caucasian',
      birthDate: '1964-06-01',
      assessmentDate: '2025-05-31',
    } as const;
    expect(derivedValues(evaluate('spirometry', { fvcL: 4.2 }, context))['fvcPercentPredicted']).toBeCloseTo(
      91.58682,
      4,
    );
  });

  it('notes missing or unusable context instead of raising a query', () => {
    const noHeight = evaluate(
      'spirometry',
      { fvcL: 4.2 },
      { sex: 'male', ageYears: 60, ethnicity: 'caucasian' },
    );
    expect(noHeight.derived).toEqual({});
    expect(noHeight.warnings).toEqual([]);
    expect(notes(noHeight)).toContain('no height');
    const other = evaluate('spirometry', { fvcL: 4.2 }, { ...male60, ethnicity: 'other' });
    expect(other.derived).toEqual({});
    expect(notes(other)).toContain('ethnicity must be one of');
  });

  it('turns the scorer’s extrapolation warning into a note', () => {
    const result = evaluate('spirometry', { fvcL: 1.2 }, { ...male60, ageYears: 90 });
    expect(result.derived['fvcPercentPredicted']).toBeDefined();
    expect(notes(result)).toContain('extrapolated');
  });
});

describe('vital signs: BMI', () => {
  it('derives weight / height² from the form, else from the context height', () => {
    // 70 / 1.75² = 22.857142857…
    const own = evaluate('vital-signs', VITALS);
    expect(own.derived['bmi']).toEqual({ value: 70 / 1.75 ** 2, algorithm: BMI_ALGORITHM });
    const { heightCm: _omit, ...noHeight } = VITALS;
    const fromContext = evaluate('vital-signs', noHeight, { heightCm: 160 });
    expect(fromContext.derived['bmi']?.value).toBeCloseTo(70 / 1.6 ** 2, 12);
    expect(notes(fromContext)).toContain('context height 160');
    expect(notes(evaluate('vital-signs', noHeight))).toContain('no height');
  });
});

describe('EDSS derivation', () => {
  it('matches the edss README example (V1, BS2, P1, Cb3, S1, BB4, Cer2, Amb1) → 4.0', () => {
    const values = {
      visual: 1,
      brainstem: 2,
      pyramidal: 1,
      cerebellar: 3,
      sensory: 1,
      bowelBladder: 4,
      cerebral: 2,
      ambulation: 1,
    };
    const result = evaluate('edss', values);
    expect(result.derived['edss']).toEqual({ value: 4, algorithm: EDSS_ALGORITHM });
    expect(result.derived['edssRule']?.value).toEqual(expect.any(String));
  });

  it('fixes the step from ambulation ≥ 3 and refuses out-of-range grades', () => {
    const zero = {
      visual: 0,
      brainstem: 0,
      pyramidal: 0,
      cerebellar: 0,
      sensory: 0,
      bowelBladder: 0,
      cerebral: 0,
    };
    expect(evaluate('edss', { ...zero, ambulation: 5 }).derived['edss']?.value).toBe(6);
    const bad = evaluate('edss', { ...zero, visual: 7, ambulation: 0 });
    expect(bad.errors.map((issue) => `${issue.item}:${issue.rule}`)).toEqual(['visual:max']);
    expect(bad.derived).toEqual({});
  });
});

describe('lab derivation: SI value, flag and CTCAE grade', () => {
  const altRange = { test: 'alt', unit: 'U/L', lln: 7, uln: 40 } as const;

  it('converts to SI without touching the entered value, flags against the site range and grades (v5 and v4)', () => {
    // clinical.md §4 vector: ALT 250 U/L, ULN 40, baseline 60 U/L (abnormal) → v5 grade 2 (4.17 × baseline),
    // v4 grade 3 (6.25 × ULN). Baseline is given in SI: 60 U/L = 60/60 µkat/L = 1 µkat/L.
    const entry = { alt: { value: 250, unit: 'U/L' } };
    const context = { labRanges: [altRange], labBaseline: { alt: 1 } };
    const v5 = evaluate('labs', entry, { ...context, ctcaeVersion: 'v5.0' });
    expect(v5.values['alt']).toEqual({ value: 250, unit: 'U/L' });
    // 250 U/L × 1/60 = 4.1667 µkat/L (1 U = 1/60 µkat)
    expect(v5.derived['alt.si']).toEqual({ value: 250 / 60, algorithm: LAB_SI_ALGORITHM });
    expect(v5.derived['alt.flag']).toEqual({ value: 'high', algorithm: LAB_FLAG_ALGORITHM });
    expect(v5.derived['alt.ctcaeGrade']).toEqual({ value: 2, algorithm: ctcaeAlgorithm('v5.0') });
    expect(v5.derived['alt.ctcaeTerm']?.value).toBe('Alanine aminotransferase increased');
    const v4 = evaluate('labs', entry, { ...context, ctcaeVersion: 'v4.0' });
    expect(v4.derived['alt.ctcaeGrade']?.value).toBe(3);
  });

  it('grades a value entered in another unit than the site range the same way', () => {
    // 100 U/L = 1.6667 µkat/L, ULN 40 U/L, baseline 30 U/L (0.5 µkat/L, normal) → v5 grade 1 (2.5 × ULN)
    const context = { labRanges: [altRange], labBaseline: { alt: 0.5 }, ctcaeVersion: 'v5.0' } as const;
    const inSi = evaluate('labs', { alt: { value: 100 / 60, unit: 'ukat/L' } }, context);
    expect(inSi.derived['alt.ctcaeGrade']?.value).toBe(1);
    expect(inSi.derived['alt.flag']?.value).toBe('high');
  });

  it('picks the sex-specific range and converts conventional units (creatinine mg/dL → µmol/L)', () => {
    const ranges = [
      { test: 'creatinine', unit: 'umol/L', lln: 45, uln: 84, sex: 'female' },
      { test: 'creatinine', unit: 'umol/L', lln: 59, uln: 104, sex: 'male' },
    ] as const;
    // 1.0 mg/dL × 10 dL/L / 113.12 g/mol × 1000 = 88.4 µmol/L (molar mass of creatinine, catalogue)
    const female = evaluate(
      'labs',
      { creatinine: { value: 1.0, unit: 'mg/dL' } },
      { sex: 'female', labRanges: ranges },
    );
    expect(female.derived['creatinine.si']?.value).toBeCloseTo(88.4, 1);
    expect(female.derived['creatinine.flag']?.value).toBe('high');
    const male = evaluate(
      'labs',
      { creatinine: { value: 1.0, unit: 'mg/dL' } },
      { sex: 'male', labRanges: ranges },
    );
    expect(male.derived['creatinine.flag']?.value).toBe('normal');
  });

  it('notes what is missing from the context: no ranges, no CTCAE version, no matching range', () => {
    const bare = evaluate('labs', { alt: { value: 30, unit: 'U/L' } });
    expect(bare.derived['alt.si']).toBeDefined();
    expect(bare.derived).not.toHaveProperty('alt.flag');
    expect(bare.derived).not.toHaveProperty('alt.ctcaeGrade');
    expect(notes(bare)).toContain('no site reference ranges');
    expect(notes(bare)).toContain('no CTCAE version');
    const other = evaluate(
      'labs',
      { ast: { value: 30, unit: 'U/L' } },
      { labRanges: [altRange], ctcaeVersion: 'v5.0' },
    );
    expect(notes(other)).toContain('no reference range for ast');
    expect(other.warnings).toEqual([]);
  });

  it('ignores an unusable site range (unit not of the test) for both flag and grade', () => {
    const badRange: LabReferenceRange = { test: 'alt', unit: 'mg/dL', uln: 40 };
    const result = evaluate(
      'labs',
      { alt: { value: 250, unit: 'U/L' } },
      { labRanges: [badRange], ctcaeVersion: 'v5.0' },
    );
    expect(result.derived['alt.si']).toBeDefined();
    expect(result.derived).not.toHaveProperty('alt.flag');
    expect(result.derived).not.toHaveProperty('alt.ctcaeGrade');
    expect(notes(result)).toContain('unusable site range');
    expect(notes(result)).toContain('alt not graded');
  });

  it('derives nothing for a lab value with an error', () => {
    const result = evaluate(
      'labs',
      { alt: { value: 30, unit: 'mg/dL' } },
      { labRanges: [altRange], ctcaeVersion: 'v5.0' },
    );
    expect(result.derived).toEqual({});
  });
});
