import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alphaSpent,
  boundaryCrossingProbabilities,
  conditionalPower,
  currentTrendDrift,
  inflationFactor,
  lanDeMetsBounds,
} from './group-sequential.js';
import type { SpendingFunction } from './group-sequential.js';
import { readSharedReference } from './fixtures/r-reference.js';

// Golden values: ../shared/reference/design-values/group_sequential_reference.txt (R 4.2.2; ldbounds 2.0.2,
// gsDesign 3.4.0, rpact 3.3.4, mvtnorm check), parsed at test time. The packages agree with each other only to
// ~3e-5, so the tolerance is 1e-4 (README.txt of design-values); 5-look ldbounds values are printed to 4 decimals.
const reference = readSharedReference('design-values/group_sequential_reference.txt');

function numbersAfter(label: string): number[] {
  const line = reference.split('\n').find((l) => l.includes(label));
  if (line === undefined) {
    throw new Error(`reference line not found: ${label}`);
  }
  const tail = line.slice(line.indexOf(label) + label.length);
  return (tail.match(/-?\d+\.\d+/g) ?? []).map(Number);
}

const OBF: SpendingFunction = { kind: 'obrien-fleming' };
const thirds = [1 / 3, 2 / 3, 1];

function expectBounds(actual: readonly number[], expected: readonly number[], tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - (expected[i] ?? Number.NaN)), `look ${i + 1}: ${a}`).toBeLessThanOrEqual(tol),
  );
}

describe('Lan–DeMets boundaries match the reference packages', () => {
  const bounds = lanDeMetsBounds({ times: thirds, alpha: 0.025, spending: OBF, sides: 2 });

  it('O’Brien–Fleming spending, 3 looks: ldbounds, gsDesign and rpact', () => {
    const upperLines = reference.split('\n').filter((l) => l.startsWith('upper z:'));
    expect(upperLines.length).toBeGreaterThanOrEqual(2);
    expectBounds(bounds.upper, numbersAfter('upper z:')); // ldbounds
    expectBounds(bounds.upper, (upperLines[1]?.match(/\d+\.\d+/g) ?? []).map(Number)); // gsDesign
    expectBounds(bounds.upper, numbersAfter('criticalValues:')); // rpact
  });

  it('alpha spent and nominal p-values', () => {
    expectBounds(
      bounds.cumulativeAlpha,
      numbersAfter('exit probabilities under H0 (cumulative two-sided alpha):'),
      1e-7,
    );
    // ldbounds' nominal p comes from its own bounds (1.993019 vs gsDesign/rpact 1.993048): tolerance 1e-5.
    expectBounds(bounds.nominalP, numbersAfter('nominal two-sided p at each look:'), 1e-5);
    expect(alphaSpent(OBF, 0.025, 1 / 3)).toBeCloseTo(
      numbersAfter('Cumulative one-sided alpha spent at t=1/3,2/3,1:')[0] ?? 0,
      8,
    );
  });

  it('comparators: LD-Pocock and Hwang–Shih–DeCani(−4) with their inflation factors', () => {
    const pocockRow = numbersAfter('LD Pocock spending (sfLDPocock)');
    const pocock = lanDeMetsBounds({ times: thirds, alpha: 0.025, spending: { kind: 'pocock' }, sides: 2 });
    expectBounds(pocock.upper, pocockRow.slice(0, 3));
    expect(inflationFactor({ times: thirds, bounds: pocock, alpha: 0.025, power: 0.9 })).toBeCloseTo(
      pocockRow[6] ?? 0,
      4,
    );
    const hsdRow = numbersAfter('HSD gamma=-4 (sfHSD, -4)');
    const hsd = lanDeMetsBounds({
      times: thirds,
      alpha: 0.025,
      spending: { kind: 'hsd', gamma: -4 },
      sides: 2,
    });
    expectBounds(hsd.upper, hsdRow.slice(0, 3));
    expect(inflationFactor({ times: thirds, bounds: hsd, alpha: 0.025, power: 0.9 })).toBeCloseTo(
      hsdRow[6] ?? 0,
      4,
    );
  });

  it('sample-size inflation of the OBF design (gsDesign 1.011852, rpact 1.011853)', () => {
    expect(inflationFactor({ times: thirds, bounds, alpha: 0.025, power: 0.9 })).toBeCloseTo(
      numbersAfter('rpact sample size inflation (getDesignCharacteristics):')[0] ?? 0,
      5,
    );
  });

  it('5 looks, unequal timing, a look moved to t = 0.75, two looks', () => {
    // ldbounds, printed to 4 decimals (and ~1e-4 less accurate than gsDesign/rpact in the 3-look case).
    expectBounds(
      lanDeMetsBounds({ times: [0.2, 0.4, 0.6, 0.8, 1], alpha: 0.025, spending: OBF, sides: 2 }).upper,
      numbersAfter('=== E. 5 equally spaced looks, LD OBF, two-sided 0.05 (ldbounds):'),
      2e-4,
    );
    expectBounds(
      lanDeMetsBounds({ times: [0.25, 0.6, 1], alpha: 0.025, spending: OBF, sides: 2 }).upper,
      numbersAfter('LD OBF (ldbounds):'),
      1e-4,
    );
    expectBounds(
      lanDeMetsBounds({ times: [1 / 3, 0.75, 1], alpha: 0.025, spending: OBF, sides: 2 }).upper,
      numbersAfter('(spending evaluated at actual information):'),
    );
    expectBounds(
      lanDeMetsBounds({ times: [0.5, 1], alpha: 0.025, spending: OBF, sides: 2 }).upper,
      numbersAfter('=== H. Two looks t=c(0.5,1):'),
    );
  });

  it('one-sided efficacy bounds (gsDesign test.type = 1)', () => {
    const oneSided = lanDeMetsBounds({ times: thirds, alpha: 0.025, spending: OBF, sides: 1 });
    expectBounds(oneSided.upper, numbersAfter('sfLDOF:'));
  });

  it('crossing probabilities under H0 reproduce the mvtnorm check', () => {
    const b = [3.710303, 2.511427, 1.993047];
    const p = boundaryCrossingProbabilities({ times: thirds, upper: b, lower: b.map((x) => -x), drift: 0 });
    let cumulative = 0;
    const expected = [0.00020701, 0.01209679, 0.05000006];
    p.upper.forEach((u, k) => {
      cumulative += u + (p.lower[k] ?? 0);
      expect(cumulative).toBeCloseTo(expected[k] ?? 0, 7);
    });
  });
});

