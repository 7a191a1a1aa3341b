// The screening record (docs/screening-record.md): structure and plausible ranges here, cross-field rules
// (dates relative to the assessment and to each other, totals that must agree) in screening-record-checks.ts.
import type {
  ScreeningAlsfrsR,
  ScreeningCondition,
  ScreeningDiagnosis,
  ScreeningLabs,
  ScreeningMedication,
  ScreeningRecord,
} from '@celltrial/core';
import {
  CONDITION_CODES,
  EL_ESCORIAL_CATEGORIES,
  MEDICATION_CLASSES,
  MS_COURSES,
  PROTOCOL_ID_PATTERN,
  SCREENING_CONDITIONS,
  SCREENING_SEXES,
  SEROLOGY_RESULTS,
} from '@celltrial/core';
import { z } from 'zod';
import { checkScreeningRecord } from './screening-record-checks.js';
import { numberIn, oneOf, ScreeningDateSchema, ScreeningFlagSchema } from './screening-fields.schema.js';

const Serology = oneOf(SEROLOGY_RESULTS).optional();
const TimesUln = numberIn({ min: 0, max: 100 }).optional();

export const ScreeningLabsSchema = z.strictObject({
  hbsAg: Serology,
  hbeAg: Serology,
  hbeAb: Serology,
  hbcAb: Serology,
  hbvDna: Serology,
  hcvAb: Serology,
  hivAb: Serology,
  htlvAb: Serology,
  syphilisAb: Serology,
  cmvIgm: Serology,
  ebvIgm: Serology,
  hsvIgm: Serology,
  creatinineMgDl: numberIn({ min: 0, max: 30, aboveMin: true }).optional(),
  altXUln: TimesUln,
  astXUln: TimesUln,
  bilirubinXUln: TimesUln,
  ptXUln: TimesUln,
  apttXUln: TimesUln,
  hemoglobinGDl: numberIn({ min: 0, max: 25, aboveMin: true }).optional(),
  albuminGDl: numberIn({ min: 0, max: 10, aboveMin: true }).optional(),
  neutrophilsE9L: numberIn({ min: 0, max: 100 }).optional(),
  plateletsE9L: numberIn({ min: 0, max: 5000 }).optional(),
  wbcE9L: numberIn({ min: 0, max: 1000 }).optional(),
}) satisfies z.ZodType<ScreeningLabs>;

export const ScreeningDiagnosisSchema = z.strictObject({
  condition: oneOf(SCREENING_CONDITIONS).optional(),
  elEscorial: oneOf(EL_ESCORIAL_CATEGORIES).optional(),
  msCourse: oneOf(MS_COURSES).optional(),
  familial: ScreeningFlagSchema.optional(),
  symptomOnsetDate: ScreeningDateSchema.optional(),
  diagnosisDate: ScreeningDateSchema.optional(),
}) satisfies z.ZodType<ScreeningDiagnosis>;

const AlsfrsRItem = numberIn({ min: 0, max: 4, integer: true }).optional();

export const ScreeningAlsfrsRSchema = z.strictObject({
  total: numberIn({ min: 0, max: 48, integer: true }).optional(),
  items: z
    .strictObject({
      '1': AlsfrsRItem,
      '2': AlsfrsRItem,
      '3': AlsfrsRItem,
      '4': AlsfrsRItem,
      '5a': AlsfrsRItem,
      '5b': AlsfrsRItem,
      '6': AlsfrsRItem,
      '7': AlsfrsRItem,
      '8': AlsfrsRItem,
      '9': AlsfrsRItem,
      '10': AlsfrsRItem,
      '11': AlsfrsRItem,
      '12': AlsfrsRItem,
    })
    .optional(),
}) satisfies z.ZodType<ScreeningAlsfrsR>;

const CONDITION_CODE_LIST = Object.keys(CONDITION_CODES) as [string, ...string[]];
const MEDICATION_CLASS_LIST = Object.keys(MEDICATION_CLASSES) as [string, ...string[]];

export const ScreeningConditionSchema = z.strictObject({
  code: oneOf(CONDITION_CODE_LIST),
  onsetDate: ScreeningDateSchema.optional(),
  resolvedDate: ScreeningDateSchema.optional(),
}) satisfies z.ZodType<ScreeningCondition>;

export const ScreeningMedicationSchema = z.strictObject({
  name: z
    .string({
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a text (the generic name)'),
    })
    .trim()
    .min(1, { error: 'must not be empty' }),
  classes: z
    .array(oneOf(MEDICATION_CLASS_LIST), { error: 'must be a list of medication classes' })
    .optional(),
  startDate: ScreeningDateSchema.optional(),
  stopDate: ScreeningDateSchema.optional(),
  doseStableSince: ScreeningDateSchema.optional(),
  planned: ScreeningFlagSchema.optional(),
}) satisfies z.ZodType<ScreeningMedication>;

const ManualChecksSchema = z.record(
  z.string().regex(PROTOCOL_ID_PATTERN, { error: 'keys must be criterion ids (kebab-case, e.g. inc-3)' }),
  ScreeningFlagSchema,
  { error: 'must be an object of criterion id → true/false' },
);

/** The screening record, with impossible values rejected (each problem names the field and the rule). */
export const ScreeningRecordSchema = z
  .strictObject({
    assessmentDate: ScreeningDateSchema,
    birthDate: ScreeningDateSchema.optional(),
    sex: oneOf(SCREENING_SEXES).optional(),
    weightKg: numberIn({ min: 0, max: 400, aboveMin: true }).optional(),
    heightCm: numberIn({ min: 0, max: 272, aboveMin: true }).optional(),
    diagnosis: ScreeningDiagnosisSchema.optional(),
    alsfrsR: ScreeningAlsfrsRSchema.optional(),
    alsfrsRHistory: z
      .array(
        z.strictObject({ date: ScreeningDateSchema, total: numberIn({ min: 0, max: 48, integer: true }) }),
        {
          error: 'must be a list of { date, total }',
        },
      )
      .optional(),
    fvcPercentPredicted: numberIn({ min: 0, max: 250 }).optional(),
    svcPercentPredicted: numberIn({ min: 0, max: 250 }).optional(),
    edss: numberIn({ min: 0, max: 10 }).optional(),
    kokmenStms: numberIn({ min: -14, max: 38, integer: true }).optional(),
    nyhaClass: numberIn({ min: 1, max: 4, integer: true }).optional(),
    labs: ScreeningLabsSchema.optional(),
    conditions: z.array(ScreeningConditionSchema, { error: 'must be a list of conditions' }).optional(),
    medications: z.array(ScreeningMedicationSchema, { error: 'must be a list of medications' }).optional(),
    priorCellTherapy: ScreeningFlagSchema.optional(),
    ventilatorDependent: ScreeningFlagSchema.optional(),
    reproductivePotential: ScreeningFlagSchema.optional(),
    contraceptionAgreed: ScreeningFlagSchema.optional(),
    manualChecks: ManualChecksSchema.optional(),
  })
  .superRefine(checkScreeningRecord, { when: () => true }) satisfies z.ZodType<ScreeningRecord>;
