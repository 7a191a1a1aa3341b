import type { Command } from 'commander';
import { registerImportCtgovCommand } from './import-ctgov.command.js';
import { registerProtocolLoadCommand } from './load.command.js';
import { registerProtocolScheduleCommand } from './protocol-schedule.command.js';
import { registerProtocolSchemaCommand } from './protocol-schema.command.js';
import { registerProtocolValidateCommand } from './protocol-validate.command.js';

/** `celltrial protocol …`: Protocol files: validate, load, schedules, JSON Schema, registry import. */
export function registerProtocolCommands(program: Command): void {
  const protocol = program
    .command('protocol')
    .description('Protocol files: validate, load, schedules, JSON Schema, registry import');
  registerProtocolValidateCommand(protocol);
  registerProtocolSchemaCommand(protocol);
  registerProtocolScheduleCommand(protocol);
  registerProtocolLoadCommand(protocol);
  registerImportCtgovCommand(protocol);
}
