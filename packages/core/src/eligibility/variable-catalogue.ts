// The variables a rule may name: each with its type, a label for explanations and how it is read (or derived)
// from the screening record. docs/screening-record.md documents the record fields; docs/eligibility-rules.md
// lists these names.
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import { ageInYears } from './elapsed-time.js';
import { ELIGIBILITY_DAYS_PER_MONTH } from './rule-vocabulary.js';
import {
  EL_ESCORIAL_CATEGORIES,
  MS_COURSES,
  NUMERIC_LABS,
  SCREENING_CONDITIONS,
  SCREENING_SEXES,
  SEROLOGY_LABS,
  SEROLOGY_RESULTS,
  type ScreeningRecord,
} from './screening-record.js';

export type RuleValueType =
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

export type RuleValue = number | boolean | string;

export interface RuleVariable {
  readonly name: string;
  readonly type: RuleValueType;
  /** Noun phrase for explanations ("ALSFRS-R total"). */
  readonly label: string;
  /** Unit appended to a value in explanations (" years", " % of predicted"). */
  readonly unit?: string;
  /** Measured at the screening visit (explanations say "at screening"). */
  readonly atScreening?: boolean;
  /** What must be recorded for the value to be known (explanations of `unknown`). */
  readonly needs: string;
  readonly read: (record: ScreeningRecord) => RuleValue | undefined;
}

