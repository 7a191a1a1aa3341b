import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/celltrial.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../../../../protocols/nct04821479.yaml', import.meta.url));
let dir: string;

async function celltrial(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', CELLTRIAL_DATA_DIR: join(dir, 'data') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'celltrial-load-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('celltrial protocol load', () => {
  it('loads, leaves an unchanged file alone, and needs --amend --reason for a change', async () => {
    const first = await celltrial('protocol', 'load', SEED);
    expect(first).toMatchObject({ code: 0, stdout: `${SEED}: nct04821479 loaded as version 1\n` });

    const changedFile = join(dir, 'changed.yaml');
    await writeFile(changedFile, (await readFile(SEED, 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (v2)'));
    const refused = await celltrial('protocol', 'load', changedFile, SEED);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /differs from loaded version 1: loading it is an amendment and needs a reason/,
    );

    const amended = await celltrial(
      'protocol',
      'load',
      changedFile,
      '--amend',
      '--reason',
      'Amendment 2: corrected title',
    );
    expect(amended).toMatchObject({ code: 0, stdout: `${changedFile}: nct04821479 amended to version 2\n` });
  }, 120_000);

  it('refuses a file with problems, listing each with its line', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'id: nct00000001\nformatVersion: 1\ntitel: typo\n');
    const res = await celltrial('protocol', 'load', bad);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`${bad}:3: `));
  }, 60_000);
});
