import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HANKINSON_ADULT_FROM_AGE,
  hankinsonAgeGroup,
  hankinsonPredict,
  hankinsonPredictRatio,
} from './spirometry-hankinson.js';
import { scoreSpirometry, type SpirometryInput } from './spirometry.js';

function ok(input: SpirometryInput) {
  const result = scoreSpirometry(input);
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

describe('Hankinson 1999 predicted FVC: golden values', () => {
  // Golden values from rspiro pred_NHANES3 as listed in clinical.md §2.1, re-checked by hand from the coefficients
  // (pred = b0 + b1·age + b2·age² + b3·height_cm²):
  const cases = [
    // M Cau ≥20: −0.1933 + 0.00064·60 − 0.000269·3600 + 0.00018642·30625 = 4.5858125
    { sex: 'male', ethnicity: 'caucasian', ageYears: 60, heightCm: 175, fvc: 4.5858 },
    // F Cau ≥18: −0.3560 + 0.0187·55 − 0.000382·3025 + 0.00014815·26244 = 3.4049986
    { sex: 'female', ethnicity: 'caucasian', ageYears: 55, heightCm: 162, fvc: 3.405 },
    // M AfrAm ≥20: −0.1517 − 0.01821·45.3 + 0·45.3² + 0.00016643·32400 = 4.415719
    { sex: 'male', ethnicity: 'african-american', ageYears: 45.3, heightCm: 180, fvc: 4.4157 },
    // F Cau ≥18: −0.3560 + 0.0187·70 − 0.000382·4900 + 0.00014815·28224 = 3.2625856
    { sex: 'female', ethnicity: 'caucasian', ageYears: 70, heightCm: 168, fvc: 3.2626 },
    // M Cau ≥20: −0.1933 + 0.00064·25 − 0.000269·625 + 0.00018642·36100 = 6.384337
    { sex: 'male', ethnicity: 'caucasian', ageYears: 25, heightCm: 190, fvc: 6.3843 },
  ] as const;
  for (const c of cases) {
    it(`${c.sex} ${c.ethnicity} ${c.ageYears} y ${c.heightCm} cm → FVC ${c.fvc} L`, () => {
      expect(hankinsonPredict(c, 'fvc').predicted).toBeCloseTo(c.fvc, 4);
    });
  }
});

describe('Hankinson 1999 hand-checked LLN, FEV1 and FEV1/FVC', () => {
  it('M Cau 60 y 175 cm', () => {
    const subject = { sex: 'male', ethnicity: 'caucasian', ageYears: 60, heightCm: 175 } as const;
    // FVC LLN: −0.1933 + 0.0384 − 0.9684 + 0.00015695·30625 = 3.68329375
    expect(hankinsonPredict(subject, 'fvc').lln).toBeCloseTo(3.68329375, 8);
    // FEV1: 0.5536 − 0.01303·60 − 0.000172·3600 + 0.00014098·30625 = 3.4701125; LLN with 0.00011607 = 2.70724375
    expect(hankinsonPredict(subject, 'fev1').predicted).toBeCloseTo(3.4701125, 8);
    expect(hankinsonPredict(subject, 'fev1').lln).toBeCloseTo(2.70724375, 8);
    // FEV1/FVC %: 88.066 − 0.2066·60 = 75.67; LLN 78.388 − 0.2066·60 = 65.992
    expect(hankinsonPredictRatio(subject).predicted).toBeCloseTo(75.67, 8);
    expect(hankinsonPredictRatio(subject).lln).toBeCloseTo(65.992, 8);
  });

  it('F MexAm 40 y 158 cm', () => {
    const subject = { sex: 'female', ethnicity: 'mexican-american', ageYears: 40, heightCm: 158 } as const;
    // FVC: 0.1210 + 0.00307·40 − 0.000237·1600 + 0.00014246·24964 = 3.42097144; LLN (0.0001157) = 2.7529348
    expect(hankinsonPredict(subject, 'fvc').predicted).toBeCloseTo(3.42097144, 8);
    expect(hankinsonPredict(subject, 'fvc').lln).toBeCloseTo(2.7529348, 8);
    // FEV1: 0.4529 − 0.01178·40 − 0.000113·1600 + 0.00012154·24964 = 2.83502456; LLN (0.0000989) = 2.2698396
    expect(hankinsonPredict(subject, 'fev1').predicted).toBeCloseTo(2.83502456, 8);
    expect(hankinsonPredict(subject, 'fev1').lln).toBeCloseTo(2.2698396, 8);
  });
});

describe('Hankinson age split (female 18, male 20)', () => {
  it('uses the adult female equation from 18: F Cau 19 y 170 cm → 4.1429 L, not rspiro’s 4.1974 (clinical.md §2.1)', () => {
    // adult: −0.3560 + 0.0187·19 − 0.000382·361 + 0.00014815·28900 = 4.142933
    // child (what a split at 20 would give): −1.2082 + 0.05916·19 + 0.00014815·28900 = 4.197375
    expect(HANKINSON_ADULT_FROM_AGE).toEqual({ female: 18, male: 20 });
    const f19 = { sex: 'female', ethnicity: 'caucasian', ageYears: 19, heightCm: 170 } as const;
    expect(hankinsonAgeGroup(f19)).toBe('adult');
    expect(hankinsonPredict(f19, 'fvc').predicted).toBeCloseTo(4.142933, 6);
    // F 17.99 y still uses the paediatric equation: −1.2082 + 0.05916·17 + 0.00014815·27225 = 3.83090375
    expect(hankinsonPredict({ ...f19, ageYears: 17, heightCm: 165 }, 'fvc').predicted).toBeCloseTo(
      3.83090375,
      8,
    );
  });

  it('keeps males on the paediatric equation until 20: M Cau 19 y 180 cm → 5.560771 L', () => {
    // child: −0.2584 − 0.20415·19 + 0.010133·361 + 0.00018642·32400 = 5.560771
    const m19 = { sex: 'male', ethnicity: 'caucasian', ageYears: 19, heightCm: 180 } as const;
    expect(hankinsonAgeGroup(m19)).toBe('child');
    expect(hankinsonPredict(m19, 'fvc').predicted).toBeCloseTo(5.560771, 6);
    expect(hankinsonAgeGroup({ sex: 'male', ageYears: 20 })).toBe('adult');
  });
});

describe('scoreSpirometry', () => {
  it('computes % predicted and LLN for each measure given, SVC against the FVC equation', () => {
    const result = ok({
      sex: 'male',
      ageYears: 60,
      heightCm: 175,
      ethnicity: 'caucasian',
      fvcL: 4.2,
      fev1L: 3.0,
      svcL: 4.4,
    });
    expect(result.equation).toBe('hankinson-1999');
    // 100 · 4.2 / 4.5858125 = 91.58682
    expect(result.fvc?.percentPredicted).toBeCloseTo(91.58682, 4);
    expect(result.fvc?.referenceEquation).toBe('hankinson-1999/fvc');
    // 100 · 3.0 / 3.4701125 = 86.45253
    expect(result.fev1?.percentPredicted).toBeCloseTo(86.45253, 4);
    expect(result.svc?.referenceEquation).toBe('hankinson-1999/fvc');
    expect(result.svc?.predictedL).toBe(result.fvc?.predictedL);
    // 100 · 4.4 / 4.5858125 = 95.94810
    expect(result.svc?.percentPredicted).toBeCloseTo(95.9481, 4);
    // FEV1/FVC = 100 · 3.0 / 4.2 = 71.42857 (LLN 65.992, not below)
    expect(result.fev1FvcRatio).toMatchObject({ belowLln: false });
    expect(result.fev1FvcRatio?.measuredPercent).toBeCloseTo(71.428571, 5);
    expect(result.warnings).toEqual([]);
  });

  it('flags values below LLN and leaves out measures not given', () => {
    const result = ok({ sex: 'female', ageYears: 55, heightCm: 162, ethnicity: 'caucasian', fvcL: 2.0 });
    expect(result.fvc?.belowLln).toBe(true);
    expect(result.fev1).toBeUndefined();
    expect(result.svc).toBeUndefined();
    expect(result.fev1FvcRatio).toBeUndefined();
    expect(result.reference.fev1.predicted).toBeGreaterThan(0);
  });

  it('flags extrapolation instead of refusing', () => {
    const result = ok({
      sex: 'male',
      ageYears: 85,
      heightCm: 215,
      ethnicity: 'caucasian',
      fvcL: 3,
      fev1L: 3.1,
    });
    expect(result.warnings.map((w) => `${w.path}:${w.rule}`)).toEqual([
      'ageYears:extrapolated-age',
      'heightCm:extrapolated-height',
      'fev1L:fev1-not-above-fvc',
    ]);
  });

  it('rejects bad input naming each field and rule', () => {
    const result = scoreSpirometry({
      sex: 'M',
      ageYears: -3,
      heightCm: 1.75,
      ethnicity: 'asian',
      fvcL: 4200,
      fev1L: '3',
    });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([
        'sex:one-of',
        'ageYears:number-in-range',
        'heightCm:number-in-range',
        'ethnicity:one-of',
        'fvcL:litres-0-10',
        'fev1L:litres-0-10',
      ]);
    }
  });

  it('keeps LLN below predicted and %pred = 100·measured/predicted (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          sex: fc.constantFrom('female', 'male'),
          ethnicity: fc.constantFrom('caucasian', 'african-american', 'mexican-american'),
          ageYears: fc.double({ min: 18, max: 80, noNaN: true }),
          heightCm: fc.double({ min: 145, max: 200, noNaN: true }),
          fvcL: fc.double({ min: 0.5, max: 7, noNaN: true }),
        }),
        ({ sex, ethnicity, ageYears, heightCm, fvcL }) => {
          const r = ok({ sex, ethnicity, ageYears, heightCm, fvcL });
          expect(r.reference.fvc.lln).toBeLessThan(r.reference.fvc.predicted);
          expect(r.reference.fev1.lln).toBeLessThan(r.reference.fev1.predicted);
          expect(r.fvc?.percentPredicted).toBeCloseTo((100 * fvcL) / r.reference.fvc.predicted, 10);
        },
      ),
    );
  });
});
