import type { Command } from 'commander';
import { CliError } from '../../io/cli-error.js';
import { withDatabase, withDataDirOption } from '../../io/database-options.js';

interface GenerateOptions {
  study: string;
  participants: string;
  seed: string;
  dataDir?: string;
}

/** `celltrial demo generate --study ID --participants N --seed S`: synthetic participants through the real services. */
export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('Synthetic demo data (always marked synthetic)');
  withDataDirOption(
    demo
      .command('generate')
      .description(
        'Fill a study with synthetic participants: screening, enrolment, randomization, visits and forms (JSON summary out)',
      )
      .requiredOption('--study <id>', 'study id or code (e.g. NCT04821479)')
      .option('--participants <n>', 'number of candidates to screen (screen failures included)', '20')
      .option('--seed <seed>', 'random seed: the same seed gives the same data', 'celltrial-demo'),
  ).action(async (opts: GenerateOptions) => {
    const count = Number(opts.participants);
    if (!Number.isInteger(count) || count < 1 || count > 10_000) {
      throw new CliError('--participants: must be a whole number from 1 to 10000');
    }
    const { findStudyByCode, findStudyById } = await import('@celltrial/db');
    const { AppError, generateDemoData, systemClock } = await import('@celltrial/server');
    await withDatabase(opts, async (opened) => {
      const isUuid = /^[0-9a-f-]{36}$/i.test(opts.study);
      const study = isUuid
        ? await findStudyById(opened.db, opts.study)
        : ((await findStudyByCode(opened.db, opts.study)) ??
          (await findStudyByCode(opened.db, opts.study.toLowerCase())));
      if (study === undefined) {
        throw new CliError(
          `--study: no study '${opts.study}' (load its protocol first: celltrial protocol load)`,
        );
      }
      try {
        const summary = await generateDemoData(
          { db: opened.db, clock: systemClock },
          { studyId: study.id, participants: count, seed: opts.seed },
        );
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } catch (error) {
        if (error instanceof AppError) {
          throw new CliError(`${error.code}: ${error.message} ${JSON.stringify(error.details ?? {})}`);
        }
        throw error;
      }
    });
  });
}
