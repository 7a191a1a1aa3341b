import type { Command } from 'commander';
import type { BoinSettingsInput } from '@celltrial/core';
import { optionalNumber, parseNumber, requiredText, type RawOptions } from './design-options.js';

/** Flag names of the BOIN settings, by core field. */
export const BOIN_SETTING_FLAGS = {
  target: '--target',
  pSaf: '--p-saf',
  pTox: '--p-tox',
  cutoffEliminate: '--cutoff-eliminate',
} as const;

/** Reads --target, --p-saf, --p-tox and --cutoff-eliminate. */
export function boinSettingsFrom(options: RawOptions): BoinSettingsInput {
  const pSaf = optionalNumber(options, 'pSaf', '--p-saf');
  const pTox = optionalNumber(options, 'pTox', '--p-tox');
  const cutoffEliminate = optionalNumber(options, 'cutoffEliminate', '--cutoff-eliminate');
  return {
    target: parseNumber(requiredText(options, 'target', '--target'), '--target'),
    ...(pSaf === undefined ? {} : { pSaf }),
    ...(pTox === undefined ? {} : { pTox }),
    ...(cutoffEliminate === undefined ? {} : { cutoffEliminate }),
  };
}

/** Adds the optional BOIN setting flags to a command. */
export function withBoinSettings(command: Command): Command {
  return command
    .option('--target <rate>', 'target DLT rate φ, in (0, 1)')
    .option('--p-saf <rate>', 'highest sub-therapeutic rate φ1 (default 0.6 φ)')
    .option('--p-tox <rate>', 'lowest overly toxic rate φ2 (default 1.4 φ)')
    .option('--cutoff-eliminate <p>', 'eliminate when Pr(p > φ | data) exceeds this (default 0.95)');
}
