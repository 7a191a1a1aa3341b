import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng, randomInt, randomNormal, shuffle } from './rng.js';

describe('createSeededRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createSeededRng('study-secret');
    const b = createSeededRng('study-secret');
    const c = createSeededRng('study-secreu');
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('stays within [0, 1) and is roughly uniform', () => {
    const rng = createSeededRng(42);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const bin = Math.floor(x * 10);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    // Chi-square with 9 df: the 99.9th percentile is 27.88.
    const chi = bins.reduce((s, n) => s + (n - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(27.88);
  });
});

describe('randomInt and shuffle', () => {
  it('randomInt respects inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        fc.string(),
        (lo, w, seed) => {
          const x = randomInt(createSeededRng(seed), lo, lo + w);
          return Number.isInteger(x) && x >= lo && x <= lo + w;
        },
      ),
    );
  });

  it('rejects an empty range', () => {
    expect(() => randomInt(createSeededRng(1), 3, 2)).toThrow(RangeError);
  });

  it('shuffle is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const out = shuffle(createSeededRng(seed), items);
        return JSON.stringify([...out].sort()) === JSON.stringify([...items].sort());
      }),
    );
  });

  it('randomNormal has about the requested mean and sd', () => {
    const rng = createSeededRng('normal');
    const xs = Array.from({ length: 50_000 }, () => randomNormal(rng, 10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});
