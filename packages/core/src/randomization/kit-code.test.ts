import { describe, expect, it } from 'vitest';
import { allocateNext } from './block-allocation.js';
import { createBlockScheme } from './block-list.js';
import { KIT_CODE_PATTERN, kitCode } from './kit-code.js';

describe('kit codes', () => {
  it('are deterministic, well-formed and change with seed, scope, sequence and attempt', () => {
    const base = { seed: 'secret', scope: 'site=ES01', sequence: 3 };
    const code = kitCode(base);
    expect(code).toMatch(KIT_CODE_PATTERN);
    expect(kitCode(base)).toBe(code);
    expect(kitCode({ ...base, seed: 'secret2' })).not.toBe(code);
    expect(kitCode({ ...base, scope: 'site=ES02' })).not.toBe(code);
    expect(kitCode({ ...base, sequence: 4 })).not.toBe(code);
    expect(kitCode({ ...base, attempt: 1 })).not.toBe(code);
    expect(() => kitCode({ ...base, sequence: 0 })).toThrow(RangeError);
  });

  it('20 000 codes of one study are distinct', () => {
    const codes = new Set<string>();
    for (let site = 0; site < 20; site++) {
      for (let n = 1; n <= 1000; n++) {
        codes.add(kitCode({ seed: 'study-seed', scope: `site=S${site}`, sequence: n }));
      }
    }
    expect(codes.size).toBe(20_000);
  });

  it('do not reveal the arm: the code of a slot is the same whichever arm the list puts there', () => {
    // Same seed and stratum, different arm sets → different arms in slot 1, identical codes.
    const a = createBlockScheme({
      arms: [
        { id: 'x', ratio: 1 },
        { id: 'y', ratio: 1 },
      ],
      blockSizes: [2],
      seed: 'k',
    });
    const b = createBlockScheme({
      arms: [
        { id: 'p', ratio: 2 },
        { id: 'q', ratio: 1 },
      ],
      blockSizes: [3],
      seed: 'k',
    });
    if (a.kind !== 'ok' || b.kind !== 'ok') {
      throw new Error('schemes');
    }
    for (let n = 0; n < 10; n++) {
      const one = allocateNext(a.value, { stratumKey: '*', allocatedInStratum: n });
      const two = allocateNext(b.value, { stratumKey: '*', allocatedInStratum: n });
      expect(one.kitCode).toBe(two.kitCode);
    }
  });

  it('characters are uniform over the alphabet (no arm-independent bias to read into)', () => {
    const counts = new Map<string, number>();
    const n = 4000;
    for (let i = 1; i <= n; i++) {
      for (const ch of kitCode({ seed: 'u', scope: '*', sequence: i }).replace('-', '')) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(32);
    const expected = (n * 10) / 32;
    for (const c of counts.values()) {
      expect(Math.abs(c - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });
});
