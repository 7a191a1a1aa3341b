import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../io/cli-error.js';
import { findRepoRoot, resolveProtocolFile } from './protocol-files.js';
import { parseEventDates, runProtocolSchedule } from './protocol-schedule.command.js';
import { runProtocolValidate } from './protocol-validate.command.js';
import { formatScheduleTable } from './schedule-table.js';

const repoRoot = resolve(import.meta.dirname, '../../../../..');
const protocolsDir = join(repoRoot, 'protocols');
const SPAWN_TIMEOUT_MS = 120_000;

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['packages/cli/bin/celltrial.js', 'protocol', ...args], {
      cwd: repoRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'celltrial-protocol-'));
  const file = join(dir, 'broken.yaml');
  const text = readFileSync(join(protocolsDir, 'nct04821479.yaml'), 'utf8')
    .replace('anchor: { procedure: bone-marrow-aspiration }', 'anchor: { procedure: bone-marrow-biopsy }')
    .replace('plannedEnrollment: 20', 'plannedEnrolment: 20');
  writeFileSync(file, text);
  return file;
}

describe('protocol command helpers', () => {
  it('finds the repository root by walking up to protocols/', () => {
    expect(findRepoRoot(import.meta.dirname)).toBe(repoRoot);
    expect(findRepoRoot(tmpdir())).toBeNull();
  });

  it('resolves a protocol by slug, registry id or path', async () => {
    const file = join(protocolsDir, 'nct04745299.yaml');
    expect(await resolveProtocolFile('NCT04745299', protocolsDir)).toBe(file);
    expect(await resolveProtocolFile('nct04745299', protocolsDir)).toBe(file);
    expect(await resolveProtocolFile(file, protocolsDir)).toBe(file);
    await expect(resolveProtocolFile('NCT99999999', protocolsDir)).rejects.toThrow(CliError);
  });

  it('validates every seed file and reports every problem of a broken one', async () => {
    const seeds = ['nct03268603', 'nct04745299', 'nct04821479', 'nct06360861', 'nct06598202'].map((id) =>
      join(protocolsDir, `${id}.yaml`),
    );
    expect(await runProtocolValidate(seeds)).toMatchObject({ problemCount: 0, invalidFiles: 0 });
    const broken = brokenCopy();
    const report = await runProtocolValidate([broken, join(tmpdir(), 'does-not-exist.yaml')]);
    expect(report.invalidFiles).toBe(2);
    expect(report.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${broken}:\\d+: design\\.plannedEnrolment: unknown-key: unknown key 'plannedEnrolment' \\(did you mean 'plannedEnrollment'\\?\\)`,
        ),
      ),
      expect.stringMatching(/visits\[3\]\.anchor\.procedure: unknown-procedure: /),
      expect.stringMatching(/does-not-exist\.yaml:1: \(document\): read-error: /),
    ]);
  });

  it('parses --event NAME=DATE and rejects anything else', () => {
    expect(parseEventDates(['first-dose=2025-02-03', 'consent=2025-01-01'])).toEqual({
      'first-dose': '2025-02-03',
      consent: '2025-01-01',
    });
    expect(() => parseEventDates(['previous-dose=2025-01-01'])).toThrow(CliError);
    expect(() => parseEventDates(['first-dose'])).toThrow(CliError);
  });

  it('computes a schedule by registry id and renders it as a table', async () => {
    const { result } = await runProtocolSchedule('NCT06360861', {
      anchor: '2025-01-06',
      protocols: protocolsDir,
    });
    expect(result.entries.map((e) => [e.visit, e.day, e.date])).toEqual([
      ['scr', -28, '2025-01-06'],
      ['infusion', 1, '2025-02-03'], // day-1 numbering: the infusion is study day 1
      ['fu-m1', 31, '2025-03-05'],
      ['fu-m3', 92, '2025-05-05'],
      ['fu-m6', 184, '2025-08-05'],
    ]);
    const table = formatScheduleTable(result.entries);
    expect(table[0]).toMatch(/^Day\s+Date\s+Window\s+Visit\s+Epoch\s+Anchor\s+Activities$/);
    expect(table[3]).toContain('2025-02-03  2025-01-20..2025-02-17  infusion');
    await expect(
      runProtocolSchedule('NCT04745299', { anchor: '2025-01-06', arm: 'sham', protocols: protocolsDir }),
    ).rejects.toThrow(/--arm: arm 'sham' is not one of: single-cycle, multiple, control/);
  });
});

describe('celltrial protocol (spawned)', () => {
  it(
    'validate exits 1 with FILE:LINE lines for a broken file and 0 for the seeds',
    async () => {
      const bad = await run(['validate', brokenCopy()]);
      expect(bad.code).toBe(1);
      expect(bad.stdout.trim().split('\n')).toHaveLength(2);
      expect(bad.stderr).toBe('celltrial: 2 problem(s) in 1 of 1 protocol file(s)\n');
      const good = await run(['validate', 'protocols/nct04821479.yaml', 'protocols/nct06598202.yaml']);
      expect(good).toEqual({
        code: 0,
        stdout: 'protocols/nct04821479.yaml: valid\nprotocols/nct06598202.yaml: valid\n',
        stderr: '',
      });
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'schedule --json prints the calendar array',
    async () => {
      const out = await run(['schedule', 'NCT04821479', '--anchor', '2025-01-06', '--json']);
      expect(out.stderr).toBe('');
      const entries = JSON.parse(out.stdout) as { visit: string; date: string }[];
      expect(entries.filter((e) => e.visit.startsWith('inj-')).map((e) => e.date)).toEqual([
        '2025-07-07',
        '2025-10-06',
        '2026-01-05',
        '2026-04-06',
      ]);
    },
    SPAWN_TIMEOUT_MS,
  );
});
