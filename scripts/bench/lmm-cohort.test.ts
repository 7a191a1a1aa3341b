import { describe, expect, it } from 'vitest';
import { fitGrowthModel } from '@celltrial/core';
import { cohortCsv, generateCohort } from './lmm-cohort.js';

describe('benchmark cohort', () => {
  it('is reproducible from its seed', () => {
    const a = cohortCsv(generateCohort({ subjects: 50, seed: 's' }));
    const b = cohortCsv(generateCohort({ subjects: 50, seed: 's' }));
    expect(a).toBe(b);
    expect(a).not.toBe(cohortCsv(generateCohort({ subjects: 50, seed: 't' })));
  });

  it('has ~9 visits per subject and the simulated slopes are recovered by the LMM', () => {
    const rows = generateCohort({ subjects: 400, seed: 'check' });
    expect(rows.length).toBeGreaterThan(400 * 8.5);
    expect(rows.length).toBeLessThanOrEqual(400 * 9);
    const result = fitGrowthModel(
      {
        subject: rows.map((r) => r.subject),
        time: rows.map((r) => r.months),
        response: rows.map((r) => r.alsfrs_r),
        group: rows.map((r) => r.arm),
      },
      { method: 'reml' },
    );
    if (result.kind !== 'ok') {
      throw new Error('fit failed');
    }
    const fixed = Object.fromEntries(result.fit.fixed.map((f) => [f.name, f.estimate]));
    // msc slope −0.75, placebo −1.0 (difference −0.25), between-subject slope SD 0.6, residual SD 1.6.
    expect(fixed.time).toBeCloseTo(-0.75, 0);
    expect(fixed['time:group:placebo']).toBeCloseTo(-0.25, 0);
    expect(result.fit.sdResidual).toBeCloseTo(1.6, 1);
    expect(result.fit.randomSd[1]).toBeCloseTo(0.6, 1);
  });
});
