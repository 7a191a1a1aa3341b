import type { Command } from 'commander';
import { simulateBoin, type BoinSimulationInput, type MonteCarloMean } from '@celltrial/core';
import { printJson } from '../../io/read-input.js';
import { BOIN_SETTING_FLAGS, boinSettingsFrom, withBoinSettings } from './boin-settings.js';
import {
  failOnProblems,
  optionalInteger,
  optionalNumber,
  parseInteger,
  parseNumberList,
  requiredText,
  type RawOptions,
} from './design-options.js';

const FLAGS = {
  ...BOIN_SETTING_FLAGS,
  rates: '--rates',
  cohortSize: '--cohort-size',
  cohorts: '--cohorts',
  trials: '--trials',
  startLevel: '--start',
  earlyStopN: '--early-stop-n',
  extraSafe: '--extra-safe-offset',
} as const;

const means = (xs: readonly MonteCarloMean[]): number[] => xs.map((x) => x.mean);
const errors = (xs: readonly MonteCarloMean[]): number[] => xs.map((x) => x.se);

/** `design boin simulate`: seeded Monte-Carlo operating characteristics with their standard errors. */
export function runBoinSimulate(options: RawOptions): unknown {
  const settings = boinSettingsFrom(options);
  const rates = parseNumberList(requiredText(options, 'rates', '--rates'), '--rates');
  const cohortSize = parseInteger(requiredText(options, 'cohortSize', '--cohort-size'), '--cohort-size');
  const cohorts = parseInteger(requiredText(options, 'cohorts', '--cohorts'), '--cohorts');
  const trials = parseInteger(requiredText(options, 'trials', '--trials'), '--trials');
  const seed = requiredText(options, 'seed', '--seed');
  const startLevel = optionalInteger(options, 'start', '--start');
  const earlyStopN = optionalInteger(options, 'earlyStopN', '--early-stop-n');
  const offset = optionalNumber(options, 'extraSafeOffset', '--extra-safe-offset');
  const input: BoinSimulationInput = {
    ...settings,
    rates,
    cohortSize,
    cohorts,
    trials,
    seed,
    ...(startLevel === undefined ? {} : { startLevel }),
    ...(earlyStopN === undefined ? {} : { earlyStopN }),
    ...(offset === undefined ? {} : { extraSafe: { offset } }),
    boundMtd: options['boundMtd'] === true,
  };
  const result = simulateBoin(input);
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems, FLAGS);
  }
  const r = result.value;
  return {
    trials: r.trials,
    seed: r.seed,
    selectionPercent: means(r.selectionPercent),
    selectionPercentSe: errors(r.selectionPercent),
    noSelectionPercent: r.noSelectionPercent.mean,
    noSelectionPercentSe: r.noSelectionPercent.se,
    earlyStopPercent: r.earlyStopPercent.mean,
    earlyStopPercentSe: r.earlyStopPercent.se,
    patientsPerLevel: means(r.patientsPerLevel),
    patientsPerLevelSe: errors(r.patientsPerLevel),
    dltsPerLevel: means(r.dltsPerLevel),
    dltsPerLevelSe: errors(r.dltsPerLevel),
    totalPatients: r.totalPatients.mean,
    totalPatientsSe: r.totalPatients.se,
  };
}

/** Registers `celltrial design boin simulate`. */
export function registerBoinSimulateCommand(boin: Command): void {
  withBoinSettings(
    boin
      .command('simulate')
      .description(
        'Seeded simulation (BOIN get.oc flow): selection % per level (and no selection), patients and DLTs per ' +
          'level, each with its Monte-Carlo standard error (…Se)',
      ),
  )
    .option('--rates <list>', 'true DLT probability per dose level, lowest first')
    .option('--cohort-size <n>', 'patients per cohort')
    .option('--cohorts <n>', 'maximum number of cohorts')
    .option('--trials <n>', 'number of simulated trials')
    .option('--seed <text>', 'seed of the random number generator (same seed, same result)')
    .option('--start <level>', 'start dose level, 1-based (default 1)')
    .option('--early-stop-n <n>', 'stop once this many patients are at the current dose (default 100)')
    .option(
      '--extra-safe-offset <p>',
      'enable the extra-safe stop at the lowest dose with this offset (e.g. 0.05)',
    )
    .option('--bound-mtd', 'only doses with isotonic estimate ≤ λd may be selected')
    .action((options: RawOptions) => {
      printJson(runBoinSimulate(options));
    });
}
