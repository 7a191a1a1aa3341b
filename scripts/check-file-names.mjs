// Fails when a tracked source file is not kebab-case (role suffixes like .service.ts are allowed).
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.tsx?$/;
const bad = files.filter((f) => !kebab.test(basename(f)));
if (bad.length > 0) {
  console.error(`file names must be kebab-case:\n${bad.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
