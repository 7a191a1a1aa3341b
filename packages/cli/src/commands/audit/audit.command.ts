import { verifyAuditChain } from '@celltrial/db';
import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

/** `celltrial audit verify`: recomputes the audit hash chain. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The audit trail');
  withDataDirOption(
    audit
      .command('verify')
      .description(
        'Recompute the audit hash chain; exit 1 naming the first edited, deleted or reordered row',
      ),
  ).action(async (opts: { dataDir?: string }) => {
    const verdict = await withDatabase(opts, (opened) => verifyAuditChain(opened.db));
    if (!verdict.ok) {
      throw new CliError(
        `audit chain broken at row ${verdict.firstBad.seq}: ${verdict.firstBad.problem} (${verdict.checked} rows before it are intact)`,
      );
    }
    process.stdout.write(
      `audit chain intact: ${verdict.checked} rows; head hash ${verdict.headHash ?? '(empty)'}\n`,
    );
  });
}
