import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { migrateToLatest } from '../migrate.js';
import { openDatabase, type OpenedDatabase } from '../open-database.js';

/** Env var naming the migrated PGlite template written by the test global setup. */
export const TEMPLATE_ENV = 'CELLTRIAL_TEST_PGLITE_TEMPLATE';

export interface TestDatabase extends OpenedDatabase {
  /** A PostgreSQL URL of the database (postgres engine only), for tests that need a second client. */
  readonly url: string | null;
}

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL set, a new PostgreSQL database
 * is created on that server (and dropped on close); otherwise an in-memory PGlite loaded from the
 * migrated template (or migrated from scratch when no template exists).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (adminUrl !== undefined && adminUrl !== '') {
    return createPostgresTestDatabase(adminUrl);
  }
  const templatePath = process.env[TEMPLATE_ENV];
  if (templatePath !== undefined) {
    const bytes = await readFile(templatePath);
    const opened = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([bytes]) });
    await migrateToLatest(opened.db);
    return { ...opened, url: null };
  }
  const opened = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(opened.db);
  return { ...opened, url: null };
}

/**
 * Drops a test database once its connections have gone. Closed pool connections can take a moment to
 * leave the server; dropping `with (force)` at once would kill them mid-goodbye and surface as an
 * unhandled FATAL 57P01 in the test run, so wait for them first (force only as a last resort).
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await cleanup.query<{ n: string }>(
        'select count(*) as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (Number(rows[0]?.n ?? 0) === 0) {
        await cleanup.query(`drop database if exists ${name}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cleanup.query(`drop database if exists ${name} with (force)`);
  } finally {
    await cleanup.end();
  }
}

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `celltrial_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    url: url.toString(),
    close: async () => {
      await opened.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
