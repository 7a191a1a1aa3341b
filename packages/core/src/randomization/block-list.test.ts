import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBlockList, type BlockList, type BlockListInput } from './block-list.js';
import type { RandomizationArm } from './randomization-arms.js';
import { blockViolations, countArms } from './randomization-test-helpers.js';

function list(input: BlockListInput): BlockList {
  const result = generateBlockList(input);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

const oneToOne: RandomizationArm[] = [
  { id: 'active', ratio: 1 },
  { id: 'placebo', ratio: 1 },
];

/** Arms (2–4, ratios 1–3), allowed block lengths (distinct multiples 1–4 of the ratio sum), seed, length. */
const schemeArb = fc
  .record({
    ratios: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
    multiples: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    length: fc.integer({ min: 1, max: 120 }),
  })
  .map(({ ratios, multiples, seed, length }) => {
    const arms = ratios.map((ratio, i) => ({ id: `arm${i}`, ratio }));
    const sum = ratios.reduce((a, b) => a + b, 0);
    return { arms, blockSizes: multiples.map((m) => m * sum), seed, length };
  });

describe('generateBlockList: invariants (property tests)', () => {
  it('every block is complete, of an allowed length, and holds the ratio exactly', () => {
    fc.assert(
      fc.property(schemeArb, (input) => {
        const { entries } = list(input);
        const blockLengths: number[] = [];
        entries.forEach((e) => {
          if (e.positionInBlock === 1) {
            blockLengths.push(e.blockSize);
          }
        });
        const ratio = Object.fromEntries(input.arms.map((a) => [a.id, a.ratio]));
        expect(
          blockViolations(
            { arms: entries.map((e) => e.arm), blockLengths },
            { ratio, allowed: input.blockSizes },
          ),
        ).toEqual([]);
        // At least the requested length, and less than one extra block beyond it.
        expect(entries.length).toBeGreaterThanOrEqual(input.length);
        expect(entries.length - input.length).toBeLessThan(Math.max(...input.blockSizes));
        entries.forEach((e, i) => expect(e.sequence).toBe(i + 1));
      }),
      { numRuns: 150 },
    );
  });

  it('two arms 1:1: the running imbalance never exceeds half the longest block', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        const { entries } = list({ arms: oneToOne, blockSizes: [2, 4, 6], length: 200, seed });
        let diff = 0;
        for (const e of entries) {
          diff += e.arm === 'active' ? 1 : -1;
          expect(Math.abs(diff)).toBeLessThanOrEqual(3);
          if (e.positionInBlock === e.blockSize) {
            expect(diff).toBe(0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('the same seed gives the same list; the list does not depend on the order arms or sizes are written', () => {
    fc.assert(
      fc.property(schemeArb, (input) => {
        const again = list({
          ...input,
          arms: [...input.arms].reverse(),
          blockSizes: [...input.blockSizes].reverse(),
        });
        expect(again.entries).toEqual(list(input).entries);
      }),
      { numRuns: 50 },
    );
  });

  it('different seeds give different lists (200 seeds, 60 slots each: all distinct)', () => {
    const lists = new Set(
      Array.from({ length: 200 }, (_, i) =>
        list({ arms: oneToOne, blockSizes: [2, 4, 6], length: 60, seed: `s${i}` })
          .entries.map((e) => e.arm[0])
          .join(''),
      ),
    );
    expect(lists.size).toBe(200);
  });

  it('blocks: n gives exactly n complete blocks', () => {
    const { entries } = list({ arms: oneToOne, blockSizes: [4, 6], blocks: 7, seed: 'x' });
    expect(entries.at(-1)?.block).toBe(7);
    expect(entries.at(-1)?.positionInBlock).toBe(entries.at(-1)?.blockSize);
  });
});

describe('generateBlockList: randomness of the draws (seeded, deterministic)', () => {
  // 6000 blocks; the standard errors below are binomial: sqrt(p(1 - p)/n).
  const { entries } = list({ arms: oneToOne, blockSizes: [2, 4, 6], blocks: 6000, seed: 'uniformity' });
  const blocks = new Map<number, string[]>();
  for (const e of entries) {
    blocks.set(e.block, [...(blocks.get(e.block) ?? []), e.arm]);
  }
  const all = [...blocks.values()];

  it('block lengths are drawn uniformly from the allowed set', () => {
    for (const length of [2, 4, 6]) {
      const share = all.filter((b) => b.length === length).length / all.length;
      expect(Math.abs(share - 1 / 3)).toBeLessThan(3 * Math.sqrt(((1 / 3) * (2 / 3)) / all.length));
    }
  });

  it('every arrangement of a block of 4 is equally likely (1/C(4,2) = 1/6 each)', () => {
    const fours = all.filter((b) => b.length === 4).map((b) => b.map((a) => a[0]).join(''));
    const patterns = countArms(fours);
    expect(patterns.size).toBe(6);
    for (const count of patterns.values()) {
      expect(Math.abs(count / fours.length - 1 / 6)).toBeLessThan(
        3.5 * Math.sqrt(((1 / 6) * (5 / 6)) / fours.length),
      );
    }
  });

  it('inside a block of 4, P(second = active | first = active) ≈ 1/3 (design.md §3.1, reference section 5)', () => {
    const afterActive = all.filter((b) => b.length === 4 && b[0] === 'active');
    const share = afterActive.filter((b) => b[1] === 'active').length / afterActive.length;
    expect(Math.abs(share - 1 / 3)).toBeLessThan(3 * Math.sqrt(((1 / 3) * (2 / 3)) / afterActive.length));
  });
});

describe('generateBlockList: problems as values', () => {
  it('rejects block lengths that are not multiples of the ratio sum, repeated lengths and bad ratios', () => {
    const result = generateBlockList({
      arms: [
        { id: 'a', ratio: 2 },
        { id: 'b', ratio: 1 },
      ],
      blockSizes: [3, 4, 3],
      length: 10,
      seed: 's',
    });
    expect(result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : []).toEqual([
      'blockSizes[1]:block-multiple-of-ratio',
      'blockSizes[2]:unique-block-size',
    ]);
  });

  it('rejects one arm, duplicate ids, a non-integer ratio, an empty seed, and both length and blocks', () => {
    const result = generateBlockList({
      arms: [{ id: 'a', ratio: 1.5 }],
      blockSizes: [2],
      length: 10,
      blocks: 2,
      seed: '',
    });
    expect(result.kind === 'invalid' ? result.problems.map((p) => p.rule) : []).toEqual([
      'two-arms',
      'ratio-integer',
      'seed',
      'length-or-blocks',
    ]);
    const dup = generateBlockList({
      arms: [oneToOne[0], oneToOne[0]] as RandomizationArm[],
      blockSizes: [2],
      length: 4,
      seed: 1,
    });
    expect(dup.kind === 'invalid' ? dup.problems.map((p) => p.rule) : []).toEqual(['unique-arm']);
  });

  it('rejects a missing length and an empty block-size list', () => {
    const result = generateBlockList({ arms: oneToOne, blockSizes: [], seed: 's' });
    expect(result.kind === 'invalid' ? result.problems.map((p) => p.rule) : []).toEqual([
      'non-empty',
      'length-or-blocks',
    ]);
  });
});