const NUMBER = { kind: 'number' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const DATE = { kind: 'date' } as const;
const enumOf = (values: readonly string[]): RuleValueType => ({ kind: 'enum', values });

const ITEM_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** An ALSFRS-R item score (item 5 is whichever of 5a / 5b was scored). */
function alsfrsRItem(record: ScreeningRecord, item: number): number | undefined {
  const items = record.alsfrsR?.items;
  if (items === undefined) {
    return undefined;
  }
  return item === 5 ? (items['5a'] ?? items['5b']) : items[String(item)];
}

function allItems(record: ScreeningRecord): number[] | undefined {
  const scores = ITEM_NUMBERS.map((item) => alsfrsRItem(record, item));
  return scores.every((score): score is number => score !== undefined) ? scores : undefined;
}

/** The ALSFRS-R total at the assessment date: the recorded total, else the sum of all 12 items. */
export function alsfrsRTotal(record: ScreeningRecord): number | undefined {
  const total = record.alsfrsR?.total;
  if (total !== undefined) {
    return total;
  }
  return allItems(record)?.reduce((sum, score) => sum + score, 0);
}

function age(record: ScreeningRecord): number | undefined {
  return record.birthDate === undefined ? undefined : ageInYears(record.birthDate, record.assessmentDate);
}

function bmi(record: ScreeningRecord): number | undefined {
  const { weightKg, heightCm } = record;
  return weightKg === undefined || heightCm === undefined ? undefined : weightKg / (heightCm / 100) ** 2;
}

/** Cockcroft–Gault creatinine clearance, mL/min (Cockcroft & Gault, Nephron 1976;16:31-41). */
function creatinineClearance(record: ScreeningRecord): number | undefined {
  const years = age(record);
  const creatinine = record.labs?.creatinineMgDl;
  if (
    years === undefined ||
    creatinine === undefined ||
    record.weightKg === undefined ||
    record.sex === undefined
  ) {
    return undefined;
  }
  const male = ((140 - years) * record.weightKg) / (72 * creatinine);
  return record.sex === 'female' ? male * 0.85 : male;
}

/** ΔFRS = (48 − ALSFRS-R total) / months since symptom onset (clinical.md §1.2); unknown on the onset day. */
function deltaFrs(record: ScreeningRecord): number | undefined {
  const total = alsfrsRTotal(record);
  const onset = record.diagnosis?.symptomOnsetDate;
  if (total === undefined || onset === undefined) {
    return undefined;
  }
  const days = daysBetweenIsoDates(onset, record.assessmentDate);
  return days > 0 ? (48 - total) / (days / ELIGIBILITY_DAYS_PER_MONTH) : undefined;
}

const SEROLOGY_LABELS: Readonly<Record<(typeof SEROLOGY_LABS)[number], string>> = {
  hbsAg: 'HBsAg',
  hbeAg: 'HBeAg',
  hbeAb: 'anti-HBe',
  hbcAb: 'anti-HBc',
  hbvDna: 'HBV DNA',
  hcvAb: 'anti-HCV',
  hivAb: 'anti-HIV',
  htlvAb: 'anti-HTLV',
  syphilisAb: 'syphilis (Treponema pallidum) antibody',
  cmvIgm: 'CMV IgM',
  ebvIgm: 'EBV IgM',
  hsvIgm: 'HSV IgM',
};

const NUMERIC_LAB_LABELS: Readonly<Record<(typeof NUMERIC_LABS)[number], readonly [string, string]>> = {
  creatinineMgDl: ['serum creatinine', ' mg/dL'],
  altXUln: ['ALT', ' × ULN'],
  astXUln: ['AST', ' × ULN'],
  bilirubinXUln: ['bilirubin', ' × ULN'],
  ptXUln: ['PT', ' × ULN'],
  apttXUln: ['aPTT', ' × ULN'],
  hemoglobinGDl: ['haemoglobin', ' g/dL'],
  albuminGDl: ['serum albumin', ' g/dL'],
  neutrophilsE9L: ['neutrophil count', ' × 10⁹/L'],
  plateletsE9L: ['platelet count', ' × 10⁹/L'],
  wbcE9L: ['white cell count', ' × 10⁹/L'],
};

const BASE_VARIABLES: readonly RuleVariable[] = [
  {
    name: 'assessmentDate',
    type: DATE,
    label: 'assessment date',
    needs: 'assessmentDate',
    read: (r) => r.assessmentDate,
  },
  { name: 'birthDate', type: DATE, label: 'birth date', needs: 'birthDate', read: (r) => r.birthDate },
  { name: 'age', type: NUMBER, label: 'age', unit: ' years', needs: 'birthDate', read: age },
  { name: 'sex', type: enumOf(SCREENING_SEXES), label: 'sex', needs: 'sex', read: (r) => r.sex },
  {
    name: 'weightKg',
    type: NUMBER,
    label: 'weight',
    unit: ' kg',
    atScreening: true,
    needs: 'weightKg',
    read: (r) => r.weightKg,
  },
  {
    name: 'heightCm',
    type: NUMBER,
    label: 'height',
    unit: ' cm',
    needs: 'heightCm',
    read: (r) => r.heightCm,
  },
  {
    name: 'bmi',
    type: NUMBER,
    label: 'BMI',
    unit: ' kg/m²',
    atScreening: true,
    needs: 'weightKg and heightCm',
    read: bmi,
  },
  {
    name: 'condition',
    type: enumOf(SCREENING_CONDITIONS),
    label: 'diagnosis',
    needs: 'diagnosis.condition',
    read: (r) => r.diagnosis?.condition,
  },
  {
    name: 'elEscorial',
    type: enumOf(EL_ESCORIAL_CATEGORIES),
    label: 'El Escorial category',
    needs: 'diagnosis.elEscorial',
    read: (r) => r.diagnosis?.elEscorial,
  },
  {
    name: 'msCourse',
    type: enumOf(MS_COURSES),
    label: 'MS course',
    needs: 'diagnosis.msCourse',
    read: (r) => r.diagnosis?.msCourse,
  },
  {
    name: 'familial',
    type: BOOLEAN,
    label: 'familial disease',
    needs: 'diagnosis.familial',
    read: (r) => r.diagnosis?.familial,
  },
  {
    name: 'symptomOnsetDate',
    type: DATE,
    label: 'symptom onset',
    needs: 'diagnosis.symptomOnsetDate',
    read: (r) => r.diagnosis?.symptomOnsetDate,
  },
  {
    name: 'diagnosisDate',
    type: DATE,
    label: 'diagnosis',
    needs: 'diagnosis.diagnosisDate',
    read: (r) => r.diagnosis?.diagnosisDate,
  },
  {
    name: 'alsfrsR.total',
    type: NUMBER,
    label: 'ALSFRS-R total',
    atScreening: true,
    needs: 'alsfrsR.total or all 12 alsfrsR.items',
    read: alsfrsRTotal,
  },
  {
    name: 'alsfrsR.lowestItem',
    type: NUMBER,
    label: 'lowest ALSFRS-R item score',
    atScreening: true,
    needs: 'all 12 alsfrsR.items',
    read: (r) => {
      const items = allItems(r);
      return items === undefined ? undefined : Math.min(...items);
    },
  },
  {
    name: 'deltaFrs',
    type: NUMBER,
    label: 'ΔFRS',
    unit: ' points/month',
    atScreening: true,
    needs: 'the ALSFRS-R total and diagnosis.symptomOnsetDate',
    read: deltaFrs,
  },
  {
    name: 'fvcPercentPredicted',
    type: NUMBER,
    label: 'FVC',
    unit: ' % of predicted',
    atScreening: true,
    needs: 'fvcPercentPredicted',
    read: (r) => r.fvcPercentPredicted,
  },
  {
    name: 'svcPercentPredicted',
    type: NUMBER,
    label: 'SVC',
    unit: ' % of predicted',
    atScreening: true,
    needs: 'svcPercentPredicted',
    read: (r) => r.svcPercentPredicted,
  },
  { name: 'edss', type: NUMBER, label: 'EDSS', atScreening: true, needs: 'edss', read: (r) => r.edss },
  {
    name: 'kokmenStms',
    type: NUMBER,
    label: 'Kokmen Short Test of Mental Status',
    atScreening: true,
    needs: 'kokmenStms',
    read: (r) => r.kokmenStms,
  },
  { name: 'nyhaClass', type: NUMBER, label: 'NYHA class', needs: 'nyhaClass', read: (r) => r.nyhaClass },
  {
    name: 'crclCockcroftGault',
    type: NUMBER,
    label: 'creatinine clearance (Cockcroft–Gault)',
    unit: ' mL/min',
    atScreening: true,
    needs: 'birthDate, sex, weightKg and labs.creatinineMgDl',
    read: creatinineClearance,
  },
  {
    name: 'priorCellTherapy',
    type: BOOLEAN,
    label: 'prior cell therapy',
    needs: 'priorCellTherapy',
    read: (r) => r.priorCellTherapy,
  },
  {
    name: 'ventilatorDependent',
    type: BOOLEAN,
    label: 'ventilator dependent',
    needs: 'ventilatorDependent',
    read: (r) => r.ventilatorDependent,
  },
  {
    name: 'reproductivePotential',
    type: BOOLEAN,
    label: 'reproductive potential',
    needs: 'reproductivePotential',
    read: (r) => r.reproductivePotential,
  },
  {
    name: 'contraceptionAgreed',
    type: BOOLEAN,
    label: 'agrees to the required contraception',
    needs: 'contraceptionAgreed',
    read: (r) => r.contraceptionAgreed,
  },
];

const ITEM_VARIABLES: readonly RuleVariable[] = ITEM_NUMBERS.map((item) => ({
  name: `alsfrsR.item${item}`,
  type: NUMBER,
  label: `ALSFRS-R item ${item} score`,
  atScreening: true,
  needs: item === 5 ? 'alsfrsR.items.5a or 5b' : `alsfrsR.items.${item}`,
  read: (record: ScreeningRecord) => alsfrsRItem(record, item),
}));

const LAB_VARIABLES: readonly RuleVariable[] = [
  ...SEROLOGY_LABS.map((lab) => ({
    name: `labs.${lab}`,
    type: enumOf(SEROLOGY_RESULTS),
    label: SEROLOGY_LABELS[lab],
    atScreening: true,
    needs: `labs.${lab}`,
    read: (record: ScreeningRecord) => record.labs?.[lab],
  })),
  ...NUMERIC_LABS.map((lab) => ({
    name: `labs.${lab}`,
    type: NUMBER,
    label: NUMERIC_LAB_LABELS[lab][0],
    unit: NUMERIC_LAB_LABELS[lab][1],
    atScreening: true,
    needs: `labs.${lab}`,
    read: (record: ScreeningRecord) => record.labs?.[lab],
  })),
];

/** Every variable a rule may name, by name. */
export const RULE_VARIABLES: ReadonlyMap<string, RuleVariable> = new Map(
  [...BASE_VARIABLES, ...ITEM_VARIABLES, ...LAB_VARIABLES].map((variable) => [variable.name, variable]),
);

/** The measures `progressionRate(…)` accepts. */
export const PROGRESSION_MEASURES = ['alsfrsR'] as const;
