/**
 * Start-up benchmark (run by `npm run bench`): time from launching `celltrial serve` to a healthy
 * /api/health, first on an empty PGlite directory (initdb, migrations, seed protocols) and then warm
 * (the same directory again). Target: a warm start in under 5 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, writeBenchSection } from './bench-report.js';

const PORT = 3190;
const WARM_RUNS = 3;

async function healthy(timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) {
        return true;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Seconds from spawn to healthy; the server is stopped afterwards. */
async function timeStart(dataDir: string, extraArgs: readonly string[] = []): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'packages/cli/bin/celltrial.js'), 'serve', '--port', String(PORT), ...extraArgs],
    {
      env: {
        ...process.env,
        DATABASE_URL: '',
        CELLTRIAL_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        CELLTRIAL_ADMIN_PASSWORD: 'bench-password-123',
      },
      stdio: 'ignore',
    },
  );
  try {
    if (!(await healthy(120_000))) {
      throw new Error('server did not become healthy within 120 s');
    }
    return (performance.now() - started) / 1000;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Measures cold and warm start-up and writes the `startup` section. */
export async function runStartupBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'celltrial-bench-'));
  const demoDir = mkdtempSync(join(tmpdir(), 'celltrial-bench-demo-'));
  try {
    const cold = await timeStart(dir);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      warm.push(await timeStart(dir));
    }
    // As `npm start` does: six synthetic candidates per seed study on the first start, none afterwards.
    const coldDemo = await timeStart(demoDir, ['--demo', '6']);
    const warmDemo = await timeStart(demoDir, ['--demo', '6']);
    const median = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)] ?? Number.NaN;
    const section = [
      '## Server start-up (`celltrial serve` on PGlite)',
      '',
      `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. Time from launching the process to the first healthy \`/api/health\`, including loading the five seed protocols.`,
      '',
      '| start | seconds |',
      '| --- | --- |',
      `| cold (empty data directory: initdb, migrations, first admin, protocols) | ${cold.toFixed(2)} |`,
      `| warm (same directory), median of ${WARM_RUNS} | ${median.toFixed(2)} (${warm.map((s) => s.toFixed(2)).join(', ')}) |`,
      `| cold with demo data (\`--demo 6\`, as \`npm start\`: 30 synthetic candidates driven through the services) | ${coldDemo.toFixed(2)} |`,
      `| warm with demo data (studies already filled: nothing generated) | ${warmDemo.toFixed(2)} |`,
      '',
      `Target: warm start under 5 s — ${median < 5 ? 'met' : 'NOT met'}.`,
    ].join('\n');
    await writeBenchSection('startup', section);
    process.stdout.write(`${section}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(demoDir, { recursive: true, force: true });
  }
}
