import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slopeVariance, sumSquaresTime, tTestPower, tTestSampleSize, zPower, zSampleSize } from './power.js';
import { readSharedReference } from './fixtures/r-reference.js';

// Golden values: ../shared/reference/design-values/alsfrs_slope_power_reference.txt (R 4.2.2, longpower 1.0.27:
// power.t.test, diggle.linear.power, edland.linear.power), parsed at test time. Printed to 3–4 decimals, so
// the tolerance is half a unit in the last printed digit (R's uniroot in power.t.test is itself ~1e-4).
const reference = readSharedReference('design-values/alsfrs_slope_power_reference.txt');
const lines = reference.split('\n');

describe('slope sample size matches alsfrs_slope_power_reference.txt', () => {
  const table = lines
    .map((l) => l.trim().split(/\s+/))
    .filter((cells) => cells.length === 8 && cells[6] === '(ceil')
    .map((cells) => cells.map((c) => Number(c.replace(')', ''))));

  it('parses all 18 rows of section 1', () => {
    expect(table).toHaveLength(18);
  });

  it('normal-approximation and t-test n per arm', () => {
    for (const [delta, sd, power, nz, ceilZ, nt, , ceilT] of table) {
      const input = { delta: delta ?? 0, sd: sd ?? 0, power: power ?? 0 };
      const z = zSampleSize(input).n1;
      expect(Math.abs(z - (nz ?? 0))).toBeLessThanOrEqual(5e-4 + 1e-9);
      expect(Math.ceil(z)).toBe(ceilZ);
      const t = tTestSampleSize(input);
      expect(Math.abs(t - (nt ?? 0))).toBeLessThanOrEqual(1e-3);
      expect(Math.ceil(t)).toBe(ceilT);
    }
  });

  it('unequal allocation example (placebo n2 = 0.5 n1)', () => {
    const m = /n1=([\d.]+) n2=([\d.]+) total=([\d.]+)/.exec(reference);
    const result = zSampleSize({ delta: 0.3, sd: 0.8, ratio: 0.5 });
    expect(result.n1).toBeCloseTo(Number(m?.[1]), 3);
    expect(result.n2).toBeCloseTo(Number(m?.[2]), 3);
    expect(result.total).toBeCloseTo(Number(m?.[3]), 3);
  });

  it('LMM (Diggle) complete data: variance and n per arm', () => {
    const rows = lines.filter((l) => l.includes('hand n/arm='));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const num = (name: string): number => Number(new RegExp(`${name}=([\\d.]+)`).exec(row)?.[1]);
      const variance = slopeVariance({
        sdSlope: num('sd.slope'),
        sdResidual: num('sd.e'),
        times: [0, 1, 2, 3, 4, 5, 6],
      });
      expect(variance).toBeCloseTo(num('Var'), 5);
      expect(zSampleSize({ delta: num('Delta'), sd: Math.sqrt(variance) }).n1).toBeCloseTo(num('diggle'), 3);
    }
  });

  it('LMM with dropout (Edland/Zhao) reproduces edland.linear.power', () => {
    const rows = lines.filter((l) => l.includes('with dropout n/arm='));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const num = (name: string): number => Number(new RegExp(`${name}=([\\d.]+)`).exec(row)?.[1]);
      const variance = slopeVariance({
        sdSlope: num('sd.slope'),
        sdResidual: num('sd.e'),
        sdIntercept: num('sd.int'),
        times: [0, 1, 2, 3, 4, 5, 6],
        lastVisit: [0, 0.03, 0.03, 0.04, 0.04, 0.06, 0.8],
      });
      const expected = Number(/with dropout n\/arm=([\d.]+)/.exec(row)?.[1]);
      expect(zSampleSize({ delta: num('Delta'), sd: Math.sqrt(variance) }).n1).toBeCloseTo(expected, 3);
    }
  });

  it('visits every 4 weeks to week 24 (the reference converts weeks with 12/52 months per week)', () => {
    // The file's label says "/ 4.345", but its S_tt = 23.8580 is 28·(48/52)²: t = weeks · 12/52.
    const times = [0, 4, 8, 12, 16, 20, 24].map((w) => (w * 12) / 52);
    expect(sumSquaresTime(times)).toBeCloseTo(23.858, 4);
    const variance = slopeVariance({ sdSlope: 0.6, sdResidual: 2, times });
    expect(variance).toBeCloseTo(0.52766, 5);
    expect(zSampleSize({ delta: 0.3, sd: Math.sqrt(variance) }).n1).toBeCloseTo(92.034, 3);
  });

  it('power for a given n (t-test and normal approximation)', () => {
    const m = /power = ([\d.]+) ; normal approx .* = ([\d.]+)/.exec(reference);
    expect(tTestPower({ n: 60, delta: 0.3, sd: 0.8 })).toBeCloseTo(Number(m?.[1]), 4);
    expect(zPower({ n: 60, delta: 0.3, sd: 0.8 })).toBeCloseTo(Number(m?.[2]), 4);
  });
});

describe('power invariants', () => {
  it('power at the computed sample size equals the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.constantFrom(0.8, 0.9),
        (delta, sd, power) => {
          const n = zSampleSize({ delta, sd, power }).n1;
          expect(zPower({ n, delta, sd })).toBeCloseTo(power, 8);
          const nt = tTestSampleSize({ delta, sd, power });
          expect(tTestPower({ n: nt, delta, sd })).toBeCloseTo(power, 6);
          expect(nt).toBeGreaterThan(n);
        },
      ),
      { numRuns: 30 },
    );
  });
});
