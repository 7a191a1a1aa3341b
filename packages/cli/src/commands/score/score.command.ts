import type { Command } from 'commander';
import { registerAlsfrsRCommand } from './alsfrs-r.command.js';
import { registerEdssCommand } from './edss.command.js';
import { registerSpirometryCommand } from './spirometry.command.js';

/** `celltrial score …`: Score clinical instruments (JSON in, JSON out): ALSFRS-R, spirometry, EDSS. */
export function registerScoreCommands(program: Command): void {
  const score = program
    .command('score')
    .description(
      'Score clinical instruments (JSON in, JSON out; one object or an array, from FILE or - for stdin): ' +
        'ALSFRS-R, spirometry, EDSS',
    );
  registerAlsfrsRCommand(score);
  registerSpirometryCommand(score);
  registerEdssCommand(score);
}
