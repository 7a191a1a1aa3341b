import { describe, expect, it } from 'vitest';
import { gradeLabTest, gradeLabValue, type LabGradeOutcome } from './ctcae-grading.js';

/** Behaviour of the grading API around the golden thresholds (sources: clinical.md §4, admiral JSON). */

function graded(outcome: ReturnType<typeof gradeLabValue>): Extract<LabGradeOutcome, { kind: 'graded' }> {
  if (outcome.kind !== 'graded') {
    throw new Error(`expected a grade, got ${JSON.stringify(outcome)}`);
  }
  return outcome;
}

describe('clinical.md §4 test vectors (SI)', () => {
  it('ALT 100 U/L, ULN 40, baseline 30 (normal) → v5 grade 1 (2.5×ULN), v4 grade 1', () => {
    const input = {
      term: 'Alanine aminotransferase increased',
      value: 100,
      unit: 'U/L',
      uln: 40,
      baseline: 30,
    } as const;
    expect(graded(gradeLabValue({ version: 'v5.0', ...input })).grade).toBe(1);
    expect(graded(gradeLabValue({ version: 'v4.0', ...input })).grade).toBe(1);
  });

  it('ALT 80, ULN 40, baseline 60 (abnormal) → v5 grade 0 (1.33×baseline < 1.5), v4 grade 1', () => {
    const input = { test: 'alt', value: 80, unit: 'U/L', uln: 40, baseline: 60 } as const;
    const v5 = graded(gradeLabValue({ version: 'v5.0', ...input }));
    expect(v5).toMatchObject({ grade: 0, baseline: 'abnormal', threshold: null, publishedText: null });
    expect(v5.notes.join(' ')).toContain('abnormal baseline');
    expect(graded(gradeLabValue({ version: 'v4.0', ...input })).grade).toBe(1);
  });

  it('ALT 250, ULN 40, baseline 60 → v5 grade 2 (4.17×baseline), v4 grade 3 (6.25×ULN)', () => {
    const input = { test: 'alt', value: 250, unit: 'U/L', uln: 40, baseline: 60 } as const;
    const v5 = graded(gradeLabValue({ version: 'v5.0', ...input }));
    expect(v5.grade).toBe(2);
    expect(v5.threshold).toMatchObject({
      grade: 2,
      comparator: '>',
      clause: '> 3 × baseline',
      value: 180,
      unit: 'U/L',
    });
    expect(v5.rule).toBe('grade 2: > 3 × baseline (250 > 180 U/L)');
    expect(v5.publishedText).toBe(
      '>3.0 - 5.0 x ULN if baseline was normal; >3.0 - 5.0 x baseline if baseline was abnormal',
    );
    expect(graded(gradeLabValue({ version: 'v4.0', ...input })).grade).toBe(3);
  });

  it('neutrophils 0.9 → 3; platelets 74 → 2; Hgb 95 g/L (LLN 130) → 2', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'neutrophils', value: 0.9, unit: '10*9/L', lln: 1.8 }))
        .grade,
    ).toBe(3);
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'platelets', value: 74, unit: '10*9/L', lln: 150 }))
        .grade,
    ).toBe(2);
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Anemia', value: 95, unit: 'g/L', lln: 130 })).grade,
    ).toBe(2);
  });

  it('Na 127 → v5 grade 2 lab-only (asymptomatic assumed), 3 worst case; v4 grade 3', () => {
    const input = { term: 'Hyponatremia', value: 127, unit: 'mmol/L', lln: 135 } as const;
    const labOnly = graded(gradeLabValue({ version: 'v5.0', ...input }));
    expect(labOnly).toMatchObject({ grade: 2, convention: 'lab-only' });
    expect(labOnly.threshold?.assumption).toBe('asymptomatic (lab-only)');
    expect(labOnly.rule).toContain('assumed asymptomatic');
    expect(graded(gradeLabValue({ version: 'v5.0', ...input, convention: 'worst-case' }))).toMatchObject({
      grade: 3,
      convention: 'worst-case',
    });
    expect(graded(gradeLabValue({ version: 'v4.0', ...input })).grade).toBe(3);
  });

  it('creatinine 1.6×baseline but < 1.5×ULN → v5 grade 2 (baseline clause), v4 grade 2', () => {
    const input = {
      term: 'Creatinine increased',
      value: 96,
      unit: 'umol/L',
      uln: 100,
      baseline: 60,
    } as const;
    const v5 = graded(gradeLabValue({ version: 'v5.0', ...input }));
    expect(v5).toMatchObject({ grade: 2, baseline: 'used' });
    expect(v5.threshold?.clause).toBe('> 1.5 × baseline');
    expect(graded(gradeLabValue({ version: 'v4.0', ...input })).grade).toBe(2);
  });
});

