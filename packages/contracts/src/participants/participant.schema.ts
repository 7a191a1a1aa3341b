import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';
import { ScreeningRecordSchema } from '../screening/screening-record.schema.js';

export const PARTICIPANT_STATUSES = [
  'screening',
  'screen-failed',
  'enrolled',
  'withdrawn',
  'completed',
] as const;

/** What any user with access sees of an allocation: neutral codes only. */
export const BlindedAllocationSchema = z.object({ kitCode: z.string(), allocatedAt: IsoDateTimeSchema });

/** What unblinded roles (pharmacist, unblinded statistician) also see. */
export const AllocationArmSchema = z.object({ id: z.string(), name: z.string() });

export const EligibilitySummarySchema = z.object({
  verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
  evaluatedAt: IsoDateTimeSchema,
  recordRevision: z.number().int(),
  confirmedAt: IsoDateTimeSchema.nullable(),
  confirmedBy: z.string().nullable(),
});

export const ParticipantSchema = z
  .object({
    id: UuidSchema,
    studyId: UuidSchema,
    siteId: UuidSchema,
    siteCode: z.string(),
    screeningNumber: z.string(),
    subjectNumber: z.string().nullable(),
    status: z.enum(PARTICIPANT_STATUSES),
    protocolVersion: z.number().int(),
    createdAt: IsoDateTimeSchema,
    enrolledAt: IsoDateTimeSchema.nullable(),
    screenFailure: z.object({ criteria: z.array(z.string()), note: z.string() }).nullable(),
    cohort: z.string().nullable(),
    rowVersion: z.number().int(),
    eligibility: EligibilitySummarySchema.nullable(),
    allocation: BlindedAllocationSchema.extend({ arm: AllocationArmSchema.optional() }).nullable(),
    emergencyUnblinded: z.boolean(),
    /** Generated demo data (celltrial demo generate), never real clinical data. */
    synthetic: z.boolean(),
    /** The end of participation, once recorded (visits after it are no longer expected). */
    endOfParticipation: z
      .object({
        date: IsoDateSchema,
        reason: z.enum(['completed', 'withdrawn', 'died', 'lost-to-follow-up']),
        note: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'Participant' });
export type ParticipantView = z.infer<typeof ParticipantSchema>;

export const ParticipantListResponseSchema = z.object({ participants: z.array(ParticipantSchema) });
export const ParticipantParamsSchema = z.strictObject({ studyId: UuidSchema, participantId: UuidSchema });
export const ParticipantListQuerySchema = z.strictObject({
  siteId: UuidSchema.optional(),
  status: z.enum(PARTICIPANT_STATUSES).optional(),
});

export const RegisterCandidateRequestSchema = z
  .strictObject({ siteId: UuidSchema })
  .meta({ id: 'RegisterCandidateRequest' });

export const CriterionResultSchema = z.object({
  id: z.string(),
  kind: z.enum(['inclusion', 'exclusion']),
  text: z.string(),
  status: z.enum(['met', 'not-met', 'unknown']),
  reason: z.string(),
  manual: z.boolean(),
});

export const EligibilityResultSchema = z.object({
  verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
  criteria: z.array(CriterionResultSchema),
});
export type EligibilityResultView = z.infer<typeof EligibilityResultSchema>;

export const ScreeningResponseSchema = z
  .object({
    participantId: UuidSchema,
    revision: z.number().int(),
    data: z.record(z.string(), z.unknown()).nullable(),
    eligibility: EligibilityResultSchema.nullable(),
  })
  .meta({ id: 'Screening' });
export type ScreeningResponse = z.infer<typeof ScreeningResponseSchema>;

export const ConfirmEligibilityRequestSchema = z
  .strictObject({ recordRevision: z.number().int().min(1) })
  .meta({ id: 'ConfirmEligibilityRequest' });

export const ScreenFailRequestSchema = z
  .strictObject({ note: ReasonSchema, expectedRowVersion: z.number().int().min(1) })
  .meta({ id: 'ScreenFailRequest' });

export const RandomizeResponseSchema = z
  .object({ created: z.boolean(), participant: ParticipantSchema })
  .meta({ id: 'RandomizeResponse' });

export const UnblindRequestSchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'UnblindRequest' });
export const UnblindResponseSchema = z
  .object({
    participantId: UuidSchema,
    subjectNumber: z.string().nullable(),
    arm: AllocationArmSchema,
    unblindedAt: IsoDateTimeSchema,
  })
  .meta({ id: 'UnblindResponse' });

export const ScreeningLogResponseSchema = z
  .object({
    counts: z.object({
      screened: z.number().int(),
      inScreening: z.number().int(),
      screenFailed: z.number().int(),
      enrolled: z.number().int(),
      randomized: z.number().int(),
    }),
    failureReasons: z.array(z.object({ criterion: z.string(), count: z.number().int() })),
    rows: z.array(
      z.object({
        screeningNumber: z.string(),
        subjectNumber: z.string().nullable(),
        siteCode: z.string(),
        status: z.enum(PARTICIPANT_STATUSES),
        registeredAt: IsoDateTimeSchema,
        verdict: z.enum(['eligible', 'ineligible', 'incomplete']).nullable(),
        failedCriteria: z.array(z.string()),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ScreeningLog' });

export const SaveScreeningRequestSchema = z
  .strictObject({
    data: ScreeningRecordSchema,
    expectedRevision: z.number().int().min(0),
    reasonForChange: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'SaveScreeningRequest' });

export const NotificationSchema = z.object({
  id: UuidSchema,
  kind: z.string(),
  message: z.string(),
  createdAt: IsoDateTimeSchema,
  readAt: IsoDateTimeSchema.nullable(),
});
export const NotificationListResponseSchema = z.object({ notifications: z.array(NotificationSchema) });

export const END_OF_PARTICIPATION_REASONS = ['completed', 'withdrawn', 'died', 'lost-to-follow-up'] as const;

export const EndParticipationRequestSchema = z
  .strictObject({
    date: IsoDateSchema,
    reason: z.enum(END_OF_PARTICIPATION_REASONS),
    note: z.string().trim().max(2000).optional(),
    /** The participant's rowVersion the user saw (stale → 409). */
    expectedRowVersion: z.number().int().min(1),
  })
  .meta({ id: 'EndParticipationRequest' });
