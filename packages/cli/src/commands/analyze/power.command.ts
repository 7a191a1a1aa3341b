import type { Command } from 'commander';
import { slopeVariance, tTestPower, tTestSampleSize, zPower, zSampleSize } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import { parseNumberList, parseNumberOption } from './csv-table.js';

interface PowerOptions {
  delta: number;
  sdSlope?: number;
  sdRandomSlope?: number;
  sdResidual?: number;
  sdIntercept?: number;
  visits?: number[];
  lastVisit?: number[];
  alpha: number;
  power: number;
  ratio: number;
  n?: number;
}

/** `celltrial analyze power`: sample size or power for a difference in mean ALSFRS-R slope between two arms. */
export function registerPowerCommand(analyze: Command): void {
  analyze
    .command('power')
    .description(
      'Sample size per arm (or power for --n per arm) to detect a difference --delta in mean slope (points/month) ' +
        'between two arms, two-sided. Give the SD of per-patient slopes with --sd-slope, or derive it from a ' +
        'random-slope model: --sd-random-slope, --sd-residual and --visits (Diggle: var = sd_b^2 + sd_e^2/S_tt), ' +
        'optionally with dropout --last-visit and --sd-intercept (Edland/Zhao).',
    )
    .requiredOption(
      '--delta <points>',
      'difference in mean slope to detect (points/month)',
      parseNumberOption('--delta'),
    )
    .option('--sd-slope <sd>', 'SD of per-patient OLS slopes (points/month)', parseNumberOption('--sd-slope'))
    .option(
      '--sd-random-slope <sd>',
      'between-patient SD of true slopes',
      parseNumberOption('--sd-random-slope'),
    )
    .option(
      '--sd-residual <sd>',
      'within-patient residual SD around the line',
      parseNumberOption('--sd-residual'),
    )
    .option(
      '--sd-intercept <sd>',
      'between-patient SD of intercepts (needed with --last-visit)',
      parseNumberOption('--sd-intercept'),
    )
    .option(
      '--visits <months>',
      'comma-separated visit times in months, e.g. 0,1,2,3,4,5,6',
      parseNumberList('--visits'),
    )
    .option(
      '--last-visit <proportions>',
      'proportion whose last visit is each visit (dropout pattern; sums to 1)',
      parseNumberList('--last-visit'),
    )
    .option('--alpha <alpha>', 'two-sided significance level', parseNumberOption('--alpha'), 0.05)
    .option('--power <power>', 'target power', parseNumberOption('--power'), 0.8)
    .option(
      '--ratio <r>',
      'allocation ratio n2/n1 (normal approximation only)',
      parseNumberOption('--ratio'),
      1,
    )
    .option(
      '--n <perArm>',
      'compute power for this many participants per arm instead of a sample size',
      parseNumberOption('--n'),
    )
    .action((options: PowerOptions) => {
      printJson(analyzePower(options));
    });
}

function resolveSlopeSd(o: PowerOptions): { sd: number; variance: number; source: string } {
  if (o.sdSlope !== undefined) {
    return { sd: o.sdSlope, variance: o.sdSlope ** 2, source: 'sd-slope' };
  }
  if (o.sdRandomSlope === undefined || o.sdResidual === undefined || o.visits === undefined) {
    throw new CliError('give --sd-slope, or all of --sd-random-slope, --sd-residual and --visits');
  }
  if (o.visits.length < 2) {
    throw new CliError('--visits needs at least 2 visit times');
  }
  if (o.lastVisit !== undefined) {
    if (o.lastVisit.length !== o.visits.length) {
      throw new CliError(
        `--last-visit has ${o.lastVisit.length} proportions but --visits has ${o.visits.length} times`,
      );
    }
    const total = o.lastVisit.reduce((s, p) => s + p, 0);
    if (Math.abs(total - 1) > 1e-6 || o.lastVisit.some((p) => p < 0)) {
      throw new CliError(`--last-visit proportions must be >= 0 and sum to 1 (they sum to ${total})`);
    }
  }
  const variance = slopeVariance({
    sdSlope: o.sdRandomSlope,
    sdResidual: o.sdResidual,
    sdIntercept: o.sdIntercept,
    times: o.visits,
    lastVisit: o.lastVisit,
  });
  return {
    sd: Math.sqrt(variance),
    variance,
    source: o.lastVisit === undefined ? 'diggle' : 'edland-dropout',
  };
}

function analyzePower(o: PowerOptions): unknown {
  if (!(o.delta !== 0) || !(o.alpha > 0 && o.alpha < 1) || !(o.power > 0 && o.power < 1) || !(o.ratio > 0)) {
    throw new CliError('--delta must be non-zero, --alpha and --power between 0 and 1, --ratio > 0');
  }
  const slope = resolveSlopeSd(o);
  if (!(slope.sd > 0)) {
    throw new CliError('the slope SD must be > 0');
  }
  const input = { delta: Math.abs(o.delta), sd: slope.sd, alpha: o.alpha, power: o.power };
  const common = {
    delta: o.delta,
    alpha: o.alpha,
    slopeSd: slope.sd,
    slopeVariance: slope.variance,
    slopeSdSource: slope.source,
  };
  if (o.n !== undefined) {
    if (!(o.n >= 2)) {
      throw new CliError('--n must be at least 2 per arm');
    }
    return {
      ...common,
      nPerArm: o.n,
      power: { tTest: tTestPower({ ...input, n: o.n }), normal: zPower({ ...input, n: o.n }) },
    };
  }
  const z = zSampleSize({ ...input, ratio: o.ratio });
  const t = o.ratio === 1 ? tTestSampleSize(input) : null;
  return {
    ...common,
    targetPower: o.power,
    ratio: o.ratio,
    sampleSize: {
      normal: { n1: z.n1, n2: z.n2, total: z.total, ceilN1: Math.ceil(z.n1), ceilN2: Math.ceil(z.n2) },
      tTest: t === null ? null : { nPerArm: t, ceilPerArm: Math.ceil(t) },
    },
  };
}
