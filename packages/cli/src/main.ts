import { CommanderError } from 'commander';
import { CliError } from './io/cli-error.js';
import { buildProgram } from './program.js';

async function main(): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(process.argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      return error.exitCode;
    }
    if (error instanceof CliError) {
      process.stderr.write(`celltrial: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`celltrial: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
