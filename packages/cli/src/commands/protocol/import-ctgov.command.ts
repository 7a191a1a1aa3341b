import { access, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { readTextInput } from '../../io/read-input.js';

export interface ImportCtgovOptions {
  out?: string;
  force?: boolean;
}

export interface ImportCtgovOutput {
  yaml: string;
  /** One line for the terminal: what was drafted and how many TODOs are left. */
  summary: string;
}

/** The importer lives in the server package (pure functions, no server start); loaded only when used. */
const importer = () => import('@celltrial/server');

/** Reads a ClinicalTrials.gov record (JSON or XML, by content) and returns the draft protocol YAML. */
export async function runImportCtgov(file: string): Promise<ImportCtgovOutput> {
  const text = await readTextInput(file);
  const { importCtgovRecord } = await importer();
  const result = importCtgovRecord(text);
  if (result.kind === 'invalid') {
    throw new CliError(`${file === '-' ? 'stdin' : file}: ${result.reason}`);
  }
  const { draft } = result;
  const summary =
    `draft of ${draft.nctId}: ${draft.protocol.eligibility.criteria.length} criteria, ` +
    `${draft.protocol.endpoints.length} endpoints, ${draft.protocol.sites.length} sites; ` +
    `${draft.todos.length} TODOs to complete before it validates`;
  return { yaml: result.yaml, summary };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Registers `celltrial protocol import-ctgov FILE [--out PATH] [--force]`. */
export function registerImportCtgovCommand(protocolGroup: Command): void {
  protocolGroup
    .command('import-ctgov')
    .description(
      'Draft a protocol file from a ClinicalTrials.gov record (API v2 JSON or legacy XML); the draft has TODOs and fails validation until completed',
    )
    .argument('<file>', 'study record: API v2 JSON (/api/v2/studies/{nctId}) or legacy XML; - reads stdin')
    .option('--out <path>', 'write the draft YAML to this file instead of stdout')
    .option('--force', 'overwrite the --out file if it exists')
    .action(async (file: string, options: ImportCtgovOptions) => {
      const output = await runImportCtgov(file);
      if (options.out === undefined) {
        process.stdout.write(output.yaml);
        return;
      }
      if (options.force !== true && (await exists(options.out))) {
        throw new CliError(`${options.out} exists; use --force to overwrite it`);
      }
      try {
        await writeFile(options.out, output.yaml, 'utf8');
      } catch (error) {
        throw new CliError(
          `cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        );
      }
      process.stderr.write(`wrote ${options.out}: ${output.summary}\n`);
    });
}
