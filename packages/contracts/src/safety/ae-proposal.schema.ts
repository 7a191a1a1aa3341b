import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';
import { AdverseEventFieldsSchema, AdverseEventSchema } from './adverse-event.schema.js';

/**
 * AE proposals from graded lab values: saving a 'labs' form whose derived CTCAE grade of a test reaches the
 * protocol's `safety.aeGradeThreshold` proposes an AE. The investigator confirms it (an AE is created, prefilled
 * from the proposal, any field overridable) or dismisses it with a reason. One proposal per form version and test.
 */

export const AE_PROPOSAL_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;

export const AeProposalSchema = z
  .object({
    id: UuidSchema,
    participantId: UuidSchema,
    participantNumber: z.string(),
    formRecordId: UuidSchema,
    formVersion: z.number().int(),
    visitKey: z.string().nullable(),
    /** Date of the visit the sample belongs to (onset date of the prefilled AE). */
    sampleDate: IsoDateSchema.nullable(),
    /** Lab catalogue code, e.g. 'alt'. */
    test: z.string(),
    value: z.number(),
    unit: z.string(),
    grade: z.number().int().min(1).max(5),
    ctcaeTerm: z.string(),
    ctcaeVersion: z.string(),
    /** Why the value proposes an AE (grade ≥ threshold, and the grading rule). */
    reason: z.string(),
    status: z.enum(AE_PROPOSAL_STATUSES),
    /** The dismissal reason, or the confirmation note. */
    decisionReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: IsoDateTimeSchema.nullable(),
    adverseEventId: UuidSchema.nullable(),
    createdAt: IsoDateTimeSchema,
    /** What confirming without overrides would record (for the confirm dialog). */
    prefill: AdverseEventFieldsSchema.partial(),
  })
  .meta({ id: 'AeProposal' });
export type AeProposalView = z.infer<typeof AeProposalSchema>;

export const AeProposalListResponseSchema = z
  .object({ proposals: z.array(AeProposalSchema) })
  .meta({ id: 'AeProposalList' });

export const AeProposalListQuerySchema = z.strictObject({
  status: z.enum(AE_PROPOSAL_STATUSES).optional(),
});

export const AeProposalParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  proposalId: UuidSchema,
});

/** Any AE field overrides the prefill (e.g. serious, relatedness); the merged record is validated as a new AE. */
export const ConfirmAeProposalRequestSchema = AdverseEventFieldsSchema.partial().meta({
  id: 'ConfirmAeProposalRequest',
});

export const DismissAeProposalRequestSchema = z
  .strictObject({ reason: ReasonSchema })
  .meta({ id: 'DismissAeProposalRequest' });

export const ConfirmAeProposalResponseSchema = z
  .object({ proposal: AeProposalSchema, adverseEvent: AdverseEventSchema })
  .meta({ id: 'ConfirmAeProposalResponse' });
