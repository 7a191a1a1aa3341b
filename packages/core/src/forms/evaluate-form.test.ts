import { describe, expect, it } from 'vitest';
import { ALSFRS_ALL_NORMAL, VITALS, errorsOf, evaluate, warningsOf } from './form-test-helpers.js';

describe('item types', () => {
  it('accepts a complete valid entry unchanged and marks it complete', () => {
    const result = evaluate('vital-signs', VITALS);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.values).toEqual(VITALS);
    expect(result.complete).toBe(true);
  });

  it('refuses wrong JSON types, naming the item and the rule (no parsing of text)', () => {
    const result = evaluate('vital-signs', { ...VITALS, heartRate: '72', temperatureC: Number.NaN });
    expect(errorsOf(result)).toEqual(['heartRate:finite-number', 'temperatureC:finite-number']);
    expect(result.values).not.toHaveProperty('heartRate');
    expect(result.complete).toBe(false);
    expect(evaluate('survival-status', { tracheostomy: 'yes' }).errors[0]).toMatchObject({
      item: 'tracheostomy',
      rule: 'boolean',
    });
    expect(errorsOf(evaluate('con-meds', { medication: 12 }))).toEqual(['medication:text']);
  });

  it('refuses a fraction for an integer item and a value outside the coded choices', () => {
    expect(errorsOf(evaluate('vital-signs', { heartRate: 72.5 }))).toEqual(['heartRate:integer']);
    expect(errorsOf(evaluate('alsfrs-r', { q1: 5 }))).toEqual(['q1:one-of']);
    expect(errorsOf(evaluate('demographics', { sex: 'M' }))).toEqual(['sex:one-of']);
    expect(errorsOf(evaluate('adverse-events', { grade: '3' }))).toEqual(['grade:finite-number']);
  });

  it('refuses malformed, impossible and out-of-era dates and datetimes', () => {
    const dates = evaluate('con-meds', { startDate: '2025-02-30' });
    expect(errorsOf(dates)).toEqual(['startDate:real-date']);
    expect(dates.errors[0]?.message).toContain('2025-02-30');
    expect(errorsOf(evaluate('con-meds', { startDate: '01/02/2025' }))).toEqual(['startDate:iso-date']);
    expect(errorsOf(evaluate('con-meds', { startDate: '0202-01-01' }))).toEqual(['startDate:year-range']);
    expect(errorsOf(evaluate('con-meds', { startDate: 20250101 }))).toEqual(['startDate:iso-date']);
    expect(errorsOf(evaluate('dosing', { administeredAt: '2025-03-01T24:10' }))).toEqual([
      'administeredAt:real-date',
    ]);
    expect(errorsOf(evaluate('dosing', { administeredAt: '2025-03-01 10:10' }))).toEqual([
      'administeredAt:iso-datetime',
    ]);
    expect(evaluate('dosing', { administeredAt: '2024-02-29T09:05:30' }).errors).toEqual([]);
  });

  it('treats null, undefined and blank text as no value (missing, not an error)', () => {
    const result = evaluate('vital-signs', { ...VITALS, heartRate: null, weightKg: undefined });
    expect(result.errors).toEqual([]);
    expect(result.missing).toEqual(['heartRate', 'weightKg']);
    expect(evaluate('con-meds', { medication: '   ' }).missing).toContain('medication');
  });
});

describe('limits and decimals (never rounded)', () => {
  it('refuses values beyond the hard limits', () => {
    expect(errorsOf(evaluate('vital-signs', { heartRate: 300, systolicBp: 30 }))).toEqual([
      'heartRate:max',
      'systolicBp:min',
    ]);
    const issue = evaluate('vital-signs', { heartRate: 300 }).errors[0];
    expect(issue?.message).toContain('≤ 250 beats/min');
  });

  it('refuses more decimals than the item takes instead of rounding', () => {
    const result = evaluate('vital-signs', { ...VITALS, temperatureC: 36.65 });
    expect(errorsOf(result)).toEqual(['temperatureC:decimals']);
    expect(result.values).not.toHaveProperty('temperatureC');
    expect(evaluate('spirometry', { fvcL: 3.456 }).errors[0]?.rule).toBe('decimals');
  });

  it('keeps accepted decimals exactly as entered', () => {
    const result = evaluate('spirometry', { fvcL: 3.1, fev1L: 2.45 });
    expect(result.values).toEqual({ fvcL: 3.1, fev1L: 2.45 });
  });
});

