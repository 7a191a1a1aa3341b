import type { Command } from 'commander';

/** `celltrial analyze …`: Statistical analyses on CSV exports (JSON out): slopes, mixed models, survival, CAFS, power. */
export function registerAnalyzeCommands(program: Command): void {
  program
    .command('analyze')
    .description(
      'Statistical analyses on CSV exports (JSON out): slopes, mixed models, survival, CAFS, power',
    );
}
