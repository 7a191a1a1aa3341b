// Runs every database test (*.db.test.ts) against a real PostgreSQL server. Each test file creates
// and drops its own database there. TEST_DATABASE_URL names the server (default: local trust auth).
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
process.stderr.write(`database tests on PostgreSQL at ${new URL(url).host}\n`);
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '.db.test.', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url },
  },
);
process.exit(result.status ?? 1);
