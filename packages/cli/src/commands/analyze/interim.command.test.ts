import { describe, expect, it } from 'vitest';
import { runAnalyze } from './analyze-test-helpers.js';

// Expected numbers: ../shared/reference/design-values/group_sequential_reference.txt (gsDesign 3.4.0 / rpact 3.3.4
// bounds 3.710303, 2.511427, 1.993047; inflation 1.011853; conditional power section L). Tolerance 1e-4.

describe('celltrial analyze boundaries', () => {
  it('3-look O’Brien–Fleming bounds and inflation', () => {
    const run = runAnalyze(['boundaries', '--times', '0.3333333333333333,0.6666666666666666,1']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      looks: { z: number; cumulativeAlpha: number }[];
      inflation: number;
    };
    expect(out.looks.map((l) => l.z)).toEqual(
      [3.710303, 2.511427, 1.993047].map((v) => expect.closeTo(v, 4) as unknown),
    );
    expect(out.looks[2]?.cumulativeAlpha).toBeCloseTo(0.05, 10);
    expect(out.inflation).toBeCloseTo(1.011853, 5);
  });

  it('Pocock-type spending', () => {
    const run = runAnalyze([
      'boundaries',
      '--times',
      '0.3333333333333333,0.6666666666666666,1',
      '--spending',
      'pocock',
    ]);
    const out = JSON.parse(run.stdout) as { looks: { z: number }[] };
    expect(out.looks.map((l) => l.z)).toEqual(
      [2.2794, 2.2949, 2.2959].map((v) => expect.closeTo(v, 4) as unknown),
    );
  });

  it('rejects decreasing times and unknown spending functions', () => {
    expect(runAnalyze(['boundaries', '--times', '0.5,0.4,1']).stderr).toContain('--times must be increasing');
    const bad = runAnalyze(['boundaries', '--times', '0.5,1', '--spending', 'magic']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--spending must be');
  });
});

describe('celltrial analyze conditional-power', () => {
  it('matches the reference (t = 2/3, Z = 1.0)', () => {
    const run = runAnalyze([
      'conditional-power',
      '--t',
      '0.6666666666666666',
      '--z',
      '1',
      '--z-final',
      '1.993047',
      '--drift',
      '3.2415',
    ]);
    const out = JSON.parse(run.stdout) as Record<string, { conditionalPower: number }>;
    expect(out.currentTrend?.conditionalPower).toBeCloseTo(0.0916, 4);
    expect(out.assumed?.conditionalPower).toBeCloseTo(0.4339, 4);
    expect(out.null?.conditionalPower).toBeCloseTo(0.0208, 4);
  });
});
