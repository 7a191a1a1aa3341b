import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Repository root (tests spawn the real CLI from here). */
export const repoRoot = resolve(import.meta.dirname, '../../../../..');

/** Path of a golden fixture of the core statistics. */
export const fixture = (name: string): string => join(repoRoot, 'packages/core/src/stats/fixtures', name);

/** Runs `node packages/cli/bin/celltrial.js analyze …` and returns exit code, stdout and stderr. */
export function runAnalyze(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['packages/cli/bin/celltrial.js', 'analyze', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a temporary CSV file and returns its path. */
export function tempCsv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'celltrial-analyze-'));
  const file = join(dir, 'data.csv');
  writeFileSync(file, text);
  return file;
}
