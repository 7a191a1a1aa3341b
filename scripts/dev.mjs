// `npm run dev`: the API server (port $PORT or 3000) and the Vite dev server with hot reload, together.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const children = [
  spawn(
    process.execPath,
    [
      // Restart the server when server-side sources change (not on Vite's cache writes under packages/web).
      ...['core', 'contracts', 'db', 'server', 'cli'].map((p) => `--watch-path=packages/${p}/src`),
      join(root, 'packages/cli/bin/celltrial.js'),
      'serve',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@celltrial/web'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exit(code ?? 0);
  });
}
