import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlsfrsRItemNumber, AlsfrsRItemScore } from './alsfrs-r-items.js';
import { itemsWith } from './alsfrs-r-test-helpers.js';
import { kingsStage, kingsStageRank, type KingsStage } from './kings-stage.js';
import { mitosStage } from './mitos-stage.js';

type Changes = Partial<Record<AlsfrsRItemNumber, AlsfrsRItemScore>>;

// Test vectors from clinical.md §1.8 (derived from the Balendra 2014 mapping in Precision-ALS code and the MiToS
// table in Chiò et al., JNNP 2015;86:38, Table 1, AND rule for communicating).
const VECTORS: ReadonlyArray<{
  name: string;
  changes: Changes;
  scale: 'a' | 'b';
  kings: KingsStage;
  mitos: number;
}> = [
  { name: 'none (48/48)', changes: {}, scale: 'a', kings: '0', mitos: 0 },
  { name: 'item1 = 3', changes: { 1: 3 }, scale: 'a', kings: '1', mitos: 0 },
  {
    name: 'item1 = 3, item4 = 3, item8 = 3',
    changes: { 1: 3, 4: 3, 8: 3 },
    scale: 'a',
    kings: '3',
    mitos: 0,
  },
  { name: 'item5b answered, item3 = 1', changes: { 3: 1 }, scale: 'b', kings: '4A', mitos: 1 },
  { name: 'item12 = 3 (intermittent NIV)', changes: { 12: 3 }, scale: 'a', kings: '4B', mitos: 0 },
  { name: 'item10 = 0', changes: { 10: 0 }, scale: 'a', kings: '4B', mitos: 1 },
  {
    name: 'item1 = 1, item4 = 2 (AND rule: not lost)',
    changes: { 1: 1, 4: 2 },
    scale: 'a',
    kings: '2',
    mitos: 0,
  },
  {
    name: 'item1 = 1, item4 = 1, item6 = 1, item3 = 1, item12 = 2',
    changes: { 1: 1, 4: 1, 6: 1, 3: 1, 12: 2 },
    scale: 'a',
    kings: '4B',
    mitos: 4,
  },
];

describe("King's and MiToS test vectors (clinical.md §1.8)", () => {
  for (const v of VECTORS) {
    it(`${v.name} → King's ${v.kings}, MiToS ${v.mitos}`, () => {
      const items = itemsWith(v.changes, v.scale);
      expect(kingsStage(items).stage).toBe(v.kings);
      expect(mitosStage(items).stage).toBe(v.mitos);
    });
  }
});

describe("King's staging details", () => {
  it('reports 4B when both gastrostomy and NIV criteria hold, keeping both flags', () => {
    const staging = kingsStage(itemsWith({ 12: 2 }, 'b'));
    expect(staging).toMatchObject({ stage: '4B', nutritionalFailure: true, respiratoryFailure: true });
  });

  it('counts item 5a < 4 as upper-limb involvement', () => {
    expect(kingsStage(itemsWith({ 5: 3 })).stage).toBe('1');
    expect(kingsStage(itemsWith({ 2: 3, 5: 2, 8: 1 })).stage).toBe('3');
  });

  it('does not count item 9 or 7 (only item 8 marks the lower limb)', () => {
    expect(kingsStage(itemsWith({ 7: 1, 9: 0 })).stage).toBe('0');
  });
});

describe('MiToS staging details', () => {
  it('applies the published thresholds for each domain', () => {
    expect(mitosStage(itemsWith({ 8: 1 })).movementLost).toBe(true);
    expect(mitosStage(itemsWith({ 8: 2, 6: 2 })).movementLost).toBe(false);
    expect(mitosStage(itemsWith({ 6: 1 })).movementLost).toBe(true);
    expect(mitosStage(itemsWith({ 3: 2 })).swallowingLost).toBe(false);
    expect(mitosStage(itemsWith({ 1: 1, 4: 1 })).communicatingLost).toBe(true);
    expect(mitosStage(itemsWith({ 1: 0, 4: 4 })).communicatingLost).toBe(false);
    expect(mitosStage(itemsWith({ 12: 2 })).breathingLost).toBe(true);
    expect(mitosStage(itemsWith({ 10: 2 })).breathingLost).toBe(false);
  });
});

describe('staging monotonicity (property)', () => {
  const score = fc.constantFrom<AlsfrsRItemScore>(0, 1, 2, 3, 4);
  const record = fc.tuple(
    fc.array(score, { minLength: 12, maxLength: 12 }),
    fc.constantFrom<'a' | 'b'>('a', 'b'),
  );

  it('never lowers King’s or MiToS stage when any single item worsens', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 1, max: 12 }), ([values, scale], which) => {
        const changes = Object.fromEntries(values.map((v, i) => [i + 1, v])) as Changes;
        const before = itemsWith(changes, scale);
        const n = which as AlsfrsRItemNumber;
        const current = before.scores[n];
        if (current === 0) {
          return;
        }
        const after = itemsWith({ ...changes, [n]: (current - 1) as AlsfrsRItemScore }, scale);
        expect(kingsStageRank(kingsStage(after).stage)).toBeGreaterThanOrEqual(
          kingsStageRank(kingsStage(before).stage),
        );
        expect(mitosStage(after).stage).toBeGreaterThanOrEqual(mitosStage(before).stage);
      }),
    );
  });

  it('keeps MiToS within 0–4 and King’s within its six stages', () => {
    fc.assert(
      fc.property(record, ([values, scale]) => {
        const changes: Changes = Object.fromEntries(values.map((v, i) => [i + 1, v]));
        const items = itemsWith(changes, scale);
        expect(mitosStage(items).stage).toBeGreaterThanOrEqual(0);
        expect(mitosStage(items).stage).toBeLessThanOrEqual(4);
        expect(['0', '1', '2', '3', '4A', '4B']).toContain(kingsStage(items).stage);
        if (scale === 'b') {
          expect(kingsStageRank(kingsStage(items).stage)).toBe(4);
        }
      }),
    );
  });
});
