// Migrates a fresh in-memory PGlite and writes packages/db/schema.snapshot.sql.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../src/migrate.js';
import { openDatabase } from '../src/open-database.js';
import { describeSchema } from '../src/schema-snapshot.js';

const opened = await openDatabase({ kind: 'pglite' });
try {
  await migrateToLatest(opened.db);
  const target = fileURLToPath(new URL('../schema.snapshot.sql', import.meta.url));
  await writeFile(target, await describeSchema(opened.db));
  process.stdout.write(`wrote ${target}\n`);
} finally {
  await opened.close();
}
