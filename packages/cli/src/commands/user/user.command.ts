import { userInfo } from 'node:os';
import { CreateUserRequestSchema } from '@celltrial/contracts';
import { STUDY_ROLES, isStudyRole } from '@celltrial/core';
import { findStudyByCode, findUserByUsername, listSites } from '@celltrial/db';
import type { Actor } from '@celltrial/server';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { CliError } from '../../io/cli-error.js';
import { readTextInput } from '../../io/read-input.js';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

const cliActor = (): Actor => ({
  userId: null,
  name: `cli:${userInfo().username}`,
  principal: null,
  requestId: null,
  sessionId: null,
});

function zodProblem(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; ');
}

/** The server's services, loaded only when a command runs (keeps `--help` fast). */
const services = () => import('@celltrial/server');

async function asCli<T>(work: () => Promise<T>): Promise<T> {
  const { AppError } = await services();
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

interface AddOptions {
  name?: string;
  email?: string;
  admin?: boolean;
  passwordStdin?: boolean;
  dataDir?: string;
}

/** `celltrial user …`: accounts and study roles. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('User accounts and study roles');
  withDataDirOption(
    user
      .command('add <username>')
      .description('Create a user; prints a generated password unless --password-stdin')
      .option('--name <displayName>', 'display name (default: the username)')
      .option('--email <email>', 'e-mail address')
      .option('--admin', 'make a system administrator')
      .option('--password-stdin', 'read the password from standard input'),
  ).action(async (username: string, opts: AddOptions) => {
    const generated = opts.passwordStdin === true ? null : randomBytes(18).toString('base64url');
    const password = generated ?? (await readTextInput('-')).replace(/\r?\n$/, '');
    const parsed = CreateUserRequestSchema.safeParse({
      username,
      displayName: opts.name ?? username,
      email: opts.email,
      password,
      isSystemAdmin: opts.admin === true,
    });
    if (!parsed.success) {
      throw new CliError(zodProblem(parsed.error));
    }
    const { createUser, systemClock } = await services();
    const created = await withDatabase(opts, (opened) =>
      asCli(() => createUser({ db: opened.db, clock: systemClock }, cliActor(), parsed.data)),
    );
    process.stdout.write(
      `created user ${created.username}${created.isSystemAdmin ? ' (system administrator)' : ''}\n`,
    );
    if (generated !== null) {
      process.stdout.write(`password: ${generated}\n`);
    }
  });

  withDataDirOption(
    user
      .command('grant <username>')
      .description('Grant a study role, optionally limited to one site')
      .requiredOption('--study <code>', 'study code (protocol id, e.g. nct04821479)')
      .requiredOption('--role <role>', `one of: ${STUDY_ROLES.join(', ')}`)
      .option('--site <code>', 'site code (default: every site of the study)'),
  ).action(
    async (username: string, opts: { study: string; role: string; site?: string; dataDir?: string }) => {
      const role = opts.role;
      if (!isStudyRole(role)) {
        throw new CliError(`--role must be one of ${STUDY_ROLES.join(', ')}, got ${role}`);
      }
      const { grantRole, systemClock } = await services();
      await withDatabase(opts, async (opened) => {
        const u = await findUserByUsername(opened.db, username);
        const study = await findStudyByCode(opened.db, opts.study);
        if (u === undefined) {
          throw new CliError(`no user ${username}`);
        }
        if (study === undefined) {
          throw new CliError(`no study with code ${opts.study}`);
        }
        const site =
          opts.site === undefined
            ? null
            : (await listSites(opened.db, study.id)).find((s) => s.code === opts.site);
        if (site === undefined) {
          throw new CliError(`study ${opts.study} has no site ${opts.site ?? ''}`);
        }
        const siteId = site === null ? null : site.id;
        await asCli(() =>
          grantRole({ db: opened.db, clock: systemClock }, cliActor(), {
            userId: u.id,
            grant: { studyId: study.id, siteId, role },
          }),
        );
      });
      process.stdout.write(
        `granted ${role} on ${opts.study}${opts.site === undefined ? '' : ` site ${opts.site}`} to ${username}\n`,
      );
    },
  );

  withDataDirOption(user.command('list').description('List users')).action(
    async (opts: { dataDir?: string }) => {
      const { listAllUsers, systemClock } = await services();
      const users = await withDatabase(opts, (opened) => listAllUsers({ db: opened.db, clock: systemClock }));
      for (const u of users) {
        process.stdout.write(
          `${u.username}\t${u.displayName}${u.isSystemAdmin ? '\t(admin)' : ''}${u.disabled ? '\t(disabled)' : ''}\n`,
        );
      }
    },
  );
}
