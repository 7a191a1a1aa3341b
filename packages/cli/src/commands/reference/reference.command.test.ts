import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/celltrial.js', import.meta.url));
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

// A synthetic GLI-2012-layout table (NOT GLI numbers: no real GLI table is ever committed).
const HEADER = 'sex,f,a0,a1,a2,a3,a4,a5,a6,p0,p1,p2,p3,p4,p5,q0,q1,agebound,l0,l1,m0,m1,s0,s1';
const SYNTHETIC = [
  HEADER,
  '1,FVC,-6,1,0.5,-0.1,0,0,0,-4,0.5,0.2,0,0,0,1,0,64,0,0,0,0.04,0,0',
  '2,FVC,-6,1,0.5,-0.1,0,0,0,-4,0.5,0.2,0,0,0,1,0,64,0,0,0,0.04,0,0',
  '',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'celltrial-reference-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('celltrial reference', () => {
  it('loads a GLI table once, then lists it; the same file again is a no-op', async () => {
    const file = join(dir, 'synthetic-gli.csv');
    await writeFile(file, SYNTHETIC);
    const sha256 = createHash('sha256').update(SYNTHETIC).digest('hex');
    const first = await celltrial(
      'reference',
      'load',
      'gli',
      file,
      '--edition',
      'gli-2012',
      '--name',
      'Test',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      kind: 'gli-2012',
      name: 'Test',
      sha256,
      rows: 2,
      loaded: true,
    });
    const again = await celltrial('reference', 'load', 'gli', file, '--edition', 'gli-2012');
    expect(JSON.parse(again.stdout)).toEqual({
      kind: 'gli-2012',
      name: 'Test',
      sha256,
      rows: 2,
      loaded: false,
    });
    const list = await celltrial('reference', 'list');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ kind: 'gli-2012', name: 'Test', sha256, rows: 2, loadedBy: null }),
    ]);
  }, 120_000);

  it('refuses a bad file with FILE:ROW: column: rule: message lines and stores nothing', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      SYNTHETIC.replace('2,FVC,-6', '3,FVC,abc').replace(',64,0,0,0,0.04', ',64.1,0,0,0,0.04'),
    );
    const res = await celltrial('reference', 'load', 'gli', bad, '--edition', 'gli-2012');
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.split('\n')).toEqual([
      `celltrial: ${bad}: 3 problem(s); nothing was stored`,
      `${bad}:2: agebound: quarter-year: must be a whole quarter-year ≥ 0 (got 64.1)`,
      `${bad}:3: sex: one-of: must be 1, 2, m, f, male or female (got "3")`,
      `${bad}:3: a0: number: must be a number (got "abc")`,
      '',
    ]);
    const global = await celltrial(
      'reference',
      'load',
      'gli',
      join(dir, 'synthetic-gli.csv'),
      '--edition',
      'gli-global-2022',
    );
    expect(global.code).toBe(1);
    expect(global.stderr).toContain(
      'synthetic-gli.csv:2: a3: race-neutral: GLI Global 2022 has no ethnicity terms',
    );
    const list = await celltrial('reference', 'list');
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
  }, 120_000);

  it('refuses an unknown edition and a missing file', async () => {
    const edition = await celltrial('reference', 'load', 'gli', 'x.csv', '--edition', 'gli-2021');
    expect(edition).toMatchObject({ code: 1 });
    expect(edition.stderr).toContain(
      "--edition: one-of: must be gli-2012 or gli-global-2022 (got 'gli-2021')",
    );
    const missing = await celltrial(
      'reference',
      'load',
      'gli',
      join(dir, 'none.csv'),
      '--edition',
      'gli-2012',
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('cannot read');
  }, 60_000);
});