describe('lab quantities', () => {
  it('accepts any catalogue unit of the test and normalises report spellings to the UCUM code, keeping the number', () => {
    const result = evaluate('labs', {
      alt: { value: 41, unit: 'IU/L' },
      creatinine: { value: 0.93, unit: 'mg/dl' },
      hemoglobin: { value: 13.2, unit: 'g/dL' },
    });
    expect(result.errors).toEqual([]);
    expect(result.values).toMatchObject({
      alt: { value: 41, unit: 'U/L' },
      creatinine: { value: 0.93, unit: 'mg/dL' },
      hemoglobin: { value: 13.2, unit: 'g/dL' },
    });
  });

  it('refuses a unit that is not the test’s, an unknown unit, a negative value and a bare number', () => {
    const result = evaluate('labs', {
      alt: { value: 41, unit: 'mg/dL' },
      ast: { value: 30, unit: 'furlongs' },
      sodium: { value: -1, unit: 'mmol/L' },
      potassium: 4.1,
      platelets: { value: 250, unit: '10*9/L', flag: 'H' },
    });
    expect(errorsOf(result)).toEqual([
      'platelets:quantity',
      'sodium:non-negative-number',
      'potassium:quantity',
      'alt:unit-of-test',
      'ast:known-unit',
    ]);
    expect(result.errors.find((issue) => issue.item === 'alt')?.message).toContain('accepted: ukat/L, U/L');
  });

  it('accepts qualitative serology results from the catalogue only', () => {
    expect(evaluate('viral-serology', { hbsag: 'negative', 'anti-hcv': 'indeterminate' }).errors).toEqual([]);
    expect(errorsOf(evaluate('viral-serology', { hbsag: 'reactive' }))).toEqual(['hbsag:one-of']);
  });
});

describe('unknown items', () => {
  it('refuses ids the form does not have and suggests the closest one', () => {
    const result = evaluate('vital-signs', { ...VITALS, heartrate: 70, pulseOximetry: 98 });
    expect(errorsOf(result)).toEqual(['heartrate:unknown-item', 'pulseOximetry:unknown-item']);
    expect(result.errors[0]?.message).toContain("did you mean 'heartRate'");
    expect(result.errors[1]?.message).not.toContain('did you mean');
  });

  it('does not treat inherited object properties as items', () => {
    const result = evaluate(
      'vital-signs',
      JSON.parse('{"__proto__": 1, "constructor": 2}') as Record<string, unknown>,
    );
    expect(errorsOf(result)).toEqual(['__proto__:unknown-item', 'constructor:unknown-item']);
  });
});

describe('skip logic', () => {
  it('shows q5a without gastrostomy and q5b with one; a value for the hidden variant is an error', () => {
    expect(evaluate('alsfrs-r', ALSFRS_ALL_NORMAL).complete).toBe(true);
    const withTube = { ...ALSFRS_ALL_NORMAL, gastrostomy: true };
    const result = evaluate('alsfrs-r', withTube);
    expect(errorsOf(result)).toEqual(['q5a:hidden-item']);
    expect(result.errors[0]?.message).toContain('gastrostomy = false');
    expect(result.missing).toEqual(['q5b']);
  });

  it('reports 5a and 5b both given as an error of its own', () => {
    const result = evaluate('alsfrs-r', { ...ALSFRS_ALL_NORMAL, q5b: 3 });
    expect(errorsOf(result)).toEqual(['q5b:hidden-item', 'q5b:one-of-5a-5b']);
    expect(result.errors[1]?.items).toEqual(['q5b', 'q5a']);
  });

  it('hides an item while its controlling item is unanswered, and requires it once shown', () => {
    const base = { medication: 'riluzole', indication: 'ALS', startDate: '2024-01-10' };
    expect(evaluate('con-meds', base).missing).toEqual(['ongoing']);
    expect(evaluate('con-meds', { ...base, ongoing: false }).missing).toEqual(['endDate']);
    expect(evaluate('con-meds', { ...base, ongoing: true }).complete).toBe(true);
    expect(errorsOf(evaluate('con-meds', { ...base, ongoing: true, endDate: '2024-03-01' }))).toEqual([
      'endDate:hidden-item',
    ]);
  });

  it('follows chains: a hidden controlling item hides what it controls', () => {
    const result = evaluate('mri', { performed: false, contrastGiven: true, gdEnhancingLesions: 2 });
    expect(errorsOf(result)).toEqual(['contrastGiven:hidden-item', 'gdEnhancingLesions:hidden-item']);
    expect(result.missing).toEqual(['notDoneReason']);
  });

  it('evaluates any-of conditions', () => {
    const base = { performed: true, heartRate: 70, qtcfMs: 420 };
    expect(evaluate('ecg', { ...base, interpretation: 'normal' }).complete).toBe(true);
    expect(evaluate('ecg', { ...base, interpretation: 'abnormal-ncs' }).missing).toEqual([
      'abnormalityDetails',
    ]);
    expect(evaluate('ecg', { ...base, interpretation: 'abnormal-cs' }).missing).toEqual([
      'abnormalityDetails',
    ]);
  });
});

