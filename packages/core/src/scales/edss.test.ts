import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EDSS_FUNCTIONAL_SYSTEMS,
  EDSS_FS_RULES,
  convertBowelBladderFs,
  convertVisualFs,
} from './edss-rules.js';
import { computeEdss, scoreEdss, type EdssScores } from './edss.js';

/** Scores in clinical.md's vector order: (P, Cb, BS, S, BB raw, V raw, Cer, Amb). */
function vector(
  values: readonly [number, number, number, number, number, number, number, number],
): EdssScores {
  const [pyramidal, cerebellar, brainstem, sensory, bowelBladder, visual, cerebral, ambulation] = values;
  return { pyramidal, cerebellar, brainstem, sensory, bowelBladder, visual, cerebral, ambulation };
}

describe('FS conversions (clinical.md §3.1)', () => {
  it('converts visual 0→0, 1→1, 2–3→2, 4–5→3, 6→4 and bowel/bladder 0,1,2→same, 3–4→3, 5→4, 6→5', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(convertVisualFs)).toEqual([0, 1, 2, 2, 3, 3, 4]);
    expect([0, 1, 2, 3, 4, 5, 6].map(convertBowelBladderFs)).toEqual([0, 1, 2, 3, 3, 4, 5]);
  });
});

describe('EDSS agreed test vectors (clinical.md §3.3: JS `edss` and R EDSScalculator agree)', () => {
  const vectors: ReadonlyArray<[[number, number, number, number, number, number, number, number], number]> = [
    [[0, 0, 0, 0, 0, 0, 0, 0], 0],
    [[1, 0, 0, 0, 0, 0, 0, 0], 1.0],
    [[1, 1, 0, 0, 0, 0, 0, 0], 1.5],
    [[2, 0, 0, 0, 0, 0, 0, 0], 2.0],
    [[2, 2, 0, 0, 0, 0, 0, 0], 2.5],
    [[3, 0, 0, 1, 0, 0, 0, 0], 3.0],
    [[3, 2, 0, 0, 0, 0, 0, 0], 3.5],
    [[3, 3, 0, 0, 0, 0, 0, 0], 3.5],
    [[2, 2, 2, 0, 0, 0, 0, 0], 3.0],
    [[2, 2, 2, 2, 2, 0, 0, 0], 3.5],
    [[3, 3, 3, 0, 0, 0, 0, 0], 4.0],
    [[4, 1, 1, 0, 0, 0, 0, 0], 4.0],
    [[4, 3, 0, 0, 0, 0, 0, 0], 4.5],
    [[5, 0, 0, 0, 0, 0, 0, 0], 5.0],
    [[3, 1, 2, 3, 2, 1, 1, 0], 4.0],
    [[1, 3, 2, 1, 4, 1, 2, 1], 4.0],
    [[0, 0, 0, 0, 0, 0, 0, 2], 4.5],
    [[2, 1, 0, 0, 0, 0, 0, 3], 5.0],
  ];
  for (const [values, expected] of vectors) {
    it(`(${values.join(',')}) → ${expected}`, () => {
      expect(computeEdss(vector(values)).edss).toBe(expected);
    });
  }

  it('matches the `edss` README example calculateEDSS(V1,BS2,P1,Cb3,S1,BB4,Cer2,Amb1) = 4', () => {
    const r = computeEdss({
      visual: 1,
      brainstem: 2,
      pyramidal: 1,
      cerebellar: 3,
      sensory: 1,
      bowelBladder: 4,
      cerebral: 2,
      ambulation: 1,
    });
    expect(r.edss).toBe(4);
    expect(r.converted.bowelBladder).toBe(3);
  });
});

describe('EDSS consensus combinations (clinical.md §3.3 table)', () => {
  it.each([
    ['all 0, amb 1 → 2.0', [0, 0, 0, 0, 0, 0, 0, 1], 2.0],
    ['1×1 and amb 1 → 2.0', [1, 0, 0, 0, 0, 0, 0, 1], 2.0],
    ['5×2 → 3.5', [2, 2, 2, 2, 2, 0, 0, 0], 3.5],
    ['6×2 → 4.0', [2, 2, 2, 2, 2, 2, 0, 0], 4.0],
    ['1×3 + 3×2 → 4.0', [3, 2, 2, 2, 0, 0, 0, 0], 4.0],
    ['2×3 + a 2 → 4.0', [3, 3, 2, 0, 0, 0, 0, 0], 4.0],
    ['4×3 → 4.0', [3, 3, 3, 3, 0, 0, 0, 0], 4.0],
    ['5×3 → 4.5', [3, 3, 3, 3, 3, 0, 0, 0], 4.5],
    ['6×3 → 5.0', [3, 3, 3, 3, 3, 4, 0, 0], 5.0],
    ['2×4 → 5.0', [4, 4, 0, 0, 0, 0, 0, 0], 5.0],
    ['visual raw 6 converts to 4: with P 4 → 5.0', [4, 0, 0, 0, 0, 6, 0, 0], 5.0],
    ['bowel/bladder raw 6 converts to 5 → 5.0', [0, 0, 0, 0, 6, 0, 0, 0], 5.0],
    ['1×4, amb 2 → 4.5', [4, 0, 0, 0, 0, 0, 0, 2], 4.5],
  ] as const)('%s', (_name, values, expected) => {
    expect(computeEdss(vector(values)).edss).toBe(expected);
  });

  it('maps ambulation 3–16 to fixed steps irrespective of FS', () => {
    const expected = [5.0, 5.5, 6.0, 6.0, 6.0, 6.5, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0];
    for (let amb = 3; amb <= 16; amb++) {
      const r = computeEdss(vector([6, 5, 5, 6, 6, 6, 5, amb]));
      expect(r.edss).toBe(expected[amb - 3]);
      expect(r.determinedBy).toBe('ambulation');
    }
  });
});

