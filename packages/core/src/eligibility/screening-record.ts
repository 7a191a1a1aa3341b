// The screening record: what a coordinator enters to check a candidate against a protocol's eligibility criteria.
// Every field is documented in docs/screening-record.md; the zod schema in packages/contracts/src/screening
// rejects impossible values and satisfies this type. All fields but `assessmentDate` are optional: a missing
// value makes the criteria that need it `unknown`, never `met`.

export const SCREENING_SEXES = ['female', 'male'] as const;
export type ScreeningSex = (typeof SCREENING_SEXES)[number];

export const SCREENING_CONDITIONS = ['ALS', 'MS'] as const;
export type ScreeningDiagnosisCondition = (typeof SCREENING_CONDITIONS)[number];

/** Revised El Escorial / Airlie House categories (Brooks et al. 2000). */
export const EL_ESCORIAL_CATEGORIES = [
  'definite',
  'probable',
  'probable-laboratory-supported',
  'possible',
] as const;
export type ElEscorialCategory = (typeof EL_ESCORIAL_CATEGORIES)[number];

export const MS_COURSES = ['RRMS', 'SPMS', 'PPMS'] as const;
export type MsCourse = (typeof MS_COURSES)[number];

export const SEROLOGY_RESULTS = ['positive', 'negative'] as const;
export type SerologyResult = (typeof SEROLOGY_RESULTS)[number];

/** Qualitative (positive/negative) laboratory results. */
export const SEROLOGY_LABS = [
  'hbsAg',
  'hbeAg',
  'hbeAb',
  'hbcAb',
  'hbvDna',
  'hcvAb',
  'hivAb',
  'htlvAb',
  'syphilisAb',
  'cmvIgm',
  'ebvIgm',
  'hsvIgm',
] as const;
export type SerologyLab = (typeof SEROLOGY_LABS)[number];

/** Quantitative laboratory results; the unit is part of the name (XUln = multiples of the upper limit of normal). */
export const NUMERIC_LABS = [
  'creatinineMgDl',
  'altXUln',
  'astXUln',
  'bilirubinXUln',
  'ptXUln',
  'apttXUln',
  'hemoglobinGDl',
  'albuminGDl',
  'neutrophilsE9L',
  'plateletsE9L',
  'wbcE9L',
] as const;
export type NumericLab = (typeof NUMERIC_LABS)[number];

export type ScreeningLabs = Partial<Record<SerologyLab, SerologyResult>> &
  Partial<Record<NumericLab, number>>;

export interface ScreeningDiagnosis {
  condition?: ScreeningDiagnosisCondition;
  elEscorial?: ElEscorialCategory;
  msCourse?: MsCourse;
  familial?: boolean;
  symptomOnsetDate?: string;
  diagnosisDate?: string;
}

/** ALSFRS-R at the assessment date: the total, the item scores ('1'…'12' with '5a' or '5b'), or both (they agree). */
export interface ScreeningAlsfrsR {
  total?: number;
  items?: Partial<Record<string, number>>;
}

export interface ScreeningAlsfrsRPoint {
  date: string;
  total: number;
}

/** A condition, procedure or state (see `CONDITION_CODES`); no `resolvedDate` = ongoing at the assessment date. */
export interface ScreeningCondition {
  code: string;
  onsetDate?: string;
  resolvedDate?: string;
}

/** A medication: generic name plus classes; no `stopDate` = still taken; `planned` = intended during the study. */
export interface ScreeningMedication {
  name: string;
  classes?: string[];
  startDate?: string;
  stopDate?: string;
  /** Date since when the dose has been unchanged (defaults to `startDate`). */
  doseStableSince?: string;
  planned?: boolean;
}

/** One candidate's screening data (docs/screening-record.md). */
export interface ScreeningRecord {
  /** `YYYY-MM-DD`: the screening assessment; every duration and "current" status is measured at this date. */
  assessmentDate: string;
  birthDate?: string;
  sex?: ScreeningSex;
  weightKg?: number;
  heightCm?: number;
  diagnosis?: ScreeningDiagnosis;
  alsfrsR?: ScreeningAlsfrsR;
  alsfrsRHistory?: ScreeningAlsfrsRPoint[];
  fvcPercentPredicted?: number;
  svcPercentPredicted?: number;
  edss?: number;
  kokmenStms?: number;
  nyhaClass?: number;
  labs?: ScreeningLabs;
  /** Present (even empty) = the complete list of catalogued conditions; absent = not asked (unknown). */
  conditions?: ScreeningCondition[];
  /** Present (even empty) = the complete medication history that screening asks about; absent = unknown. */
  medications?: ScreeningMedication[];
  priorCellTherapy?: boolean;
  ventilatorDependent?: boolean;
  reproductivePotential?: boolean;
  contraceptionAgreed?: boolean;
  /** Investigator answers to manual criteria: true = the criterion holds (inclusion met / exclusion applies). */
  manualChecks?: Record<string, boolean>;
}
