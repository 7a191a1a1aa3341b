import type { Command } from 'commander';
import { boinBoundaryTable, boinSelectMtd } from '@celltrial/core';
import { printJson } from '../../io/read-input.js';
import { registerBoinSimulateCommand } from './boin-simulate.command.js';
import { BOIN_SETTING_FLAGS, boinSettingsFrom, withBoinSettings } from './boin-settings.js';
import {
  failOnProblems,
  parseInteger,
  parseNumberList,
  requiredText,
  type RawOptions,
} from './design-options.js';

/** `design boin boundaries`: λe, λd and the count table for n = 1 … cohorts × cohort size. */
export function runBoinBoundaries(options: RawOptions): unknown {
  const settings = boinSettingsFrom(options);
  const cohortSize = parseInteger(requiredText(options, 'cohortSize', '--cohort-size'), '--cohort-size');
  const cohorts = parseInteger(requiredText(options, 'cohorts', '--cohorts'), '--cohorts');
  const result = boinBoundaryTable({ ...settings, cohortSize, cohorts });
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems, {
      ...BOIN_SETTING_FLAGS,
      cohortSize: '--cohort-size',
      cohorts: '--cohorts',
    });
  }
  const { lambdaE, lambdaD, table } = result.value;
  return { lambdaE, lambdaD, table };
}

/** `design boin select-mtd`: isotonic MTD selection from patients and DLTs per dose. */
export function runBoinSelectMtd(options: RawOptions): unknown {
  const settings = boinSettingsFrom(options);
  const patients = parseNumberList(requiredText(options, 'patients', '--patients'), '--patients');
  const dlts = parseNumberList(requiredText(options, 'dlts', '--dlts'), '--dlts');
  const result = boinSelectMtd({ ...settings, patients, dlts, boundMtd: options['boundMtd'] === true });
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems, { ...BOIN_SETTING_FLAGS, patients: '--patients', dlts: '--dlts' });
  }
  const { mtd, isotonicEstimates, selectionEstimates, eliminatedFrom } = result.value;
  return options['details'] === true
    ? { mtd, isotonicEstimates, selectionEstimates, eliminatedFrom }
    : { mtd, isotonicEstimates };
}

/** Registers `celltrial design boin boundaries | select-mtd | simulate`. */
export function registerBoinCommands(design: Command): void {
  const boin = design
    .command('boin')
    .description(
      'BOIN design (Liu & Yuan 2015) as in R package BOIN 2.7.2: boundaries, MTD selection, simulation',
    );
  withBoinSettings(
    boin
      .command('boundaries')
      .description(
        'λe, λd and {"n", "escalateIfAtMost", "deescalateIfAtLeast", "eliminateIfAtLeast" (null when none)} ' +
          'for n = 1 … cohorts × cohort size',
      ),
  )
    .option('--cohort-size <n>', 'patients per cohort')
    .option('--cohorts <n>', 'maximum number of cohorts')
    .action((options: RawOptions) => {
      printJson(runBoinBoundaries(options));
    });
  withBoinSettings(
    boin
      .command('select-mtd')
      .description(
        'Select the MTD: {"mtd": level (1-based) or null, "isotonicEstimates": [...] (null for untreated doses)}',
      ),
  )
    .option('--patients <list>', 'patients treated per dose level, lowest first, e.g. 3,6,9')
    .option('--dlts <list>', 'DLTs per dose level, e.g. 0,1,2')
    .option('--bound-mtd', 'only doses with isotonic estimate ≤ λd may be selected (package boundMTD)')
    .option('--details', 'also print the estimates used for selection and the lowest eliminated dose')
    .action((options: RawOptions) => {
      printJson(runBoinSelectMtd(options));
    });
  registerBoinSimulateCommand(boin);
}
