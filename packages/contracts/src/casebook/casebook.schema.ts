import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';
import { ParticipantSchema } from '../participants/participant.schema.js';
import { DataLockSchema, SignatureSchema } from './form-record.schema.js';

export const CASEBOOK_VISIT_STATUSES = [
  'planned',
  'due',
  'overdue',
  'done',
  'missed',
  'out-of-window',
  'not-expected',
] as const;

export const FormSummarySchema = z.object({
  formKey: z.string(),
  name: z.string(),
  formRecordId: UuidSchema.nullable(),
  entryNumber: z.number().int(),
  status: z.enum(['not-started', 'incomplete', 'complete']),
  version: z.number().int(),
  openQueries: z.number().int(),
  verification: z.enum(['none', 'partial', 'full']),
  signed: z.boolean(),
  locked: z.boolean(),
  updatedAt: IsoDateTimeSchema.nullable(),
  /** A short line of what was entered (e.g. "ALSFRS-R 38"), for lists. */
  summary: z.string().nullable(),
});
export type FormSummaryView = z.infer<typeof FormSummarySchema>;

export const CasebookVisitSchema = z.object({
  visitKey: z.string(),
  occurrence: z.number().int().nullable(),
  name: z.string(),
  epoch: z.string().nullable(),
  unscheduled: z.boolean(),
  plannedDate: IsoDateSchema.nullable(),
  windowStart: IsoDateSchema.nullable(),
  windowEnd: IsoDateSchema.nullable(),
  anchorSource: z.enum(['actual', 'planned', 'assumed']).nullable(),
  actualDate: IsoDateSchema.nullable(),
  status: z.enum(CASEBOOK_VISIT_STATUSES),
  /** Days that go with the status (until due, left, overdue, outside the window, from target). */
  days: z.number().int().nullable(),
  visitId: UuidSchema.nullable(),
  rowVersion: z.number().int(),
  reason: z.string().nullable(),
  outOfWindowReason: z.string().nullable(),
  locked: z.boolean(),
  forms: z.array(FormSummarySchema),
});
export type CasebookVisitView = z.infer<typeof CasebookVisitSchema>;

export const CasebookLogSchema = z.object({
  formKey: z.string(),
  name: z.string(),
  entries: z.array(FormSummarySchema),
});

export const CasebookResponseSchema = z
  .object({
    participant: ParticipantSchema,
    synthetic: z.boolean(),
    asOf: IsoDateSchema,
    visits: z.array(CasebookVisitSchema),
    logs: z.array(CasebookLogSchema),
    locks: z.array(DataLockSchema),
    signature: SignatureSchema.nullable(),
    openQueries: z.number().int(),
    /** Whether the calendar could be computed; when not, why (e.g. no arm yet). */
    calendarNote: z.string().nullable(),
  })
  .meta({ id: 'Casebook' });
export type CasebookView = z.infer<typeof CasebookResponseSchema>;

export const RecordVisitParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  visitKey: z.string().min(1).max(100),
});

export const RecordVisitRequestSchema = z
  .strictObject({
    occurrence: z.number().int().min(1).optional(),
    status: z.enum(['done', 'missed']),
    actualDate: IsoDateSchema.optional(),
    /** Why a visit was missed. */
    reason: ReasonSchema.optional(),
    /** Needed when the actual date falls outside the visit window. */
    outOfWindowReason: ReasonSchema.optional(),
    /** 0 for a visit not recorded yet; otherwise the rowVersion the user saw. */
    expectedRowVersion: z.number().int().min(0),
    reasonForChange: ReasonSchema.optional(),
  })
  .meta({ id: 'RecordVisitRequest' });

export const UnscheduledVisitRequestSchema = z
  .strictObject({ date: IsoDateSchema, reason: ReasonSchema })
  .meta({ id: 'UnscheduledVisitRequest' });

export const RecordVisitResponseSchema = z.object({
  visitId: UuidSchema,
  rowVersion: z.number().int(),
  casebook: CasebookResponseSchema,
});

export const SignRequestSchema = z.strictObject({ formVersion: z.number().int().min(1) });
export const SignCasebookRequestSchema = z.strictObject({});

export const VerifyRequestSchema = z
  .strictObject({
    /** Items to mark verified; omitted = every item with a value. */
    itemIds: z.array(z.string().min(1)).min(1).optional(),
    formVersion: z.number().int().min(1),
  })
  .meta({ id: 'VerifyRequest' });

export const LockRequestSchema = z
  .strictObject({
    scope: z.enum(['form', 'visit', 'casebook', 'study']),
    participantId: UuidSchema.optional(),
    visitId: UuidSchema.optional(),
    formRecordId: UuidSchema.optional(),
    reason: ReasonSchema.optional(),
  })
  .meta({ id: 'LockRequest' });
export const UnlockRequestSchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'UnlockRequest' });
export const LockParamsSchema = z.strictObject({ studyId: UuidSchema, lockId: UuidSchema });
export const LockListResponseSchema = z.object({ locks: z.array(DataLockSchema) });
