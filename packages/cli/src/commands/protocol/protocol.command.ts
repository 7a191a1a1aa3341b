import type { Command } from 'commander';

/** `celltrial protocol …`: Protocol files: validate, load, schedules, JSON Schema, registry import. */
export function registerProtocolCommands(program: Command): void {
  program
    .command('protocol')
    .description('Protocol files: validate, load, schedules, JSON Schema, registry import');
}
