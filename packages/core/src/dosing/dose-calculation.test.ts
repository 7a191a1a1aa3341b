import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProtocolIntervention } from '../protocol/protocol-types.js';
import { calculateDose, MAX_PLAUSIBLE_WEIGHT_KG, type DoseCalculationResult } from './dose-calculation.js';
import { exactProduct, formatAmount } from './exact-decimal.js';
import { seedIntervention } from './seed-protocols-test-helpers.js';

function ok(result: DoseCalculationResult): Extract<DoseCalculationResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result;
}

function rules(result: DoseCalculationResult): string[] {
  return result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : [];
}

/** A per-kg intervention with both caps (synthetic: no seed protocol has caps). */
const capped: ProtocolIntervention = {
  id: 'capped',
  name: 'Capped cells',
  type: 'biological',
  role: 'investigational',
  route: 'intravenous',
  dose: {
    kind: 'per-kg',
    amountPerKg: 2e6,
    unit: 'cells',
    weight: 'baseline',
    maxWeightKg: 100,
    maxAmount: 1.5e8,
  },
};

describe('calculateDose on the seed protocols', () => {
  it('NCT04821479: 1×10^6 cells/kg × 72.3 kg = 7.23×10^7 cells, 3 mL (hand: 1 000 000 × 72.3)', () => {
    const dose = ok(calculateDose({ intervention: seedIntervention('nct04821479', 'msc'), weightKg: 72.3 }));
    expect(dose).toMatchObject({
      amount: 72_300_000,
      unit: 'cells',
      perKg: 1e6,
      weightKgUsed: 72.3,
      capped: false,
      volumeMl: 3,
      volumePer: 'administration',
    });
    expect(dose.explanation).toBe('per-kg dose: 1×10^6 cells/kg × 72.3 kg = 7.23×10^7 cells');
  });

  it('NCT06360861: 3×10^6 cells/kg × 68.5 kg = 2.055×10^8 cells (hand: 3 000 000 × 68.5)', () => {
    const dose = ok(
      calculateDose({ intervention: seedIntervention('nct06360861', 'plmsc'), weightKg: 68.5 }),
    );
    expect(dose.amount).toBe(205_500_000);
  });

  it('multiplies exactly: 1×10^6 × 32.3 kg is 32 300 000, where the double product is 32 299 999.999999996', () => {
    expect(1e6 * 32.3).not.toBe(32_300_000); // the artefact the exact product avoids
    const dose = ok(calculateDose({ intervention: seedIntervention('nct04821479', 'msc'), weightKg: 32.3 }));
    expect(dose.amount).toBe(32_300_000);
  });

  it('NCT03268603: level dl-5e7 is 5×10^7 cells in 5–10 mL; no weight needed', () => {
    const intervention = seedIntervention('nct03268603', 'aamsc');
    const dose = ok(calculateDose({ intervention, doseLevel: 'dl-5e7' }));
    expect(dose).toMatchObject({ amount: 5e7, unit: 'cells', capped: false, doseLevel: 'dl-5e7' });
    expect(dose.volumeRangeMl).toEqual({ min: 5, max: 10 });
    expect(dose.perKg).toBeUndefined();
    expect(dose.explanation).toBe("fixed dose (level 'dl-5e7', 5×10^7 cells): 5×10^7 cells");
  });

  it('NCT03268603: a by-level dose needs a known level', () => {
    const intervention = seedIntervention('nct03268603', 'aamsc');
    expect(rules(calculateDose({ intervention }))).toEqual(['doseLevel:dose-level-required']);
    const unknown = calculateDose({ intervention, doseLevel: 'dl-2e7' });
    expect(rules(unknown)).toEqual(['doseLevel:unknown-dose-level']);
    expect(unknown.kind === 'invalid' && unknown.problems[0]?.message).toContain('dl-1e7, dl-5e7, dl-1e8');
  });

  it('NCT06598202: levels without an amount cannot be calculated (the record gives none)', () => {
    const intervention = seedIntervention('nct06598202', 'exosomes');
    expect(rules(calculateDose({ intervention, doseLevel: 'low' }))).toEqual([
      'intervention.doseLevels[0].amount:level-amount-missing',
      'intervention.doseLevels[0].unit:level-unit-missing',
    ]);
  });

  it('NCT06598202: the nasal volume is per nostril', () => {
    const placebo = seedIntervention('nct06598202', 'placebo');
    const withDose: ProtocolIntervention = { ...placebo, dose: { kind: 'fixed', amount: 0, unit: 'mL' } };
    expect(ok(calculateDose({ intervention: withDose }))).toMatchObject({
      volumeMl: 1,
      volumePer: 'nostril',
    });
  });

  it('an intervention without a dose is refused', () => {
    expect(rules(calculateDose({ intervention: seedIntervention('nct04745299', 'placebo') }))).toEqual([
      'intervention.dose:no-dose',
    ]);
  });
});

