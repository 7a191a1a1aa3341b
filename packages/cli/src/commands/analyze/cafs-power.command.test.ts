import { describe, expect, it } from 'vitest';
import { fixture, runAnalyze, tempCsv } from './analyze-test-helpers.js';

// Expected numbers: CAFS from the independent R implementation (fixtures/r-output.txt, keys cafs.*);
// power from ../shared/reference/design-values/alsfrs_slope_power_reference.txt (R 4.2.2, longpower 1.0.27).

describe('celltrial analyze cafs', () => {
  it('mean ranks and rank-sum test match R', () => {
    const run = runAnalyze([
      'cafs',
      '--input',
      fixture('cafs.csv'),
      '--subject',
      'id',
      '--reference',
      'sham',
    ]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      arms: Record<string, { meanRank: number }>;
      comparisons: { arm: string; w: number; p: number }[];
      missingChange: number;
    };
    expect(out.arms.msc?.meanRank).toBeCloseTo(21.555555555555557, 12);
    expect(out.arms.sham?.meanRank).toBeCloseTo(15.444444444444445, 12);
    expect(out.comparisons[0]?.w).toBe(217);
    expect(out.comparisons[0]?.p).toBeCloseTo(0.083671995320594564, 12);
    expect(out.missingChange).toBe(2);
  });

  it('non-numeric change: exit 1 naming column and line', () => {
    const file = tempCsv('subject,arm,months,event,change\nA,x,3,1,-2\nB,y,6,0,lots\n');
    const run = runAnalyze(['cafs', '--input', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("column 'change', line 3: 'lots' is not a number");
  });
});

describe('celltrial analyze power', () => {
  it('sample size per arm (normal and t-test) as in the reference', () => {
    const run = runAnalyze(['power', '--delta', '0.3', '--sd-slope', '0.8']);
    const out = JSON.parse(run.stdout) as {
      sampleSize: { normal: { n1: number; ceilN1: number }; tTest: { nPerArm: number; ceilPerArm: number } };
    };
    expect(out.sampleSize.normal.n1).toBeCloseTo(111.629, 3);
    expect(out.sampleSize.normal.ceilN1).toBe(112);
    expect(out.sampleSize.tTest.nPerArm).toBeCloseTo(112.597, 3);
    expect(out.sampleSize.tTest.ceilPerArm).toBe(113);
  });

  it('LMM with dropout (Edland/Zhao)', () => {
    const run = runAnalyze([
      'power',
      '--delta',
      '0.30',
      '--sd-random-slope',
      '0.6',
      '--sd-residual',
      '2',
      '--sd-intercept',
      '5',
      '--visits',
      '0,1,2,3,4,5,6',
      '--last-visit',
      '0,0.03,0.03,0.04,0.04,0.06,0.8',
    ]);
    const out = JSON.parse(run.stdout) as { sampleSize: { normal: { n1: number } } };
    expect(out.sampleSize.normal.n1).toBeCloseTo(97.085, 3);
  });

  it('power for a given n', () => {
    const run = runAnalyze(['power', '--delta', '0.3', '--sd-slope', '0.8', '--n', '60']);
    const out = JSON.parse(run.stdout) as { power: { tTest: number; normal: number } };
    expect(out.power.tTest).toBeCloseTo(0.5308, 4);
    expect(out.power.normal).toBeCloseTo(0.5374, 4);
  });

  it('missing SD: exit 1', () => {
    const run = runAnalyze(['power', '--delta', '0.3']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('give --sd-slope');
  });
});

describe('celltrial analyze encals', () => {
  // Expected: the ENCALS formula evaluated in R 4.2.2 (fixtures/r-output.txt keys encals.a and encals.c).
  it('labelled predictions per participant; unknown C9orf72 uses the model without it', () => {
    const file = tempCsv(
      'subject,age_onset,diagnostic_delay,delta_frs,fvc_percent,bulbar_onset,definite_el_escorial,ftd,c9orf72\n' +
        'A,60,10,0.5,90,0,0,0,0\nC,52,14,0.8,82,0,1,1,\n',
    );
    const run = runAnalyze(['encals', '--input', file, '--at', '36']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      label: string;
      participants: {
        linearPredictor: number;
        usedC9orf72: boolean;
        medianMonthsFromOnset: number;
        survivalAt: Record<string, number>;
      }[];
    };
    expect(out.label).toContain('prediction model');
    expect(out.participants[0]?.linearPredictor).toBeCloseTo(-4.4534213210275695, 12);
    expect(out.participants[0]?.survivalAt['36']).toBeCloseTo(0.49342603661843215, 12);
    expect(out.participants[1]?.usedC9orf72).toBe(false);
    expect(out.participants[1]?.medianMonthsFromOnset).toBeCloseTo(31.2115942271992, 8);
  });

  it('missing input column: exit 1 listing the needed columns', () => {
    const run = runAnalyze(['encals', '--input', tempCsv('subject,age_onset\nA,60\n')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing column 'diagnostic_delay' (ENCALS needs");
  });
});
