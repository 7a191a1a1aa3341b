import type { Command } from 'commander';
import { Option } from 'commander';
import { formatProtocolProblem, formatScreeningProblem, parseScreeningRecord } from '@celltrial/contracts';
import {
  evaluateEligibility,
  type EligibilityEvaluation,
  type EligibilityOptions,
  type Protocol,
  type ScreeningRecord,
} from '@celltrial/core';
import { CliError } from '../../io/cli-error.js';
import { readJsonInput } from '../../io/read-input.js';
import { defaultProtocolsDir, loadProtocolFile, resolveProtocolFile } from '../protocol/protocol-files.js';
import { formatEligibilityTable } from './eligibility-table.js';

export interface EligibilityCheckOptions {
  protocol: string;
  subject: string;
  json?: boolean;
  assumeManual?: 'favourable';
  protocols?: string;
}

/** Loads and validates the protocol named by id, registry id or file path. */
async function loadProtocol(id: string, dir: string | undefined): Promise<Protocol> {
  const file = await resolveProtocolFile(id, dir ?? defaultProtocolsDir());
  const loaded = await loadProtocolFile(file);
  if (loaded.kind === 'invalid') {
    throw new CliError(
      `${file} is not a valid protocol:\n${loaded.problems.map(formatProtocolProblem).join('\n')}`,
    );
  }
  return loaded.protocol;
}

/** Validates one record or an array of records; every problem of every record in one error. */
function parseRecords(input: unknown): { records: ScreeningRecord[]; isArray: boolean } {
  const isArray = Array.isArray(input);
  const values: unknown[] = isArray ? input : [input];
  const records: ScreeningRecord[] = [];
  const problems: string[] = [];
  values.forEach((value, index) => {
    const parsed = parseScreeningRecord(value);
    if (parsed.kind === 'ok') {
      records.push(parsed.record);
    } else {
      problems.push(
        ...parsed.problems.map((problem) => formatScreeningProblem(problem, isArray ? `[${index}].` : '')),
      );
    }
  });
  if (problems.length > 0) {
    throw new CliError(problems.join('; '));
  }
  if (isArray && records.length === 0) {
    throw new CliError('the input array holds no screening records (rule: non-empty)');
  }
  return { records, isArray };
}

function toJson(evaluation: EligibilityEvaluation): unknown {
  return {
    verdict: evaluation.verdict,
    criteria: evaluation.criteria.map(({ id, kind, text, status, reason }) => ({
      id,
      kind,
      text,
      status,
      reason,
    })),
  };
}

/** Runs the check and returns what the command prints (JSON text or the human table). */
export async function runEligibilityCheck(options: EligibilityCheckOptions): Promise<string> {
  const protocol = await loadProtocol(options.protocol, options.protocols);
  const { records, isArray } = parseRecords(await readJsonInput(options.subject));
  const evaluationOptions: EligibilityOptions =
    options.assumeManual === undefined ? {} : { assumeManual: options.assumeManual };
  const evaluations = records.map((record) => evaluateEligibility(protocol, record, evaluationOptions));
  if (options.json === true) {
    const json = isArray ? evaluations.map(toJson) : toJson(evaluations[0] as EligibilityEvaluation);
    return JSON.stringify(json, null, 2);
  }
  const title = `${protocol.registryIds.join(', ')} (${protocol.id}): ${protocol.title}`;
  const blocks = evaluations.map((evaluation, index) => {
    const record = records[index] as ScreeningRecord;
    const heading = isArray
      ? `Record ${index + 1} of ${records.length} (assessment ${record.assessmentDate})`
      : `Assessment ${record.assessmentDate}`;
    return `${heading}\n${formatEligibilityTable(evaluation)}`;
  });
  const note =
    options.assumeManual === 'favourable'
      ? "\nOpen manual checks were assumed in the participant's favour (pre-screening): not an eligibility decision."
      : '';
  return `${title}\n\n${blocks.join('\n\n')}${note}`;
}

/** Registers `celltrial eligibility check --protocol ID --subject FILE [--json] [--assume-manual favourable]`. */
export function registerEligibilityCheckCommand(group: Command): void {
  group
    .command('check')
    .description(
      'Check screening records against a protocol: each criterion met / not-met / unknown with the reason, and ' +
        'the verdict (eligible, ineligible, incomplete). Exit 0 whatever the verdict; 1 on bad input.',
    )
    .requiredOption('--protocol <id>', 'protocol id, registry id (e.g. NCT04821479) or protocol file path')
    .requiredOption('--subject <file>', 'screening record JSON (one object or an array; - for stdin)')
    .option(
      '--json',
      'print { verdict, criteria: [{ id, kind, text, status, reason }] } (an array for an array)',
    )
    .addOption(
      new Option(
        '--assume-manual <mode>',
        "answer manual checks the record leaves open in the participant's favour (pre-screening)",
      ).choices(['favourable']),
    )
    .option('--protocols <dir>', 'protocols directory (default: the repository protocols/)')
    .action(async (options: EligibilityCheckOptions) => {
      process.stdout.write(`${await runEligibilityCheck(options)}\n`);
    });
}
