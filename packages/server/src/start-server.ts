import { migrateToLatest, openDatabase, type DatabaseConfig, type OpenedDatabase } from '@celltrial/db';
import type { FastifyServerOptions } from 'fastify';
import type { ApiApp } from './http/app-types.js';
import { createApp } from './http/create-app.js';
import { loadProtocolDirectory, type DirectoryLoadResult } from './services/protocol-directory.js';
import { SYSTEM_ACTOR, systemClock } from './services/service-context.js';
import { DEFAULT_SESSION_POLICY } from './services/session-policy.js';
import { ensureFirstAdmin, type FirstAdmin } from './services/user.service.js';

export const CELLTRIAL_VERSION = '0.1.0';

export interface StartServerOptions {
  readonly database: DatabaseConfig;
  readonly port: number;
  readonly host: string;
  readonly adminPassword?: string | undefined;
  readonly webDist?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
  /** Directory of protocol files to load at start-up (`protocols/`). */
  readonly protocolsDir?: string | undefined;
  /** Runs after migrations and protocol loading with the open database (e.g. demo data). */
  readonly onDatabaseReady?: (db: OpenedDatabase) => Promise<void>;
}

export interface RunningServer {
  readonly app: ApiApp;
  readonly url: string;
  readonly firstAdmin: FirstAdmin | null;
  readonly appliedMigrations: string[];
  readonly protocols: DirectoryLoadResult[];
  stop(): Promise<void>;
}

/** Opens and migrates the database, creates the first admin if needed, and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const opened = await openDatabase(options.database);
  try {
    const migration = await migrateToLatest(opened.db);
    const deps = {
      db: opened.db,
      clock: systemClock,
      policy: DEFAULT_SESSION_POLICY,
      engine: opened.engine,
      version: CELLTRIAL_VERSION,
    };
    const firstAdmin = await ensureFirstAdmin(deps, options.adminPassword);
    const protocols =
      options.protocolsDir === undefined
        ? []
        : await loadProtocolDirectory(
            deps,
            { ...SYSTEM_ACTOR, name: 'system:startup' },
            options.protocolsDir,
          );
    await options.onDatabaseReady?.(opened);
    const app = await createApp({ deps, webDist: options.webDist, logger: options.logger });
    await app.listen({ port: options.port, host: options.host });
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    return {
      app,
      url: `http://${shownHost}:${options.port}`,
      firstAdmin,
      appliedMigrations: migration.applied,
      protocols,
      stop: async () => {
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
