import type { Command } from 'commander';
import { fitGrowthModel, fitPiecewiseModel } from '@celltrial/core';
import type { LmmFit, LmmMethod } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import {
  failOnProblems,
  groupLevels,
  numericColumn,
  parseNumberOption,
  readCsvTable,
  textColumn,
} from './csv-table.js';

interface LmmOptions {
  input: string;
  subject: string;
  time: string;
  response: string;
  group?: string;
  reference?: string;
  method: string;
  allowSingular?: boolean;
}

interface PiecewiseOptions extends LmmOptions {
  split: number;
  randomChange?: boolean;
}

function parseMethod(value: string): LmmMethod {
  if (value !== 'reml' && value !== 'ml') {
    throw new CliError(`--method must be reml or ml, got '${value}'`);
  }
  return value;
}

function commonOptions(command: Command): Command {
  return command
    .requiredOption('--input <file>', 'CSV file in long format, one row per visit (- for stdin)')
    .option('--subject <column>', 'subject id column', 'subject')
    .option('--time <column>', 'time column, in months', 'months')
    .option('--response <column>', 'response column', 'alsfrs_r')
    .option('--method <reml|ml>', 'REML (default, as lmer) or ML', 'reml')
    .option('--allow-singular', 'report a boundary (singular) fit instead of failing');
}

/** `celltrial analyze lmm` and `celltrial analyze piecewise`: linear mixed models fitted like lme4::lmer. */
export function registerLmmCommands(analyze: Command): void {
  commonOptions(
    analyze
      .command('lmm')
      .description(
        'Linear mixed model response ~ time * group + (1 + time | subject) by REML or ML (the numbers of ' +
          'lme4::lmer); groups treatment-coded against --reference',
      ),
  )
    .option('--group <column>', 'group column (omit for response ~ time + (1 + time | subject))')
    .option('--reference <level>', 'reference group (default: first level in sorted order)')
    .action(async (options: LmmOptions) => {
      printJson(await analyzeLmm(options));
    });
  commonOptions(
    analyze
      .command('piecewise')
      .description(
        'Piecewise (broken-stick) mixed model for run-in designs: response ~ time + (time - split)+ + ' +
          '(1 + time | subject); the slopeChange coefficient is the mean change in slope after the split',
      ),
  )
    .requiredOption('--split <months>', 'time of the knot (start of treatment)', parseNumberOption('--split'))
    .option(
      '--random-change',
      'also give the slope change a random effect: (1 + time + (time - split)+ | subject)',
    )
    .action(async (options: PiecewiseOptions) => {
      printJson(await analyzePiecewise(options));
    });
}

async function readLongData(
  options: LmmOptions,
): Promise<{ subject: string[]; time: number[]; response: number[]; group?: string[] }> {
  const table = await readCsvTable(options.input);
  const subject = textColumn(table, options.subject, '--subject');
  const time = numericColumn(table, options.time, '--time');
  const response = numericColumn(table, options.response, '--response');
  if (options.group === undefined) {
    return { subject, time, response };
  }
  const group = textColumn(table, options.group, '--group');
  groupLevels(group, options.group, options.reference);
  return { subject, time, response, group };
}

function checkSingular(fit: LmmFit, allow: boolean | undefined): void {
  if (fit.boundary && allow !== true) {
    throw new CliError(
      `singular (boundary) fit: the random-effects covariance is degenerate in the ${fit.boundaryTerms.join(' and ')} direction (variance 0 or correlation ±1), ` +
        'so the data do not support this random-effects structure (use --allow-singular to report the boundary fit)',
    );
  }
}

function fitSummary(fit: LmmFit): Record<string, unknown> {
  const fixed: Record<string, { estimate: number; se: number }> = {};
  for (const f of fit.fixed) {
    fixed[f.name] = { estimate: f.estimate, se: f.se };
  }
  const criterion =
    fit.method === 'reml'
      ? { remlCriterion: fit.criterion }
      : { logLik: fit.logLik, deviance: fit.criterion };
  return {
    nObs: fit.nObs,
    nSubjects: fit.nSubjects,
    method: fit.method,
    fixed,
    ...criterion,
    converged: fit.converged,
    iterations: fit.iterations,
    singular: fit.boundary,
    boundary: fit.boundaryTerms,
  };
}

async function analyzeLmm(options: LmmOptions): Promise<unknown> {
  const method = parseMethod(options.method);
  const data = await readLongData(options);
  const result = fitGrowthModel(data, { method, reference: options.reference });
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems);
  }
  const { fit } = result;
  checkSingular(fit, options.allowSingular);
  const summary = fitSummary(fit);
  return {
    nObs: fit.nObs,
    nSubjects: fit.nSubjects,
    method: fit.method,
    reference: result.reference,
    fixed: summary.fixed,
    sdIntercept: fit.randomSd[0],
    sdTime: fit.randomSd[1],
    corr: fit.randomCorr[0]?.[1],
    sdResidual: fit.sdResidual,
    ...summary,
  };
}

async function analyzePiecewise(options: PiecewiseOptions): Promise<unknown> {
  const method = parseMethod(options.method);
  const data = await readLongData(options);
  const result = fitPiecewiseModel(data, {
    method,
    split: options.split,
    randomChange: options.randomChange,
  });
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems);
  }
  const { fit } = result;
  checkSingular(fit, options.allowSingular);
  const sd: Record<string, number> = {};
  fit.randomNames.forEach((name, k) => (sd[name] = fit.randomSd[k] ?? Number.NaN));
  return {
    split: options.split,
    ...fitSummary(fit),
    randomSd: sd,
    randomCorr: fit.randomCorr,
    sdResidual: fit.sdResidual,
  };
}