describe('calculateDose weight checks', () => {
  const intervention = seedIntervention('nct04821479', 'msc');

  it.each([
    [undefined, 'weightKg:weight-required'],
    [0, 'weightKg:positive'],
    [-70, 'weightKg:positive'],
    [Number.NaN, 'weightKg:number'],
    [Number.POSITIVE_INFINITY, 'weightKg:number'],
    [MAX_PLAUSIBLE_WEIGHT_KG + 0.1, 'weightKg:weight-plausible'],
    [70_000, 'weightKg:weight-plausible'],
  ])('weight %s → %s', (weightKg, rule) => {
    expect(rules(calculateDose({ intervention, ...(weightKg === undefined ? {} : { weightKg }) }))).toEqual([
      rule,
    ]);
  });

  it('accepts the plausibility limit itself', () => {
    expect(ok(calculateDose({ intervention, weightKg: MAX_PLAUSIBLE_WEIGHT_KG })).amount).toBe(4e8);
  });
});

describe('calculateDose caps', () => {
  it('below both caps: 2×10^6 × 70 kg = 1.4×10^8, not capped', () => {
    expect(ok(calculateDose({ intervention: capped, weightKg: 70 }))).toMatchObject({
      amount: 1.4e8,
      weightKgUsed: 70,
      capped: false,
    });
  });

  it('amount cap: 2×10^6 × 80 kg = 1.6×10^8 → capped at 1.5×10^8', () => {
    const dose = ok(calculateDose({ intervention: capped, weightKg: 80 }));
    expect(dose).toMatchObject({ amount: 1.5e8, weightKgUsed: 80, capped: true });
    expect(dose.explanation).toBe(
      'per-kg dose: 2×10^6 cells/kg × 80 kg = 1.6×10^8 cells; capped at the maximum 1.5×10^8 cells',
    );
  });

  it('weight cap: 120 kg counts as 100 kg (2×10^8), then the amount cap gives 1.5×10^8', () => {
    const dose = ok(calculateDose({ intervention: capped, weightKg: 120 }));
    expect(dose).toMatchObject({ amount: 1.5e8, weightKgUsed: 100, capped: true });
    expect(dose.explanation).toContain('weight 120 kg capped at 100 kg');
  });

  it('weight cap alone (no amount cap): 120 kg → 100 kg × 2×10^6 = 2×10^8', () => {
    const onlyWeight: ProtocolIntervention = {
      ...capped,
      dose: { kind: 'per-kg', amountPerKg: 2e6, unit: 'cells', weight: 'baseline', maxWeightKg: 100 },
    };
    expect(ok(calculateDose({ intervention: onlyWeight, weightKg: 120 }))).toMatchObject({
      amount: 2e8,
      weightKgUsed: 100,
      capped: true,
    });
  });

  it('per-kg dose levels take the weight and the per-kg caps', () => {
    const levelled: ProtocolIntervention = {
      ...capped,
      doseLevels: [
        { id: 'low', name: '1×10^6/kg', amount: 1e6, perKg: true },
        { id: 'high', name: '3×10^6/kg', amount: 3e6, unit: 'cells', perKg: true },
      ],
    };
    expect(ok(calculateDose({ intervention: levelled, doseLevel: 'low', weightKg: 60 }))).toMatchObject({
      amount: 6e7,
      unit: 'cells',
      capped: false,
    });
    expect(ok(calculateDose({ intervention: levelled, doseLevel: 'high', weightKg: 60 }))).toMatchObject({
      amount: 1.5e8,
      capped: true,
    });
    expect(rules(calculateDose({ intervention: levelled, doseLevel: 'low' }))).toEqual([
      'weightKg:weight-required',
    ]);
  });

  it('never exceeds the caps and equals the exact product when not capped (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 }).map((tenths) => tenths / 10),
        fc.integer({ min: 1, max: 50 }).map((half) => half * 5e5),
        fc.integer({ min: 30, max: 150 }),
        fc.integer({ min: 1, max: 400 }).map((millions) => millions * 1e6),
        (weightKg, amountPerKg, maxWeightKg, maxAmount) => {
          const intervention: ProtocolIntervention = {
            ...capped,
            dose: { kind: 'per-kg', amountPerKg, unit: 'cells', weight: 'baseline', maxWeightKg, maxAmount },
          };
          const dose = ok(calculateDose({ intervention, weightKg }));
          expect(dose.amount).toBeLessThanOrEqual(maxAmount);
          expect(dose.weightKgUsed).toBeLessThanOrEqual(maxWeightKg);
          expect(dose.capped).toBe(
            weightKg > maxWeightKg || exactProduct(amountPerKg, Math.min(weightKg, maxWeightKg)) > maxAmount,
          );
          if (!dose.capped) {
            expect(dose.amount).toBe(exactProduct(amountPerKg, weightKg));
          }
        },
      ),
    );
  });
});

describe('formatAmount', () => {
  it('writes large amounts in powers of ten and small ones as they are', () => {
    expect(formatAmount(72_300_000)).toBe('7.23×10^7');
    expect(formatAmount(1e8)).toBe('1×10^8');
    expect(formatAmount(2.5)).toBe('2.5');
    expect(formatAmount(99_999)).toBe('99999');
  });
});
