import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALSFRS_R_ITEMS, type AlsfrsRItemNumber, type AlsfrsRItemScore } from './alsfrs-r-items.js';
import { itemsWith, rawItems } from './alsfrs-r-test-helpers.js';
import { ALSFRS_R_ALGORITHM, scoreAlsfrsR, scoreAlsfrsRItems, validateAlsfrsRItems } from './alsfrs-r.js';

const ALL_FOUR = {
  '1': 4,
  '2': 4,
  '3': 4,
  '4': 4,
  '5a': 4,
  '6': 4,
  '7': 4,
  '8': 4,
  '9': 4,
  '10': 4,
  '11': 4,
  '12': 4,
};

function okScore(input: Parameters<typeof scoreAlsfrsR>[0]) {
  const result = scoreAlsfrsR(input);
  if (result.kind !== 'ok') {
    throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  }
  return result.value;
}

function problemsOf(input: Parameters<typeof scoreAlsfrsR>[0]) {
  const result = scoreAlsfrsR(input);
  if (result.kind !== 'invalid') {
    throw new Error('expected invalid');
  }
  return result.problems.map((p) => `${p.path}:${p.rule}`);
}

describe('ALSFRS-R item definitions', () => {
  it('lists items 1–12 with 5a and 5b, each with five anchors (Cedarbaum 1999; clinical.md §1.1)', () => {
    expect(ALSFRS_R_ITEMS.map((i) => i.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5a',
      '5b',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    for (const item of ALSFRS_R_ITEMS) {
      expect(Object.keys(item.anchors).sort()).toEqual(['0', '1', '2', '3', '4']);
    }
    expect(ALSFRS_R_ITEMS.find((i) => i.key === '11')?.anchors[1]).toBe('Can only sleep sitting up');
  });
});

describe('ALSFRS-R total and domain subscores', () => {
  it('scores an all-normal record 48 with 12 in each domain', () => {
    const score = okScore({ items: ALL_FOUR });
    expect(score).toMatchObject({
      algorithm: ALSFRS_R_ALGORITHM,
      total: 48,
      bulbar: 12,
      fineMotor: 12,
      grossMotor: 12,
      respiratory: 12,
    });
    expect(score.deltaFrs).toBeUndefined();
  });

  it('sums a hand-checked mixed record, item 5b counting as item 5', () => {
    // Hand-checked: bulbar 3+4+2 = 9; fine motor 2+1(5b)+3 = 6; gross motor 3+2+1 = 6; respiratory 4+3+4 = 11;
    // total 9+6+6+11 = 32.
    const items = {
      '1': 3,
      '2': 4,
      '3': 2,
      '4': 2,
      '5b': 1,
      '6': 3,
      '7': 3,
      '8': 2,
      '9': 1,
      '10': 4,
      '11': 3,
      '12': 4,
    };
    const score = okScore({ items, gastrostomy: true });
    expect(score).toMatchObject({ total: 32, bulbar: 9, fineMotor: 6, grossMotor: 6, respiratory: 11 });
    expect(score.items.item5Scale).toBe('b');
    expect(score.kings.stage).toBe('4A');
  });

  it('scores the all-zero record 0', () => {
    const zero = Object.fromEntries(Object.keys(ALL_FOUR).map((k) => [k, 0]));
    expect(okScore({ items: zero })).toMatchObject({
      total: 0,
      bulbar: 0,
      fineMotor: 0,
      grossMotor: 0,
      respiratory: 0,
    });
  });

  it('keeps total = sum of domains = sum of items, within 0–48 (property)', () => {
    const score = fc.constantFrom<AlsfrsRItemScore>(0, 1, 2, 3, 4);
    fc.assert(
      fc.property(fc.array(score, { minLength: 12, maxLength: 12 }), fc.boolean(), (values, gastrostomy) => {
        const changes = Object.fromEntries(values.map((v, i) => [i + 1, v])) as Record<
          AlsfrsRItemNumber,
          AlsfrsRItemScore
        >;
        const items = itemsWith(changes, gastrostomy ? 'b' : 'a');
        const viaRaw = okScore({ items: rawItems(items), gastrostomy });
        const direct = scoreAlsfrsRItems(items);
        expect(viaRaw.total).toBe(direct.total);
        expect(direct.total).toBe(direct.bulbar + direct.fineMotor + direct.grossMotor + direct.respiratory);
        expect(direct.total).toBe(values.reduce<number>((a, b) => a + b, 0));
        expect(direct.total).toBeGreaterThanOrEqual(0);
        expect(direct.total).toBeLessThanOrEqual(48);
      }),
    );
  });
});

describe('ALSFRS-R validation', () => {
  it('names the item and rule for out-of-range, non-integer and non-numeric scores', () => {
    expect(problemsOf({ items: { ...ALL_FOUR, '3': 5, '7': 2.5, '9': '3', '12': -1 } })).toEqual([
      'items.3:integer-0-4',
      'items.7:integer-0-4',
      'items.9:integer-0-4',
      'items.12:integer-0-4',
    ]);
  });

  it('rejects 5a and 5b together, and neither', () => {
    expect(problemsOf({ items: { ...ALL_FOUR, '5b': 3 } })).toEqual(['items.5b:one-of-5a-5b']);
    const { '5a': _dropped, ...without5 } = ALL_FOUR;
    expect(problemsOf({ items: without5 })).toEqual(['items.5a:required']);
  });

  it('lists every missing item', () => {
    const { '2': _a, '11': _b, ...rest } = ALL_FOUR;
    expect(problemsOf({ items: rest })).toEqual(['items.2:required', 'items.11:required']);
    expect(problemsOf({ items: { ...ALL_FOUR, '4': null } })).toEqual(['items.4:required']);
  });

  it('rejects unknown item keys, including a bare "5"', () => {
    expect(problemsOf({ items: { ...ALL_FOUR, '5': 4, '13': 2 } })).toEqual([
      'items.5:known-item',
      'items.13:known-item',
    ]);
  });

  it('checks 5a/5b against the gastrostomy status when given', () => {
    expect(problemsOf({ items: ALL_FOUR, gastrostomy: true })).toEqual([
      'items.5a:item5-matches-gastrostomy',
    ]);
    const { '5a': _x, ...rest } = ALL_FOUR;
    expect(problemsOf({ items: { ...rest, '5b': 2 }, gastrostomy: false })).toEqual([
      'items.5b:item5-matches-gastrostomy',
    ]);
    expect(problemsOf({ items: ALL_FOUR, gastrostomy: 'yes' })).toEqual(['gastrostomy:boolean']);
  });

  it('reports item and date problems together', () => {
    expect(
      problemsOf({
        items: { ...ALL_FOUR, '1': 7 },
        symptomOnsetDate: '2023-02-30',
        assessmentDate: '2024-01-01',
      }),
    ).toEqual(['items.1:integer-0-4', 'symptomOnsetDate:iso-date']);
    expect(problemsOf({ items: ALL_FOUR, assessmentDate: '01/02/2024' })).toEqual([
      'assessmentDate:iso-date',
    ]);
    expect(
      problemsOf({ items: ALL_FOUR, symptomOnsetDate: '2024-01-02', assessmentDate: '2024-01-02' }),
    ).toEqual(['assessmentDate:after-symptom-onset']);
  });

  it('validates items alone into the typed record', () => {
    expect(validateAlsfrsRItems({ items: ALL_FOUR })).toEqual({ kind: 'ok', value: itemsWith({}) });
  });
});

describe('ALSFRS-R ΔFRS in the score', () => {
  it('adds ΔFRS when both dates are given', () => {
    // 2020-01-01 → 2021-07-01 = 547 days (2020 is a leap year) = 547 / 30.4375 = 17.97125 months;
    // total 39 → (48 − 39) / 17.97125 = 0.500800 points/month.
    const items = { ...ALL_FOUR, '1': 3, '3': 2, '8': 2, '9': 1, '10': 3 };
    const score = okScore({ items, symptomOnsetDate: '2020-01-01', assessmentDate: '2021-07-01' });
    expect(score.total).toBe(39);
    expect(score.deltaFrs?.daysSinceOnset).toBe(547);
    expect(score.deltaFrs?.monthsSinceOnset).toBeCloseTo(17.97125, 5);
    expect(score.deltaFrs?.deltaFrs).toBeCloseTo(0.5008, 4);
  });

  it('leaves ΔFRS out when only one date is given', () => {
    expect(okScore({ items: ALL_FOUR, symptomOnsetDate: '2020-01-01' }).deltaFrs).toBeUndefined();
  });
});
