import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng, randomInt } from '../random/rng.js';
import {
  createMinimizationScheme,
  minimizationDraw,
  minimize,
  type MinimizationDecision,
  type MinimizationRecord,
  type MinimizationRequest,
  type MinimizationScheme,
  type MinimizationSchemeInput,
} from './minimization.js';
import { assignmentProbabilities, imbalanceOf } from './minimization-scores.js';

function scheme(input: Partial<MinimizationSchemeInput> = {}): MinimizationScheme {
  const result = createMinimizationScheme({
    arms: [
      { id: 'A', ratio: 1 },
      { id: 'B', ratio: 1 },
    ],
    factors: [{ id: 'sex' }, { id: 'site' }, { id: 'onset' }],
    rule: { kind: 'best-arm', probability: 0.8 },
    seed: 'minimization-tests',
    ...input,
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

function decide(s: MinimizationScheme, request: MinimizationRequest): MinimizationDecision {
  const result = minimize(s, request);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

const levelsArb = fc.record({
  sex: fc.constantFrom('M', 'F'),
  site: fc.constantFrom('S1', 'S2', 'S3'),
  onset: fc.constantFrom('bulbar', 'limb'),
});

/** Runs a whole trial: each arrival allocated by minimization given everyone before. */
function simulate(s: MinimizationScheme, arrivals: readonly Record<string, string>[]): MinimizationRecord[] {
  const previous: MinimizationRecord[] = [];
  for (const levels of arrivals) {
    previous.push({ arm: decide(s, { previous, levels }).arm, levels });
  }
  return previous;
}

describe('minimization: properties', () => {
  it('with p = 1 the chosen arm always has the lowest imbalance score (no other arm would do better)', () => {
    const s = scheme({
      arms: [
        { id: 'A', ratio: 2 },
        { id: 'B', ratio: 1 },
        { id: 'C', ratio: 1 },
      ],
      factors: [{ id: 'sex' }, { id: 'site', weight: 2 }, { id: 'onset' }],
      rule: { kind: 'best-arm', probability: 1 },
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ arm: fc.constantFrom('A', 'B', 'C'), levels: levelsArb }), { maxLength: 40 }),
        levelsArb,
        (previous, levels) => {
          const d = decide(s, { previous, levels });
          const min = Math.min(...d.arms.map((a) => a.score));
          expect(d.arms.find((a) => a.arm === d.arm)?.score).toBe(min);
          expect(d.preferredArms).toContain(d.arm);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with p = 1 and one factor, the arms differ by at most one participant at every level, at every time', () => {
    for (const arms of [
      ['A', 'B'],
      ['A', 'B', 'C'],
    ]) {
      const s = scheme({
        arms: arms.map((id) => ({ id, ratio: 1 })),
        factors: [{ id: 'site' }],
        rule: { kind: 'best-arm', probability: 1 },
      });
      fc.assert(
        fc.property(fc.array(fc.constantFrom('S1', 'S2', 'S3'), { maxLength: 60 }), (sites) => {
          const done = simulate(
            s,
            sites.map((site) => ({ site })),
          );
          for (let n = 1; n <= done.length; n++) {
            for (const site of ['S1', 'S2', 'S3']) {
              const counts = arms.map(
                (arm) => done.slice(0, n).filter((r) => r.arm === arm && r.levels.site === site).length,
              );
              expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
            }
          }
        }),
        { numRuns: 40 },
      );
    }
  });

  it('reduces marginal imbalance far below complete randomization (p = 0.8, 3 factors, 120 participants)', () => {
    const rng = createSeededRng('arrivals');
    const sexes = ['M', 'F'];
    const sites = ['S1', 'S2', 'S3'];
    const onsets = ['bulbar', 'limb'];
    let minimized = 0;
    let complete = 0;
    for (let trial = 0; trial < 20; trial++) {
      const arrivals = Array.from({ length: 120 }, () => ({
        sex: sexes[randomInt(rng, 0, 1)] ?? 'M',
        site: sites[randomInt(rng, 0, 2)] ?? 'S1',
        onset: onsets[randomInt(rng, 0, 1)] ?? 'limb',
      }));
      const total = (records: readonly MinimizationRecord[]): number =>
        [
          ...sexes.map((l) => ['sex', l]),
          ...sites.map((l) => ['site', l]),
          ...onsets.map((l) => ['onset', l]),
        ].reduce((sum, [factor = '', level = '']) => {
          const at = records.filter((r) => r.levels[factor] === level);
          return (
            sum + Math.abs(at.filter((r) => r.arm === 'A').length - at.filter((r) => r.arm === 'B').length)
          );
        }, 0);
      minimized += total(simulate(scheme({ seed: `trial-${trial}` }), arrivals));
      complete += total(arrivals.map((levels) => ({ arm: rng.next() < 0.5 ? 'A' : 'B', levels })));
    }
    // Complete randomization: E|A − B| ≈ sqrt(2n/π) per level (≈ 4–6 here, 7 levels); minimization keeps it near 1.
    expect(minimized / 20).toBeLessThan(complete / 20 / 3);
  });

  it('over many seeded draws the preferred arm is chosen with probability ≈ p', () => {
    const s3 = scheme({ arms: ['A', 'B', 'C'].map((id) => ({ id, ratio: 1 })), factors: [{ id: 'site' }] });
    // One previous participant on A at S1: B and C are preferred (tied) for a new S1 participant.
    const request = { previous: [{ arm: 'A', levels: { site: 'S1' } }], levels: { site: 'S1' } };
    const n = 5000;
    const chosen = new Map<string, number>();
    for (let seq = 1; seq <= n; seq++) {
      const d = decide(s3, { ...request, sequence: seq });
      chosen.set(d.arm, (chosen.get(d.arm) ?? 0) + 1);
    }
    const se = (p: number): number => 3 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs((chosen.get('A') ?? 0) / n - 0.2)).toBeLessThan(se(0.2));
    expect(Math.abs((chosen.get('B') ?? 0) / n - 0.4)).toBeLessThan(se(0.4));
    expect(Math.abs((chosen.get('C') ?? 0) / n - 0.4)).toBeLessThan(se(0.4));
  });

  it('all arms tied (first participant): each arm ≈ 1/K', () => {
    const s = scheme();
    const n = 4000;
    let a = 0;
    for (let seq = 1; seq <= n; seq++) {
      a +=
        decide(s, { previous: [], levels: { sex: 'M', site: 'S1', onset: 'limb' }, sequence: seq }).arm ===
        'A'
          ? 1
          : 0;
    }
    expect(Math.abs(a / n - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / n));
  });

  it('is reproducible from seed + sequence: the draw does not depend on the previous allocations', () => {
    const s = scheme();
    const levels = { sex: 'F', site: 'S2', onset: 'bulbar' };
    const previous = [{ arm: 'B', levels }];
    const first = decide(s, { previous, levels });
    expect(first.sequence).toBe(2);
    expect(decide(s, { previous, levels })).toEqual(first);
    expect(first.draw).toBe(minimizationDraw('minimization-tests', 2));
    expect(decide(s, { previous: [], levels, sequence: 2 }).draw).toBe(first.draw);
    expect(decide(scheme({ seed: 'other' }), { previous, levels }).draw).not.toBe(first.draw);
    // With p = 0.8 and A preferred, the draw picks A exactly when it falls below P(A) = 0.8 (A first in order).
    expect(first.preferredArms).toEqual(['A']);
    expect(first.arm).toBe(first.draw < 0.8 ? 'A' : 'B');
  });
});

describe('minimization: scores and rules', () => {
  it('imbalance measures: range, SD and variance with n − 1', () => {
    expect(imbalanceOf([3, 1, 2], 'range')).toBe(2);
    expect(imbalanceOf([3, 1, 2], 'variance')).toBe(1);
    expect(imbalanceOf([4, 2], 'sd')).toBeCloseTo(Math.SQRT2, 12);
  });

  it('best-arm rule splits p among tied best arms; rank rule averages tied ranks', () => {
    const best = assignmentProbabilities([1, 1, 3], { kind: 'best-arm', probability: 0.9 });
    [0.45, 0.45, 0.1].forEach((p, i) => expect(best[i]).toBeCloseTo(p, 12));
    const rank = assignmentProbabilities([2, 1, 1], { kind: 'rank', c: 0.5 });
    expect(rank[0]).toBeCloseTo(0.25, 12);
    expect(rank[1]).toBeCloseTo((5 / 12 + 1 / 3) / 2, 12);
    expect(assignmentProbabilities([4, 4], { kind: 'best-arm', probability: 1 })).toEqual([0.5, 0.5]);
  });

  it('problems as values: scheme and request', () => {
    const bad = createMinimizationScheme({
      arms: [
        { id: 'A', ratio: 1 },
        { id: 'B', ratio: 1 },
      ],
      factors: [{ id: 'sex', weight: 0 }],
      rule: { kind: 'best-arm', probability: 0.3 },
      seed: 's',
    });
    expect(bad.kind === 'invalid' ? bad.problems.map((p) => p.rule) : []).toEqual([
      'factor-weight',
      'best-arm-probability',
    ]);
    const s = scheme({ factors: [{ id: 'sex', levels: ['M', 'F'] }, { id: 'site' }] });
    const result = minimize(s, {
      previous: [{ arm: 'Z', levels: { sex: 'M', site: 'S1' } }],
      levels: { sex: 'X' },
    });
    expect(result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : []).toEqual([
      'levels.sex:factor-level-unknown',
      'levels.site:factor-level-missing',
      'previous[0].arm:unknown-arm',
    ]);
  });
});
