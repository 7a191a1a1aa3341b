import type { Command } from 'commander';
import { coxRegression, kaplanMeier, logRankTest, survivalAt } from '@celltrial/core';
import type { KaplanMeier } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import {
  eventColumn,
  failOnProblems,
  groupLevels,
  lineOf,
  numericColumn,
  parseNumberList,
  readCsvTable,
  textColumn,
} from './csv-table.js';

interface SurvivalOptions {
  input: string;
  time: string;
  event: string;
  group?: string;
  reference?: string;
  at: number[];
}

/** `celltrial analyze survival`: Kaplan–Meier per group, log-rank test and Cox model (Efron ties). */
export function registerSurvivalCommand(analyze: Command): void {
  analyze
    .command('survival')
    .description(
      'Kaplan-Meier (Greenwood SE, log-transformed 95% CI, median) per group, log-rank test and Cox ' +
        'proportional hazards (Efron ties) against the reference group, as R survival',
    )
    .requiredOption('--input <file>', 'CSV file with one row per participant (- for stdin)')
    .option('--time <column>', 'time to event or censoring (months)', 'months')
    .option(
      '--event <column>',
      'event indicator column: 1 = event (death, tracheostomy, PAV), 0 = censored',
      'event',
    )
    .option('--group <column>', 'group column (omit for one overall curve)')
    .option('--reference <level>', 'reference group for the Cox hazard ratio (default: first level sorted)')
    .option(
      '--at <months>',
      'comma-separated times for survival estimates',
      parseNumberList('--at'),
      [12, 18],
    )
    .action(async (options: SurvivalOptions) => {
      printJson(await analyzeSurvival(options));
    });
}

function describeGroup(fit: KaplanMeier, at: readonly number[]): unknown {
  const survival: Record<string, unknown> = {};
  for (const t of at) {
    const s = survivalAt(fit, t);
    survival[String(t)] = s === null ? null : s.survival;
  }
  const ci: Record<string, unknown> = {};
  for (const t of at) {
    const s = survivalAt(fit, t);
    ci[String(t)] = s === null ? null : [s.lower, s.upper];
  }
  return {
    n: fit.n,
    events: fit.events,
    median: fit.median.estimate,
    medianCi95: [fit.median.lower, fit.median.upper],
    survivalAt: survival,
    survivalCi95At: ci,
  };
}

async function analyzeSurvival(options: SurvivalOptions): Promise<unknown> {
  const table = await readCsvTable(options.input);
  const time = numericColumn(table, options.time, '--time');
  const event = eventColumn(table, options.event, '--event');
  time.forEach((t, i) => {
    if (t < 0) {
      throw new CliError(
        `${table.source}: column '${options.time}', line ${lineOf(table, i)}: negative time ${t}`,
      );
    }
  });
  if (options.group === undefined) {
    return { overall: describeGroup(kaplanMeier({ time, event }), options.at) };
  }
  const group = textColumn(table, options.group, '--group');
  const levels = groupLevels(group, options.group, options.reference);
  const reference = levels[0] ?? '';
  const groups: Record<string, unknown> = {};
  for (const level of levels) {
    const idx = group.map((g, i) => (g === level ? i : -1)).filter((i) => i >= 0);
    const fit = kaplanMeier({ time: idx.map((i) => time[i] ?? 0), event: idx.map((i) => event[i] ?? false) });
    groups[level] = describeGroup(fit, options.at);
  }
  const logRank = logRankTest({ time, event, group });
  const others = levels.slice(1);
  const cox = coxRegression({
    time,
    event,
    covariates: group.map((g) => others.map((l) => (g === l ? 1 : 0))),
    names: others,
  });
  if (cox.kind === 'invalid') {
    return failOnProblems(cox.problems);
  }
  const terms = cox.fit.terms.map((t) => ({
    level: t.name,
    hr: t.hr,
    seLogHr: t.se,
    p: t.p,
    hrCi95: [t.hrLower95, t.hrUpper95],
  }));
  const coxOut =
    terms.length === 1
      ? { reference, ...terms[0], converged: cox.fit.converged }
      : { reference, terms, likelihoodRatio: cox.fit.likelihoodRatio, converged: cox.fit.converged };
  return {
    groups,
    logRank: { chisq: logRank.chisq, df: logRank.df, p: logRank.p },
    cox: coxOut,
  };
}
