// Schedule section: anchors, the study-day convention, epochs, forms, procedures and visits.
import type {
  ProtocolAnchor,
  ProtocolEpoch,
  ProtocolForm,
  ProtocolProcedure,
  ProtocolStudyDay,
  ProtocolVisit,
} from '@celltrial/core';
import {
  PROTOCOL_ANCHOR_EVENTS,
  PROTOCOL_EPOCH_KINDS,
  PROTOCOL_STUDY_DAY_NUMBERINGS,
  PROTOCOL_VISIT_EVENTS,
} from '@celltrial/core';
import { z } from 'zod';
import {
  DaysSchema,
  NonEmptyTextSchema,
  NonNegativeDaysSchema,
  PositiveDaysSchema,
  PositiveIntSchema,
  ProtocolIdSchema,
  ProtocolRefSchema,
} from './protocol-common.schema.js';

export const ProtocolAnchorSchema = z.union(
  [
    z.enum(PROTOCOL_ANCHOR_EVENTS),
    z.strictObject({ visit: ProtocolRefSchema }),
    z.strictObject({ procedure: ProtocolRefSchema }),
  ],
  {
    error: `anchor must be one of ${PROTOCOL_ANCHOR_EVENTS.join(', ')}, or { visit: ID }, or { procedure: ID }`,
  },
) satisfies z.ZodType<ProtocolAnchor>;

export const ProtocolStudyDaySchema = z.strictObject({
  anchor: ProtocolAnchorSchema.describe('The event that is study day 0 (or 1)'),
  numbering: z
    .enum(PROTOCOL_STUDY_DAY_NUMBERINGS)
    .describe('day-0: anchor is day 0; day-1: anchor is day 1, no day 0'),
}) satisfies z.ZodType<ProtocolStudyDay>;

export const ProtocolEpochSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  kind: z.enum(PROTOCOL_EPOCH_KINDS),
  description: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolEpoch>;

export const ProtocolFormSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  description: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolForm>;

export const ProtocolProcedureSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  form: ProtocolRefSchema.optional().describe('Form that records the procedure'),
}) satisfies z.ZodType<ProtocolProcedure>;

export const ProtocolVisitSchema = z.strictObject({
  id: ProtocolIdSchema,
  name: NonEmptyTextSchema,
  epoch: ProtocolRefSchema,
  unscheduled: z.boolean().optional().describe('true: any time, no anchor/offset/window'),
  anchor: ProtocolAnchorSchema.optional(),
  offsetDays: DaysSchema.optional().describe(
    'Target day after the anchor (anchor = day 0); months × 30.4375, rounded',
  ),
  window: z
    .strictObject({ before: NonNegativeDaysSchema, after: NonNegativeDaysSchema })
    .optional()
    .describe('Allowed days before/after the target'),
  repeat: z
    .strictObject({
      everyDays: PositiveDaysSchema,
      count: PositiveIntSchema.optional(),
      untilDay: DaysSchema.optional().describe('Last allowed offset from the same anchor'),
    })
    .optional(),
  events: z.array(z.enum(PROTOCOL_VISIT_EVENTS)).optional().describe('Events that happen at this visit'),
  arms: z.array(ProtocolRefSchema).optional().describe('Only these arms attend (default: all)'),
  procedures: z.array(ProtocolRefSchema).optional(),
  forms: z.array(ProtocolRefSchema).optional(),
  note: NonEmptyTextSchema.optional(),
}) satisfies z.ZodType<ProtocolVisit>;
