import type { Command } from 'commander';
import { registerBoinCommands } from './boin.command.js';
import { registerSafetyMonitoringCommand } from './safety-monitoring.command.js';
import { registerThreePlusThreeCommands } from './three-plus-three.command.js';

/** `celltrial design …`: Trial-design calculations: 3+3 and BOIN dose escalation, operating characteristics. */
export function registerDesignCommands(program: Command): void {
  const design = program
    .command('design')
    .description('Trial-design calculations: 3+3 and BOIN dose escalation, operating characteristics');
  registerThreePlusThreeCommands(design);
  registerBoinCommands(design);
  registerSafetyMonitoringCommand(design);
}
