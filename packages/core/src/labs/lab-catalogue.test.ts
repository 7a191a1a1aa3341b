import { describe, expect, it } from 'vitest';
import { CTCAE_LAB_RULES, findCtcaeLabRules } from './ctcae-rules.js';
import { CTCAE_LAB_TERMS } from './ctcae-terms.js';
import { findLabTest, findTestUnit, LAB_TESTS } from './lab-catalogue.js';

describe('laboratory catalogue', () => {
  it('codes are unique; SI and conventional units are units of the test, SI with factor 1', () => {
    const codes = LAB_TESTS.map((test) => test.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const test of LAB_TESTS) {
      if (test.kind === 'quantitative') {
        expect(findTestUnit(test, test.siUnit)?.toSi, test.code).toBe(1);
        expect(findTestUnit(test, test.conventionalUnit), test.code).toBeDefined();
        expect(new Set(test.units.map((u) => u.unit)).size, test.code).toBe(test.units.length);
      }
    }
  });

  it('covers CBC with differential, chemistry and serology as issue 5 lists', () => {
    for (const code of [
      'hemoglobin',
      'wbc',
      'neutrophils',
      'lymphocytes',
      'platelets',
      'sodium',
      'potassium',
      'creatinine',
      'alt',
      'ast',
      'bilirubin-total',
      'albumin',
      'hbsag',
      'anti-hcv',
      'hiv-ag-ab',
    ]) {
      expect(findLabTest(code), code).toBeDefined();
    }
  });

  it("each test's CTCAE terms are exactly the terms its rules grade, in both versions", () => {
    for (const version of ['v5.0', 'v4.0'] as const) {
      for (const test of LAB_TESTS) {
        const graded = findCtcaeLabRules({ version, test: test.code }).map((rule) => rule.term);
        expect([...new Set(graded)].sort(), `${version} ${test.code}`).toEqual([...test.ctcaeTerms].sort());
      }
    }
  });

  it('every rule names a catalogued test and is written in one of its units; every term has a rule per version', () => {
    for (const rule of CTCAE_LAB_RULES) {
      const test = findLabTest(rule.test);
      expect(test?.kind, `${rule.term} ${rule.test}`).toBe('quantitative');
      expect(
        test?.kind === 'quantitative' ? findTestUnit(test, rule.unit) : undefined,
        rule.term,
      ).toBeDefined();
    }
    for (const version of ['v5.0', 'v4.0'] as const) {
      const terms = new Set(findCtcaeLabRules({ version }).map((rule) => rule.term));
      expect([...terms].sort()).toEqual([...CTCAE_LAB_TERMS].sort());
    }
  });

  it('keeps the published CTCAE wording (admiral transcription)', () => {
    const [altV5] = findCtcaeLabRules({ version: 'v5.0', term: 'Alanine aminotransferase increased' });
    expect(altV5?.grades[1]).toBe(
      '>ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal',
    );
    const [biliV5] = findCtcaeLabRules({ version: 'v5.0', term: 'Blood bilirubin increased' });
    expect(biliV5?.grades[1]).toBe(
      '>ULN - 1.5 x ULN if baseline was normal; > 1.0 - 1.5 x baseline if baseline was abnormal',
    );
    const [alpV5] = findCtcaeLabRules({ version: 'v5.0', term: 'Alkaline phosphatase increased' });
    expect(alpV5?.grades[4]).toBe(
      '>20.0 x ULN if baseline was normal; >20.0 x baseline if baseline was abnormal',
    );
    const [alpV4] = findCtcaeLabRules({ version: 'v4.0', term: 'Alkaline phosphatase increased' });
    expect(alpV4?.grades[2]).toBe('>2.5 - 5.0 x ULN');
  });
});
