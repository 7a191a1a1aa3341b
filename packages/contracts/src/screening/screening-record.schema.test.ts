import { describe, expect, it } from 'vitest';
import {
  formatScreeningProblem,
  parseScreeningRecord,
  type ScreeningProblem,
} from './parse-screening-record.js';

const VALID = {
  assessmentDate: '2025-06-15',
  birthDate: '1968-03-02',
  sex: 'female',
  weightKg: 61.5,
  heightCm: 164,
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'probable-laboratory-supported',
    familial: false,
    symptomOnsetDate: '2024-02-10',
    diagnosisDate: '2024-09-01',
  },
  alsfrsR: {
    total: 40,
    items: {
      '1': 3,
      '2': 4,
      '3': 3,
      '4': 3,
      '5a': 3,
      '6': 3,
      '7': 4,
      '8': 3,
      '9': 3,
      '10': 4,
      '11': 4,
      '12': 3,
    },
  },
  alsfrsRHistory: [
    { date: '2025-02-16', total: 44 },
    { date: '2025-06-15', total: 40 },
  ],
  fvcPercentPredicted: 82,
  svcPercentPredicted: 85.5,
  kokmenStms: 35,
  labs: { hbsAg: 'negative', hcvAb: 'negative', hivAb: 'negative', creatinineMgDl: 0.7, altXUln: 0.8 },
  conditions: [{ code: 'localized-skin-cancer', onsetDate: '2015-01-01', resolvedDate: '2015-03-01' }],
  medications: [
    { name: 'riluzole', startDate: '2024-10-01' },
    { name: 'edaravone', planned: true, startDate: '2025-09-01' },
  ],
  priorCellTherapy: false,
  ventilatorDependent: false,
  reproductivePotential: false,
  manualChecks: { 'inc-3': true, 'exc-1': false },
};

function problemsOf(record: unknown): readonly ScreeningProblem[] {
  const result = parseScreeningRecord(record);
  return result.kind === 'ok' ? [] : result.problems;
}

function only(record: unknown): ScreeningProblem {
  const problems = problemsOf(record);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0] as ScreeningProblem;
}

describe('ScreeningRecordSchema accepts realistic records', () => {
  it('a complete ALS record', () => {
    expect(parseScreeningRecord(VALID)).toMatchObject({
      kind: 'ok',
      record: { assessmentDate: '2025-06-15' },
    });
  });

  it('the minimal record is the assessment date alone', () => {
    expect(parseScreeningRecord({ assessmentDate: '2025-06-15' })).toEqual({
      kind: 'ok',
      record: { assessmentDate: '2025-06-15' },
    });
  });

  it('an MS record with EDSS steps and an ongoing condition', () => {
    for (const edss of [0, 1, 1.5, 6.5, 10]) {
      const record = {
        assessmentDate: '2025-01-10',
        diagnosis: { condition: 'MS', msCourse: 'SPMS' },
        edss,
        conditions: [{ code: 'chronic-infection' }],
      };
      expect(problemsOf(record), String(edss)).toEqual([]);
    }
  });
});

