// Finding and reading protocol files: the repository's `protocols/` directory, ids and registry ids.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProtocolYaml, type ParseProtocolResult } from '@celltrial/contracts';
import { matchesProtocolId } from '@celltrial/core';
import { parseDocument } from 'yaml';
import { CliError } from '../../io/cli-error.js';

/** The nearest directory at or above `start` that holds a `protocols/` directory, or null. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'protocols');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return null;
    }
    dir = parent;
  }
}

/** The repository's `protocols/` directory (walking up from the CLI sources); a CliError when absent. */
export function defaultProtocolsDir(): string {
  const root = findRepoRoot();
  if (root === null) {
    throw new CliError('cannot find the protocols/ directory above the CLI; pass --protocols DIR');
  }
  return join(root, 'protocols');
}

/** Reads and validates one protocol file; problems name the file as given. */
export async function loadProtocolFile(path: string): Promise<ParseProtocolResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : String(error)}`);
  }
  return parseProtocolYaml(text, path);
}

/** The `*.yaml` / `*.yml` files of a protocols directory, sorted. */
export async function listProtocolFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => {
    throw new CliError(`cannot read protocols directory ${dir}`);
  });
  return names
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}

/** Cheap look at a file's `id` and `registryIds` (no validation), to find a protocol by id. */
async function peekIdentity(path: string): Promise<{ id: string; registryIds: string[] } | null> {
  const data: unknown = parseDocument(await readFile(path, 'utf8')).toJS();
  if (data === null || typeof data !== 'object') {
    return null;
  }
  const { id, registryIds } = data as { id?: unknown; registryIds?: unknown };
  return {
    id: typeof id === 'string' ? id : basename(path).replace(/\.ya?ml$/, ''),
    registryIds: Array.isArray(registryIds)
      ? registryIds.filter((v): v is string => typeof v === 'string')
      : [],
  };
}

/** The file of the protocol whose id or registry id (e.g. NCT04821479) is `query`; a path is taken as is. */
export async function resolveProtocolFile(query: string, dir: string): Promise<string> {
  if (/\.ya?ml$/.test(query) && existsSync(query)) {
    return query;
  }
  const files = await listProtocolFiles(dir);
  const matches: string[] = [];
  for (const file of files) {
    const identity = await peekIdentity(file).catch(() => null);
    if (identity !== null && matchesProtocolId(identity, query)) {
      matches.push(file);
    }
  }
  if (matches.length === 0) {
    throw new CliError(`no protocol with id or registry id '${query}' in ${dir}`);
  }
  if (matches.length > 1) {
    throw new CliError(`'${query}' matches several protocol files: ${matches.join(', ')}`);
  }
  return matches[0] ?? query;
}
