import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedRule, run, statusOf } from './eligibility-test-helpers.js';
import { evaluateRule } from './evaluate-rule.js';
import type { ScreeningRecord } from './screening-record.js';

const A = '2025-06-15';

describe('comparisons: status and explanation', () => {
  const alsfrs = (total: number): ScreeningRecord => ({ assessmentDate: A, alsfrsR: { total } });

  it('the issue example: ALSFRS-R 14 against ≥ 15', () => {
    expect(run('alsfrsR.total >= 15', alsfrs(14))).toEqual({
      status: 'not-met',
      reasons: ['ALSFRS-R total 14 at screening; the protocol requires ≥ 15'],
    });
    expect(run('alsfrsR.total >= 15', alsfrs(15))).toEqual({
      status: 'met',
      reasons: ['ALSFRS-R total 15 at screening (≥ 15)'],
    });
  });

  it('an exclusion explains what the protocol requires instead (the negated condition)', () => {
    const svc = (value: number): ScreeningRecord => ({ assessmentDate: A, svcPercentPredicted: value });
    expect(run('svcPercentPredicted < 65', svc(60), 'exclusion')).toEqual({
      status: 'met',
      reasons: ['SVC 60 % of predicted at screening; the protocol requires ≥ 65 % of predicted'],
    });
    expect(run('svcPercentPredicted < 65', svc(65), 'exclusion')).toEqual({
      status: 'not-met',
      reasons: ['SVC 65 % of predicted at screening (≥ 65 % of predicted)'],
    });
  });

  it('missing data is unknown and says what to record', () => {
    expect(run('alsfrsR.total >= 15', { assessmentDate: A })).toEqual({
      status: 'unknown',
      reasons: [
        'ALSFRS-R total not recorded (alsfrsR.total or all 12 alsfrsR.items); the protocol requires ≥ 15',
      ],
    });
    expect(run('age between 18 and 70', { assessmentDate: A })).toEqual({
      status: 'unknown',
      reasons: ['age not recorded (birthDate); the protocol requires between 18 and 70 years'],
    });
  });

  it('between includes both bounds', () => {
    for (const [total, status] of [
      [30, 'not-met'],
      [31, 'met'],
      [46, 'met'],
      [47, 'not-met'],
    ] as const) {
      expect(statusOf('alsfrsR.total between 31 and 46', alsfrs(total)), String(total)).toBe(status);
    }
    expect(run('alsfrsR.total between 31 and 46', alsfrs(47)).reasons).toEqual([
      'ALSFRS-R total 47 at screening; the protocol requires between 31 and 46',
    ]);
    expect(run('alsfrsR.total between 31 and 46', alsfrs(47), 'exclusion').reasons).toEqual([
      'ALSFRS-R total 47 at screening (outside 31–46)',
    ]);
  });

  it('enumerated values and sets', () => {
    const record: ScreeningRecord = { assessmentDate: A, diagnosis: { elEscorial: 'possible' } };
    expect(run('elEscorial in [definite, probable]', record)).toEqual({
      status: 'not-met',
      reasons: ['El Escorial category possible; the protocol requires one of definite, probable'],
    });
    expect(run('elEscorial not in [definite, probable]', record).status).toBe('met');
    expect(run('elEscorial = definite', record).reasons).toEqual([
      'El Escorial category possible; the protocol requires definite',
    ]);
    expect(run('elEscorial != possible', record).reasons).toEqual([
      'El Escorial category possible; the protocol requires other than possible',
    ]);
  });

  it('flags and boolean comparisons', () => {
    const record: ScreeningRecord = { assessmentDate: A, ventilatorDependent: true, priorCellTherapy: false };
    expect(run('ventilatorDependent', record, 'exclusion')).toEqual({
      status: 'met',
      reasons: ['ventilator dependent: yes; the protocol requires no'],
    });
    expect(run('priorCellTherapy = false', record).status).toBe('met');
    expect(run('familial', record)).toEqual({
      status: 'unknown',
      reasons: ['familial disease not recorded (diagnosis.familial); the protocol requires yes'],
    });
  });

  it('comparing two variables shows both values', () => {
    const record: ScreeningRecord = { assessmentDate: A, fvcPercentPredicted: 80, svcPercentPredicted: 85 };
    expect(run('fvcPercentPredicted >= svcPercentPredicted', record)).toEqual({
      status: 'not-met',
      reasons: [
        'FVC 80 % of predicted at screening, SVC 85 % of predicted at screening; the protocol requires FVC ≥ SVC',
      ],
    });
  });
});