describe('SI and conventional inputs give the same grade (thresholds compared in the SI unit)', () => {
  it('creatinine mg/dL vs µmol/L (88.4 µmol/L per mg/dL)', () => {
    // 3.5 mg/dL with ULN 1.1 mg/dL = 3.18×ULN → grade 3 in both units (v5 >3.0-6.0×ULN).
    const conventional = gradeLabValue({
      version: 'v5.0',
      test: 'creatinine',
      value: 3.5,
      unit: 'mg/dL',
      uln: 1.1,
    });
    const factor = 10000 / 113.12;
    const si = gradeLabValue({
      version: 'v5.0',
      test: 'creatinine',
      value: 3.5 * factor,
      unit: 'umol/L',
      uln: 1.1 * factor,
    });
    expect(graded(conventional).grade).toBe(3);
    expect(graded(si).grade).toBe(3);
    expect(graded(conventional).gradedValue).toBeCloseTo(309.406, 3);
  });

  it('haemoglobin 10.0 g/dL = 100 g/L → grade 1; 7.99 g/dL → grade 3', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Anemia', value: 10, unit: 'g/dL', lln: 13 })).grade,
    ).toBe(1);
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Anemia', value: 9.99, unit: 'g/dL', lln: 13 })).grade,
    ).toBe(2);
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Anemia', value: 7.99, unit: 'g/dL', lln: 13 })).grade,
    ).toBe(3);
  });

  it('platelets and neutrophils in cells/µL (= /mm³): 75,000 → 1, 74,999 → 2; ANC 1,500 → 1, 999 → 3', () => {
    const platelets = (value: number) =>
      graded(gradeLabValue({ version: 'v5.0', test: 'platelets', value, unit: '/uL', lln: 150000 })).grade;
    expect(platelets(75000)).toBe(1);
    expect(platelets(74999)).toBe(2);
    const anc = (value: number) =>
      graded(gradeLabValue({ version: 'v4.0', test: 'neutrophils', value, unit: '/mm3', lln: 1800 })).grade;
    expect(anc(1500)).toBe(1);
    expect(anc(999)).toBe(3);
  });

  it('ALT in µkat/L grades like U/L (ratio to ULN is unit-free)', () => {
    const ukat = gradeLabValue({
      version: 'v5.0',
      test: 'alt',
      value: 250 / 60,
      unit: 'ukat/L',
      uln: 40 / 60,
      baseline: 1,
    });
    expect(graded(ukat)).toMatchObject({ grade: 2, baseline: 'abnormal' });
  });

  it('potassium in mEq/L equals mmol/L: 6.0 mEq/L → grade 2, 6.01 → grade 3', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Hyperkalemia', value: 6, unit: 'mEq/L', uln: 5.1 }))
        .grade,
    ).toBe(2);
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Hyperkalemia', value: 6.01, unit: 'meq/L', uln: 5.1 }))
        .grade,
    ).toBe(3);
  });

  it('glucose converted exactly at the threshold: 3.0 mmol/L in mg/dL is not < 3.0 (15 significant digits)', () => {
    const mgDl = (3 * 180.156) / 10; // 54.0468 mg/dL
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'glucose', value: mgDl, unit: 'mg/dL', lln: 70 })).grade,
    ).toBe(1);
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'glucose', value: 54, unit: 'mg/dL', lln: 70 })).grade,
    ).toBe(2);
  });
});

