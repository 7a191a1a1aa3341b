import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { GLI_EDITIONS, type GliEdition } from '@celltrial/core';
import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

interface LoadGliOptions {
  edition: string;
  name?: string;
  dataDir?: string;
}

/**
 * `celltrial reference load gli FILE --edition gli-2012|gli-global-2022 [--name NAME]`: validates a GLI lookup-table
 * CSV and stores it (once per file content); prints `{ kind, name, sha256, rows, loaded }` as JSON.
 */
export function registerReferenceLoadGliCommand(load: Command): void {
  withDataDirOption(
    load
      .command('gli <file>')
      .description(
        'Load a GLI spirometry lookup-table CSV you obtained from the GLI/ERS (none is bundled); the same file twice is a no-op',
      )
      .requiredOption('--edition <edition>', `the table's edition: ${GLI_EDITIONS.join(' | ')}`)
      .option('--name <name>', 'the name recorded with every GLI value (default: the file name)'),
  ).action(async (file: string, opts: LoadGliOptions) => {
    const edition = GLI_EDITIONS.find((e): e is GliEdition => e === opts.edition);
    if (edition === undefined) {
      throw new CliError(`--edition: one-of: must be ${GLI_EDITIONS.join(' or ')} (got '${opts.edition}')`);
    }
    const bytes = await readFile(file).catch(() => {
      throw new CliError(`cannot read ${file}`);
    });
    const actor = {
      userId: null,
      name: `cli:${userInfo().username}`,
      principal: null,
      requestId: null,
      sessionId: null,
    };
    const { AppError, formatReferenceTableError, loadGliReferenceTable, systemClock } =
      await import('@celltrial/server');
    await withDatabase(opts, async (opened) => {
      try {
        const outcome = await loadGliReferenceTable({ db: opened.db, clock: systemClock }, actor, {
          bytes,
          fileName: basename(file),
          edition,
          name: opts.name,
        });
        process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      } catch (error) {
        if (error instanceof AppError) {
          throw new CliError(formatReferenceTableError(file, error));
        }
        throw error;
      }
    });
  });
}