describe('ScreeningRecordSchema rejects impossible values, naming the field and the rule', () => {
  it.each([
    [
      { birthDate: '2030-01-01' },
      'birthDate',
      'not-after-assessment',
      'birthDate 2030-01-01 is after assessmentDate 2025-06-15',
    ],
    [{ birthDate: '1890-01-01' }, 'birthDate', 'plausible-age', 'birthDate 1890-01-01 makes the age 135'],
    [
      { alsfrsR: { total: 52 } },
      'alsfrsR.total',
      'range',
      'alsfrsR.total must be a whole number from 0 to 48 (got 52)',
    ],
    [
      { alsfrsR: { total: -1 } },
      'alsfrsR.total',
      'range',
      'alsfrsR.total must be a whole number from 0 to 48 (got -1)',
    ],
    [{ alsfrsR: { total: 40.5 } }, 'alsfrsR.total', 'integer', 'alsfrsR.total must be a whole number'],
    [
      { alsfrsR: { total: '40' } },
      'alsfrsR.total',
      'type',
      'alsfrsR.total must be a whole number from 0 to 48 (got "40")',
    ],
    [{ sex: 'x' }, 'sex', 'one-of', 'sex must be one of female, male (got "x")'],
    [
      { assessmentDate: '2025-02-30' },
      'assessmentDate',
      'iso-date',
      'assessmentDate must be a real calendar date YYYY-MM-DD (got "2025-02-30")',
    ],
    [{ assessmentDate: undefined }, 'assessmentDate', 'required', 'assessmentDate is required'],
    [{ weightKg: 0 }, 'weightKg', 'range', 'weightKg must be a number above 0 and at most 400 (got 0)'],
    [{ heightCm: 310 }, 'heightCm', 'range', 'heightCm must be a number above 0 and at most 272'],
    [{ fvcPercentPredicted: -5 }, 'fvcPercentPredicted', 'range', 'from 0 to 250'],
    [{ edss: 11 }, 'edss', 'range', 'edss must be a number from 0 to 10'],
    [{ edss: 0.5 }, 'edss', 'edss-step', 'edss must be 0 or a step of 0.5 from 1.0 to 10.0 (got 0.5)'],
    [{ edss: 3.25 }, 'edss', 'edss-step', 'got 3.25'],
    [{ nyhaClass: 5 }, 'nyhaClass', 'range', 'nyhaClass must be a whole number from 1 to 4'],
    [{ kokmenStms: 39 }, 'kokmenStms', 'range', 'from -14 to 38'],
    [{ labs: { hbsAg: 'pos' } }, 'labs.hbsAg', 'one-of', 'labs.hbsAg must be one of positive, negative'],
    [{ labs: { creatinineMgDl: 0 } }, 'labs.creatinineMgDl', 'range', 'above 0'],
    [{ labs: { foo: 1 } }, 'labs.foo', 'known-field', 'labs.foo is not a screening record field'],
    [{ weight: 70 }, 'weight', 'known-field', 'weight is not a screening record field'],
    [
      { diagnosis: { condition: 'ALS', elEscorial: 'probably' } },
      'diagnosis.elEscorial',
      'one-of',
      'one of definite, probable, probable-laboratory-supported, possible',
    ],
    [{ diagnosis: { msCourse: 'CIS' } }, 'diagnosis.msCourse', 'one-of', 'one of RRMS, SPMS, PPMS'],
    [
      { diagnosis: { symptomOnsetDate: '2025-07-01' } },
      'diagnosis.symptomOnsetDate',
      'not-after-assessment',
      'after assessmentDate',
    ],
    [
      { diagnosis: { symptomOnsetDate: '2024-05-01', diagnosisDate: '2024-04-01' } },
      'diagnosis.diagnosisDate',
      'date-order',
      'diagnosis.diagnosisDate 2024-04-01 is before diagnosis.symptomOnsetDate 2024-05-01',
    ],
    [
      { diagnosis: { symptomOnsetDate: '1960-01-01' } },
      'diagnosis.symptomOnsetDate',
      'after-birth',
      'is before birthDate 1968-03-02',
    ],
    [
      { conditions: [{ code: 'cancer' }] },
      'conditions[0].code',
      'one-of',
      'conditions[0].code must be one of solid-malignancy',
    ],
    [
      { conditions: [{ code: 'pregnancy', onsetDate: '2025-05-01', resolvedDate: '2025-04-01' }] },
      'conditions[0].resolvedDate',
      'date-order',
      'is before conditions[0].onsetDate',
    ],
    [
      { conditions: [{ code: 'pregnancy', onsetDate: '2025-05-01', resolvedDate: '2025-07-01' }] },
      'conditions[0].resolvedDate',
      'not-after-assessment',
      'after assessmentDate',
    ],
    [
      { medications: [{ name: 'riluzole', startDate: '2025-07-01' }] },
      'medications[0].startDate',
      'not-after-assessment',
      'medications[0].startDate 2025-07-01 is after assessmentDate',
    ],
    [
      { medications: [{ name: 'riluzole', startDate: '2025-01-01', stopDate: '2024-12-01' }] },
      'medications[0].stopDate',
      'date-order',
      'is before medications[0].startDate',
    ],
    [
      { medications: [{ name: 'riluzole', startDate: '2025-01-01', doseStableSince: '2024-12-01' }] },
      'medications[0].doseStableSince',
      'date-order',
      'before medications[0].startDate',
    ],
    [
      { medications: [{ name: 'edaravone', planned: true, stopDate: '2025-01-01' }] },
      'medications[0].stopDate',
      'planned-medication',
      'is planned',
    ],
    [
      { medications: [{ name: 'x', classes: ['steroid'] }] },
      'medications[0].classes[0]',
      'one-of',
      'one of immunosuppressant',
    ],
    [{ medications: [{ name: '  ' }] }, 'medications[0].name', 'range', 'must not be empty'],
    [
      { alsfrsRHistory: [{ date: '2025-01-01', total: 49 }] },
      'alsfrsRHistory[0].total',
      'range',
      'from 0 to 48',
    ],
    [
      {
        alsfrsRHistory: [
          { date: '2025-01-01', total: 40 },
          { date: '2025-01-01', total: 41 },
        ],
      },
      'alsfrsRHistory[1].date',
      'unique-date',
      'two totals on 2025-01-01',
    ],
    [
      { alsfrsR: { total: 40 }, alsfrsRHistory: [{ date: '2025-06-15', total: 39 }] },
      'alsfrsRHistory[0].total',
      'consistent-total',
      'differs from alsfrsR (40)',
    ],
    [
      { alsfrsR: { total: 47, items: VALID.alsfrsR.items } },
      'alsfrsR.total',
      'consistent-total',
      'alsfrsR.total 47 differs from the sum of the items (40)',
    ],
    [
      { alsfrsR: { items: { '5a': 3, '5b': 2 } } },
      'alsfrsR.items.5b',
      'item5-one-of',
      'item 5 is scored on one scale only',
    ],
    [
      { alsfrsR: { items: { '5a': 3 } }, conditions: [{ code: 'gastrostomy', onsetDate: '2025-01-01' }] },
      'alsfrsR.items.5a',
      'item5-gastrostomy',
      'use 5b',
    ],
    [{ alsfrsR: { items: { '7': 5 } } }, 'alsfrsR.items.7', 'range', 'from 0 to 4'],
    [
      { alsfrsR: { items: { '13': 4 } } },
      'alsfrsR.items.13',
      'known-field',
      'is not a screening record field',
    ],
    [{ manualChecks: { 'inc-1': 'yes' } }, 'manualChecks.inc-1', 'type', 'must be true or false'],
    [{ manualChecks: { Inc_1: true } }, 'manualChecks.Inc_1', 'key-format', 'keys must be criterion ids'],
    [
      { ventilatorDependent: 'no' },
      'ventilatorDependent',
      'type',
      'ventilatorDependent must be true or false (got "no")',
    ],
  ] as const)('%j → %s (%s)', (...[change, path, rule, message]) => {
    const record = {
      ...VALID,
      alsfrsR: undefined,
      alsfrsRHistory: undefined,
      conditions: undefined,
      medications: undefined,
      manualChecks: undefined,
      ...change,
    };
    const problem = only(JSON.parse(JSON.stringify(record)));
    expect(problem.path).toBe(path);
    expect(problem.rule).toBe(rule);
    expect(problem.message).toContain(message);
    expect(problem.message.startsWith(path.split(/[.[]/)[0] ?? '')).toBe(true);
  });

  it('reports every problem of a record in one pass, structural and cross-field (no echoes of a wrong field)', () => {
    const problems = problemsOf({ ...VALID, sex: 'x', birthDate: '2030-01-01', alsfrsR: { total: 52 } });
    expect(problems.map((problem) => `${problem.path}:${problem.rule}`).sort()).toEqual([
      'alsfrsR.total:range',
      'birthDate:not-after-assessment',
      'sex:one-of',
    ]);
  });

  it('rejects a non-object and formats problems on one line each', () => {
    expect(only([])).toMatchObject({ path: '', rule: 'type' });
    expect(formatScreeningProblem(only({ assessmentDate: '2025-01-01', sex: 'x' }), '[2].')).toBe(
      '[2].sex must be one of female, male (got "x") (rule: one-of)',
    );
  });
});
