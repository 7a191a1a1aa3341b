import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStatus } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { describeSchema } from './schema-snapshot.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('migrations and the schema snapshot', () => {
  it('match: a fresh migrated database equals schema.snapshot.sql (run `npm run db:snapshot` after adding a migration)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../schema.snapshot.sql', import.meta.url)), 'utf8');
    expect(await describeSchema(t.db)).toBe(committed);
  });

  it('name migrations NNNN-kebab-name in order', () => {
    const names = Object.keys(MIGRATIONS);
    names.forEach((name, i) =>
      expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+$`)),
    );
  });

  it('go all the way down and up again to the same schema', async () => {
    const before = await describeSchema(t.db);
    for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) {
      await migrateDown(t.db);
    }
    expect((await migrationStatus(t.db)).current).toBeNull();
    await migrateToLatest(t.db);
    expect(await describeSchema(t.db)).toBe(before);
  });
});
