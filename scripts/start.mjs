// `npm start`: builds the web app when its sources are newer than the build, then runs `celltrial serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'packages/web/dist/index.html');
const sources = [
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/contracts/src',
  'packages/core/src',
];

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) {
    return 0;
  }
  const stat = statSync(full);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return Math.max(0, ...readdirSync(full).map((name) => newestMtime(join(path, name))));
}

const stale = !existsSync(dist) || sources.some((s) => newestMtime(s) > statSync(dist).mtimeMs);
if (stale) {
  process.stderr.write('building the web app (packages/web/dist)…\n');
  const build = spawnSync('npm', ['run', 'build', '-w', '@celltrial/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}

const child = spawn(
  process.execPath,
  [
    join(root, 'packages/cli/bin/celltrial.js'),
    'serve',
    // A newcomer sees a living system: synthetic demo participants in every empty seed study (CELLTRIAL_DEMO=0: none).
    ...(process.env.CELLTRIAL_DEMO === '0' ? [] : ['--demo', process.env.CELLTRIAL_DEMO ?? '6']),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
