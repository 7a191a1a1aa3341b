import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cafs, cafsPairScore } from './cafs.js';
import type { CafsParticipant } from './cafs.js';
import { readCsv, rValues } from './fixtures/r-reference.js';

// Golden values: an independent R 4.2.2 implementation of the clinical.md §1.6 pairwise rule, R's rank()
// and wilcox.test(exact = FALSE, correct = TRUE) on fixtures/cafs.csv (36 participants, 2 missing ΔALSFRS-R,
// one tied event time) — fixtures/make-fixtures.R, r-output.txt.
const participants: CafsParticipant[] = readCsv('cafs.csv').map((r) => ({
  id: r.id ?? '',
  arm: r.arm ?? '',
  time: Number(r.months),
  event: r.event === '1',
  change: r.change === '' || r.change === undefined ? null : Number(r.change),
}));

describe('CAFS matches the R reference', () => {
  const result = cafs(participants, { reference: 'sham' });

  it('summed pairwise scores', () => {
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.scores.map((s) => s.score)).toEqual(rValues('cafs.score'));
    }
  });

  it('mean rank per arm and the rank-sum test', () => {
    if (result.kind !== 'ok') {
      throw new Error('expected ok');
    }
    const [msc, sham] = rValues('cafs.meanrank.msc.sham');
    expect(result.arms.find((a) => a.arm === 'msc')?.meanRank).toBeCloseTo(msc ?? Number.NaN, 12);
    expect(result.arms.find((a) => a.arm === 'sham')?.meanRank).toBeCloseTo(sham ?? Number.NaN, 12);
    const [w, p] = rValues('cafs.ranksum');
    expect(result.comparisons[0]?.test.w).toBe(w);
    expect(result.comparisons[0]?.test.p).toBeCloseTo(p ?? Number.NaN, 12);
  });
});

describe('CAFS rules', () => {
  const base: CafsParticipant = { id: 'a', arm: 'x', time: 12, event: false, change: -5 };

  it('an earlier event loses; equal event times tie; no event compares function', () => {
    expect(cafsPairScore({ ...base, event: true, time: 3 }, base)).toBe(-1);
    expect(cafsPairScore({ ...base, event: true, time: 3 }, { ...base, event: true, time: 3 })).toBe(0);
    expect(cafsPairScore({ ...base, event: true, time: 3 }, { ...base, event: true, time: 5 })).toBe(-1);
    expect(cafsPairScore({ ...base, change: -2 }, base)).toBe(1);
    expect(cafsPairScore({ ...base, change: null }, base)).toBe(0);
  });

  it('an event after the other participant was censored is not counted', () => {
    expect(
      cafsPairScore({ ...base, event: true, time: 10, change: -9 }, { ...base, time: 6, change: -1 }),
    ).toBe(-1);
  });

  it('horizon censors later events', () => {
    const r = cafs(
      [
        { id: 'p', arm: 'a', time: 20, event: true, change: -1 },
        { id: 'q', arm: 'b', time: 15, event: false, change: -3 },
      ],
      { horizon: 12 },
    );
    expect(r.kind === 'ok' && r.scores[0]?.score).toBe(1);
  });

  it('pair scores are antisymmetric and sums add to zero (property)', () => {
    const participant = fc.record({
      id: fc.string(),
      arm: fc.constantFrom('a', 'b'),
      time: fc.integer({ min: 0, max: 24 }),
      event: fc.boolean(),
      change: fc.option(fc.integer({ min: -20, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(participant, { minLength: 2, maxLength: 25 }), (ps) => {
        for (const a of ps) {
          for (const b of ps) {
            expect(cafsPairScore(a, b) + cafsPairScore(b, a)).toBe(0);
          }
        }
        const r = cafs(ps);
        if (r.kind === 'ok') {
          expect(r.scores.reduce((s, x) => s + x.score, 0)).toBe(0);
        }
      }),
    );
  });

  it('a single arm is invalid', () => {
    expect(cafs([base, { ...base, id: 'b' }]).kind).toBe('invalid');
  });
});
