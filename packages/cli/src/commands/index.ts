import type { Command } from 'commander';

/** Each command group registers itself on the root program; add a line per new group. */
export const COMMAND_GROUPS: ReadonlyArray<(program: Command) => void> = [
  // command groups — keep one registration per line
];
