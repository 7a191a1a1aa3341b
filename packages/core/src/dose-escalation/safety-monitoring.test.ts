import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posteriorProbabilityAbove } from './beta-posterior.js';
import { safetyMonitoringOc, safetyStopBoundaries, type SafetyMonitoringRule } from './safety-monitoring.js';

// The reference boundaries and exact OCs (design.md §6.3) are compared in
// packages/cli/src/commands/design/reference-values.test.ts, read from the shared reference file.

const rule: SafetyMonitoringRule = { threshold: 0.33, cutoff: 0.9, maxN: 20 };

describe('safetyStopBoundaries', () => {
  it('is the smallest count whose posterior probability exceeds the cutoff (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        (threshold, cutoff) => {
          const result = safetyStopBoundaries({ threshold, cutoff, maxN: 15 });
          if (result.kind !== 'ok') {
            throw new Error('invalid');
          }
          for (const row of result.value) {
            if (row.stopIfAtLeast === null) {
              expect(posteriorProbabilityAbove(threshold, { n: row.n, y: row.n })).toBeLessThanOrEqual(
                cutoff,
              );
            } else {
              expect(
                posteriorProbabilityAbove(threshold, { n: row.n, y: row.stopIfAtLeast }),
              ).toBeGreaterThan(cutoff);
              if (row.stopIfAtLeast > 0) {
                const below = posteriorProbabilityAbove(threshold, { n: row.n, y: row.stopIfAtLeast - 1 });
                expect(below).toBeLessThanOrEqual(cutoff);
              }
            }
          }
        },
      ),
    );
  });

  it('starts at fromN', () => {
    const result = safetyStopBoundaries({ ...rule, fromN: 3 });
    expect(result.kind === 'ok' && result.value.slice(0, 3).map((r) => r.stopIfAtLeast)).toEqual([
      null,
      null,
      3,
    ]);
  });
});

describe('safetyMonitoringOc', () => {
  it('agrees with a brute-force sum over all event sequences (N = 10)', () => {
    const small = { threshold: 0.2, cutoff: 0.9, maxN: 10 };
    const bounds = safetyStopBoundaries(small);
    if (bounds.kind !== 'ok') {
      throw new Error('invalid');
    }
    const rate = 0.25;
    let pStop = 0;
    let expectedN = 0;
    // Every complete sequence of N outcomes, weighted by its probability; the stop is the first crossing.
    for (let mask = 0; mask < 1 << small.maxN; mask++) {
      let y = 0;
      let prob = 1;
      let stoppedAt: number | null = null;
      for (let i = 0; i < small.maxN; i++) {
        const event = (mask >> i) & 1;
        prob *= event === 1 ? rate : 1 - rate;
        y += event;
        const b = bounds.value[i]?.stopIfAtLeast ?? null;
        if (stoppedAt === null && b !== null && y >= b) {
          stoppedAt = i + 1;
        }
      }
      pStop += stoppedAt === null ? 0 : prob;
      expectedN += prob * (stoppedAt ?? small.maxN);
    }
    const result = safetyMonitoringOc(small, [rate]);
    expect(result.kind === 'ok' && result.value[0]?.pStop).toBeCloseTo(pStop, 12);
    expect(result.kind === 'ok' && result.value[0]?.expectedN).toBeCloseTo(expectedN, 12);
  });

  it('stops more often and earlier as the true rate grows', () => {
    const result = safetyMonitoringOc(rule, [0.1, 0.2, 0.33, 0.4, 0.5]);
    if (result.kind !== 'ok') {
      throw new Error('invalid');
    }
    for (let i = 1; i < result.value.length; i++) {
      expect(result.value[i]?.pStop).toBeGreaterThan(result.value[i - 1]?.pStop ?? 1);
      expect(result.value[i]?.expectedN).toBeLessThan(result.value[i - 1]?.expectedN ?? 0);
    }
  });

  it('rejects a threshold outside (0, 1)', () => {
    expect(safetyMonitoringOc({ ...rule, threshold: 0 }, [0.1])).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'threshold' }],
    });
  });
});
