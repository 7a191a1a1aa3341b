import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

interface LoadOptions {
  amend?: boolean;
  reason?: string;
  dataDir?: string;
}

/** `celltrial protocol load FILE… [--amend --reason "…"]`: validate and load into the database. */
export function registerProtocolLoadCommand(protocol: Command): void {
  withDataDirOption(
    protocol
      .command('load <files...>')
      .description(
        'Validate protocol files and load them into the database (as npm start does for protocols/)',
      )
      .option('--amend', 'load a changed protocol as a new version (an amendment)')
      .option('--reason <text>', 'the amendment reason (required with --amend; recorded in the audit trail)'),
  ).action(async (files: string[], opts: LoadOptions) => {
    if (opts.amend === true && (opts.reason === undefined || opts.reason.trim().length < 3)) {
      throw new CliError('--reason: an amendment needs a reason of at least 3 characters');
    }
    if (opts.amend !== true && opts.reason !== undefined) {
      throw new CliError('--reason is only used with --amend');
    }
    const { AppError, describeLoadOutcome, formatLoadError, loadProtocol, systemClock } =
      await import('@celltrial/server');
    const actor = {
      userId: null,
      name: `cli:${userInfo().username}`,
      principal: null,
      requestId: null,
      sessionId: null,
    };
    await withDatabase(opts, async (opened) => {
      for (const file of files) {
        const text = await readFile(file, 'utf8').catch(() => {
          throw new CliError(`cannot read ${file}`);
        });
        try {
          const outcome = await loadProtocol({ db: opened.db, clock: systemClock }, actor, {
            text,
            sourceName: basename(file),
            amendmentReason: opts.amend === true ? opts.reason : undefined,
          });
          process.stdout.write(`${file}: ${describeLoadOutcome(outcome)}\n`);
        } catch (error) {
          if (error instanceof AppError) {
            throw new CliError(formatLoadError(file, error));
          }
          throw error;
        }
      }
    });
  });
}
