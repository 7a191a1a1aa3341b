import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { describeDatabase, resolveDatabaseConfig, withDataDirOption } from '../../io/database-options.js';

const WEB_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));
const PROTOCOLS = fileURLToPath(new URL('../../../../../protocols', import.meta.url));

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be an integer 0–65535, got ${value}`);
  }
  return port;
}

/** `--demo` absent: none; `--demo`: 6 candidates per study; `--demo N`: N. */
function demoCandidates(option: string | boolean | undefined): number {
  if (option === undefined) {
    return 0;
  }
  return option === true ? 6 : Number(option);
}

/** `celltrial serve`: the API and the web app on one port. */
export function registerServeCommand(program: Command): void {
  withDataDirOption(
    program
      .command('serve')
      .description('Run the celltrial server (API at /api, web app at /) on PGlite or DATABASE_URL')
      .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
      .option('--host <host>', 'interface to bind (default: $HOST or 0.0.0.0)')
      .option(
        '--demo [candidates]',
        'load synthetic demo data (this many candidates per study, default 6) into every study without participants',
      ),
  ).action(async (opts: { port?: string; host?: string; dataDir?: string; demo?: string | boolean }) => {
    const started = Date.now();
    const { describeDirectoryLoad, loadDemoIntoEmptyStudies, startServer, systemClock } =
      await import('@celltrial/server');
    const database = resolveDatabaseConfig(opts);
    const demoCount = demoCandidates(opts.demo);
    if (!Number.isInteger(demoCount) || demoCount < 0 || demoCount > 200) {
      throw new CliError(`--demo: a number of candidates from 0 to 200, got ${String(opts.demo)}`);
    }
    const demoLines: string[] = [];
    const server = await startServer({
      database,
      port: parsePort(opts.port ?? process.env['PORT'] ?? '3000'),
      host: opts.host ?? process.env['HOST'] ?? '0.0.0.0',
      adminPassword: process.env['CELLTRIAL_ADMIN_PASSWORD'],
      webDist: WEB_DIST,
      protocolsDir: process.env['CELLTRIAL_PROTOCOLS_DIR'] ?? PROTOCOLS,
      logger: { level: process.env['LOG_LEVEL'] ?? 'info' },
      onDatabaseReady:
        demoCount === 0
          ? undefined
          : async (opened) => {
              process.stderr.write('loading synthetic demo data into empty studies…\n');
              await loadDemoIntoEmptyStudies(
                { db: opened.db, clock: systemClock },
                {
                  participants: demoCount,
                  seed: 'celltrial-demo',
                  onStudy: (s) => {
                    const line = `  ${s.studyCode}: ${s.enrolled} enrolled, ${s.screenFailures} screen failures, ${s.visits} visits, ${s.forms} forms, ${s.adverseEvents} adverse events (synthetic)`;
                    demoLines.push(line);
                    process.stderr.write(`${line}\n`);
                  },
                },
              );
            },
    });
    const lines = [
      `celltrial is running at ${server.url}  (${describeDatabase(database)}, ready in ${Date.now() - started} ms)`,
      `API docs: ${server.url}/api/docs`,
    ];
    if (server.appliedMigrations.length > 0) {
      lines.push(`applied migrations: ${server.appliedMigrations.join(', ')}`);
    }
    if (server.protocols.length > 0) {
      lines.push('protocols:', ...describeDirectoryLoad(server.protocols));
    }
    if (demoLines.length > 0) {
      lines.push(
        `demo data: ${demoLines.length} studies filled (listed above); synthetic, and marked as such everywhere`,
      );
    }
    if (server.firstAdmin !== null) {
      const password = server.firstAdmin.generatedPassword ?? '(from CELLTRIAL_ADMIN_PASSWORD)';
      lines.push(
        `first run: log in as "${server.firstAdmin.username}" with password ${password}  — shown once, change it`,
      );
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    const stop = (): void => {
      void server.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
