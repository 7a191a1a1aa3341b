import type { Command } from 'commander';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

/** `celltrial reference list`: the loaded reference tables (newest first) as JSON, without their content. */
export function registerReferenceListCommand(reference: Command): void {
  withDataDirOption(
    reference.command('list').description('List the loaded reference tables as JSON (newest first)'),
  ).action(async (opts: { dataDir?: string }) => {
    const { listReferenceTables } = await import('@celltrial/server');
    const tables = await withDatabase(opts, (opened) => listReferenceTables({ db: opened.db }));
    process.stdout.write(`${JSON.stringify(tables, null, 2)}\n`);
  });
}
