// Design section: allocation, model, masking, arms, parts, randomization and dose escalation.
import type {
  ProtocolArm,
  ProtocolDesign,
  ProtocolEscalation,
  ProtocolMasking,
  ProtocolPart,
  ProtocolRandomization,
  ProtocolRandomizationMethod,
  ProtocolStratum,
} from '@celltrial/core';
import {
  PROTOCOL_ALLOCATIONS,
  PROTOCOL_ARM_TYPES,
  PROTOCOL_ESCALATION_DESIGNS,
  PROTOCOL_ESCALATION_VARIANTS,
  PROTOCOL_IMBALANCE_MEASURES,
  PROTOCOL_INTERVENTION_MODELS,
  PROTOCOL_MASKED_ROLES,
  PROTOCOL_MASKING_LEVELS,
  PROTOCOL_PRIMARY_PURPOSES,
} from '@celltrial/core';
import { z } from 'zod';
import {
  NonEmptyTextSchema,
  PositiveDaysSchema,
  PositiveIntSchema,
  ProtocolIdSchema,
  ProtocolRefSchema,
} from './protocol-common.schema.js';

export const ProtocolPartSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  description: NonEmptyTextSchema.optional(),
  plannedEnrollment: PositiveIntSchema.optional(),
}) satisfies z.ZodType<ProtocolPart>;

export const ProtocolArmSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  type: z.enum(PROTOCOL_ARM_TYPES),
  description: NonEmptyTextSchema.optional(),
  plannedSize: PositiveIntSchema.optional().describe('Planned number of participants in the arm'),
}) satisfies z.ZodType<ProtocolArm>;

export const ProtocolMaskingSchema = z.strictObject({
  level: z.enum(PROTOCOL_MASKING_LEVELS),
  masked: z.array(z.enum(PROTOCOL_MASKED_ROLES)).describe('Who is masked; as many roles as the level says'),
  description: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolMasking>;

export const ProtocolStratumSchema = z.strictObject({
  id: ProtocolIdSchema.describe('`site` stratifies by site code; other ids name a screening variable'),
  description: NonEmptyTextSchema.optional(),
  levels: z.array(NonEmptyTextSchema).min(2).optional(),
}) satisfies z.ZodType<ProtocolStratum>;

const RandomizationMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('permuted-blocks'),
    blockSizes: z
      .array(PositiveIntSchema)
      .min(1)
      .describe('Block lengths, each a multiple of the ratio total'),
  }),
  z.strictObject({
    kind: z.literal('minimization'),
    factors: z
      .array(z.strictObject({ stratum: ProtocolRefSchema, weight: z.number().positive().optional() }))
      .min(1),
    imbalance: z.enum(PROTOCOL_IMBALANCE_MEASURES).optional(),
    bestArmProbability: z
      .number()
      .gt(0)
      .max(1)
      .describe('Probability of assigning the arm that minimizes imbalance'),
  }),
]) satisfies z.ZodType<ProtocolRandomizationMethod>;

export const ProtocolRandomizationSchema = z.strictObject({
  part: ProtocolRefSchema.optional(),
  ratio: z.record(ProtocolIdSchema, PositiveIntSchema).describe('Allocation ratio: arm id → integer weight'),
  method: RandomizationMethodSchema,
  strata: z.array(ProtocolStratumSchema).optional(),
  plannedSize: PositiveIntSchema.optional(),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolRandomization>;

export const ProtocolEscalationSchema = z.strictObject({
  part: ProtocolRefSchema.optional(),
  design: z.enum(PROTOCOL_ESCALATION_DESIGNS),
  variant: z.enum(PROTOCOL_ESCALATION_VARIANTS),
  arm: ProtocolRefSchema,
  intervention: ProtocolRefSchema,
  levels: z.array(ProtocolRefSchema).min(1).describe('Dose-level ids of the intervention, lowest first'),
  startLevel: ProtocolRefSchema,
  cohortSize: PositiveIntSchema,
  expansionSize: z.number().int().min(0),
  dltWindowDays: PositiveDaysSchema,
  dltDefinition: NonEmptyTextSchema,
  escalateIfDltsAtMost: z.number().int().min(0),
  stopIfDltsAtLeast: PositiveIntSchema,
  maxParticipants: PositiveIntSchema.optional(),
  cohorts: z.array(z.strictObject({ id: ProtocolIdSchema, doseLevel: ProtocolRefSchema })).optional(),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolEscalation>;

export const ProtocolDesignSchema = z.strictObject({
  allocation: z.enum(PROTOCOL_ALLOCATIONS),
  model: z.enum(PROTOCOL_INTERVENTION_MODELS),
  purpose: z.enum(PROTOCOL_PRIMARY_PURPOSES),
  masking: ProtocolMaskingSchema,
  plannedEnrollment: PositiveIntSchema,
  enrollmentType: z.enum(['actual', 'estimated']).optional(),
  description: NonEmptyTextSchema.optional(),
  parts: z.array(ProtocolPartSchema).optional(),
  arms: z.array(ProtocolArmSchema).min(1),
  randomization: ProtocolRandomizationSchema.optional(),
  escalation: ProtocolEscalationSchema.optional(),
}) satisfies z.ZodType<ProtocolDesign>;
