import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../io/cli-error.js';
import { registerImportCtgovCommand } from './import-ctgov.command.js';

const repoRoot = resolve(import.meta.dirname, '../../../../..');
// Real records, read in place (never copied into the repository): see ../shared/reference/ctgov/README.md.
const V2_RECORD = resolve(repoRoot, '../shared/reference/ctgov/v2/NCT02210780.json');
const XML_RECORD = resolve(repoRoot, '../shared/reference/ctgov/xml/NCT00004457.xml');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'celltrial-ctgov-'));
}

/** A fresh `celltrial protocol` program with only this command registered (no process exit). */
async function runInProcess(args: readonly string[]): Promise<string> {
  const program = new Command('celltrial').exitOverride();
  registerImportCtgovCommand(program.command('protocol'));
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await program.parseAsync(['node', 'celltrial', 'protocol', 'import-ctgov', ...args]);
  return written.join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('protocol import-ctgov (registered on a fresh program)', () => {
  it('writes the draft YAML of an API v2 record to stdout', async () => {
    const out = await runInProcess([V2_RECORD]);
    expect(out).toMatch(
      /^# Draft protocol imported from ClinicalTrials.gov record NCT02210780 \(API v2 JSON\)/,
    );
    expect(out).toContain('\nid: nct02210780\n');
    expect(out).toContain('# TODO: visits with anchor');
  });

  it('writes a legacy XML record to --out and refuses to overwrite it without --force', async () => {
    const out = join(tempDir(), 'draft.yaml');
    expect(await runInProcess([XML_RECORD, '--out', out])).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('registryIds: [NCT00004457]');
    await expect(runInProcess([XML_RECORD, '--out', out])).rejects.toThrow(/exists; use --force/);
    await runInProcess([XML_RECORD, '--out', out, '--force']);
  });

  it.each([
    ['plain text', 'hello', /neither JSON nor XML/],
    ['a JSON document that is not a study', '{"name": "x"}', /protocolSection is missing/],
    ['malformed XML', '<clinical_study>', /not well-formed XML/],
  ])('rejects %s with a one-line reason', async (_what, content, reason) => {
    const file = join(tempDir(), 'input.txt');
    writeFileSync(file, content);
    const failure = runInProcess([file]);
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toThrow(reason);
  });
});

// These spawn the real `celltrial` binary; they pass once `registerImportCtgovCommand(protocol)` is called
// from packages/cli/src/commands/protocol/protocol.command.ts.
describe('celltrial protocol import-ctgov (spawned; needs the registration in protocol.command.ts)', () => {
  function run(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(
      process.execPath,
      ['packages/cli/bin/celltrial.js', 'protocol', 'import-ctgov', ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('imports a record (exit 0) and the draft fails `protocol validate` (exit 1)', () => {
    const out = join(tempDir(), 'nct02210780.yaml');
    const imported = run([V2_RECORD, '--out', out]);
    expect(imported.stderr).toMatch(/^wrote .*nct02210780\.yaml: draft of NCT02210780: 13 criteria/);
    expect(imported.code).toBe(0);
    const validate = spawnSync(
      process.execPath,
      ['packages/cli/bin/celltrial.js', 'protocol', 'validate', out],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain('visits: out-of-range');
  });

  it('exits 1 with one line on stderr for input that is not a study record', () => {
    const file = join(tempDir(), 'page.json');
    writeFileSync(file, '{"studies": []}');
    const result = run([file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^celltrial: .*page\.json: JSON is a search result page.*\n$/);
  });
});
