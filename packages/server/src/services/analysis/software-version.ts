import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

function readRootVersion(): string | null {
  try {
    const parsed = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : null;
  } catch {
    return null;
  }
}

function readCommit(): string | null {
  const fromEnv = process.env['CELLTRIAL_GIT_COMMIT']?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
      encoding: 'utf8',
    }).trim();
    return /^[0-9a-f]{7,40}$/.test(out) ? out : null;
  } catch {
    return null; // no git, or not a checkout: the report says "commit unknown"
  }
}

// Read once when the server starts: the running code does not change under it.
const ROOT_VERSION = readRootVersion();
const COMMIT = readCommit();

/** The software that produced an analysis: the root package.json version and the git commit, when known. */
export function softwareVersion(fallbackVersion: string): { version: string; commit: string | null } {
  return { version: ROOT_VERSION ?? fallbackVersion, commit: COMMIT };
}
