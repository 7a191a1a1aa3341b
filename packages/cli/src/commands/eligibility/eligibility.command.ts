import type { Command } from 'commander';
import { registerEligibilityCheckCommand } from './check.command.js';

/** `celltrial eligibility …`: check screening records against a protocol's eligibility criteria. */
export function registerEligibilityCommands(program: Command): void {
  const eligibility = program
    .command('eligibility')
    .description(
      "Eligibility: check screening records against a protocol's inclusion and exclusion criteria",
    );
  registerEligibilityCheckCommand(eligibility);
}
