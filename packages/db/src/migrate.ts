import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Database } from './database-types.js';
import { MIGRATIONS } from './migrations/index.js';

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
}

export interface MigrationOutcome {
  readonly applied: string[];
  readonly current: string | null;
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const where = failed === undefined ? '' : ` (in ${failed.migrationName})`;
    const cause = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration failed${where}: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration in one run; throws naming the migration that failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const applied = unwrap(await migratorFor(db).migrateToLatest());
  return { applied, current: (await migrationStatus(db)).current };
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Kysely<Database>): Promise<MigrationOutcome> {
  const applied = unwrap(await migratorFor(db).migrateDown());
  return { applied, current: (await migrationStatus(db)).current };
}

export interface MigrationStatus {
  readonly current: string | null;
  readonly pending: string[];
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  const all = await migratorFor(db).getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return {
    current: done.at(-1)?.name ?? null,
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1) ?? null;
