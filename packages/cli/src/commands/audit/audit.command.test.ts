import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase, sql } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/celltrial.js', import.meta.url));
let dir: string;

async function celltrial(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: '', CELLTRIAL_DATA_DIR: dir };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'celltrial-cli-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('celltrial user add / audit verify', () => {
  it('creates users with audit rows, verifies the chain, and pinpoints a tampered row', async () => {
    const added = await celltrial('user', 'add', 'coord1', '--name', 'Coordinator One');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/created user coord1\npassword: \S{20,}/);
    expect((await celltrial('user', 'add', 'coord2')).code).toBe(0);

    const intact = await celltrial('audit', 'verify');
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/audit chain intact: 2 rows; head hash [0-9a-f]{64}/);

    const opened = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await sql.raw('alter table audit_event disable trigger audit_event_no_update').execute(opened.db);
      await sql.raw(`update audit_event set actor_name = 'someone-else' where seq = 2`).execute(opened.db);
    } finally {
      await opened.close();
    }
    const broken = await celltrial('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      'celltrial: audit chain broken at row 2: its content does not match its hash: the row was edited (1 rows before it are intact)\n',
    );
  }, 180_000);

  it('rejects a bad username with the field and rule, writing nothing', async () => {
    const res = await celltrial('user', 'add', 'Bad Name!');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^celltrial: username: lowercase letters/);
    expect((await celltrial('user', 'list')).stdout).not.toMatch(/Bad Name/);
  }, 120_000);
});
