// Playwright: one Chromium (the system /usr/bin/chromium — never downloaded) against the real app.
// The web server builds the web app, then runs `celltrial serve` on a fresh PGlite directory.
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PORT = 3100;
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-123';
const repoRoot = path.resolve(import.meta.dirname, '..');

// The runner loads this file in its main process and again in each worker; only the main process
// creates the data directory (workers inherit the variable) and removes it when the run ends.
let dataDir = process.env.CELLTRIAL_E2E_DATA_DIR;
if (dataDir === undefined) {
  const created = mkdtempSync(path.join(tmpdir(), 'celltrial-e2e-'));
  dataDir = created;
  process.env.CELLTRIAL_E2E_DATA_DIR = created;
  process.on('exit', () => rmSync(created, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: path.join(repoRoot, 'test-results'),
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npm run build -w @celltrial/web && node packages/cli/bin/celltrial.js serve --demo 4 --port ${PORT}`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: {
      CELLTRIAL_DATA_DIR: dataDir,
      CELLTRIAL_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      PORT: String(PORT),
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
