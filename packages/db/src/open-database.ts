import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database-types.js';

/** Where the data lives: embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly loadDataDir?: Blob }
  | { readonly kind: 'postgres'; readonly url: string; readonly maxConnections?: number };

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (for dumps in tests), else null. */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

// int8 (count(*), bigint seq) as JS numbers when safe; numeric stays a string (exact decimals).
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  }
  return n;
});

// date as its 'YYYY-MM-DD' text: a calendar date has no time zone, a JS Date would invent one.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * Opens the database. Both engines are driven through node-postgres (PGlite via its pg shim),
 * so type parsing and behaviour are the same in tests and production.
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  if (config.kind === 'pglite') {
    const options = config.loadDataDir === undefined ? {} : { loadDataDir: config.loadDataDir };
    const pglite =
      config.dataDir === undefined
        ? await PGlite.create(options)
        : await PGlite.create(config.dataDir, options);
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.maxConnections ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', pglite: null, close: () => db.destroy() };
}

/** DATABASE_URL set ⇒ PostgreSQL; otherwise PGlite in the given directory. */
export function databaseConfigFromEnv(
  env: Record<string, string | undefined>,
  defaultDataDir: string,
): DatabaseConfig {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite', dataDir: env['CELLTRIAL_DATA_DIR'] ?? defaultDataDir };
}
