/**
 * Synthetic ALSFRS-R cohort for the LMM benchmark: two arms, random intercept and slope (correlated),
 * visits every 1.5 months to month 12 with small timing jitter and ~3 % missed visits (seeded, reproducible).
 * Magnitudes follow clinical.md §5.2 (slope ≈ −1 point/month, between-patient slope SD ≈ 0.6, residual SD ≈ 1.6).
 */
import { createSeededRng, randomNormal } from '@celltrial/core';

/** One observation of the cohort. */
export interface CohortRow {
  readonly subject: string;
  readonly arm: string;
  readonly months: number;
  readonly alsfrs_r: number;
}

/** Generates the cohort; the same seed gives the same rows. */
export function generateCohort(options: { readonly subjects: number; readonly seed: string }): CohortRow[] {
  const rng = createSeededRng(options.seed);
  const rows: CohortRow[] = [];
  const visits = [0, 1.5, 3, 4.5, 6, 7.5, 9, 10.5, 12];
  for (let i = 0; i < options.subjects; i++) {
    const arm = i % 2 === 0 ? 'msc' : 'placebo';
    const b0 = randomNormal(rng, 0, 4);
    const b1 = -0.3 * (b0 / 4) * 0.6 + randomNormal(rng, 0, 0.6 * Math.sqrt(1 - 0.09));
    const slope = (arm === 'msc' ? -0.75 : -1.0) + b1;
    const subject = `S${String(i + 1).padStart(5, '0')}`;
    for (const [k, v] of visits.entries()) {
      if (k > 0 && rng.next() < 0.03) {
        continue;
      }
      const t = k === 0 ? 0 : v + randomNormal(rng, 0, 0.1);
      const y = 38 + b0 + slope * t + randomNormal(rng, 0, 1.6);
      rows.push({ subject, arm, months: Math.round(t * 1000) / 1000, alsfrs_r: Math.round(y * 10) / 10 });
    }
  }
  return rows;
}

/** The cohort as CSV text with a header row. */
export function cohortCsv(rows: readonly CohortRow[]): string {
  const lines = ['subject,arm,months,alsfrs_r'];
  for (const r of rows) {
    lines.push(`${r.subject},${r.arm},${r.months},${r.alsfrs_r}`);
  }
  return `${lines.join('\n')}\n`;
}
