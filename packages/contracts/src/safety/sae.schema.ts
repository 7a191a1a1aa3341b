import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.schema.js';

/**
 * Serious adverse events: reporting clocks (core `seriousAdverseEventClock`, docs/methods/adverse-events.md),
 * sponsor reports and the study-level SAE list.
 */

export const DEADLINE_STATUSES = ['met', 'late', 'pending', 'overdue'] as const;

/** One reporting deadline. `hours` goes with the status: to spare (met), late, remaining (pending), overdue. */
export const ReportingDeadlineSchema = z.object({
  report: z.enum(['initial', 'susar']),
  due: IsoDateTimeSchema,
  allowedHours: z.number(),
  status: z.enum(DEADLINE_STATUSES),
  reportedAt: IsoDateTimeSchema.nullable(),
  /** Unrounded hours; round for display. */
  hours: z.number(),
  explanation: z.string(),
});
export type ReportingDeadlineView = z.infer<typeof ReportingDeadlineSchema>;

export const SaeClockSchema = z
  .object({
    /** When the clock could not be computed (e.g. a serious AE without awarenessAt), why; deadlines are then null. */
    problem: z.string().nullable(),
    awarenessAt: IsoDateTimeSchema.nullable(),
    initial: ReportingDeadlineSchema.nullable(),
    /** null unless the event is a SUSAR. */
    susar: ReportingDeadlineSchema.nullable(),
    /** A deadline passed with no report sent (show a warning). */
    overdue: z.boolean(),
    /** Lines to show (overdue reports, expectedness not assessed, …). */
    warnings: z.array(z.string()),
    /** The clock's "now" (server clock). */
    asOf: IsoDateTimeSchema,
  })
  .meta({ id: 'SaeClock' });
export type SaeClockView = z.infer<typeof SaeClockSchema>;

export const SAE_REPORT_KINDS = ['initial', 'follow-up', 'susar'] as const;

export const SaeReportSchema = z.object({
  id: UuidSchema,
  kind: z.enum(SAE_REPORT_KINDS),
  /** When the report went to the sponsor (or, for a SUSAR, to the authorities). */
  sentAt: IsoDateTimeSchema,
  recipient: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: IsoDateTimeSchema,
});
export type SaeReportView = z.infer<typeof SaeReportSchema>;

export const RecordSaeReportRequestSchema = z
  .strictObject({
    kind: z.enum(SAE_REPORT_KINDS),
    /** Not in the future, not before awareness. */
    sentAt: IsoDateTimeSchema,
    recipient: z.string().trim().max(300).optional(),
    /** E.g. the sponsor's case number. */
    reference: z.string().trim().max(300).optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .meta({ id: 'RecordSaeReportRequest' });

/** One SAE in the study-level list (no arm: the list is the same for blinded and unblinded users). */
export const SaeListEntrySchema = z.object({
  adverseEventId: UuidSchema,
  participantId: UuidSchema,
  participantNumber: z.string(),
  siteId: UuidSchema,
  siteCode: z.string(),
  aeNumber: z.number().int(),
  term: z.string(),
  ctcaeTerm: z.string().nullable(),
  grade: z.number().int(),
  onsetDate: z.iso.date(),
  seriousness: z.array(z.string()),
  susar: z.enum(['susar', 'not-susar', 'expectedness-unknown']),
  outcome: z.string(),
  clock: SaeClockSchema,
  reportCount: z.number().int(),
});
export type SaeListEntryView = z.infer<typeof SaeListEntrySchema>;

export const SaeListResponseSchema = z
  .object({
    asOf: IsoDateTimeSchema,
    /** Overdue first, then by the nearest pending deadline. */
    events: z.array(SaeListEntrySchema),
    overdue: z.number().int(),
  })
  .meta({ id: 'SaeList' });

export const SaeListQuerySchema = z.strictObject({
  siteId: UuidSchema.optional(),
  /** Only events with a deadline overdue. */
  overdueOnly: z.enum(['true', 'false']).optional(),
});
