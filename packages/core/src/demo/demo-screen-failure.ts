// Screen failures: an eligible candidate changed in one plausible way (an active infection, a positive hepatitis
// test, an old disease onset, …) so that the protocol's criteria exclude it. The change is made to the candidate,
// not to the record, so the screening-day forms agree with the record. Which criterion fails is whatever
// evaluateEligibility says.
import { evaluateEligibility } from '../eligibility/evaluate-eligibility.js';
import type { ScreeningRecord } from '../eligibility/screening-record.js';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { randomInt, shuffle, type Rng } from '../random/rng.js';
import { gastrostomyDateFor } from './demo-alsfrs.js';
import { roundTo } from './demo-random.js';
import { buildScreeningRecord, type DemoRecordContext } from './demo-screening-record.js';
import type { DemoHistory, DemoSubject } from './demo-types.js';

type Mutation = (subject: DemoSubject) => DemoSubject | undefined;

const days = (subject: DemoSubject, offset: number): string =>
  addDaysToIsoDate(subject.screeningDate, offset);

function withHistory(subject: DemoSubject, change: Partial<DemoHistory>): DemoSubject {
  return { ...subject, history: { ...subject.history, ...change } };
}

function addCondition(code: string, onset: number, resolved?: number): Mutation {
  return (subject) =>
    withHistory(subject, {
      conditions: [
        ...subject.history.conditions,
        {
          code,
          onsetDate: days(subject, onset),
          ...(resolved === undefined ? {} : { resolvedDate: days(subject, resolved) }),
        },
      ],
    });
}

function positive(...tests: string[]): Mutation {
  return (subject) =>
    withHistory(subject, { positiveSerology: [...subject.history.positiveSerology, ...tests] });
}

/** Years of age at screening, keeping every other date (not when the disease would begin before age 10). */
function age(years: number): Mutation {
  return (subject) => {
    const birthDate = days(subject, -Math.round(years * 365.25));
    if (subject.demographics.symptomOnsetDate <= addDaysToIsoDate(birthDate, 3653)) {
      return undefined;
    }
    return { ...subject, demographics: { ...subject.demographics, birthDate } };
  };
}

/** The disease began long ago (onset and diagnosis moved back). */
const longDisease: Mutation = (subject) => {
  const years = subject.disease === 'ALS' ? 6 : 25;
  const onset = days(subject, -Math.round(years * 365.25));
  const birth = subject.demographics.birthDate;
  if (onset <= addDaysToIsoDate(birth, 12 * 365)) {
    return undefined;
  }
  return {
    ...subject,
    demographics: {
      ...subject.demographics,
      symptomOnsetDate: onset,
      diagnosisDate: addDaysToIsoDate(onset, 365),
    },
  };
};

const lowFvc: Mutation = (subject) => ({
  ...subject,
  trajectory: { ...subject.trajectory, fvcPercentAtScreening: 36 },
});

const gastrostomy: Mutation = (subject) => {
  if (subject.disease !== 'ALS') {
    return undefined;
  }
  const date = days(subject, -90);
  return {
    ...subject,
    trajectory: { ...subject.trajectory, gastrostomyDate: date },
    history: {
      ...subject.history,
      conditions: [
        ...subject.history.conditions.filter((c) => c.code !== 'gastrostomy'),
        { code: 'gastrostomy', onsetDate: date },
      ],
    },
  };
};

const lowAlsfrs: Mutation = (subject) => {
  if (subject.disease !== 'ALS') {
    return undefined;
  }
  const trajectory = { ...subject.trajectory, alsfrsAtScreening: 13 };
  const date = gastrostomyDateFor(trajectory, {
    screeningDate: subject.screeningDate,
    diagnosisDate: subject.demographics.diagnosisDate,
  });
  const conditions = subject.history.conditions.filter((c) => c.code !== 'gastrostomy');
  return {
    ...subject,
    trajectory: { ...trajectory, ...(date === undefined ? {} : { gastrostomyDate: date }) },
    history: {
      ...subject.history,
      conditions:
        date !== undefined && date <= subject.screeningDate
          ? [...conditions, { code: 'gastrostomy', onsetDate: date }]
          : conditions,
    },
  };
};

const obese: Mutation = (subject) => ({
  ...subject,
  demographics: {
    ...subject.demographics,
    weightKg: roundTo(34 * (subject.demographics.heightCm / 100) ** 2, 1),
  },
});

const pregnant: Mutation = (subject) =>
  subject.demographics.sex === 'female' && subject.history.reproductivePotential
    ? addCondition('pregnancy', -60)(subject)
    : undefined;

