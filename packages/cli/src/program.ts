import { Command } from 'commander';
import { COMMAND_GROUPS } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('celltrial')
    .description('celltrial: run clinical trials of cell therapies in neurodegenerative disease')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const register of COMMAND_GROUPS) {
    register(program);
  }
  return program;
}
