import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateNext, allocationAt, stratumList, type BlockAllocation } from './block-allocation.js';
import { createBlockScheme, generateBlockList, type BlockScheme } from './block-list.js';
import { KIT_CODE_PATTERN } from './kit-code.js';
import { countArms } from './randomization-test-helpers.js';

function scheme(ratio: Record<string, number>, blockSizes: number[], seed: string): BlockScheme {
  const result = createBlockScheme({
    arms: Object.entries(ratio).map(([id, r]) => ({ id, ratio: r })),
    blockSizes,
    seed,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

const strata = [
  'site=ES01|onset=bulbar',
  'site=ES01|onset=limb',
  'site=DE02|onset=bulbar',
  'site=DE02|onset=limb',
];

describe('stratified allocation on demand', () => {
  it('interleaved participants: each stratum receives exactly its own list, balanced at every block end', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 16 }),
        fc.array(fc.integer({ min: 0, max: strata.length - 1 }), { minLength: 1, maxLength: 80 }),
        (seed, arrivals) => {
          // 1:2:2 with lengths 5 and 10, as NCT04745299's protocol file declares.
          const s = scheme({ 'single-cycle': 1, multiple: 2, control: 2 }, [5, 10], seed);
          const used = new Map<string, number>();
          const given = new Map<string, BlockAllocation[]>();
          for (const index of arrivals) {
            const key = strata[index] ?? '';
            const allocation = allocateNext(s, { stratumKey: key, allocatedInStratum: used.get(key) ?? 0 });
            used.set(key, (used.get(key) ?? 0) + 1);
            given.set(key, [...(given.get(key) ?? []), allocation]);
          }
          for (const [key, allocations] of given) {
            const reference = generateBlockList({ ...s, stratumKey: key, length: allocations.length });
            const expected =
              reference.kind === 'ok' ? reference.value.entries.slice(0, allocations.length) : [];
            expect(allocations.map(({ stratumKey: _k, kitCode: _c, ...entry }) => entry)).toEqual(expected);
            for (const a of allocations) {
              if (a.positionInBlock === a.blockSize) {
                const upTo = countArms(allocations.slice(0, a.sequence).map((x) => x.arm));
                const perUnit = a.sequence / 5;
                expect([upTo.get('single-cycle'), upTo.get('multiple'), upTo.get('control')]).toEqual([
                  perUnit,
                  2 * perUnit,
                  2 * perUnit,
                ]);
              }
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('allocationAt(n) is the n-th slot of stratumList, with a neutral kit code', () => {
    const s = scheme({ a: 1, b: 1 }, [2, 4, 6], 'secret');
    const list = stratumList(s, { stratumKey: strata[0] ?? '', length: 30 });
    for (const n of [1, 2, 7, 30]) {
      const a = allocationAt(s, { stratumKey: strata[0] ?? '', sequence: n });
      expect(a.arm).toBe(list[n - 1]?.arm);
      expect(a.sequence).toBe(n);
      expect(a.kitCode).toMatch(KIT_CODE_PATTERN);
    }
  });

  it('different strata give independent lists: agreement between neighbouring strata ≈ 1/2 per slot', () => {
    const s = scheme({ a: 1, b: 1 }, [2, 4, 6], 'independence');
    const lists = Array.from({ length: 400 }, (_, i) =>
      stratumList(s, { stratumKey: `site=S${i}`, length: 12 })
        .slice(0, 12)
        .map((e) => e.arm),
    );
    for (let slot = 0; slot < 12; slot += 5) {
      let same = 0;
      for (let i = 0; i + 1 < lists.length; i += 2) {
        same += lists[i]?.[slot] === lists[i + 1]?.[slot] ? 1 : 0;
      }
      const pairs = lists.length / 2;
      // 200 independent pairs: SE = sqrt(0.25/200) = 0.035.
      expect(Math.abs(same / pairs - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / pairs));
    }
  });

  it('the list depends on the secret seed and the stratum key, nothing else', () => {
    const key = strata[1] ?? '';
    const one = stratumList(scheme({ a: 1, b: 1 }, [4], 'seed-1'), { stratumKey: key, length: 40 });
    const same = stratumList(scheme({ a: 1, b: 1 }, [4], 'seed-1'), { stratumKey: key, length: 40 });
    const other = stratumList(scheme({ a: 1, b: 1 }, [4], 'seed-2'), { stratumKey: key, length: 40 });
    expect(same).toEqual(one);
    expect(other.map((e) => e.arm)).not.toEqual(one.map((e) => e.arm));
  });

  it('throws on a broken call (negative count, empty key)', () => {
    const s = scheme({ a: 1, b: 1 }, [2], 's');
    expect(() => allocateNext(s, { stratumKey: '*', allocatedInStratum: -1 })).toThrow(RangeError);
    expect(() => allocationAt(s, { stratumKey: '', sequence: 1 })).toThrow(RangeError);
  });
});