describe('derived variables', () => {
  it('age from birthDate at the assessment date (completed years)', () => {
    expect(run('age >= 18', { assessmentDate: A, birthDate: '2007-06-16' })).toEqual({
      status: 'not-met',
      reasons: ['age 17 years; the protocol requires ≥ 18 years'],
    });
    expect(statusOf('age >= 18', { assessmentDate: A, birthDate: '2007-06-15' })).toBe('met');
  });

  it('time since a date in months (30.4375 days) and calendar years', () => {
    const onset = (symptomOnsetDate: string): ScreeningRecord => ({
      assessmentDate: A,
      diagnosis: { symptomOnsetDate },
    });
    expect(run('yearsSince(symptomOnsetDate) <= 2', onset('2023-06-15'))).toEqual({
      status: 'met',
      reasons: ['2 years since symptom onset on 2023-06-15 (≤ 2 years)'],
    });
    expect(run('yearsSince(symptomOnsetDate) <= 2', onset('2023-06-14'))).toEqual({
      status: 'not-met',
      reasons: ['2.003 years since symptom onset on 2023-06-14; the protocol requires ≤ 2 years'],
    });
    // 6 months = 182.625 days: onset 183 days before is ≥ 6 months, 182 days is not.
    expect(statusOf('monthsSince(symptomOnsetDate) >= 6', onset('2024-12-14'))).toBe('met');
    expect(statusOf('monthsSince(symptomOnsetDate) >= 6', onset('2024-12-15'))).toBe('not-met');
    expect(statusOf('monthsSince(symptomOnsetDate) >= 6', { assessmentDate: A })).toBe('unknown');
  });

  it('BMI = kg / m² (hand-computed 70 / 1.75² = 22.857…)', () => {
    const record: ScreeningRecord = { assessmentDate: A, weightKg: 70, heightCm: 175 };
    expect(run('bmi between 18 and 30', record)).toEqual({
      status: 'met',
      reasons: ['BMI 22.857 kg/m² at screening (between 18 and 30 kg/m²)'],
    });
    expect(statusOf('bmi <= 30', { assessmentDate: A, weightKg: 70 })).toBe('unknown');
  });

  it('Cockcroft–Gault creatinine clearance (hand-computed; × 0.85 for women)', () => {
    // Male, 60 years, 72 kg, creatinine 1.0 mg/dL: (140 − 60) × 72 / (72 × 1.0) = 80 mL/min; female: 68.
    const record: ScreeningRecord = {
      assessmentDate: A,
      birthDate: '1965-01-01',
      sex: 'male',
      weightKg: 72,
      labs: { creatinineMgDl: 1 },
    };
    expect(run('crclCockcroftGault >= 80', record).status).toBe('met');
    expect(run('crclCockcroftGault > 80', record).status).toBe('not-met');
    expect(run('crclCockcroftGault >= 68', { ...record, sex: 'female' }).status).toBe('met');
    expect(run('crclCockcroftGault > 68', { ...record, sex: 'female' }).status).toBe('not-met');
  });

  it('ALSFRS-R total from items, item scores (item 5 = 5a or 5b) and the lowest item', () => {
    const items = {
      '1': 4,
      '2': 3,
      '3': 4,
      '4': 2,
      '5b': 3,
      '6': 4,
      '7': 4,
      '8': 3,
      '9': 3,
      '10': 4,
      '11': 4,
      '12': 4,
    };
    const record: ScreeningRecord = { assessmentDate: A, alsfrsR: { items } };
    expect(run('alsfrsR.total = 42', record).status).toBe('met');
    expect(run('alsfrsR.item5 = 3 and alsfrsR.item4 = 2', record).status).toBe('met');
    expect(run('alsfrsR.lowestItem >= 2', record).reasons).toEqual([
      'lowest ALSFRS-R item score 2 at screening (≥ 2)',
    ]);
    const { '12': _dropped, ...eleven } = items;
    expect(statusOf('alsfrsR.lowestItem >= 2', { assessmentDate: A, alsfrsR: { items: eleven } })).toBe(
      'unknown',
    );
    expect(statusOf('alsfrsR.total >= 2', { assessmentDate: A, alsfrsR: { items: eleven } })).toBe('unknown');
    expect(statusOf('alsfrsR.item11 = 4', { assessmentDate: A, alsfrsR: { items: eleven } })).toBe('met');
  });

  it('ΔFRS = (48 − total) / months since onset', () => {
    // 2024-06-15 → 2025-06-15 = 365 days = 11.992 months; (48 − 36) / (365 / 30.4375) = 1.000685 points/month.
    const record: ScreeningRecord = {
      assessmentDate: A,
      alsfrsR: { total: 36 },
      diagnosis: { symptomOnsetDate: '2024-06-15' },
    };
    expect(run('deltaFrs > 1', record).status).toBe('met');
    expect(run('deltaFrs > 1.001', record).status).toBe('not-met');
  });
});

