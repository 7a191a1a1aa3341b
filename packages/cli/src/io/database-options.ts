import { resolve } from 'node:path';
import {
  databaseConfigFromEnv,
  migrateToLatest,
  openDatabase,
  type DatabaseConfig,
  type OpenedDatabase,
} from '@celltrial/db';
import type { Command } from 'commander';

/** Adds `--data-dir DIR` (PGlite directory; ignored when DATABASE_URL is set). */
export function withDataDirOption(command: Command): Command {
  return command.option(
    '--data-dir <dir>',
    'PGlite data directory when DATABASE_URL is unset (default: $CELLTRIAL_DATA_DIR or ./data)',
  );
}

/** The database the server and every data command use: DATABASE_URL, else PGlite in ./data. */
export function resolveDatabaseConfig(opts: { dataDir?: string }): DatabaseConfig {
  const config = databaseConfigFromEnv(process.env, resolve('data'));
  if (config.kind === 'pglite' && opts.dataDir !== undefined) {
    return { kind: 'pglite', dataDir: resolve(opts.dataDir) };
  }
  return config;
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'postgres') {
    const url = new URL(config.url);
    return `PostgreSQL ${url.host}${url.pathname}`;
  }
  return `PGlite ${config.dataDir ?? '(in memory)'}`;
}

/** Opens the database, migrating it on first use, runs `work`, and closes it. */
export async function withDatabase<T>(
  opts: { dataDir?: string },
  work: (db: OpenedDatabase) => Promise<T>,
): Promise<T> {
  const opened = await openDatabase(resolveDatabaseConfig(opts));
  try {
    await migrateToLatest(opened.db);
    return await work(opened);
  } finally {
    await opened.close();
  }
}