describe('float artefacts do not move a value across a boundary', () => {
  it('value 0.3 with ULN 0.1 is not > 3 × ULN (0.30000000000000004)', () => {
    const outcome = graded(
      gradeLabValue({ version: 'v4.0', test: 'alt', value: 0.3, unit: 'ukat/L', uln: 0.1 }),
    );
    expect(outcome.grade).toBe(1);
  });

  it('a value at 5 × baseline within float noise grades the same in U/L and µkat/L (fast-check counterexample)', () => {
    const input = { version: 'v5.0', test: 'ast', uln: 0.02, lln: 0.01 } as const;
    const baseline = 999.9999999999991;
    const value = 4999.999999999995;
    const inUl = graded(gradeLabValue({ ...input, value, baseline, unit: 'U/L' }));
    const inUkat = graded(
      gradeLabValue({
        ...input,
        value: value / 60,
        baseline: baseline / 60,
        uln: 0.02 / 60,
        lln: 0.01 / 60,
        unit: 'ukat/L',
      }),
    );
    expect(inUl.grade).toBe(2);
    expect(inUkat.grade).toBe(2);
  });
});

describe('documented choices (docs/methods/lab-grading.md)', () => {
  it('absolute thresholds apply whatever the site range: ANC 1.45 with LLN 1.4 is grade 2 (< 1.5)', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'neutrophils', value: 1.45, unit: '10*9/L', lln: 1.4 }))
        .grade,
    ).toBe(2);
  });

  it('thresholds are compared in SI: glucose 54.5 mg/dL = 3.025 mmol/L is grade 1 (CTCAE mg/dL column would say 2)', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'glucose', value: 54.5, unit: 'mg/dL', lln: 70 })).grade,
    ).toBe(1);
  });

  it('v5 hyponatremia bands are continuous: 129.5 mmol/L is grade 2 lab-only, 3 worst case', () => {
    const input = { version: 'v5.0', term: 'Hyponatremia', value: 129.5, unit: 'mmol/L', lln: 135 } as const;
    expect(graded(gradeLabValue(input)).grade).toBe(2);
    expect(graded(gradeLabValue({ ...input, convention: 'worst-case' })).grade).toBe(3);
  });

  it('haemoglobin in mmol/L converts exactly: 6.2 mmol/L = 99.91 g/L is grade 2 (< 100 g/L)', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', term: 'Anemia', value: 6.2, unit: 'mmol/L', lln: 8 })).grade,
    ).toBe(2);
  });
});

describe('missing limits', () => {
  it('absolute grades still apply without LLN; grade 1 then is not gradable (admiral)', () => {
    expect(
      graded(gradeLabValue({ version: 'v5.0', test: 'neutrophils', value: 0.9, unit: '10*9/L' })).grade,
    ).toBe(3);
    const outcome = gradeLabValue({ version: 'v5.0', test: 'neutrophils', value: 1.6, unit: '10*9/L' });
    expect(outcome).toMatchObject({
      kind: 'not-gradable',
      term: 'Neutrophil count decreased',
      missing: ['lln'],
    });
    expect(outcome.kind === 'not-gradable' ? outcome.reason : '').toContain('LLN not given');
  });

  it('ULN-relative terms without ULN are not gradable', () => {
    expect(gradeLabValue({ version: 'v5.0', test: 'ck', value: 5000, unit: 'U/L' })).toMatchObject({
      kind: 'not-gradable',
      missing: ['uln'],
    });
  });

  it('v5 liver rule without baseline: graded on ULN as baseline-normal, and says so', () => {
    const outcome = graded(gradeLabValue({ version: 'v5.0', test: 'alt', value: 90, unit: 'U/L', uln: 40 }));
    expect(outcome).toMatchObject({ grade: 1, baseline: 'not-supplied' });
    expect(outcome.notes.join(' ')).toContain('as if the baseline were normal');
  });

  it('v5 liver rule without baseline under missingBaseline "not-gradable"', () => {
    const outcome = gradeLabValue({
      version: 'v5.0',
      test: 'alt',
      value: 90,
      unit: 'U/L',
      uln: 40,
      missingBaseline: 'not-gradable',
    });
    expect(outcome).toMatchObject({ kind: 'not-gradable', missing: ['baseline'] });
  });

  it('creatinine v5 without baseline lists the baseline clauses it could not evaluate', () => {
    const outcome = graded(
      gradeLabValue({ version: 'v5.0', test: 'creatinine', value: 120, unit: 'umol/L', uln: 100 }),
    );
    expect(outcome).toMatchObject({ grade: 1, baseline: 'not-supplied' });
    expect(outcome.notes.filter((note) => note.includes('not evaluated'))).toHaveLength(2);
  });
});

