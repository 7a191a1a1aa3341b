import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../random/rng.js';
import {
  applyRespiratoryCaps,
  drawItemLossOrder,
  gastrostomyDateFor,
  itemsForTotal,
  respiratoryItemCaps,
} from './demo-alsfrs.js';
import { DEMO_ONSET_REGIONS } from './demo-types.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('item loss order', () => {
  it('loses every item exactly four times', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...DEMO_ONSET_REGIONS), (seed, region) => {
        const order = drawItemLossOrder(createSeededRng(seed), region);
        expect(order).toHaveLength(48);
        for (let item = 1; item <= 12; item++) {
          expect(order.filter((x) => x === item)).toHaveLength(4);
        }
      }),
    );
  });

  it('items follow the total: bounded 0–4, summing to it, never rising as the total falls', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...DEMO_ONSET_REGIONS), (seed, region) => {
        const order = drawItemLossOrder(createSeededRng(seed), region);
        let previous = itemsForTotal(order, 48);
        expect(previous).toEqual(new Array(12).fill(4));
        for (let total = 47; total >= 0; total--) {
          const items = itemsForTotal(order, total);
          expect(sum(items)).toBe(total);
          items.forEach((score, index) => {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(previous[index] ?? 4);
          });
          previous = items;
        }
      }),
    );
  });

  it('the onset region loses its points first, the respiratory items last (on average)', () => {
    const firstTen = (region: (typeof DEMO_ONSET_REGIONS)[number], items: readonly number[]): number => {
      let count = 0;
      for (let i = 0; i < 300; i++) {
        const order = drawItemLossOrder(createSeededRng(`${region}-${i}`), region);
        count += order.slice(0, 10).filter((item) => items.includes(item)).length;
      }
      return count / 300;
    };
    expect(firstTen('bulbar', [1, 2, 3])).toBeGreaterThan(4);
    expect(firstTen('upper-limb', [4, 5, 6])).toBeGreaterThan(4);
    expect(firstTen('lower-limb', [7, 8, 9])).toBeGreaterThan(4);
    expect(firstTen('lower-limb', [10, 11, 12])).toBeLessThan(1.5);
  });
});

describe('respiratory items and FVC', () => {
  it('caps fall with the FVC (hand-picked points of the ASSUMED thresholds)', () => {
    expect(respiratoryItemCaps(85)).toEqual([4, 4, 4]);
    expect(respiratoryItemCaps(65)).toEqual([3, 4, 4]);
    expect(respiratoryItemCaps(48)).toEqual([2, 3, 3]);
    expect(respiratoryItemCaps(20)).toEqual([0, 0, 0]);
  });

  it('capping keeps the total and moves lost points from the most recently lost non-respiratory items', () => {
    // Order: items 8, 8, 7 lost first (total 45); an FVC of 48 % caps dyspnoea at 2 and the others at 3.
    const order = [
      8,
      8,
      7,
      ...[1, 2, 3, 4, 5, 6, 9, 10, 11, 12].flatMap((item) => [item, item, item, item]),
      8,
      8,
      7,
      7,
      7,
    ];
    const items = itemsForTotal(order, 45);
    expect(items).toEqual([4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4, 4]);
    const capped = applyRespiratoryCaps(items, { order, caps: [2, 3, 3] });
    // Hand count: four respiratory points must go (10: 4→2, 11: 4→3, 12: 4→3) but only three non-respiratory points
    // were lost (7, then 8 twice, latest first), so item 12 keeps its 4.
    expect(capped).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 3, 4]);
    expect(sum(capped)).toBe(45);
  });
});

describe('gastrostomy date', () => {
  // Order with swallowing (item 3) lost at positions 1, 2 and 3: the third loss (swallowing = 1) needs 3 points,
  // i.e. a latent total of 45.
  const order = [
    3,
    3,
    3,
    ...[1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((item) => [item, item, item, item]),
    3,
  ];
  const dates = { screeningDate: '2025-01-01', diagnosisDate: '2024-06-01' };

  it('is dated forward along a declining course', () => {
    // 47 → 45 at −1 point/month: 2 months = round(2 × 30.4375) = 61 days after screening.
    expect(
      gastrostomyDateFor(
        { alsfrsAtScreening: 47, alsfrsSlopePerMonth: -1, alsfrsItemLossOrder: order },
        dates,
      ),
    ).toBe('2025-03-03');
  });

  it('is dated back (not before the diagnosis) when already reached at screening', () => {
    // 40 is 5 points below 45 at −1/month: 152 days before screening, i.e. 2024-08-02.
    expect(
      gastrostomyDateFor(
        { alsfrsAtScreening: 40, alsfrsSlopePerMonth: -1, alsfrsItemLossOrder: order },
        dates,
      ),
    ).toBe('2024-08-02');
    expect(
      gastrostomyDateFor(
        { alsfrsAtScreening: 20, alsfrsSlopePerMonth: -1, alsfrsItemLossOrder: order },
        dates,
      ),
    ).toBe('2024-06-01');
  });

  it('never comes on a stable course above the threshold', () => {
    expect(
      gastrostomyDateFor(
        { alsfrsAtScreening: 47, alsfrsSlopePerMonth: 0.2, alsfrsItemLossOrder: order },
        dates,
      ),
    ).toBeUndefined();
  });
});
