// The synthetic participant of a demo study (docs/demo-data.md): plain data the server drives through the real
// services. Everything here is invented; `synthetic: true` marks it.
import type { HankinsonEthnicity } from '../scales/spirometry-hankinson.js';
import type {
  ElEscorialCategory,
  MsCourse,
  ScreeningCondition,
  ScreeningMedication,
  ScreeningRecord,
  ScreeningSex,
} from '../eligibility/screening-record.js';

/** Diseases the generator models. */
export const DEMO_DISEASES = ['ALS', 'MS'] as const;
export type DemoDisease = (typeof DEMO_DISEASES)[number];

export const DEMO_ETHNICITIES = ['caucasian', 'african-american', 'mexican-american', 'other'] as const;
export type DemoEthnicity = (typeof DEMO_ETHNICITIES)[number];

/** Site of first weakness in ALS. */
export const DEMO_ONSET_REGIONS = ['bulbar', 'upper-limb', 'lower-limb'] as const;
export type DemoOnsetRegion = (typeof DEMO_ONSET_REGIONS)[number];

export interface DemoDemographics {
  readonly sex: ScreeningSex;
  readonly birthDate: string;
  readonly ethnicity: DemoEthnicity;
  /**
   * The Hankinson (NHANES III) group the spirometry volumes were generated with: the ethnicity itself, or
   * `caucasian` for `other` (NHANES III has no equation for other groups).
   */
  readonly spirometryEthnicity: HankinsonEthnicity;
  readonly heightCm: number;
  /** Weight at the screening visit (the vital-signs value of that day). */
  readonly weightKg: number;
  readonly symptomOnsetDate: string;
  readonly diagnosisDate: string;
  /** ALS only. */
  readonly onsetRegion?: DemoOnsetRegion;
}

/** Medical history behind the screening record's diagnosis, conditions, medications and serology. */
export interface DemoHistory {
  readonly elEscorial?: ElEscorialCategory;
  readonly msCourse?: MsCourse;
  readonly familial: boolean;
  /** Catalogued conditions (docs/screening-record.md codes) at screening; gastrostomy is added from the trajectory. */
  readonly conditions: readonly ScreeningCondition[];
  /** Medications at screening (and planned ones), as the screening record lists them. */
  readonly medications: readonly ScreeningMedication[];
  /** Positive serology results (all others negative). */
  readonly positiveSerology: readonly string[];
  readonly kokmenStms: number;
  readonly reproductivePotential: boolean;
  readonly priorCellTherapy: boolean;
  /** PT and aPTT as multiples of the upper limit of normal (screening only; no coagulation form is generated). */
  readonly ptXUln: number;
  readonly apttXUln: number;
  /** A manual criterion the investigator answered against the participant (a screen failure by judgement). */
  readonly failedManualCheck?: string;
}

/** Latent (noise-free) disease course; observed values add visit noise. Months are 30.4375 days from screening. */
export interface DemoTrajectory {
  /** ALSFRS-R total at the screening date (latent, unrounded). ALS only. */
  readonly alsfrsAtScreening?: number;
  /** ALSFRS-R points per month (negative = decline). ALS only. */
  readonly alsfrsSlopePerMonth?: number;
  /** Order in which the 48 item points are lost (item numbers 1–12, each four times). ALS only. */
  readonly alsfrsItemLossOrder?: readonly number[];
  /** Date the gastrostomy is placed (when the latent swallowing item reaches 1); absent = not before ~10 years. */
  readonly gastrostomyDate?: string;
  readonly fvcPercentAtScreening: number;
  /** FVC % predicted per month. */
  readonly fvcSlopePerMonth: number;
  /** SVC % predicted minus FVC % predicted. */
  readonly svcOffsetPercent: number;
  readonly fev1FvcRatio: number;
  /** Body weight change, percent of the screening weight per month. */
  readonly weightChangePercentPerMonth: number;
  /** EDSS step at screening (latent). MS only. */
  readonly edssBaseline?: number;
  /** EDSS points per year. MS only. */
  readonly edssChangePerYear?: number;
  /** Participant means of the vital signs. */
  readonly vitals: Readonly<
    Record<'heartRate' | 'systolicBp' | 'diastolicBp' | 'respiratoryRate' | 'temperatureC', number>
  >;
  /** Participant means of each laboratory test, in the unit the labs form reports (DEMO_LAB_PANEL). */
  readonly labs: Readonly<Record<string, number>>;
}

export type DemoOutcome =
  | { readonly kind: 'ongoing' }
  | { readonly kind: 'died'; readonly date: string }
  | { readonly kind: 'withdrew'; readonly date: string }
  | { readonly kind: 'tracheostomy'; readonly date: string };

/** One synthetic participant. */
export interface DemoParticipant {
  /** 0-based, in screening order. */
  readonly index: number;
  readonly siteCode: string;
  readonly synthetic: true;
  /** Key of every later draw (forms, adverse events, con-meds): the same participant always gives the same values. */
  readonly seed: string;
  readonly disease: DemoDisease;
  readonly screeningDate: string;
  /** Enrolment date from the protocol's nominal calendar (screening visit to the enrolment visit). */
  readonly plannedEnrollmentDate: string;
  /** Date of the last scheduled visit from the nominal calendar. */
  readonly plannedEndDate: string;
  /** The `today` of the generation: nothing is generated after it. */
  readonly asOfDate: string;
  /** The screening record (docs/screening-record.md), built from the same values as the screening-day forms. */
  readonly screening: ScreeningRecord;
  readonly screenFailure: boolean;
  /** Criterion ids that make a screen failure ineligible (empty for eligible participants). */
  readonly failedCriteria: readonly string[];
  readonly demographics: DemoDemographics;
  readonly history: DemoHistory;
  readonly trajectory: DemoTrajectory;
  /** What ended follow-up before `asOfDate` and `plannedEndDate`, if anything (always `ongoing` for screen failures). */
  readonly outcome: DemoOutcome;
}

/** What the measurement models read: the participant without the screening outcome and follow-up events. */
export type DemoSubject = Pick<
  DemoParticipant,
  'seed' | 'disease' | 'screeningDate' | 'demographics' | 'history' | 'trajectory'
>;
