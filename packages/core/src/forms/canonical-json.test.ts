import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('compares values regardless of key order, leaving undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { y: 2, x: 1 } })).toBe(canonicalJson({ a: { x: 1, y: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ value: 5.4, unit: 'mg/dL' })).not.toBe(
      canonicalJson({ value: 5.4, unit: 'mmol/L' }),
    );
    expect(canonicalJson(undefined)).toBe('undefined');
    expect(canonicalJson(undefined)).not.toBe(canonicalJson(null));
    expect(canonicalJson([1, { b: 2, a: 1 }])).toBe('[1,{"a":1,"b":2}]');
  });
});
