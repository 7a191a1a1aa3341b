import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts the classic examples', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('titel', 'title')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        return (
          d === editDistance(b, a) && d <= Math.max(a.length, b.length) && d >= Math.abs(a.length - b.length)
        );
      }),
    );
  });
});
