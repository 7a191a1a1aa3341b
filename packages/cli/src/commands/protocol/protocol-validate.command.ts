import type { Command } from 'commander';
import { formatProtocolProblem } from '@celltrial/contracts';
import { CliError } from '../../io/cli-error.js';
import { loadProtocolFile } from './protocol-files.js';

export interface ValidateReport {
  /** One line per problem (`FILE:LINE: path: rule: message`) and `FILE: valid` per valid file. */
  lines: string[];
  problemCount: number;
  invalidFiles: number;
}

/** Validates protocol files and collects every problem of every file. */
export async function runProtocolValidate(files: readonly string[]): Promise<ValidateReport> {
  const report: ValidateReport = { lines: [], problemCount: 0, invalidFiles: 0 };
  for (const file of files) {
    let result;
    try {
      result = await loadProtocolFile(file);
    } catch (error) {
      report.lines.push(
        `${file}:1: (document): read-error: ${error instanceof Error ? error.message : String(error)}`,
      );
      report.problemCount += 1;
      report.invalidFiles += 1;
      continue;
    }
    if (result.kind === 'ok') {
      report.lines.push(`${file}: valid`);
    } else {
      report.lines.push(...result.problems.map(formatProtocolProblem));
      report.problemCount += result.problems.length;
      report.invalidFiles += 1;
    }
  }
  return report;
}

/** Registers `celltrial protocol validate FILE…` (exit 0 when every file is valid, 1 otherwise). */
export function registerProtocolValidateCommand(protocol: Command): void {
  protocol
    .command('validate')
    .description(
      'Check protocol files: schema, references, anchors, windows, dose levels, ratios (all problems)',
    )
    .argument('<files...>', 'protocol YAML files')
    .action(async (files: string[]) => {
      const report = await runProtocolValidate(files);
      process.stdout.write(`${report.lines.join('\n')}\n`);
      if (report.invalidFiles > 0) {
        throw new CliError(
          `${report.problemCount} problem(s) in ${report.invalidFiles} of ${files.length} protocol file(s)`,
        );
      }
    });
}
