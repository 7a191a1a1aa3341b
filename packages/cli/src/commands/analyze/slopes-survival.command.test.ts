import { describe, expect, it } from 'vitest';
import { fixture, runAnalyze, tempCsv } from './analyze-test-helpers.js';

// Expected numbers: R 4.2.2 / survival 3.5.3 values in packages/core/src/stats/fixtures/r-output.txt
// (produced by fixtures/make-fixtures.R on the same CSV files).

describe('celltrial analyze slopes', () => {
  it('run-in versus treatment matches R (t.test / wilcox.test paired)', () => {
    const run = runAnalyze(['slopes', '--input', fixture('slopes.csv'), '--split', '0']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { subjects: unknown[]; summary: Record<string, number> };
    expect(out.subjects).toHaveLength(14);
    expect(out.summary.t).toBeCloseTo(4.0355626298342377, 9);
    expect(out.summary.df).toBe(13);
    expect(out.summary.pT).toBeCloseTo(0.0014142237765467087, 12);
    expect(out.summary.pWilcoxon).toBeCloseTo(0.0020976434034588984, 12);
    expect(out.summary.improved25).toBeCloseTo(0.6428571428571429, 12);
    expect(Object.keys(out.subjects[0] as object)).toEqual([
      'subject',
      'slopeRunIn',
      'slopeTreatment',
      'change',
      'nRunIn',
      'nTreatment',
    ]);
  });

  it('one slope per subject without --split', () => {
    const run = runAnalyze(['slopes', '--input', fixture('slopes.csv')]);
    const out = JSON.parse(run.stdout) as { subjects: { slope: number; n: number }[] };
    expect(out.subjects[0]?.slope).toBeCloseTo(-0.68489768754897495, 10);
    expect(out.subjects[0]?.n).toBe(6);
  });

  it('missing column: exit 1 naming the column and flag', () => {
    const run = runAnalyze(['slopes', '--input', fixture('slopes.csv'), '--response', 'fvc']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing column 'fvc' \(set it with --response/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('non-numeric value: exit 1 naming column and line', () => {
    const file = tempCsv('subject,months,alsfrs_r\nA,0,40\nA,3,forty\n');
    const run = runAnalyze(['slopes', '--input', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("column 'alsfrs_r', line 3: 'forty' is not a number");
  });

  it('line numbers count blank lines; ragged rows and duplicate headers are rejected', () => {
    const blank = runAnalyze([
      'slopes',
      '--input',
      tempCsv('subject,months,alsfrs_r\nA,0,40\n\nA,3,38\nB,0,x\n'),
    ]);
    expect(blank.stderr).toContain("column 'alsfrs_r', line 5: 'x' is not a number");
    const ragged = runAnalyze(['slopes', '--input', tempCsv('subject,months,alsfrs_r\nA,0,40\nA,3\n')]);
    expect(ragged.code).toBe(1);
    expect(ragged.stderr).toContain('is not valid CSV');
    const dup = runAnalyze(['slopes', '--input', tempCsv('subject,months,months\nA,0,40\n')]);
    expect(dup.stderr).toContain("column 'months' appears twice");
  });

  it('subject with too few points: exit 1 naming the subject', () => {
    const file = tempCsv('subject,months,alsfrs_r\nA,0,40\nA,3,38\nB,0,41\n');
    const run = runAnalyze(['slopes', '--input', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('subject B: 1 point(s)');
  });
});

describe('celltrial analyze survival', () => {
  it('KM per group, log-rank and Cox match R', () => {
    const run = runAnalyze([
      'survival',
      '--input',
      fixture('survival.csv'),
      '--group',
      'arm',
      '--reference',
      'placebo',
      '--at',
      '6,12,18',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      groups: Record<
        string,
        { n: number; events: number; median: number; survivalAt: Record<string, number> }
      >;
      logRank: { chisq: number; p: number };
      cox: { hr: number; seLogHr: number; p: number; reference: string };
    };
    expect(out.groups.placebo?.median).toBe(15);
    expect(out.groups.msc?.median).toBe(23);
    expect(out.groups.placebo?.survivalAt['12']).toBeCloseTo(0.50779220779220768, 12);
    expect(out.groups.msc?.survivalAt['18']).toBeCloseTo(0.64322916666666663, 12);
    expect(out.logRank.chisq).toBeCloseTo(4.1771838432611368, 10);
    expect(out.logRank.p).toBeCloseTo(0.040971727884985265, 12);
    expect(out.cox.reference).toBe('placebo');
    expect(Math.abs(out.cox.hr / 0.46875665598032429 - 1)).toBeLessThan(1e-6);
    expect(out.cox.seLogHr).toBeCloseTo(0.38061202697631669, 7);
    expect(out.cox.p).toBeCloseTo(0.046517595567718256, 7);
  });

  it('one-level group: exit 1', () => {
    const file = tempCsv('months,event,arm\n1,1,a\n2,0,a\n');
    const run = runAnalyze(['survival', '--input', file, '--group', 'arm']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("column 'arm' has only one level (a)");
  });

  it('bad event value: exit 1 naming the line', () => {
    const file = tempCsv('months,event\n1,1\n2,yes\n');
    const run = runAnalyze(['survival', '--input', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("column 'event', line 3: 'yes' is not an event indicator");
  });
});
