// Eligibility criteria, endpoints and safety settings.
import type {
  ProtocolCriterion,
  ProtocolEligibility,
  ProtocolEndpoint,
  ProtocolMeasure,
  ProtocolSafety,
} from '@celltrial/core';
import {
  PROTOCOL_ANALYSIS_METHODS,
  PROTOCOL_CRITERION_KINDS,
  PROTOCOL_CTCAE_VERSIONS,
  PROTOCOL_ELIGIBLE_SEXES,
  PROTOCOL_ENDPOINT_TYPES,
  PROTOCOL_ID_PATTERN,
  PROTOCOL_KNOWN_MEASURES,
} from '@celltrial/core';
import { z } from 'zod';
import { NonEmptyTextSchema, ProtocolIdSchema, ProtocolRefSchema } from './protocol-common.schema.js';

export const ProtocolMeasureSchema = z.union(
  [z.enum(PROTOCOL_KNOWN_MEASURES), z.templateLiteral(['other:', z.string().regex(PROTOCOL_ID_PATTERN)])],
  { error: `measure must be one of ${PROTOCOL_KNOWN_MEASURES.join(', ')} or other:<kebab-name>` },
) satisfies z.ZodType<ProtocolMeasure>;

export const ProtocolCriterionSchema = z.strictObject({
  id: ProtocolIdSchema,
  kind: z.enum(PROTOCOL_CRITERION_KINDS),
  text: NonEmptyTextSchema.describe('The criterion exactly as the source states it'),
  rule: NonEmptyTextSchema.optional().describe('Reserved: machine-readable rule (eligibility rule language)'),
  manual: z.boolean().optional().describe('true: the investigator answers this criterion'),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolCriterion>;

export const ProtocolEligibilitySchema = z.strictObject({
  minAgeYears: z.number().int().min(0).optional(),
  maxAgeYears: z.number().int().min(0).optional(),
  sex: z.enum(PROTOCOL_ELIGIBLE_SEXES),
  healthyVolunteers: z.boolean(),
  criteria: z.array(ProtocolCriterionSchema).min(1),
}) satisfies z.ZodType<ProtocolEligibility>;

export const ProtocolEndpointSchema = z.strictObject({
  id: ProtocolIdSchema,
  type: z.enum(PROTOCOL_ENDPOINT_TYPES),
  title: NonEmptyTextSchema,
  measure: ProtocolMeasureSchema,
  timeFrame: z.strictObject({ text: NonEmptyTextSchema, visits: z.array(ProtocolRefSchema).optional() }),
  analysis: z.strictObject({
    method: z.enum(PROTOCOL_ANALYSIS_METHODS),
    text: NonEmptyTextSchema.optional(),
  }),
  description: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolEndpoint>;

export const ProtocolSafetySchema = z.strictObject({
  ctcaeVersion: z.enum(PROTOCOL_CTCAE_VERSIONS),
  aeGradeThreshold: z.number().int().min(1).max(5).describe('Lab grades at or above this propose an AE'),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolSafety>;