describe('partial entries', () => {
  it('lists required shown items without a value as missing, never as errors', () => {
    const result = evaluate('alsfrs-r', { gastrostomy: false, q1: 3 });
    expect(result.errors).toEqual([]);
    expect(result.missing).toEqual(['q2', 'q3', 'q4', 'q5a', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12']);
    expect(result.complete).toBe(false);
    expect(result.derived).toEqual({});
  });

  it('an empty entry has no errors', () => {
    const result = evaluate('labs', {});
    expect(result.errors).toEqual([]);
    expect(result.missing).toContain('collectionDate');
  });
});

describe('cross-field checks', () => {
  it('warns when diastolic is not below systolic (a typo is likelier than a measurement)', () => {
    const result = evaluate('vital-signs', { ...VITALS, systolicBp: 90, diastolicBp: 95 });
    expect(result.errors).toEqual([]);
    expect(warningsOf(result)).toEqual(['diastolicBp:diastolic-below-systolic']);
    expect(result.warnings[0]).toMatchObject({
      check: 'diastolic-below-systolic',
      items: ['diastolicBp', 'systolicBp'],
    });
    expect(result.warnings[0]?.message).toContain('diastolicBp = 95, systolicBp = 90');
    expect(result.complete).toBe(true);
  });

  it('raises physiologic plausibility warnings inside the hard limits', () => {
    const result = evaluate('vital-signs', { ...VITALS, heartRate: 190, temperatureC: 41.5 });
    expect(warningsOf(result)).toEqual(['heartRate:heartRate-high', 'temperatureC:temperatureC-high']);
    expect(warningsOf(evaluate('vital-signs', { ...VITALS, heartRate: 180, temperatureC: 41 }))).toEqual([]);
  });

  it('refuses a con-med end date before its start date', () => {
    const entry = { medication: 'x', indication: 'y', startDate: '2024-05-02', ongoing: false };
    expect(errorsOf(evaluate('con-meds', { ...entry, endDate: '2024-05-01' }))).toEqual([
      'endDate:end-not-before-start',
    ]);
    expect(evaluate('con-meds', { ...entry, endDate: '2024-05-02' }).errors).toEqual([]);
  });

  it('checks survival dates against each other (errors) and the visit date (warnings)', () => {
    const entry = {
      vitalStatus: 'dead',
      deathDate: '2025-01-10',
      tracheostomy: true,
      tracheostomyDate: '2025-02-01',
      permanentVentilation: false,
    };
    const result = evaluate('survival-status', entry, { assessmentDate: '2025-01-20' });
    expect(errorsOf(result)).toEqual(['deathDate:death-not-before-tracheostomy']);
    expect(warningsOf(result)).toEqual(['tracheostomyDate:tracheostomyDate-not-after-visit']);
    expect(evaluate('survival-status', { ...entry, tracheostomyDate: '2024-12-01' }).errors).toEqual([]);
  });

  it('skips context comparisons when the context lacks the value', () => {
    const entry = {
      vitalStatus: 'dead',
      deathDate: '2030-01-10',
      tracheostomy: false,
      permanentVentilation: false,
    };
    expect(evaluate('survival-status', entry).warnings).toEqual([]);
    expect(warningsOf(evaluate('survival-status', entry, { assessmentDate: '2029-12-01' }))).toEqual([
      'deathDate:deathDate-not-after-visit',
    ]);
  });

  it('warns when FEV1 exceeds FVC and lists all volumes as missing when none is entered', () => {
    expect(warningsOf(evaluate('spirometry', { fvcL: 3.0, fev1L: 3.2 }))).toEqual([
      'fev1L:fev1-not-above-fvc',
    ]);
    const empty = evaluate('spirometry', { position: 'seated' });
    expect(empty.errors).toEqual([]);
    expect(empty.missing).toEqual(['fvcL', 'fev1L', 'svcL']);
    expect(evaluate('spirometry', { svcL: 2.5 }).complete).toBe(true);
  });

  it('compares a datetime with the visit date by calendar day and warns when doses differ', () => {
    const entry = {
      administeredAt: '2025-03-04T10:30',
      plannedDose: 1e6,
      actualDose: 1e6,
      doseUnit: 'cells/kg',
      lot: 'L-01',
      route: 'intrathecal',
      administeredBy: 'Dr A',
    };
    expect(evaluate('dosing', entry, { assessmentDate: '2025-03-04' }).warnings).toEqual([]);
    const late = evaluate('dosing', { ...entry, actualDose: 0.8e6 }, { assessmentDate: '2025-03-03' });
    expect(warningsOf(late)).toEqual([
      'actualDose:actual-dose-differs',
      'administeredAt:administered-on-visit-date',
    ]);
  });

  it('runs a compare only when both sides have valid values', () => {
    const result = evaluate('vital-signs', { systolicBp: 'high', diastolicBp: 95 });
    expect(errorsOf(result)).toEqual(['systolicBp:finite-number']);
    expect(result.warnings).toEqual([]);
  });
});
