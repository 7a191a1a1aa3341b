import type { Command } from 'commander';
import { safetyMonitoringOc, safetyStopBoundaries, type SafetyMonitoringRule } from '@celltrial/core';
import { printJson } from '../../io/read-input.js';
import {
  failOnProblems,
  optionalInteger,
  parseInteger,
  parseNumber,
  parseNumberList,
  requiredText,
  type RawOptions,
} from './design-options.js';

const FLAGS = {
  threshold: '--threshold',
  cutoff: '--cutoff',
  maxN: '--max-n',
  fromN: '--from-n',
  rates: '--rates',
} as const;

/** `design safety-monitoring`: beta-binomial stopping boundary and, with --rates, exact P(stop) and E[N]. */
export function runSafetyMonitoring(options: RawOptions): unknown {
  const fromN = optionalInteger(options, 'fromN', '--from-n');
  const rule: SafetyMonitoringRule = {
    threshold: parseNumber(requiredText(options, 'threshold', '--threshold'), '--threshold'),
    cutoff: parseNumber(requiredText(options, 'cutoff', '--cutoff'), '--cutoff'),
    maxN: parseInteger(requiredText(options, 'maxN', '--max-n'), '--max-n'),
    ...(fromN === undefined ? {} : { fromN }),
  };
  const table = safetyStopBoundaries(rule);
  if (table.kind === 'invalid') {
    return failOnProblems(table.problems, FLAGS);
  }
  const ratesText = options['rates'];
  if (typeof ratesText !== 'string') {
    return { table: table.value };
  }
  const oc = safetyMonitoringOc(rule, parseNumberList(ratesText, '--rates'));
  if (oc.kind === 'invalid') {
    return failOnProblems(oc.problems, FLAGS);
  }
  return { table: table.value, oc: oc.value };
}

/** Registers `celltrial design safety-monitoring`. */
export function registerSafetyMonitoringCommand(design: Command): void {
  design
    .command('safety-monitoring')
    .description(
      'Continuous toxicity monitoring with a Beta(1,1) prior: stop if Pr(p > threshold | y of n) > cutoff. ' +
        'Prints {"table": [{"n", "stopIfAtLeast"}], "oc": [{"rate", "pStop", "expectedN"}] (with --rates)}',
    )
    .option('--threshold <rate>', 'unacceptable event rate p0')
    .option('--cutoff <p>', 'posterior probability above which to stop, e.g. 0.9')
    .option('--max-n <n>', 'number of patients monitored')
    .option('--from-n <n>', 'first patient count at which the rule applies (default 1)')
    .option('--rates <list>', 'true event rates for exact operating characteristics')
    .action((options: RawOptions) => {
      printJson(runSafetyMonitoring(options));
    });
}
