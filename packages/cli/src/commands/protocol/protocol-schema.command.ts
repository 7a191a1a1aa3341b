import type { Command } from 'commander';
import { protocolJsonSchema } from '@celltrial/contracts';
import { printJson } from '../../io/read-input.js';

/** Registers `celltrial protocol schema`: the JSON Schema of protocol files on stdout. */
export function registerProtocolSchemaCommand(protocol: Command): void {
  protocol
    .command('schema')
    .description('Print the JSON Schema (draft 2020-12) of protocol files')
    .action(() => {
      printJson(protocolJsonSchema());
    });
}
