import { describe, expect, it } from 'vitest';
import { checkRule, type RuleProblem } from './rule-checker.js';
import { parseRule } from './rule-parser.js';
import {
  CONDITION_CODES,
  CONDITION_GROUPS,
  MEDICATION_CLASSES,
  MEDICATION_NAMES,
} from './rule-vocabulary.js';
import { RULE_VARIABLES } from './variable-catalogue.js';

function problems(text: string): readonly RuleProblem[] {
  const parsed = parseRule(text);
  if (parsed.kind === 'invalid') {
    throw new Error(`syntax error in test rule: ${parsed.error.message}`);
  }
  const checked = checkRule(parsed.ast);
  return checked.kind === 'ok' ? [] : checked.problems;
}

describe('checkRule accepts well-typed rules', () => {
  it.each([
    'age >= 18',
    'age between 18 and 70 and sex = female',
    'alsfrsR.total between 31 and 46',
    'alsfrsR.item10 = 4 and alsfrsR.lowestItem >= 2',
    'monthsSince(symptomOnsetDate) < 36',
    'yearsSince(diagnosisDate) <= 2',
    'daysSince(birthDate) > 0 and weeksSince(assessmentDate) = 0',
    'elEscorial in [definite, probable, probable-laboratory-supported]',
    'msCourse = SPMS and condition = MS',
    'nyhaClass in [3, 4]',
    'had(malignancy, within 5 years) or has(active-infection)',
    'taking(riluzole, stableFor >= 30 days) or not took(riluzole, within 29 days)',
    'took(investigational, within 3 months) or plans(vaccine)',
    'progressionRate(alsfrsR, over 17 weeks) between 0.515 and 1.545',
    'ventilatorDependent or priorCellTherapy = true',
    'labs.hbsAg = positive or labs.creatinineMgDl >= 2',
    'female = sex',
    'bmi between 18 and 30 and crclCockcroftGault >= 30 and deltaFrs < 1',
    'edss <= fvcPercentPredicted',
  ])('%s', (text) => {
    expect(problems(text)).toEqual([]);
  });

  it('every catalogue variable can be used in a rule of its type', () => {
    for (const variable of RULE_VARIABLES.values()) {
      const rule = {
        number: `${variable.name} >= 0`,
        boolean: variable.name,
        date: `daysSince(${variable.name}) >= 0`,
        enum: variable.type.kind === 'enum' ? `${variable.name} = ${variable.type.values[0] ?? ''}` : '',
      }[variable.type.kind];
      expect(problems(rule), rule).toEqual([]);
    }
  });

  it('every condition code, group, medication name and class is known', () => {
    for (const code of [...Object.keys(CONDITION_CODES), ...Object.keys(CONDITION_GROUPS)]) {
      expect(problems(`has(${code}) or had(${code}, within 1 year)`)).toEqual([]);
    }
    for (const medication of [...MEDICATION_NAMES, ...Object.keys(MEDICATION_CLASSES)]) {
      expect(problems(`taking(${medication}) or took(${medication}) or plans(${medication})`)).toEqual([]);
    }
  });
});

describe('checkRule reports unknown names with their span', () => {
  it.each([
    ['agee >= 18', 0, 4, "unknown variable 'agee' (did you mean age?)"],
    [
      'age >= 18 and alsfrs.total > 3',
      14,
      26,
      "unknown variable 'alsfrs.total' (did you mean alsfrsR.total?)",
    ],
    ['monthsSince(onsetDate) < 36', 12, 21, "unknown variable 'onsetDate'"],
    ['frobnicate', 0, 10, "unknown variable 'frobnicate'"],
    [
      'had(malignacy, within 5 years)',
      4,
      13,
      "unknown condition code 'malignacy' (did you mean malignancy?)",
    ],
    ['has(cancer)', 4, 10, "unknown condition code 'cancer'"],
    ['taking(riluzol)', 7, 14, "unknown medication or medication class 'riluzol' (did you mean riluzole?)"],
    ['took(aspirin, within 3 days)', 5, 12, "unknown medication or medication class 'aspirin'"],
    ['plans(x)', 6, 7, "unknown medication or medication class 'x'"],
    ['progressionRate(fvc, over 3 months) > 1', 16, 19, 'progressionRate() measures alsfrsR'],
    ['age > foo', 6, 9, "unknown variable 'foo'"],
    ['age = female', 6, 12, "unknown variable 'female'"],
  ] as const)('%s', (...[text, start, end, message]) => {
    const [problem, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: 'unknown-variable', start, end });
    expect(problem?.message).toContain(message);
  });
});

describe('checkRule reports type errors with their span', () => {
  it.each([
    ['sex < female', 0, 12, 'can only be compared with = or !='],
    ['sex = unknown', 6, 13, "'unknown' is not a possible value (expected one of female, male)"],
    ['elEscorial in [definite, probably]', 25, 33, "'probably' is not a possible value"],
    ['elEscorial in [1]', 15, 16, "'1' is not a possible value"],
    ['nyhaClass in [3, four]', 17, 21, 'must hold numbers'],
    ['ventilatorDependent in [yes]', 0, 19, 'in [...] needs an enumerated or number variable'],
    ['symptomOnsetDate < 3', 0, 16, 'dates cannot be compared directly'],
    ['yearsSince(age) < 3', 11, 14, 'yearsSince() needs a date variable'],
    ['age = true', 0, 10, 'cannot compare a number with a boolean'],
    ['familial > false', 0, 16, 'true/false values can only be compared with = or !='],
    ['sex = familial', 0, 14, 'cannot compare one of female, male with a boolean'],
    ['age', 0, 3, "'age' is a number, not true/false"],
    ['alsfrsR.total between 46 and 31', 22, 31, 'empty range: 46 is above 31'],
    ['sex between 1 and 2', 0, 3, 'between needs numbers'],
    ['progressionRate(alsfrsR, over 0 weeks) > 1', 30, 37, 'lead-in duration must be positive'],
  ] as const)('%s', (...[text, start, end, message]) => {
    const [problem, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: 'rule-type', start, end });
    expect(problem?.message).toContain(message);
  });

  it('collects every problem of a rule', () => {
    expect(problems('agee > 1 or has(x) or sex < male').map((problem) => problem.rule)).toEqual([
      'unknown-variable',
      'unknown-variable',
      'rule-type',
    ]);
  });
});
