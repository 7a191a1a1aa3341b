import type { Command } from 'commander';
import { runInTreatmentSlopes, subjectSlopes } from '@celltrial/core';
import type { Observation } from '@celltrial/core';
import { printJson } from '../../io/read-input.js';
import { failOnProblems, numericColumn, parseNumberOption, readCsvTable, textColumn } from './csv-table.js';

interface SlopesOptions {
  input: string;
  subject: string;
  time: string;
  response: string;
  split?: number;
}

/** `celltrial analyze slopes`: per-participant OLS slopes, or run-in versus treatment slopes with --split. */
export function registerSlopesCommand(analyze: Command): void {
  analyze
    .command('slopes')
    .description(
      'Per-participant OLS slope of the response on time (months; >= 2 points each). With --split: slope over ' +
        'time <= split (run-in) and time >= split (treatment), their difference, paired t-test, Wilcoxon ' +
        'signed-rank test (normal approximation, continuity correction) and the share with >= 25% improvement. ' +
        'An uncontrolled pre/post comparison is subject to regression to the mean and non-linear decline.',
    )
    .requiredOption('--input <file>', 'CSV file with a header row (- for stdin)')
    .option('--subject <column>', 'subject id column', 'subject')
    .option('--time <column>', 'time column, in months', 'months')
    .option('--response <column>', 'response column (ALSFRS-R total, FVC %pred, ...)', 'alsfrs_r')
    .option('--split <months>', 'split time between run-in and treatment', parseNumberOption('--split'))
    .action(async (options: SlopesOptions) => {
      printJson(await analyzeSlopes(options));
    });
}

async function analyzeSlopes(options: SlopesOptions): Promise<unknown> {
  const table = await readCsvTable(options.input);
  const subjects = textColumn(table, options.subject, '--subject');
  const times = numericColumn(table, options.time, '--time');
  const values = numericColumn(table, options.response, '--response');
  const observations: Observation[] = subjects.map((subject, i) => ({
    subject,
    time: times[i] ?? Number.NaN,
    value: values[i] ?? Number.NaN,
  }));
  if (options.split === undefined) {
    const result = subjectSlopes(observations);
    if (result.kind === 'invalid') {
      return failOnProblems(result.problems);
    }
    const slopes = result.subjects.map((s) => s.slope);
    const mean = slopes.reduce((a, b) => a + b, 0) / slopes.length;
    const sd = Math.sqrt(slopes.reduce((a, b) => a + (b - mean) ** 2, 0) / (slopes.length - 1));
    return {
      subjects: result.subjects.map((s) => ({
        subject: s.subject,
        slope: s.slope,
        intercept: s.intercept,
        n: s.n,
      })),
      summary: { nSubjects: slopes.length, meanSlope: mean, sdSlope: sd },
    };
  }
  const result = runInTreatmentSlopes(observations, options.split);
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems);
  }
  const s = result.summary;
  return {
    split: options.split,
    subjects: result.subjects.map((x) => ({
      subject: x.subject,
      slopeRunIn: x.slopeRunIn,
      slopeTreatment: x.slopeTreatment,
      change: x.change,
      nRunIn: x.nRunIn,
      nTreatment: x.nTreatment,
    })),
    summary: {
      nSubjects: s.nSubjects,
      meanSlopeRunIn: s.meanSlopeRunIn,
      meanSlopeTreatment: s.meanSlopeTreatment,
      meanChange: s.meanChange,
      t: s.t,
      df: s.df,
      pT: s.pT,
      pWilcoxon: s.pWilcoxon,
      improved25: s.improved25,
      nImproved25: s.nImproved25,
      nEvaluable25: s.nEvaluable25,
      wilcoxonV: s.wilcoxon.v,
      ci95MeanChange: s.tTest.ci95,
    },
    note: 'Uncontrolled pre/post slope comparison: subject to regression to the mean and non-linear decline.',
  };
}
