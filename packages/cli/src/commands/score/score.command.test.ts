import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../../../..');

/** Runs `node packages/cli/bin/celltrial.js score …` with optional stdin. */
function runScore(
  args: readonly string[],
  stdin = '',
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['packages/cli/bin/celltrial.js', 'score', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input: stdin,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempJson(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'celltrial-score-')), 'input.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const ALL_FOUR = {
  '1': 4,
  '2': 4,
  '3': 4,
  '4': 4,
  '5a': 4,
  '6': 4,
  '7': 4,
  '8': 4,
  '9': 4,
  '10': 4,
  '11': 4,
  '12': 4,
};

describe('celltrial score alsfrs-r', () => {
  it('scores one object from stdin (hand-checked: 39 points, 2020-01-01 → 2021-07-01 = 547 d → ΔFRS 0.5008)', () => {
    // Items changed from all-4: 1 = 3, 3 = 2, 8 = 2, 9 = 1, 10 = 3 → bulbar 9, fine motor 12, gross motor 7,
    // respiratory 11, total 39. King's: bulbar + lower limb = 2. MiToS: no domain lost = 0.
    // ΔFRS = (48 − 39) / (547 / 30.4375) = 0.500800.
    const input = {
      items: { ...ALL_FOUR, '1': 3, '3': 2, '8': 2, '9': 1, '10': 3 },
      symptomOnsetDate: '2020-01-01',
      assessmentDate: '2021-07-01',
    };
    const run = runScore(['alsfrs-r', '-'], JSON.stringify(input));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      algorithm: 'alsfrs-r@1',
      total: 39,
      bulbar: 9,
      fineMotor: 12,
      grossMotor: 7,
      respiratory: 11,
      kings: '2',
      mitos: 0,
    });
    expect(out['deltaFrs']).toBeCloseTo(0.5008, 4);
  });

  it('maps an array from a file to an array, stdin being the default', () => {
    const { '5a': _x, ...noFiveA } = ALL_FOUR;
    const records = [{ items: ALL_FOUR }, { items: { ...noFiveA, '5b': 3, '3': 1 } }];
    const fromFile = runScore(['alsfrs-r', tempJson(records)]);
    expect(fromFile.code).toBe(0);
    const out = JSON.parse(fromFile.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({
      algorithm: 'alsfrs-r@1',
      total: 48,
      bulbar: 12,
      fineMotor: 12,
      grossMotor: 12,
      respiratory: 12,
      kings: '0',
      mitos: 0,
    });
    // clinical.md §1.8: 5b answered (gastrostomy) with item 3 = 1 → King's 4A, MiToS 1; total 48 − 1 − 3 = 44
    expect(out[1]).toMatchObject({ total: 44, kings: '4A', mitos: 1 });
    expect(out[1]).not.toHaveProperty('deltaFrs');
    const fromStdin = runScore(['alsfrs-r'], JSON.stringify(records));
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('exits 1 with one line naming the array index, item and rule', () => {
    const run = runScore(
      ['alsfrs-r'],
      JSON.stringify([{ items: ALL_FOUR }, { items: { ...ALL_FOUR, '5b': 2 } }]),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('[1].items.5b: items 5a and 5b are both given');
    expect(run.stderr).toContain('(rule: one-of-5a-5b)');
  });

  it('rejects out-of-range items, bad dates and unknown fields', () => {
    const bad = runScore(
      ['alsfrs-r'],
      JSON.stringify({ items: { ...ALL_FOUR, '7': 5 }, assessmentDate: '2024-02-30' }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('items.7: item 7 must be an integer 0–4 (got 5) (rule: integer-0-4)');
    expect(bad.stderr).toContain('assessmentDate: assessmentDate must be a real calendar date');
    const typo = runScore(['alsfrs-r'], JSON.stringify({ items: ALL_FOUR, onsetDate: '2020-01-01' }));
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('onsetDate: unknown field');
    const notJson = runScore(['alsfrs-r'], '{');
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('stdin is not valid JSON');
  });
});

describe('celltrial score spirometry', () => {
  it('gives Hankinson 1999 predicted, LLN and %pred for what was given', () => {
    // M Cau 60 y 175 cm: FVC pred 4.5858125 L (clinical.md §2.1 golden value from rspiro), LLN 3.68329375;
    // 100 · 4.2 / 4.5858125 = 91.58682; SVC against the FVC equation: 100 · 4.4 / 4.5858125 = 95.94810.
    const run = runScore(
      ['spirometry'],
      JSON.stringify({
        sex: 'male',
        ageYears: 60,
        heightCm: 175,
        ethnicity: 'caucasian',
        fvcL: 4.2,
        svcL: 4.4,
      }),
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, number | string>;
    expect(out['equation']).toBe('hankinson-1999');
    expect(out['fvcPredictedL']).toBeCloseTo(4.5858125, 8);
    expect(out['fvcLlnL']).toBeCloseTo(3.68329375, 8);
    expect(out['fvcPercentPredicted']).toBeCloseTo(91.58682, 4);
    expect(out['svcPercentPredicted']).toBeCloseTo(95.9481, 4);
    expect(out['svcReferenceEquation']).toBe('hankinson-1999/fvc');
    expect(out).not.toHaveProperty('fev1PercentPredicted');
  });

  it('returns FEV1 and FEV1/FVC fields, and extrapolation warnings, per array element', () => {
    const run = runScore(
      ['spirometry'],
      JSON.stringify([
        { sex: 'female', ageYears: 55, heightCm: 162, ethnicity: 'caucasian', fvcL: 2.6, fev1L: 2.0 },
        { sex: 'female', ageYears: 85, heightCm: 160, ethnicity: 'african-american' },
      ]),
    );
    expect(run.code).toBe(0);
    const [first, second] = JSON.parse(run.stdout) as Record<string, unknown>[];
    // F Cau 55 y 162 cm: FVC pred 3.4049986 L (clinical.md §2.1); 100 · 2.6 / 3.4049986 = 76.35833
    expect(first?.['fvcPercentPredicted']).toBeCloseTo(76.35833, 4);
    // FEV1: 0.4333 − 0.00361·55 − 0.000194·3025 + 0.00011496·26244 = 2.66491024; 100 · 2.0 / 2.66491024 = 75.04943
    expect(first?.['fev1PercentPredicted']).toBeCloseTo(75.04943, 4);
    expect(first?.['fev1FvcPercent']).toBeCloseTo(76.923077, 5);
    expect(second?.['fvcPredictedL']).toBeTypeOf('number');
    expect(second?.['warnings']).toEqual([expect.stringContaining('(rule: extrapolated-age)')]);
  });

  it('exits 1 naming the field and rule', () => {
    const run = runScore(
      ['spirometry'],
      JSON.stringify({ sex: 'male', ageYears: 60, heightCm: 175, ethnicity: 'caucasian', fvcL: 4200 }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fvcL: fvcL must be in litres');
    expect(run.stderr).toContain('(rule: litres-0-10)');
  });
});

describe('celltrial score edss', () => {
  const fs = (values: readonly number[]) => {
    const [pyramidal, cerebellar, brainstem, sensory, bowelBladder, visual, cerebral, ambulation] = values;
    return { pyramidal, cerebellar, brainstem, sensory, bowelBladder, visual, cerebral, ambulation };
  };

  it('scores clinical.md §3.3 test vectors (array in, array out)', () => {
    const vectors: [number[], number][] = [
      [[0, 0, 0, 0, 0, 0, 0, 0], 0],
      [[3, 1, 2, 3, 2, 1, 1, 0], 4.0],
      [[1, 3, 2, 1, 4, 1, 2, 1], 4.0],
      [[0, 0, 0, 0, 0, 0, 0, 2], 4.5],
      [[2, 1, 0, 0, 0, 0, 0, 3], 5.0],
    ];
    const run = runScore(['edss'], JSON.stringify(vectors.map(([v]) => fs(v))));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { edss: number; details: { converted: Record<string, number> } }[];
    expect(out.map((o) => o.edss)).toEqual(vectors.map(([, e]) => e));
    expect(out[2]?.details.converted['bowelBladder']).toBe(3);
  });

  it('exits 1 naming the field and range rule', () => {
    const run = runScore(['edss'], JSON.stringify({ ...fs([0, 0, 0, 0, 0, 0, 0, 0]), visual: 7 }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('visual: visual must be an integer 0–6 (got 7) (rule: integer-0-6)');
  });
});