describe('EDSS disputed combinations: we follow the JS `edss` baseline (clinical.md §3.3 items 1–4)', () => {
  it('item 1: ≥2 FS = 4 with ambulation 1 or 2 → 5.0 (R gives 4.0/4.5)', () => {
    const r = computeEdss(vector([4, 4, 0, 0, 0, 0, 0, 1]));
    expect(r.edss).toBe(5.0);
    expect(r.disputed).toMatch(/EDSScalculator/);
    expect(computeEdss(vector([3, 3, 3, 3, 3, 4, 0, 2])).edss).toBe(5.0); // visual raw 4 → 3: six FS at 3
    expect(computeEdss(vector([4, 4, 0, 0, 0, 0, 0, 0])).disputed).toBeUndefined();
  });

  it('item 2: one FS = 4 plus ≥3 FS = 3 → 5.0 (R gives 4.5); e.g. Cb 3, S 3, BB raw 3, Cer 4', () => {
    const r = computeEdss(vector([0, 3, 0, 3, 3, 0, 4, 0]));
    expect(r.edss).toBe(5.0);
    expect(r.rule).toBe('fs-one-4-three-or-more-3');
    expect(r.disputed).toBeDefined();
  });

  it('item 3: one FS = 4 plus FS = 2 and no 3 → 4.5 (R gives 4.0); e.g. BB raw 2, Cer 4', () => {
    const r = computeEdss(vector([0, 0, 0, 0, 2, 0, 4, 0]));
    expect(r.edss).toBe(4.5);
    expect(r.rule).toBe('fs-one-4-with-2s');
    expect(r.disputed).toBeDefined();
  });

  it('item 4: cerebral FS 1 counts as grade 1 (R maps it to 0) and the result says so when it matters', () => {
    const r = computeEdss(vector([0, 0, 0, 0, 0, 0, 1, 0]));
    expect(r.edss).toBe(1.0);
    expect(r.disputed).toMatch(/cerebral/);
    expect(computeEdss(vector([2, 0, 0, 0, 0, 0, 1, 0])).disputed).toBeUndefined();
  });
});

describe('EDSS properties', () => {
  const maxima = { ...EDSS_FUNCTIONAL_SYSTEMS, ambulation: 16 };
  const fields = Object.keys(maxima) as (keyof typeof maxima)[];
  const scoresArb = fc.record(
    Object.fromEntries(fields.map((f) => [f, fc.integer({ min: 0, max: maxima[f] })])) as Record<
      keyof typeof maxima,
      fc.Arbitrary<number>
    >,
  );
  const steps = [0, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10];

  it('returns an EDSS step and never decreases when any FS or ambulation worsens', () => {
    fc.assert(
      fc.property(scoresArb, fc.constantFrom(...fields), (scores, field) => {
        const before = computeEdss(scores);
        expect(steps).toContain(before.edss);
        if (scores[field] < maxima[field]) {
          const after = computeEdss({ ...scores, [field]: scores[field] + 1 });
          expect(after.edss).toBeGreaterThanOrEqual(before.edss);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ends the FS table with a catch-all rule', () => {
    expect(EDSS_FS_RULES.at(-1)?.id).toBe('normal');
  });
});

describe('EDSS validation', () => {
  it('names each field and its range rule', () => {
    const result = scoreEdss({
      visual: 7,
      brainstem: 2,
      pyramidal: 1.5,
      cerebellar: '2',
      sensory: 0,
      bowelBladder: 0,
      cerebral: 0,
      ambulation: undefined,
    });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([
        'visual:integer-0-6',
        'pyramidal:integer-0-6',
        'cerebellar:integer-0-5',
        'ambulation:required',
      ]);
    }
  });

  it('scores valid input with the algorithm version', () => {
    const result = scoreEdss(vector([2, 2, 0, 0, 0, 0, 0, 0]));
    expect(result).toMatchObject({ kind: 'ok', value: { edss: 2.5, algorithm: 'edss-neurostatus16@1' } });
  });
});
