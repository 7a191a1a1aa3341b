import type { Command } from 'commander';

/** `celltrial design …`: Trial-design calculations: 3+3 and BOIN dose escalation, operating characteristics. */
export function registerDesignCommands(program: Command): void {
  program
    .command('design')
    .description('Trial-design calculations: 3+3 and BOIN dose escalation, operating characteristics');
}