describe('AND / OR / NOT explanations', () => {
  const record: ScreeningRecord = {
    assessmentDate: A,
    birthDate: '1980-01-01',
    sex: 'female',
    labs: { hbsAg: 'negative' },
  };

  it('AND not met lists only the failing conditions; AND met lists all', () => {
    expect(run('age >= 18 and sex = male', record)).toEqual({
      status: 'not-met',
      reasons: ['sex female; the protocol requires male'],
    });
    expect(run('age >= 18 and sex = female', record).reasons).toHaveLength(2);
  });

  it('unknown lists the missing data', () => {
    expect(run('labs.hbsAg = positive or labs.hcvAb = positive', record, 'exclusion')).toEqual({
      status: 'unknown',
      reasons: ['anti-HCV not recorded (labs.hcvAb); the protocol requires negative'],
    });
  });

  it('NOT flips the wording of what is required', () => {
    expect(run('not (sex = male)', record)).toEqual({
      status: 'met',
      reasons: ['sex female'],
    });
  });
});

// ---- properties of rule evaluation ----------------------------------------------------------------------------

const LEAVES = [
  'ventilatorDependent',
  'priorCellTherapy',
  'familial',
  'age >= 40',
  'alsfrsR.total between 31 and 46',
  'has(pregnancy)',
  'taking(riluzole)',
  'sex = female',
] as const;

const ruleText: fc.Arbitrary<string> = fc.letrec<{ rule: string }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    tie('rule').map((inner) => `not (${inner})`),
    fc.tuple(tie('rule'), tie('rule')).map(([a, b]) => `(${a}) and (${b})`),
    fc.tuple(tie('rule'), tie('rule')).map(([a, b]) => `(${a}) or (${b})`),
  ),
})).rule;

/** A complete record: every field the leaves read has a value. */
const completeRecord: fc.Arbitrary<ScreeningRecord> = fc.record({
  assessmentDate: fc.constant(A),
  birthDate: fc.constantFrom('1950-01-01', '1990-01-01'),
  sex: fc.constantFrom('female' as const, 'male' as const),
  alsfrsR: fc.record({ total: fc.integer({ min: 0, max: 48 }) }),
  ventilatorDependent: fc.boolean(),
  priorCellTherapy: fc.boolean(),
  diagnosis: fc.record({ familial: fc.boolean() }),
  conditions: fc.constantFrom([], [{ code: 'pregnancy' }]),
  medications: fc.constantFrom([], [{ name: 'riluzole', startDate: '2025-01-01' }]),
});

/** Removes a random subset of the record's fields (assessmentDate stays). */
function withoutFields(record: ScreeningRecord, drop: readonly boolean[]): ScreeningRecord {
  const entries = Object.entries(record).filter(
    ([key], index) => key === 'assessmentDate' || drop[index] !== true,
  );
  return Object.fromEntries(entries) as unknown as ScreeningRecord;
}

describe('rule evaluation laws (properties over generated rules and records)', () => {
  it('NOT NOT x = x', () => {
    fc.assert(
      fc.property(
        ruleText,
        completeRecord,
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        (rule, full, drop) => {
          const record = withoutFields(full, drop);
          expect(statusOf(`not not (${rule})`, record)).toBe(statusOf(rule, record));
        },
      ),
    );
  });

  it("De Morgan's laws hold with unknowns", () => {
    fc.assert(
      fc.property(
        fc.tuple(ruleText, ruleText),
        completeRecord,
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        ([a, b], full, drop) => {
          const record = withoutFields(full, drop);
          expect(statusOf(`not ((${a}) and (${b}))`, record)).toBe(
            statusOf(`not (${a}) or not (${b})`, record),
          );
          expect(statusOf(`not ((${a}) or (${b}))`, record)).toBe(
            statusOf(`not (${a}) and not (${b})`, record),
          );
        },
      ),
    );
  });

  it('missing data never decides: a decided result on a partial record is the same on the complete one', () => {
    fc.assert(
      fc.property(
        ruleText,
        completeRecord,
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        (rule, full, drop) => {
          const partial = statusOf(rule, withoutFields(full, drop));
          if (partial !== 'unknown') {
            expect(statusOf(rule, full)).toBe(partial);
          }
        },
      ),
    );
  });

  it('a record with no data leaves every generated rule unknown', () => {
    fc.assert(
      fc.property(ruleText, (rule) => {
        expect(evaluateRule(checkedRule(rule), { assessmentDate: A }).status).toBe('unknown');
      }),
    );
  });
});
