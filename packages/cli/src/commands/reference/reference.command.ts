import type { Command } from 'commander';
import { registerReferenceListCommand } from './list.command.js';
import { registerReferenceLoadGliCommand } from './load-gli.command.js';

/** `celltrial reference …`: reference tables the user supplies (GLI spirometry lookup tables). */
export function registerReferenceCommands(program: Command): void {
  const reference = program
    .command('reference')
    .description('Reference tables you supply (GLI spirometry lookup tables): load and list');
  const load = reference.command('load').description('Load a reference table file into the database');
  registerReferenceLoadGliCommand(load);
  registerReferenceListCommand(reference);
}
