import type { Command } from 'commander';

/** `celltrial score …`: Score clinical instruments (JSON in, JSON out): ALSFRS-R, spirometry, EDSS. */
export function registerScoreCommands(program: Command): void {
  program
    .command('score')
    .description('Score clinical instruments (JSON in, JSON out): ALSFRS-R, spirometry, EDSS');
}
