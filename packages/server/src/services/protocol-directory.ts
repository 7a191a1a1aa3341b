import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { loadProtocol, type LoadProtocolOutcome } from './protocol.service.js';
import type { Actor, ServiceDeps } from './service-context.js';

export type DirectoryLoadResult =
  | { readonly file: string; readonly outcome: LoadProtocolOutcome }
  | { readonly file: string; readonly error: string };

/**
 * Loads every `*.yaml` protocol file of a directory (as `npm start` does for `protocols/`). A file that
 * fails validation or would need an amendment is reported, not applied, and does not stop the others.
 */
export async function loadProtocolDirectory(
  deps: ServiceDeps,
  actor: Actor,
  dir: string,
): Promise<DirectoryLoadResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  const results: DirectoryLoadResult[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    try {
      results.push({
        file,
        outcome: await loadProtocol(deps, actor, { text, sourceName: `protocols/${file}` }),
      });
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      const problems = (
        error.details as { problems?: Array<{ line: number; path: string; message: string }> } | undefined
      )?.problems;
      const first = problems?.[0];
      const where = first === undefined ? '' : ` (first: line ${first.line} ${first.path}: ${first.message})`;
      results.push({ file, error: `${error.message}${where}` });
    }
  }
  return results;
}

/** One line per file for the start-up banner. */
export function describeDirectoryLoad(results: readonly DirectoryLoadResult[]): string[] {
  return results.map((r) => {
    if ('error' in r) {
      return `  ! ${r.file}: not loaded — ${r.error}`;
    }
    return `  ${r.file}: ${describeLoadOutcome(r.outcome)}`;
  });
}

/** What loading did, e.g. `nct04821479 amended to version 2` (start-up banner and `protocol load`). */
export function describeLoadOutcome(o: LoadProtocolOutcome): string {
  const what = {
    created: 'loaded as version 1',
    unchanged: `unchanged (version ${o.version})`,
    amended: `amended to version ${o.version}`,
  }[o.kind];
  return `${o.code} ${what}`;
}

/** A load failure as text: every validation problem on its own `FILE:LINE: path: rule: message` line. */
export function formatLoadError(file: string, error: AppError): string {
  const problems = (
    error.details as
      { problems?: Array<{ line: number; path: string; rule: string; message: string }> } | undefined
  )?.problems;
  if (problems === undefined || problems.length === 0) {
    return `${file}: ${error.message}`;
  }
  return [
    `${file}: ${error.message}`,
    ...problems.map((p) => `${file}:${p.line}: ${p.path}: ${p.rule}: ${p.message}`),
  ].join('\n');
}
