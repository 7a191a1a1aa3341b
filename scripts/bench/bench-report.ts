import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Replaces (or appends) the `<!-- bench:KEY:start -->…end` section of docs/benchmarks.md. */
export async function writeBenchSection(key: string, section: string): Promise<void> {
  const file = join(repoRoot, 'docs/benchmarks.md');
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const block = `${start}\n${section}\n${end}`;
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; numbers are from the machine named in each section.\n\n';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${block}\n`;
  }
  // Formatted like the rest of the repository so `npm run format:check` stays green after a bench run.
  const config = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...config, parser: 'markdown' }));
}