describe('term and test resolution, and bad input', () => {
  it('a test with two terms needs the term; gradeLabTest grades both', () => {
    expect(
      gradeLabValue({ version: 'v5.0', test: 'potassium', value: 2.8, unit: 'mmol/L', lln: 3.5, uln: 5.1 }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'term', rule: 'one-rule' }],
    });
    const both = gradeLabTest({
      version: 'v5.0',
      test: 'potassium',
      value: 2.8,
      unit: 'mmol/L',
      lln: 3.5,
      uln: 5.1,
    });
    expect(
      both.kind === 'ok' ? both.results.map((r) => [r.term, r.kind === 'graded' ? r.grade : r.kind]) : both,
    ).toEqual([
      ['Hypokalemia', 3],
      ['Hyperkalemia', 0],
    ]);
    expect(both.kind === 'ok' ? both.highest?.term : undefined).toBe('Hypokalemia');
  });

  it('a term graded from two tests (calcium) needs the test', () => {
    expect(
      gradeLabValue({ version: 'v5.0', term: 'Hypocalcemia', value: 1.9, unit: 'mmol/L', lln: 2.1 }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'test', rule: 'one-rule' }],
    });
    const ionized = gradeLabValue({
      version: 'v5.0',
      term: 'Hypocalcemia',
      test: 'calcium-ionized',
      value: 0.95,
      unit: 'mmol/L',
      lln: 1.1,
    });
    expect(graded(ionized).grade).toBe(2);
  });

  it('total (uncorrected) calcium is not graded, with the reason', () => {
    expect(
      gradeLabValue({ version: 'v5.0', test: 'calcium', value: 1.9, unit: 'mmol/L', lln: 2.1 }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'test', rule: 'graded-test' }],
    });
    const all = gradeLabTest({ version: 'v5.0', test: 'calcium', value: 1.9, unit: 'mmol/L' });
    expect(all).toMatchObject({ kind: 'ok', results: [] });
    expect(all.kind === 'ok' ? all.note : '').toContain('calcium-corrected');
  });

  it('unit mismatch names the test and the unit', () => {
    const outcome = gradeLabValue({ version: 'v5.0', test: 'creatinine', value: 1, unit: 'g/L', uln: 1.2 });
    expect(outcome).toMatchObject({ kind: 'invalid', problems: [{ path: 'unit', rule: 'unit-of-test' }] });
    expect(outcome.kind === 'invalid' ? outcome.problems[0]?.message : '').toBe(
      'unit mismatch: test creatinine is not reported in g/L (accepted: umol/L, mg/dL)',
    );
    expect(
      gradeLabValue({ version: 'v5.0', test: 'alt', value: 1, unit: 'furlongs', uln: 40 }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'unit', rule: 'known-unit' }],
    });
  });

  it('rejects negative or non-finite numbers, LLN above ULN, unknown version/term/test', () => {
    expect(gradeLabValue({ version: 'v5.0', test: 'alt', value: -1, unit: 'U/L', uln: 0 })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'value' }, { path: 'uln', rule: 'positive-number' }],
    });
    expect(
      gradeLabValue({
        version: 'v5.0',
        test: 'sodium',
        term: 'Hyponatremia',
        value: 130,
        unit: 'mmol/L',
        lln: 150,
        uln: 140,
      }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'lln', rule: 'lln-not-above-uln' }],
    });
    const bad = { version: 'v3.0', test: 'alt', value: 1, unit: 'U/L' } as unknown as Parameters<
      typeof gradeLabValue
    >[0];
    expect(gradeLabValue(bad)).toMatchObject({ kind: 'invalid', problems: [{ path: 'version' }] });
    expect(gradeLabValue({ version: 'v5.0', test: 'unobtainium', value: 1, unit: 'U/L' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'test', rule: 'known-test' }],
    });
    expect(gradeLabValue({ version: 'v5.0', value: 1, unit: 'U/L' })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'term', rule: 'term-or-test' }],
    });
  });
});
