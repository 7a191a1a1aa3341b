import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../io/cli-error.js';
import { COMMAND_GROUPS } from '../index.js';
import { runEligibilityCheck } from './check.command.js';
import { registerEligibilityCommands } from './eligibility.command.js';

const repoRoot = resolve(import.meta.dirname, '../../../../..');

function tempJson(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'celltrial-eligibility-')), 'subject.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** NCT04821479: eligible except for the open manual checks (inc-3, exc-1). */
const RECORD = {
  assessmentDate: '2025-06-15',
  birthDate: '1970-04-02',
  sex: 'male',
  diagnosis: { condition: 'ALS', elEscorial: 'definite', symptomOnsetDate: '2023-11-01' },
  alsfrsR: { total: 36 },
  labs: { hbsAg: 'negative', hcvAb: 'negative', hivAb: 'negative' },
  conditions: [],
};

interface JsonResult {
  verdict: string;
  criteria: { id: string; kind: string; text: string; status: string; reason: string }[];
}

/** Runs `celltrial eligibility …` in-process on a fresh program; returns stdout or the CLI error. */
async function runInProcess(args: readonly string[]): Promise<{ stdout: string; error?: Error }> {
  const program = new Command('celltrial').exitOverride().configureOutput({ writeErr: () => undefined });
  registerEligibilityCommands(program);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'celltrial', 'eligibility', ...args]);
    return { stdout };
  } catch (error) {
    return { stdout, error: error as Error };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('celltrial eligibility check (in-process)', () => {
  it('prints JSON with exactly the documented keys, by registry id', async () => {
    const run = await runInProcess([
      'check',
      '--protocol',
      'NCT04821479',
      '--subject',
      tempJson(RECORD),
      '--json',
    ]);
    expect(run.error).toBeUndefined();
    const out = JSON.parse(run.stdout) as JsonResult;
    expect(out.verdict).toBe('incomplete');
    expect(out.criteria.map((c) => `${c.id}:${c.status}`)).toEqual([
      'inc-1:met',
      'inc-2:met',
      'inc-3:unknown',
      'inc-4:met',
      'exc-1:unknown',
      'exc-2:not-met',
      'exc-3:not-met',
      'exc-4:not-met',
      'exc-5:not-met',
    ]);
    expect(Object.keys(out.criteria[0] ?? {})).toEqual(['id', 'kind', 'text', 'status', 'reason']);
    expect(out.criteria[3]).toEqual({
      id: 'inc-4',
      kind: 'inclusion',
      text: 'ALSFRS-R ≥15 at the Screening Visit.',
      status: 'met',
      reason: 'ALSFRS-R total 36 at screening (≥ 15)',
    });
  });

  it("--assume-manual favourable answers open manual checks in the participant's favour; by protocol id", async () => {
    const run = await runInProcess([
      'check',
      '--protocol',
      'nct04821479',
      '--subject',
      tempJson(RECORD),
      '--json',
      '--assume-manual',
      'favourable',
    ]);
    expect((JSON.parse(run.stdout) as JsonResult).verdict).toBe('eligible');
  });

  it('an array in gives an array out; the human table shows every criterion, its reason and the verdict', async () => {
    const records = [RECORD, { ...RECORD, alsfrsR: { total: 14 } }];
    const json = await runInProcess([
      'check',
      '--protocol',
      'NCT04821479',
      '--subject',
      tempJson(records),
      '--json',
    ]);
    expect((JSON.parse(json.stdout) as JsonResult[]).map((r) => r.verdict)).toEqual([
      'incomplete',
      'ineligible',
    ]);
    const table = await runInProcess(['check', '--protocol', 'NCT04821479', '--subject', tempJson(records)]);
    expect(table.error).toBeUndefined();
    expect(table.stdout).toContain(
      'NCT04821479 (nct04821479): Repeated Mesenchymal Stem Cell Injections in ALS',
    );
    expect(table.stdout).toContain('Record 2 of 2 (assessment 2025-06-15)');
    expect(table.stdout).toMatch(/inc-4\s+inclusion\s+not-met\s+ALSFRS-R ≥15 at the Screening Visit\./);
    expect(table.stdout).toContain('→ ALSFRS-R total 14 at screening; the protocol requires ≥ 15');
    expect(table.stdout).toMatch(/inc-3\s+inclusion\s+unknown \(manual\)/);
    expect(table.stdout).toContain('Verdict: ineligible — inclusions met 2/4, exclusions met 0/5, unknown 2');
  });

  it('bad records fail with every field and rule named (array index included)', async () => {
    const run = await runInProcess([
      'check',
      '--protocol',
      'NCT04821479',
      '--subject',
      tempJson([RECORD, { ...RECORD, sex: 'x', alsfrsR: { total: 52 }, birthDate: '2030-01-01' }]),
    ]);
    expect(run.error).toBeInstanceOf(CliError);
    expect(run.error?.message).toBe(
      '[1].sex must be one of female, male (got "x") (rule: one-of); ' +
        '[1].alsfrsR.total must be a whole number from 0 to 48 (got 52) (rule: range); ' +
        '[1].birthDate 2030-01-01 is after assessmentDate 2025-06-15 (rule: not-after-assessment)',
    );
  });

  it('unknown protocols, unknown assume-manual modes and empty arrays are bad input', async () => {
    const unknown = await runInProcess(['check', '--protocol', 'NCT00000000', '--subject', tempJson(RECORD)]);
    expect(unknown.error?.message).toMatch(/^no protocol with id or registry id 'NCT00000000' in /);
    const mode = await runInProcess([
      'check',
      '--protocol',
      'NCT04821479',
      '--subject',
      tempJson(RECORD),
      '--assume-manual',
      'yes',
    ]);
    expect(mode.error?.message).toMatch(/argument 'yes' is invalid\. Allowed choices are favourable/);
    await expect(runEligibilityCheck({ protocol: 'NCT04821479', subject: tempJson([]) })).rejects.toThrow(
      'the input array holds no screening records',
    );
  });

  it('works for every seed protocol (the record is incomplete for the others, never an error)', async () => {
    for (const id of ['NCT03268603', 'NCT04745299', 'NCT06360861', 'NCT06598202']) {
      const out = JSON.parse(
        await runEligibilityCheck({ protocol: id, subject: tempJson(RECORD), json: true }),
      ) as JsonResult;
      expect(['incomplete', 'ineligible'], id).toContain(out.verdict);
      expect(out.criteria.every((c) => c.reason.length > 0)).toBe(true);
    }
  });
});

const registered = COMMAND_GROUPS.includes(registerEligibilityCommands);

// Runs only once `registerEligibilityCommands` is listed in packages/cli/src/commands/index.ts.
describe.skipIf(!registered)('celltrial eligibility check (spawned)', () => {
  function cli(args: readonly string[], stdin = '') {
    const result = spawnSync(process.execPath, ['packages/cli/bin/celltrial.js', 'eligibility', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      input: stdin,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('reads stdin, exits 0 whatever the verdict', () => {
    const run = cli(
      ['check', '--protocol', 'NCT04821479', '--subject', '-', '--json'],
      JSON.stringify({ ...RECORD, alsfrsR: { total: 14 } }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonResult).verdict).toBe('ineligible');
  });

  it('exits 1 on a bad record, naming the field and rule on stderr', () => {
    const run = cli(
      ['check', '--protocol', 'NCT04821479', '--subject', '-'],
      JSON.stringify({ ...RECORD, sex: 'x' }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('celltrial: sex must be one of female, male (got "x") (rule: one-of)\n');
  });
});
