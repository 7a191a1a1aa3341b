// Type-checks every package with its own tsconfig (core without Node types, web with DOM and JSX).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const projects = [
  'packages/core',
  'packages/contracts',
  'packages/db',
  'packages/server',
  'packages/cli',
  'packages/web',
  'e2e',
  'scripts',
];
let failed = false;
for (const project of projects) {
  if (!existsSync(`${project}/tsconfig.json`) || !readdirSync(project).length) {
    continue;
  }
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