const investigationalProduct: Mutation = (subject) =>
  withHistory(subject, {
    medications: [
      ...subject.history.medications,
      {
        name: 'investigational product',
        classes: ['investigational'],
        startDate: days(subject, -50),
        stopDate: days(subject, -20),
      },
    ],
  });

const stopDiseaseTreatment: Mutation = (subject) => {
  const medications = subject.history.medications.filter((m) => !['rituximab', 'edaravone'].includes(m.name));
  return medications.length === subject.history.medications.length
    ? undefined
    : withHistory(subject, { medications });
};

const otherCategory: Mutation = (subject) =>
  subject.disease === 'ALS'
    ? withHistory(subject, {
        elEscorial: subject.history.elEscorial === 'possible' ? 'definite' : 'possible',
      })
    : withHistory(subject, { msCourse: subject.history.msCourse === 'RRMS' ? 'SPMS' : 'RRMS' });

/** Named changes; each returns undefined when it does not apply to the candidate. */
export const DEMO_SCREEN_FAILURE_CHANGES: readonly (readonly [string, Mutation])[] = [
  ['active infection', addCondition('active-infection', -5)],
  ['recent cancer', addCondition('solid-malignancy', -730, -550)],
  ['autoimmune disease', addCondition('autoimmune-disease', -1500)],
  ['epileptic seizure', addCondition('epileptic-seizure', -1100, -1099)],
  ['penicillin allergy', addCondition('penicillin-allergy', -7000)],
  ['other trial', addCondition('trial-participation', -150, -20)],
  ['liver disease', addCondition('liver-disease', -900)],
  ['hepatitis B', positive('hbsAg', 'hbcAb', 'hbvDna')],
  ['hepatitis C', positive('hcvAb')],
  ['HIV', positive('hivAb')],
  ['prior cell therapy', (subject) => withHistory(subject, { priorCellTherapy: true })],
  ['investigational product', investigationalProduct],
  ['low FVC', lowFvc],
  ['gastrostomy', gastrostomy],
  ['low ALSFRS-R', lowAlsfrs],
  ['too old', age(88)],
  ['too young', age(16.5)],
  ['long disease', longDisease],
  ['obese', obese],
  ['pregnant', pregnant],
  ['cognitive impairment', (subject) => withHistory(subject, { kokmenStms: 26 })],
  ['no disease treatment', stopDiseaseTreatment],
  ['other diagnostic category', otherCategory],
];

export interface DemoScreenFailure {
  readonly subject: DemoSubject;
  readonly record: ScreeningRecord;
  readonly failedCriteria: readonly string[];
}

function failing(protocol: Protocol, record: ScreeningRecord): string[] {
  return evaluateEligibility(protocol, record)
    .criteria.filter(
      ({ kind, status }) =>
        (kind === 'inclusion' && status === 'not-met') || (kind === 'exclusion' && status === 'met'),
    )
    .map(({ id }) => id);
}

/**
 * Turns an eligible candidate into a screen failure: the changes are tried in random order and the first that
 * fails exactly one criterion wins (else the first that fails several); when no change fails a rule, the
 * investigator answers one manual criterion against the candidate. Undefined when nothing can fail.
 */
export function makeScreenFailure(
  rng: Rng,
  input: { readonly protocol: Protocol; readonly subject: DemoSubject; readonly context: DemoRecordContext },
): DemoScreenFailure | undefined {
  let fallback: DemoScreenFailure | undefined;
  for (const [, change] of shuffle(rng, DEMO_SCREEN_FAILURE_CHANGES)) {
    const subject = change(input.subject);
    if (subject === undefined) {
      continue;
    }
    const record = buildScreeningRecord(subject, input.context);
    const failedCriteria = failing(input.protocol, record);
    if (failedCriteria.length === 1) {
      return { subject, record, failedCriteria };
    }
    if (failedCriteria.length > 1 && fallback === undefined) {
      fallback = { subject, record, failedCriteria };
    }
  }
  if (fallback !== undefined) {
    return fallback;
  }
  const manual = input.context.manualCriteria;
  const criterion = manual[randomInt(rng, 0, Math.max(0, manual.length - 1))];
  if (criterion === undefined) {
    return undefined;
  }
  const subject = withHistory(input.subject, { failedManualCheck: criterion.id });
  const record = buildScreeningRecord(subject, input.context);
  return { subject, record, failedCriteria: failing(input.protocol, record) };
}
