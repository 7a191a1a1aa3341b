// Statistical checks of the generated courses (n = 2000, fixed seed): the ALSFRS-R and FVC slopes recovered by
// per-participant OLS match the model (clinical.md §5.1–5.2: −1.0 ± 0.65 points/month, −2.2 %pred/month), within
// four standard errors. The visit schedule is months 0, 1, 3, 6, 9, 12 after screening; values come from the
// generators directly so that follow-up events do not truncate the courses.
import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import { createSeededRng } from '../random/rng.js';
import { scoreSpirometry } from '../scales/spirometry.js';
import { fitLine } from '../stats/ols.js';
import { alsfrsAssessmentAt, alsfrsFormValues } from './demo-alsfrs.js';
import { DEMO_ALSFRS, DEMO_FVC } from './demo-parameters.js';
import { ageAt, spirometryAt } from './demo-spirometry.js';
import type { DemoParticipant } from './demo-types.js';
import { generateDemoParticipants } from './generate-demo-participants.js';

const N = 2000;
const VISIT_DAYS = [0, 30, 91, 183, 274, 365];
const MONTHS = VISIT_DAYS.map((days) => days / PROTOCOL_DAYS_PER_MONTH);

function participants(): readonly DemoParticipant[] {
  const result = generateDemoParticipants(protocolFixture(), {
    count: N,
    rng: createSeededRng('demo-statistics'),
    today: '2026-06-01',
    screenFailureRate: 0,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.participants;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values: readonly number[]): number => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
};
const sxx = ((): number => {
  const m = mean(MONTHS);
  return MONTHS.reduce((sum, t) => sum + (t - m) ** 2, 0);
})();

function olsSlope(values: readonly number[]): number {
  const fit = fitLine(MONTHS, values);
  if (fit === null) {
    throw new Error('no fit');
  }
  return fit.slope;
}

describe('ALSFRS-R courses (n = 2000)', () => {
  const cohort = participants();
  const assessments = cohort.map((p) =>
    VISIT_DAYS.map((days) => {
      const assessment = alsfrsAssessmentAt(p, addDaysToIsoDate(p.screeningDate, days));
      if (assessment === undefined) {
        throw new Error('ALS participant without ALSFRS-R');
      }
      return assessment;
    }),
  );
  const slopes = assessments.map((course) => olsSlope(course.map((a) => a.total)));

  it('OLS slopes average −1.0 points/month (4 standard errors)', () => {
    // Per-participant OLS slope variance = between-patient variance + residual variance / Sxx, where the residual
    // is the visit noise (SD 1.5) plus rounding to whole points (variance 1/12).
    const residual = DEMO_ALSFRS.visitNoiseSd ** 2 + 1 / 12;
    const expectedSd = Math.sqrt(DEMO_ALSFRS.slopeSd ** 2 + residual / sxx);
    const se = expectedSd / Math.sqrt(N);
    expect(Math.abs(mean(slopes) - DEMO_ALSFRS.slopeMean)).toBeLessThan(4 * se);
    // SE of an SD ≈ SD / sqrt(2(n − 1)).
    expect(Math.abs(sd(slopes) - expectedSd)).toBeLessThan((4 * expectedSd) / Math.sqrt(2 * (N - 1)));
  });

  it('the latent slopes have SD 0.65 (4 standard errors)', () => {
    const latent = cohort.map((p) => p.trajectory.alsfrsSlopePerMonth ?? Number.NaN);
    expect(Math.abs(sd(latent) - DEMO_ALSFRS.slopeSd)).toBeLessThan(
      (4 * DEMO_ALSFRS.slopeSd) / Math.sqrt(2 * (N - 1)),
    );
    expect(Math.abs(mean(latent) - DEMO_ALSFRS.slopeMean)).toBeLessThan(
      (4 * DEMO_ALSFRS.slopeSd) / Math.sqrt(N),
    );
  });

  it('baseline totals are about 38 ± 5', () => {
    const baseline = assessments.map((course) => course[0]?.total ?? Number.NaN);
    expect(mean(baseline)).toBeGreaterThan(37);
    expect(mean(baseline)).toBeLessThan(39);
    expect(sd(baseline)).toBeGreaterThan(4.5);
    expect(sd(baseline)).toBeLessThan(6);
  });

  it('every form has item scores 0–4 summing to the total, and q5a or q5b (never both) by gastrostomy', () => {
    for (const course of assessments) {
      let hadGastrostomy = false;
      for (const assessment of course) {
        const values = alsfrsFormValues(assessment);
        const scores = Object.entries(values).filter(([key]) => key.startsWith('q'));
        expect(scores).toHaveLength(12);
        for (const [, score] of scores) {
          expect(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 4).toBe(true);
        }
        expect(scores.reduce((sum, [, score]) => sum + (score as number), 0)).toBe(assessment.total);
        expect('q5a' in values).toBe(!assessment.gastrostomy);
        expect('q5b' in values).toBe(assessment.gastrostomy);
        // A gastrostomy, once placed, stays.
        expect(hadGastrostomy && !assessment.gastrostomy).toBe(false);
        hadGastrostomy = assessment.gastrostomy;
      }
    }
  });

  it('a gastrostomy comes with a low swallowing score on average', () => {
    const all = assessments.flat();
    const withTube = all.filter((a) => a.gastrostomy).map((a) => a.items[2] ?? 4);
    const without = all.filter((a) => !a.gastrostomy).map((a) => a.items[2] ?? 4);
    expect(withTube.length).toBeGreaterThan(50);
    expect(mean(withTube)).toBeLessThan(2);
    expect(mean(without)).toBeGreaterThan(3);
  });
});

describe('FVC courses (n = 2000)', () => {
  const cohort = participants();

  it('latent FVC slopes average −2.2 %pred/month and baselines 80 ± 15', () => {
    const slopes = cohort.map((p) => p.trajectory.fvcSlopePerMonth);
    expect(Math.abs(mean(slopes) - DEMO_FVC.slopeMean)).toBeLessThan((4 * DEMO_FVC.slopeSd) / Math.sqrt(N));
    expect(Math.abs(sd(slopes) - DEMO_FVC.slopeSd)).toBeLessThan(
      (4 * DEMO_FVC.slopeSd) / Math.sqrt(2 * (N - 1)),
    );
    const baselines = cohort.map((p) => p.trajectory.fvcPercentAtScreening);
    expect(Math.abs(mean(baselines) - DEMO_FVC.baselineMean)).toBeLessThan(1.5);
    expect(Math.abs(sd(baselines) - DEMO_FVC.baselineSd)).toBeLessThan(1.5);
  });

  it('OLS of % predicted (scored by scoreSpirometry from the litres) recovers the slope', () => {
    // Participants whose latent FVC stays above the 8 %pred floor over the year (a selection on latent values only).
    const kept = cohort.filter(
      (p) => p.trajectory.fvcPercentAtScreening + 12 * p.trajectory.fvcSlopePerMonth > 15,
    );
    expect(kept.length).toBeGreaterThan(N * 0.9);
    const differences = kept.map((p) => {
      const percents = VISIT_DAYS.map((days) => {
        const date = addDaysToIsoDate(p.screeningDate, days);
        const session = spirometryAt(p, date);
        const scored = scoreSpirometry({
          sex: p.demographics.sex,
          ageYears: ageAt(p.demographics.birthDate, date),
          heightCm: p.demographics.heightCm,
          ethnicity: p.demographics.spirometryEthnicity,
          fvcL: session.fvcL,
        });
        if (scored.kind !== 'ok' || scored.value.fvc === undefined) {
          throw new Error('spirometry does not score');
        }
        return scored.value.fvc.percentPredicted;
      });
      return olsSlope(percents) - p.trajectory.fvcSlopePerMonth;
    });
    const se = Math.sqrt(DEMO_FVC.visitNoiseSd ** 2 / sxx) / Math.sqrt(kept.length);
    expect(Math.abs(mean(differences))).toBeLessThan(4 * se + 0.01);
    const recovered = kept.map((p, i) => p.trajectory.fvcSlopePerMonth + (differences[i] ?? 0));
    expect(mean(recovered)).toBeGreaterThan(-2.4);
    expect(mean(recovered)).toBeLessThan(-1.9);
  });

  it('FEV1/FVC is about 0.8 and FEV1 never exceeds FVC', () => {
    const ratios = cohort.slice(0, 500).map((p) => {
      const session = spirometryAt(p, p.screeningDate);
      expect(session.fev1L).toBeLessThanOrEqual(session.fvcL);
      return session.fev1L / session.fvcL;
    });
    expect(mean(ratios)).toBeGreaterThan(0.74);
    expect(mean(ratios)).toBeLessThan(0.84);
  });
});
