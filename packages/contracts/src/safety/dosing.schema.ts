import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';

/**
 * Dosing (core `calculateDose`, `checkPreparedDose`, `evaluateDoseModification`; docs/methods/dosing.md).
 * A blinded viewer of a masked (placebo-controlled) participant gets `masked: true` items: kit code, route and
 * volume only — no product, amount, level or lot.
 */

export const ProblemSchema = z.object({ path: z.string(), rule: z.string(), message: z.string() });

export const DosePlanQuerySchema = z.strictObject({
  /** Protocol visit id of the dosing visit (e.g. dose-1, inj-2). */
  visit: z.string().min(1).max(100),
  occurrence: z.coerce.number().int().min(1).default(1),
  /** Day of the dose; default: the visit's recorded date, else today. */
  date: IsoDateSchema.optional(),
});

export const WeightUsedSchema = z.object({
  weightKg: z.number(),
  source: z.enum(['vital-signs', 'screening']),
  /** Date of the vital-signs visit (null for the screening record). */
  date: IsoDateSchema.nullable(),
});

export const DoseCalculationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    amount: z.number(),
    unit: z.string(),
    perKg: z.number().nullable(),
    weight: WeightUsedSchema.nullable(),
    capped: z.boolean(),
    doseLevel: z.string().nullable(),
    doseLevelName: z.string().nullable(),
    tolerancePercent: z.number().nullable(),
    explanation: z.string(),
  }),
  /** The intervention has no amount (e.g. a placebo): volume only. */
  z.object({ kind: z.literal('volume-only'), explanation: z.string() }),
  z.object({ kind: z.literal('invalid'), problems: z.array(ProblemSchema) }),
]);

export const DoseRuleRefSchema = z.object({ id: z.string(), text: z.string(), assumption: z.boolean() });

/** evaluateDoseModification over the participant's history, with the reasons. */
export const DoseModificationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('decision'),
    action: z.enum(['decrease', 'increase', 'set', 'keep', 'hold', 'discontinue']),
    previousLevel: z.string(),
    nextLevel: z.string().nullable(),
    rule: DoseRuleRefSchema,
    reasons: z.array(z.string()),
    notMet: z.array(z.object({ rule: DoseRuleRefSchema, reasons: z.array(z.string()) })),
  }),
  z.object({
    kind: z.literal('needs-judgement'),
    previousLevel: z.string(),
    rule: DoseRuleRefSchema.nullable(),
    reasons: z.array(z.string()),
    unresolved: z.array(z.string()),
  }),
  /** First dose, or no rules: the level comes from the protocol (planned level, starting level, cohort). */
  z.object({ kind: z.literal('not-applicable'), reason: z.string() }),
  z.object({ kind: z.literal('invalid'), problems: z.array(ProblemSchema) }),
]);

export const VolumeSchema = z.object({
  volumeMl: z.number().nullable(),
  volumeRangeMl: z.object({ min: z.number(), max: z.number() }).nullable(),
  per: z.enum(['administration', 'nostril']).nullable(),
});

export const DosePlanItemSchema = z.discriminatedUnion('masked', [
  z.object({
    masked: z.literal(false),
    interventionId: z.string(),
    interventionName: z.string(),
    route: z.string(),
    /** The level this dose is planned at (protocol, cohort, or the modification decision). */
    plannedLevel: z.string().nullable(),
    levelSource: z.enum(['protocol', 'cohort', 'starting-level', 'modification', 'none']),
    calculation: DoseCalculationSchema,
    modification: DoseModificationSchema.nullable(),
    volume: VolumeSchema,
  }),
  z.object({
    masked: z.literal(true),
    route: z.string(),
    volume: VolumeSchema,
  }),
]);

export const DosePlanResponseSchema = z
  .object({
    participantId: UuidSchema,
    participantNumber: z.string(),
    visitKey: z.string(),
    occurrence: z.number().int(),
    doseDate: IsoDateSchema,
    /** Kit code of a randomized participant (null otherwise). */
    kitCode: z.string().nullable(),
    /** True when the view hides the treatment (blinded viewer, masked study). */
    masked: z.boolean(),
    /** Arm (only for viewers who may see it). */
    arm: z.object({ id: z.string(), name: z.string() }).nullable(),
    items: z.array(DosePlanItemSchema),
    /** Doses already prepared for this visit. */
    preparations: z.number().int(),
  })
  .meta({ id: 'DosePlan' });
export type DosePlanView = z.infer<typeof DosePlanResponseSchema>;

export const DosePreparationRequestSchema = z
  .strictObject({
    visitKey: z.string().min(1).max(100),
    occurrence: z.number().int().min(1).default(1),
    interventionId: z.string().min(1).max(100),
    /** Default: the plan's level. A different (known) level needs deviationReason. */
    doseLevel: z.string().min(1).max(100).optional(),
    /** Amount in the calculated dose's unit (omit for volume-only products such as placebo). */
    preparedAmount: z.number().min(0).optional(),
    lot: z.string().trim().min(1).max(100),
    volumeMl: z.number().positive().max(1000),
    /** Needed when the prepared amount is outside the protocol's tolerance, or the level differs from the plan. */
    deviationReason: ReasonSchema.optional(),
    /** Investigator answers to dose-modification rules that need judgement, by rule id. */
    judgements: z.record(z.string(), z.boolean()).optional(),
    /** Day of the dose; default: the visit's recorded date, else today. */
    doseDate: IsoDateSchema.optional(),
  })
  .meta({ id: 'DosePreparationRequest' });

export const DoseAdministrationRequestSchema = z
  .strictObject({
    preparationId: UuidSchema,
    administeredAt: IsoDateTimeSchema,
    /** Volume actually given (mL). */
    volumeMl: z.number().min(0).max(1000),
    /** False when the administration was stopped or not given in full (note required). */
    complete: z.boolean(),
    note: z.string().trim().max(4000).optional(),
  })
  .meta({ id: 'DoseAdministrationRequest' });

export const DoseAdministrationSchema = z.object({
  id: UuidSchema,
  administeredAt: IsoDateTimeSchema,
  volumeMl: z.number(),
  complete: z.boolean(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

/** A prepared dose; unmasked fields are null in a masked view. */
export const DoseRecordSchema = z
  .object({
    id: UuidSchema,
    participantId: UuidSchema,
    visitKey: z.string(),
    occurrence: z.number().int(),
    doseDate: IsoDateSchema,
    masked: z.boolean(),
    kitCode: z.string().nullable(),
    interventionId: z.string().nullable(),
    doseLevel: z.string().nullable(),
    calculatedAmount: z.number().nullable(),
    preparedAmount: z.number().nullable(),
    unit: z.string().nullable(),
    /** (prepared − calculated) / calculated × 100, unrounded. */
    deviationPercent: z.number().nullable(),
    withinTolerance: z.boolean().nullable(),
    deviationReason: z.string().nullable(),
    lot: z.string().nullable(),
    weightKg: z.number().nullable(),
    /** The dose-modification rule that set the level, with reasons. */
    modificationReasons: z.array(z.string()).nullable(),
    volumeMl: z.number(),
    preparedBy: z.string().nullable(),
    preparedAt: IsoDateTimeSchema,
    administration: DoseAdministrationSchema.nullable(),
  })
  .meta({ id: 'DoseRecord' });
export type DoseRecordView = z.infer<typeof DoseRecordSchema>;

export const DoseRecordListResponseSchema = z
  .object({ doses: z.array(DoseRecordSchema) })
  .meta({ id: 'DoseRecordList' });
