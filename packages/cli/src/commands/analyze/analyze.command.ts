import type { Command } from 'commander';
import { registerCafsCommand } from './cafs.command.js';
import { registerEncalsCommand } from './encals.command.js';
import { registerInterimCommands } from './interim.command.js';
import { registerLmmCommands } from './lmm.command.js';
import { registerPowerCommand } from './power.command.js';
import { registerSlopesCommand } from './slopes.command.js';
import { registerSurvivalCommand } from './survival.command.js';

/** `celltrial analyze …`: Statistical analyses on CSV exports (JSON out): slopes, mixed models, survival, CAFS, power, interim boundaries. */
export function registerAnalyzeCommands(program: Command): void {
  const analyze = program
    .command('analyze')
    .description(
      'Statistical analyses on CSV exports (JSON out): slopes, mixed models, survival, CAFS, power, interim boundaries',
    );
  registerSlopesCommand(analyze);
  registerSurvivalCommand(analyze);
  registerLmmCommands(analyze);
  registerCafsCommand(analyze);
  registerPowerCommand(analyze);
  registerInterimCommands(analyze);
  registerEncalsCommand(analyze);
}
