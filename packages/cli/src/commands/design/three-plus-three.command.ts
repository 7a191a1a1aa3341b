import type { Command } from 'commander';
import {
  THREE_PLUS_THREE_VARIANTS,
  TOP_DOSE_RULES,
  UNTRIED_LOWER_DOSE_RULES,
  threePlusThreeOc,
  type ThreePlusThreeOcOptions,
} from '@celltrial/core';
import { printJson } from '../../io/read-input.js';
import {
  failOnProblems,
  optionalChoice,
  optionalInteger,
  parseNumberList,
  requiredText,
  type RawOptions,
} from './design-options.js';

const FLAGS = {
  rates: '--rates',
  doseLevels: '--rates',
  startLevel: '--start',
  variant: '--variant',
  topDose: '--top-dose',
  untriedLowerDose: '--untried-lower-dose',
} as const;

/** `design three-plus-three oc`: exact P(MTD = level) (index 0 = none) and E[N]; `--details` adds per-level values. */
export function runThreePlusThreeOc(options: RawOptions): unknown {
  const rates = parseNumberList(requiredText(options, 'rates', '--rates'), '--rates');
  const variant = optionalChoice(options, 'variant', {
    flag: '--variant',
    choices: THREE_PLUS_THREE_VARIANTS,
  });
  const topDose = optionalChoice(options, 'topDose', { flag: '--top-dose', choices: TOP_DOSE_RULES });
  const untriedLowerDose = optionalChoice(options, 'untriedLowerDose', {
    flag: '--untried-lower-dose',
    choices: UNTRIED_LOWER_DOSE_RULES,
  });
  const startLevel = optionalInteger(options, 'start', '--start');
  const ocOptions: ThreePlusThreeOcOptions = {
    ...(variant === undefined ? {} : { variant }),
    ...(topDose === undefined ? {} : { topDose }),
    ...(untriedLowerDose === undefined ? {} : { untriedLowerDose }),
    ...(startLevel === undefined ? {} : { startLevel }),
  };
  const result = threePlusThreeOc(rates, ocOptions);
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems, FLAGS);
  }
  const { pMtd, expectedN, expectedNPerLevel, expectedDltsPerLevel } = result.value;
  return options['details'] === true
    ? { pMtd, expectedN, expectedNPerLevel, expectedDltsPerLevel }
    : { pMtd, expectedN };
}

/** Registers `celltrial design three-plus-three oc`. */
export function registerThreePlusThreeCommands(design: Command): void {
  const group = design.command('three-plus-three').description('3+3 dose escalation (integer-count rules)');
  group
    .command('oc')
    .description(
      'Exact operating characteristics for true DLT rates per dose: {"pMtd": [p0, p1, …, pK], "expectedN"} ' +
        'where index 0 = no dose acceptable and index j = dose level j (1-based)',
    )
    .option('--rates <list>', 'true DLT probability per dose level, lowest first, e.g. 0.1,0.3,0.5')
    .option('--variant <variant>', `${THREE_PLUS_THREE_VARIANTS.join(' | ')} (default escalation-only)`)
    .option('--start <level>', 'start dose level, 1-based (default 1)')
    .option(
      '--top-dose <rule>',
      `${TOP_DOSE_RULES.join(' | ')}: when the top dose is tolerated (default declare)`,
    )
    .option(
      '--untried-lower-dose <rule>',
      `${UNTRIED_LOWER_DOSE_RULES.join(' | ')}: acceptance of a never-treated dose below the start ` +
        '(de-escalation variant; default at-most-one-of-six)',
    )
    .option('--details', 'also print expected patients and DLTs per level')
    .action((options: RawOptions) => {
      printJson(runThreePlusThreeOc(options));
    });
}