describe('conditional power (Lan & Wittes B-value)', () => {
  it('matches section L of the reference', () => {
    const zFinal = 1.993047;
    const rows = reference.split('\n').filter((l) => l.includes('CP(current trend)='));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const z = Number(/Z=([\d.]+)/.exec(row)?.[1]);
      const [trend, h1, h0] = (row.match(/=\d\.\d{4}/g) ?? []).map((v) => Number(v.slice(1)));
      const t = 2 / 3;
      expect(conditionalPower({ t, z, zFinal, drift: currentTrendDrift(t, z) })).toBeCloseTo(trend ?? 0, 4);
      expect(conditionalPower({ t, z, zFinal, drift: 3.2415 })).toBeCloseTo(h1 ?? 0, 4);
      expect(conditionalPower({ t, z, zFinal, drift: 0 })).toBeCloseTo(h0 ?? 0, 4);
    }
  });
});

describe('group-sequential invariants', () => {
  it('spending functions are increasing and spend exactly alpha at t = 1', () => {
    const spendings: SpendingFunction[] = [
      OBF,
      { kind: 'pocock' },
      { kind: 'power', rho: 2 },
      { kind: 'hsd', gamma: -4 },
      { kind: 'hsd', gamma: 1 },
    ];
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (t) => {
        for (const s of spendings) {
          expect(alphaSpent(s, 0.025, t)).toBeLessThanOrEqual(
            alphaSpent(s, 0.025, Math.min(1, t + 0.01)) + 1e-15,
          );
          expect(alphaSpent(s, 0.025, 1)).toBeCloseTo(0.025, 12);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a single look at t = 1 gives the fixed-design critical value', () => {
    expect(
      lanDeMetsBounds({ times: [1], alpha: 0.025, spending: { kind: 'pocock' }, sides: 2 }).upper[0],
    ).toBeCloseTo(1.959963984540054, 9);
  });
});
