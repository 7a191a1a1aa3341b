import { migrateDown, migrateToLatest, migrationStatus, openDatabase } from '@celltrial/db';
import type { Command } from 'commander';
import { describeDatabase, resolveDatabaseConfig, withDataDirOption } from '../../io/database-options.js';

/** `celltrial db …`: migrations. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  withDataDirOption(
    db
      .command('migrate')
      .description('Apply pending migrations (or revert the latest with --down)')
      .option('--down', 'revert the most recent migration'),
  ).action(async (opts: { dataDir?: string; down?: boolean }) => {
    const config = resolveDatabaseConfig(opts);
    const opened = await openDatabase(config);
    try {
      const outcome = opts.down === true ? await migrateDown(opened.db) : await migrateToLatest(opened.db);
      const verb = opts.down === true ? 'reverted' : 'applied';
      const list = outcome.applied.length === 0 ? 'nothing' : outcome.applied.join(', ');
      process.stdout.write(
        `${describeDatabase(config)}: ${verb} ${list}; now at ${outcome.current ?? '(empty)'}\n`,
      );
    } finally {
      await opened.close();
    }
  });
  withDataDirOption(db.command('status').description('Show the current and pending migrations')).action(
    async (opts: { dataDir?: string }) => {
      const config = resolveDatabaseConfig(opts);
      const opened = await openDatabase(config);
      try {
        const status = await migrationStatus(opened.db);
        process.stdout.write(
          `${describeDatabase(config)}: at ${status.current ?? '(empty)'}; pending: ${status.pending.join(', ') || 'none'}\n`,
        );
      } finally {
        await opened.close();
      }
    },
  );
}
