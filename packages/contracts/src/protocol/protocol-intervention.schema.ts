// Interventions and dosing: doses (fixed, per kg, by level), volumes, dose levels, dose-modification rules
// and each arm's administration plan.
import type {
  ProtocolArmAdministration,
  ProtocolDose,
  ProtocolDoseAction,
  ProtocolDoseCondition,
  ProtocolDoseLevel,
  ProtocolDoseModification,
  ProtocolDoseRule,
  ProtocolIntervention,
  ProtocolVolume,
} from '@celltrial/core';
import {
  PROTOCOL_CELL_SOURCES,
  PROTOCOL_DOSE_LOOKBACKS,
  PROTOCOL_INTERVENTION_ROLES,
  PROTOCOL_INTERVENTION_TYPES,
  PROTOCOL_ROUTES,
  PROTOCOL_VOLUME_BASES,
  PROTOCOL_WEIGHT_SOURCES,
} from '@celltrial/core';
import { z } from 'zod';
import {
  NonEmptyTextSchema,
  PositiveAmountSchema,
  PositiveIntSchema,
  ProtocolIdSchema,
  ProtocolRefSchema,
} from './protocol-common.schema.js';
import { ProtocolMeasureSchema } from './protocol-endpoint.schema.js';

const TolerancePercentSchema = z.number().positive().max(100).optional();

export const ProtocolDoseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fixed'),
    amount: PositiveAmountSchema,
    unit: NonEmptyTextSchema.describe('e.g. cells, mL, mg'),
    tolerancePercent: TolerancePercentSchema,
  }),
  z.strictObject({
    kind: z.literal('per-kg'),
    amountPerKg: PositiveAmountSchema.describe('Amount per kg body weight, e.g. 1e6 (cells/kg)'),
    unit: NonEmptyTextSchema,
    weight: z.enum(PROTOCOL_WEIGHT_SOURCES).describe('Which body weight the dose is computed from'),
    maxWeightKg: PositiveAmountSchema.optional(),
    maxAmount: PositiveAmountSchema.optional(),
    tolerancePercent: TolerancePercentSchema,
  }),
  z.strictObject({ kind: z.literal('by-level'), tolerancePercent: TolerancePercentSchema }),
]) satisfies z.ZodType<ProtocolDose>;

export const ProtocolVolumeSchema = z.strictObject({
  ml: PositiveAmountSchema.optional(),
  minMl: PositiveAmountSchema.optional(),
  maxMl: PositiveAmountSchema.optional(),
  per: z.enum(PROTOCOL_VOLUME_BASES).optional(),
  vehicle: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolVolume>;

export const ProtocolDoseLevelSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  amount: PositiveAmountSchema.optional(),
  unit: NonEmptyTextSchema.optional(),
  perKg: z.boolean().optional(),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolDoseLevel>;

const LookbackSchema = z.enum(PROTOCOL_DOSE_LOOKBACKS);
const GradeSchema = z.number().int().min(1).max(5);

export const ProtocolDoseConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('related-adverse-event'), minGrade: GradeSchema, since: LookbackSchema }),
  z.strictObject({
    kind: z.literal('no-related-adverse-event'),
    minGrade: GradeSchema,
    since: LookbackSchema,
  }),
  z.strictObject({ kind: z.literal('dose-limiting-toxicity'), since: LookbackSchema }),
  z.strictObject({
    kind: z.literal('measure-change'),
    measure: ProtocolMeasureSchema,
    since: LookbackSchema,
    atMost: z.number().optional(),
    atLeast: z.number().optional(),
  }),
  z.strictObject({ kind: z.literal('investigator-judgement'), text: NonEmptyTextSchema }),
]) satisfies z.ZodType<ProtocolDoseCondition>;

export const ProtocolDoseActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decrease'), steps: PositiveIntSchema }),
  z.strictObject({ kind: z.literal('increase'), steps: PositiveIntSchema }),
  z.strictObject({ kind: z.literal('set'), level: ProtocolRefSchema }),
  z.strictObject({ kind: z.literal('keep') }),
  z.strictObject({ kind: z.literal('hold') }),
  z.strictObject({ kind: z.literal('discontinue') }),
]) satisfies z.ZodType<ProtocolDoseAction>;

export const ProtocolDoseRuleSchema = z.strictObject({
  id: ProtocolIdSchema,
  text: NonEmptyTextSchema.describe('The rule in words, as the protocol states it'),
  when: z.array(ProtocolDoseConditionSchema).describe('All conditions must hold; empty = always'),
  then: ProtocolDoseActionSchema,
  assumption: z.boolean().optional().describe('true when the rule is assumed, not taken from the source'),
}) satisfies z.ZodType<ProtocolDoseRule>;

export const ProtocolDoseModificationSchema = z.strictObject({
  evaluatedBefore: z.literal('each-dose-after-first'),
  rules: z
    .array(ProtocolDoseRuleSchema)
    .min(1)
    .describe('Evaluated in order; the first matching rule applies'),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolDoseModification>;

export const ProtocolInterventionSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  type: z.enum(PROTOCOL_INTERVENTION_TYPES),
  role: z.enum(PROTOCOL_INTERVENTION_ROLES),
  product: NonEmptyTextSchema.optional(),
  source: z.enum(PROTOCOL_CELL_SOURCES).optional(),
  route: z.enum(PROTOCOL_ROUTES),
  dose: ProtocolDoseSchema.optional(),
  volume: ProtocolVolumeSchema.optional(),
  doseLevels: z.array(ProtocolDoseLevelSchema).optional(),
  startingLevel: ProtocolRefSchema.optional(),
  doseModification: ProtocolDoseModificationSchema.optional(),
  frequency: NonEmptyTextSchema.optional(),
  otherNames: z.array(NonEmptyTextSchema).optional(),
  description: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolIntervention>;

export const ProtocolArmAdministrationSchema = z.strictObject({
  arm: ProtocolRefSchema,
  doses: z
    .array(
      z.strictObject({
        visit: ProtocolRefSchema,
        intervention: ProtocolRefSchema,
        doseLevel: ProtocolRefSchema.optional(),
      }),
    )
    .describe('Doses in the order given; a repeating visit contributes one dose per occurrence'),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolArmAdministration>;
