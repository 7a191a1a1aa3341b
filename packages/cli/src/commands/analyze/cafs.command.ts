import type { Command } from 'commander';
import { cafs } from '@celltrial/core';
import type { CafsParticipant } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import {
  eventColumn,
  failOnProblems,
  groupLevels,
  lineOf,
  numericColumn,
  parseNumberOption,
  readCsvTable,
  requireColumn,
  textColumn,
} from './csv-table.js';

interface CafsOptions {
  input: string;
  subject: string;
  group: string;
  time: string;
  event: string;
  change: string;
  horizon?: number;
  reference?: string;
}

/** `celltrial analyze cafs`: Combined Assessment of Function and Survival (joint rank) by arm. */
export function registerCafsCommand(analyze: Command): void {
  analyze
    .command('cafs')
    .description(
      'CAFS joint rank (Berry 2013): each participant compared with every other on survival (event within ' +
        'their common follow-up), otherwise on ALSFRS-R change; summed scores ranked; mean rank per arm and ' +
        'Wilcoxon rank-sum test of each arm against the reference. One row per participant; an empty change ' +
        'cell means no post-baseline ALSFRS-R (ties with everyone on function).',
    )
    .requiredOption('--input <file>', 'CSV file with one row per participant (- for stdin)')
    .option('--subject <column>', 'participant id column', 'subject')
    .option('--group <column>', 'arm column', 'arm')
    .option('--time <column>', 'months to event or end of follow-up', 'months')
    .option(
      '--event <column>',
      '1 = death, tracheostomy or permanent assisted ventilation; 0 = censored',
      'event',
    )
    .option(
      '--change <column>',
      'ALSFRS-R change from baseline to the last assessment (empty = missing)',
      'change',
    )
    .option(
      '--horizon <months>',
      'analysis horizon: later events count as censored at the horizon',
      parseNumberOption('--horizon'),
    )
    .option('--reference <level>', 'reference arm (default: first level in sorted order)')
    .action(async (options: CafsOptions) => {
      printJson(await analyzeCafs(options));
    });
}

async function analyzeCafs(options: CafsOptions): Promise<unknown> {
  const table = await readCsvTable(options.input);
  const ids = textColumn(table, options.subject, '--subject');
  const arms = textColumn(table, options.group, '--group');
  const time = numericColumn(table, options.time, '--time');
  const event = eventColumn(table, options.event, '--event');
  requireColumn(table, options.change, '--change');
  const change = table.rows.map((row, i) => {
    const cell = row[options.change] ?? '';
    if (cell === '' || cell === 'NA') {
      return null;
    }
    const value = Number(cell);
    if (!Number.isFinite(value)) {
      throw new CliError(
        `${table.source}: column '${options.change}', line ${lineOf(table, i)}: '${cell}' is not a number`,
      );
    }
    return value;
  });
  const levels = groupLevels(arms, options.group, options.reference);
  const participants: CafsParticipant[] = ids.map((id, i) => ({
    id,
    arm: arms[i] ?? '',
    time: time[i] ?? Number.NaN,
    event: event[i] ?? false,
    change: change[i] ?? null,
  }));
  const result = cafs(participants, { horizon: options.horizon, reference: levels[0] });
  if (result.kind === 'invalid') {
    return failOnProblems(result.problems);
  }
  const armsOut: Record<string, unknown> = {};
  for (const a of result.arms) {
    armsOut[a.arm] = { n: a.n, meanRank: a.meanRank, meanCafs: a.meanCafs };
  }
  return {
    n: participants.length,
    horizon: options.horizon ?? null,
    reference: result.reference,
    missingChange: participants.filter((p) => p.change === null).length,
    arms: armsOut,
    comparisons: result.comparisons.map((c) => ({
      arm: c.arm,
      reference: c.reference,
      w: c.test.w,
      z: c.test.z,
      p: c.test.p,
    })),
    participants: result.scores.map((s) => ({
      subject: s.id,
      arm: s.arm,
      score: s.score,
      rank: s.rank,
      cafs: s.cafs,
    })),
  };
}
