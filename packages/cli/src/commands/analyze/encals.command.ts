import type { Command } from 'commander';
import { ENCALS_COEFFICIENTS, ENCALS_LABEL, encalsPredict } from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { printJson } from '../../io/read-input.js';
import type { CsvTable } from './csv-table.js';
import {
  failOnProblems,
  lineOf,
  numericColumn,
  parseNumberList,
  readCsvTable,
  textColumn,
} from './csv-table.js';

interface EncalsOptions {
  input: string;
  subject: string;
  at: number[];
}

const COLUMNS = {
  ageOnset: 'age_onset',
  diagnosticDelay: 'diagnostic_delay',
  deltaFrs: 'delta_frs',
  fvcPercent: 'fvc_percent',
  bulbarOnset: 'bulbar_onset',
  definiteElEscorial: 'definite_el_escorial',
  ftd: 'ftd',
  c9orf72: 'c9orf72',
} as const;

/** `celltrial analyze encals`: ENCALS predicted survival per participant (a prediction model, labelled as such). */
export function registerEncalsCommand(analyze: Command): void {
  analyze
    .command('encals')
    .description(
      'ENCALS survival PREDICTION model (Westeneng 2018) per participant at baseline: predicted probability of ' +
        'being free of death/tracheostomy/NIV > 23 h/day at the --at months since symptom onset, and the predicted ' +
        'median. Columns: age_onset (y), diagnostic_delay (months onset to diagnosis), delta_frs (points/month), ' +
        'fvc_percent, bulbar_onset, definite_el_escorial, ftd (0/1), c9orf72 (0/1, empty = unknown).',
    )
    .requiredOption('--input <file>', 'CSV file with one row per participant (- for stdin)')
    .option('--subject <column>', 'participant id column', 'subject')
    .option(
      '--at <months>',
      'months since symptom onset for predicted survival',
      parseNumberList('--at'),
      [12, 24, 36, 60],
    )
    .action(async (options: EncalsOptions) => {
      printJson(await analyzeEncals(options));
    });
}

function flagColumn(table: CsvTable, column: string, allowEmpty: boolean): (boolean | null)[] {
  return table.rows.map((row, i) => {
    const cell = row[column] ?? '';
    if (cell === '1' || cell === '0') {
      return cell === '1';
    }
    if (allowEmpty && cell === '') {
      return null;
    }
    throw new CliError(
      `${table.source}: column '${column}', line ${lineOf(table, i)}: '${cell}' must be 0 or 1${allowEmpty ? ' (or empty = unknown)' : ''}`,
    );
  });
}

async function analyzeEncals(options: EncalsOptions): Promise<unknown> {
  const table = await readCsvTable(options.input);
  const required = Object.values(COLUMNS).filter((c) => c !== COLUMNS.c9orf72);
  const missing = required.find((c) => !table.columns.includes(c));
  if (missing !== undefined) {
    throw new CliError(
      `${table.source}: missing column '${missing}' (ENCALS needs ${required.join(', ')} and optionally c9orf72; columns are: ${table.columns.join(', ')})`,
    );
  }
  const subject = textColumn(table, options.subject, '--subject');
  const age = numericColumn(table, COLUMNS.ageOnset, COLUMNS.ageOnset);
  const delay = numericColumn(table, COLUMNS.diagnosticDelay, COLUMNS.diagnosticDelay);
  const dfrs = numericColumn(table, COLUMNS.deltaFrs, COLUMNS.deltaFrs);
  const fvc = numericColumn(table, COLUMNS.fvcPercent, COLUMNS.fvcPercent);
  const bulbar = flagColumn(table, COLUMNS.bulbarOnset, false);
  const definite = flagColumn(table, COLUMNS.definiteElEscorial, false);
  const ftd = flagColumn(table, COLUMNS.ftd, false);
  const c9 = table.columns.includes(COLUMNS.c9orf72)
    ? flagColumn(table, COLUMNS.c9orf72, true)
    : subject.map(() => null);
  const participants = subject.map((id, i) => {
    const result = encalsPredict(
      {
        ageOnset: age[i] ?? Number.NaN,
        diagnosticDelay: delay[i] ?? Number.NaN,
        deltaFrs: dfrs[i] ?? Number.NaN,
        fvcPercent: fvc[i] ?? Number.NaN,
        bulbarOnset: bulbar[i] === true,
        definiteElEscorial: definite[i] === true,
        ftd: ftd[i] === true,
        c9orf72: c9[i] ?? null,
      },
      options.at,
    );
    if (result.kind === 'invalid') {
      return failOnProblems(
        result.problems.map((p) => ({
          message: `participant ${id} (line ${lineOf(table, i)}): ${p.message}`,
        })),
      );
    }
    const p = result.prediction;
    const survivalAt: Record<string, number> = {};
    for (const s of p.survivalAt) {
      survivalAt[String(s.monthsFromOnset)] = s.survival;
    }
    return {
      subject: id,
      linearPredictor: p.linearPredictor,
      usedC9orf72: p.usedC9orf72,
      medianMonthsFromOnset: p.medianMonthsFromOnset,
      survivalAt,
    };
  });
  return { label: ENCALS_LABEL, verification: ENCALS_COEFFICIENTS.verification, participants };
}
