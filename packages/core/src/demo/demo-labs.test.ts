import { describe, expect, it } from 'vitest';
import { findLabTest } from '../labs/lab-catalogue.js';
import { gradeLabTest } from '../labs/ctcae-grading.js';
import { validateReferenceRange } from '../labs/reference-ranges.js';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import { createSeededRng } from '../random/rng.js';
import {
  DEMO_LAB_OUT_OF_RANGE_RATE,
  DEMO_LAB_PANEL,
  DEMO_LAB_REFERENCE_RANGES,
  demoLabRange,
  labValuesAt,
} from './demo-labs.js';
import { generateDemoParticipants } from './generate-demo-participants.js';

describe('demo lab panel', () => {
  it('uses catalogue codes and units, and valid reference ranges', () => {
    for (const spec of DEMO_LAB_PANEL) {
      const test = findLabTest(spec.code);
      expect(test?.kind).toBe('quantitative');
      expect(test?.kind === 'quantitative' ? test.units.map((u) => u.unit) : []).toContain(spec.unit);
    }
    for (const range of DEMO_LAB_REFERENCE_RANGES) {
      expect(validateReferenceRange(range)).toEqual([]);
    }
  });

  const result = generateDemoParticipants(protocolFixture(), {
    count: 300,
    rng: createSeededRng('labs'),
    today: '2026-06-01',
    screenFailureRate: 0,
  });
  const participants = result.kind === 'ok' ? result.participants : [];
  const results = participants.flatMap((p) =>
    [0, 30, 91, 183, 274, 365].flatMap((days) =>
      Object.entries(labValuesAt(p, addDaysToIsoDate(p.screeningDate, days))).map(([code, quantity]) => ({
        code,
        sex: p.demographics.sex,
        ...quantity,
      })),
    ),
  );

  it('about 3 % of results leave the reference range (binomial, 4 standard errors)', () => {
    const outside = results.filter(({ code, sex, value }) => {
      const { lln, uln } = demoLabRange(code, sex);
      return value < lln || value > uln;
    });
    const p = DEMO_LAB_OUT_OF_RANGE_RATE;
    const se = Math.sqrt((p * (1 - p)) / results.length);
    expect(Math.abs(outside.length / results.length - p)).toBeLessThan(4 * se);
  });

  it('some abnormal results reach CTCAE v5.0 grade 2 or higher, none reach grade 4', () => {
    const grades = results.map(({ code, sex, value, unit }) => {
      const { lln, uln } = demoLabRange(code, sex);
      const graded = gradeLabTest({ version: 'v5.0', test: code, value, unit, lln, uln });
      return graded.kind === 'ok' ? (graded.highest?.grade ?? 0) : -1;
    });
    expect(grades).not.toContain(-1);
    const high = grades.filter((grade) => grade >= 2).length;
    // Marked excursions: 3 % × 0.3 of results, minus the few that land just inside a grade-1 band.
    expect(high / results.length).toBeGreaterThan(0.004);
    expect(high / results.length).toBeLessThan(0.015);
    expect(Math.max(...grades)).toBeLessThan(4);
  });

  it('values carry the decimals the unit is reported with', () => {
    for (const { code, value, unit } of results.slice(0, 2000)) {
      const test = findLabTest(code);
      const decimals =
        test?.kind === 'quantitative' ? (test.units.find((u) => u.unit === unit)?.decimals ?? 0) : 0;
      expect(Number(value.toFixed(decimals))).toBe(value);
    }
  });
});
