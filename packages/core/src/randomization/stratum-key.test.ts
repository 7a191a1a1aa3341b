import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStratumKey, parseStratumKey, stratificationFromProtocol } from './stratum-key.js';

describe('stratum keys', () => {
  const factors = [{ id: 'site' }, { id: 'onset', levels: ['bulbar', 'limb'] }];

  it('joins factor=level in factor order: site first, then the protocol order', () => {
    const key = buildStratumKey({ factors, values: { onset: 'bulbar', site: 'ES01' } });
    expect(key).toEqual({ kind: 'ok', value: 'site=ES01|onset=bulbar' });
    expect(parseStratumKey('site=ES01|onset=bulbar')).toEqual({ site: 'ES01', onset: 'bulbar' });
  });

  it('an unstratified study has the single key *', () => {
    expect(buildStratumKey({ factors: [], values: {} })).toEqual({ kind: 'ok', value: '*' });
    expect(parseStratumKey('*')).toEqual({});
  });

  it('reports missing, unknown, undeclared and malformed levels with their paths', () => {
    const result = buildStratumKey({ factors, values: { onset: 'spinal', extra: 'x' } });
    expect(result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : []).toEqual([
      'values.site:stratum-level-missing',
      'values.onset:stratum-level-unknown',
      'values.extra:stratum-factor-unknown',
    ]);
    const bad = buildStratumKey({ factors, values: { site: 'ES|01', onset: 'limb' } });
    expect(bad.kind === 'invalid' ? bad.problems.map((p) => p.rule) : []).toEqual(['stratum-level-text']);
    expect(() => parseStratumKey('site')).toThrow(RangeError);
  });

  it('round-trips: parse(build(values)) = values, and distinct values give distinct keys', () => {
    const level = fc
      .string({ minLength: 1, maxLength: 6 })
      .filter((s) => s === s.trim() && !/[|=]/.test(s) && s !== '*');
    fc.assert(
      fc.property(fc.tuple(level, level, level, level), ([a, b, c, d]) => {
        const k1 = buildStratumKey({ factors, values: { site: a, onset: 'limb' } });
        const k2 = buildStratumKey({ factors: [{ id: 'site' }, { id: 'x' }], values: { site: b, x: c } });
        if (k1.kind !== 'ok' || k2.kind !== 'ok') {
          throw new Error('unexpected problems');
        }
        expect(parseStratumKey(k1.value)).toEqual({ site: a, onset: 'limb' });
        expect(parseStratumKey(k2.value)).toEqual({ site: b, x: c });
        const k3 = buildStratumKey({ factors: [{ id: 'site' }, { id: 'x' }], values: { site: b, x: d } });
        expect(k3.kind === 'ok' && k3.value === k2.value).toBe(c === d);
      }),
    );
  });

  it('from a protocol: site first (declared or not), other strata in protocol order, with their levels', () => {
    const strata = [
      { id: 'onset', levels: ['bulbar', 'limb'] },
      { id: 'site', description: 'Study site' },
    ];
    expect(stratificationFromProtocol({ strata }, { siteCodes: ['ES01', 'DE02'] })).toEqual([
      { id: 'site', levels: ['ES01', 'DE02'] },
      { id: 'onset', levels: ['bulbar', 'limb'] },
    ]);
    expect(stratificationFromProtocol({}, { siteStratified: false })).toEqual([]);
    expect(stratificationFromProtocol({})).toEqual([{ id: 'site' }]);
  });
});
