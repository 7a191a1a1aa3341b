import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../migrate.js';
import { openDatabase } from '../open-database.js';
import { TEMPLATE_ENV } from './test-database.js';

/**
 * Vitest global setup: migrates one in-memory PGlite and dumps it, so every test file can start
 * from a copy in under a second instead of running initdb and the migrations again.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'celltrial-test-'));
  const opened = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(opened.db);
  if (opened.pglite === null) {
    throw new Error('expected an embedded database');
  }
  const dump = await opened.pglite.dumpDataDir('gzip');
  await opened.close();
  const file = join(dir, 'template.tar.gz');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_ENV] = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
