import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBoinSimulate } from './boin-simulate.command.js';
import { readDesignReference, section, tableBScenarios } from './design-reference.js';

const repoRoot = resolve(import.meta.dirname, '../../../../..');
/** Each spawn loads the CLI through tsx (seconds on a busy machine). */
const SPAWN_TIMEOUT_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node packages/cli/bin/celltrial.js design …` as a user would. */
function runDesign(args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['packages/cli/bin/celltrial.js', 'design', ...args], {
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

function json(run: Run): Record<string, unknown> {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('celltrial design (spawned)', () => {
  it(
    'three-plus-three oc prints {pMtd, expectedN} equal to bcrm 0.5.4 Table B for p = (0.1, 0.3, 0.5)',
    async () => {
      // Golden: ../shared/reference/design-values/three_plus_three_reference.txt, Table B (esc), bcrm::threep3.
      const reference = tableBScenarios(
        section(readDesignReference('three_plus_three_reference.txt'), 'Table B (esc)', 'Table B (deesc)'),
      ).find((s) => s.rates.join(',') === '0.1,0.3,0.5');
      const out = json(await runDesign(['three-plus-three', 'oc', '--rates', '0.1,0.3,0.5']));
      expect(Object.keys(out)).toEqual(['pMtd', 'expectedN']);
      const pMtd = out['pMtd'] as number[];
      reference?.pMtd.forEach((p, j) => expect(Math.abs((pMtd[j] ?? 0) - p)).toBeLessThanOrEqual(5e-5));
      expect(Math.abs((out['expectedN'] as number) - (reference?.expectedN ?? 0))).toBeLessThanOrEqual(5e-5);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'boin boundaries, select-mtd and simulate print the documented shapes',
    async () => {
      const [boundaries, selection, simulation] = await Promise.all([
        runDesign(['boin', 'boundaries', '--target', '0.3', '--cohort-size', '3', '--cohorts', '10']),
        runDesign(['boin', 'select-mtd', '--target', '0.25', '--patients', '3,6,9', '--dlts', '0,1,2']),
        runDesign(
          [
            'boin',
            'simulate',
            '--target',
            '0.3',
            '--rates',
            '0.1,0.3,0.5',
            '--cohort-size',
            '3',
            '--cohorts',
            '4',
          ].concat(['--trials', '300', '--seed', 'cli']),
        ),
      ]);
      const table = json(boundaries);
      expect(Object.keys(table)).toEqual(['lambdaE', 'lambdaD', 'table']);
      expect(table['table']).toHaveLength(30);
      expect((table['table'] as unknown[])[0]).toEqual({
        n: 1,
        escalateIfAtMost: 0,
        deescalateIfAtLeast: 1,
        eliminateIfAtLeast: null,
      });
      // p̂ = (0.05/3.1, 1.05/6.1, 2.05/9.1) is already increasing; 2.05/9.1 = 0.2253 is closest to 0.25.
      expect(json(selection)).toEqual({ mtd: 3, isotonicEstimates: [0.05 / 3.1, 1.05 / 6.1, 2.05 / 9.1] });
      const sim = json(simulation);
      // Same seed and arguments in another process give the same numbers.
      expect(sim).toEqual(
        runBoinSimulate({
          target: '0.3',
          rates: '0.1,0.3,0.5',
          cohortSize: '3',
          cohorts: '4',
          trials: '300',
          seed: 'cli',
        }),
      );
      expect(sim['selectionPercentSe']).toHaveLength(3);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'rejects bad input with exit 1 and one line naming the flag and the rule',
    async () => {
      const cases: [string[], RegExp][] = [
        [['three-plus-three', 'oc', '--rates', '0.1,1.2,0.5'], /--rates value 2 .*strictly between 0 and 1/],
        [
          ['three-plus-three', 'oc', '--rates', '0.1,abc'],
          /--rates must be comma-separated numbers; value 2 is "abc"/,
        ],
        [
          ['boin', 'select-mtd', '--target', '0.25', '--patients', '3,3', '--dlts', '0,4'],
          /--dlts value 2 .*must not exceed/,
        ],
        [
          ['boin', 'select-mtd', '--target', '0.25', '--patients', '3,3,3', '--dlts', '0,1'],
          /--dlts must have one count per dose level/,
        ],
        [
          ['boin', 'boundaries', '--target', 'high', '--cohort-size', '3', '--cohorts', '10'],
          /--target must be a number/,
        ],
      ];
      const runs = await Promise.all(cases.map(([args]) => runDesign(args)));
      runs.forEach((run, i) => {
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(cases[i]?.[1] ?? /never/);
      });
    },
    SPAWN_TIMEOUT_MS,
  );
});
