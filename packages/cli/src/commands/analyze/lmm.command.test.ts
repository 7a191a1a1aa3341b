import { describe, expect, it } from 'vitest';
import { fixture, runAnalyze, tempCsv } from './analyze-test-helpers.js';

// Expected numbers: lme4 1.1.31 on R 4.2.2 (packages/core/src/stats/fixtures/r-output.txt, keys lmm.*),
// fitted by fixtures/make-fixtures.R on the same CSV files. Tolerance 1e-4 relative.

function rel(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

interface LmmJson {
  nObs: number;
  nSubjects: number;
  fixed: Record<string, { estimate: number; se: number }>;
  sdIntercept: number;
  sdTime: number;
  corr: number;
  sdResidual: number;
  remlCriterion?: number;
  logLik?: number;
  converged: boolean;
  iterations: number;
  singular: boolean;
}

describe('celltrial analyze lmm', () => {
  it('REML fit with group matches lme4', () => {
    const run = runAnalyze(['lmm', '--input', fixture('lmm.csv'), '--group', 'arm']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as LmmJson;
    expect(out.nObs).toBe(230);
    expect(out.nSubjects).toBe(40);
    expect(Object.keys(out.fixed)).toEqual(['intercept', 'time', 'group:placebo', 'time:group:placebo']);
    expect(rel(out.fixed['time:group:placebo']?.estimate ?? 0, -0.2845643213319814)).toBeLessThan(1e-4);
    expect(rel(out.fixed['time:group:placebo']?.se ?? 0, 0.18585495275937383)).toBeLessThan(1e-4);
    expect(rel(out.sdIntercept, 4.2737026135727838)).toBeLessThan(1e-4);
    expect(rel(out.sdTime, 0.51613159006195186)).toBeLessThan(1e-4);
    expect(rel(out.corr, -0.366159757332012)).toBeLessThan(1e-4);
    expect(rel(out.sdResidual, 1.6522155317002878)).toBeLessThan(1e-4);
    expect(Math.abs((out.remlCriterion ?? 0) - 1088.8586174064324)).toBeLessThan(1e-5);
    expect(out.converged).toBe(true);
    expect(out.iterations).toBeGreaterThan(0);
  });

  it('ML fit reports logLik; --reference changes the coding', () => {
    const run = runAnalyze([
      'lmm',
      '--input',
      fixture('lmm.csv'),
      '--group',
      'arm',
      '--reference',
      'placebo',
      '--method',
      'ml',
    ]);
    const out = JSON.parse(run.stdout) as LmmJson;
    expect(out.remlCriterion).toBeUndefined();
    expect(Math.abs((out.logLik ?? 0) - -543.79111423875725)).toBeLessThan(1e-5);
    // With placebo as reference the interaction flips sign.
    expect(rel(out.fixed['time:group:msc']?.estimate ?? 0, 0.2863515794417783)).toBeLessThan(1e-4);
  });

  it('singular fit: exit 1 with a one-line message, or reported with --allow-singular', () => {
    const failed = runAnalyze(['lmm', '--input', fixture('lmm-boundary.csv')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('singular (boundary) fit');
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    const allowed = runAnalyze(['lmm', '--input', fixture('lmm-boundary.csv'), '--allow-singular']);
    expect(allowed.code).toBe(0);
    const out = JSON.parse(allowed.stdout) as LmmJson;
    expect(out.singular).toBe(true);
    expect(rel(out.fixed.time?.estimate ?? 0, -0.95320000000000715)).toBeLessThan(1e-4);
  });

  it('one-level group and bad method are rejected', () => {
    const file = tempCsv('subject,arm,months,alsfrs_r\nA,x,0,40\nA,x,3,38\nB,x,0,41\nB,x,3,40\n');
    const oneLevel = runAnalyze(['lmm', '--input', file, '--group', 'arm']);
    expect(oneLevel.code).toBe(1);
    expect(oneLevel.stderr).toContain("column 'arm' has only one level");
    const badMethod = runAnalyze(['lmm', '--input', file, '--method', 'bayes']);
    expect(badMethod.code).toBe(1);
    expect(badMethod.stderr).toContain('--method must be reml or ml');
  });

  it('piecewise model matches lme4 (slope change after the split)', () => {
    const run = runAnalyze(['piecewise', '--input', fixture('piecewise.csv'), '--split', '0']);
    const out = JSON.parse(run.stdout) as LmmJson;
    expect(rel(out.fixed.slopeChange?.estimate ?? 0, 0.44409627182622718)).toBeLessThan(1e-4);
    expect(rel(out.fixed.slopeChange?.se ?? 0, 0.068783846011337954)).toBeLessThan(1e-4);
    expect(Math.abs((out.remlCriterion ?? 0) - 979.85144047714368)).toBeLessThan(1e-5);
  });
});
