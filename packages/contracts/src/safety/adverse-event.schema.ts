import { AE_ACTIONS_TAKEN, AE_OUTCOMES, RELATEDNESS_LEVELS, SERIOUSNESS_CRITERIA } from '@celltrial/core';
import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';
import { SaeClockSchema, SaeReportSchema } from './sae.schema.js';

/**
 * Adverse events (issue #6). Types and vocabularies are checked here (400 VALIDATION_FAILED); the clinical rules
 * (grade 1–5, dates not in the future, serious ⇒ seriousness + causality + awareness, grade 5 ⇔ fatal …) are
 * core's `validateAdverseEvent` and answer 422 FORM_INVALID with `details.issues[]` naming each field and rule.
 */

export const RelatednessSchema = z.enum(RELATEDNESS_LEVELS);
export const SeriousnessCriterionSchema = z.enum(SERIOUSNESS_CRITERIA);
export const AeActionTakenSchema = z.enum(AE_ACTIONS_TAKEN);
export const AeOutcomeSchema = z.enum(AE_OUTCOMES);

export const AeRelatednessSchema = z.strictObject({
  /** null: not assessed (allowed only for a non-serious AE). */
  product: RelatednessSchema.nullable(),
  /** Keyed by procedure id (see AdverseEventListResponse.procedures); a serious AE needs every one. */
  procedures: z.record(z.string().min(1).max(100), RelatednessSchema).default({}),
});

/** The fields of an AE as entered (create; update adds expectedVersion + reasonForChange). */
export const AdverseEventFieldsSchema = z.strictObject({
  term: z.string().max(1000),
  /** A term of GET /api/ctcae-terms (case and spacing ignored); null or omitted: none chosen. */
  ctcaeTerm: z.string().max(300).nullable().optional(),
  onsetDate: IsoDateSchema,
  resolutionDate: IsoDateSchema.nullable().optional(),
  ongoing: z.boolean(),
  /** CTCAE grade; 1–5 is checked by the server (422 naming `grade`). */
  grade: z.number(),
  serious: z.boolean(),
  seriousness: z
    .array(SeriousnessCriterionSchema)
    .max(SERIOUSNESS_CRITERIA.length * 2)
    .default([]),
  relatedness: AeRelatednessSchema,
  /** Listed in the reference safety information; null = not assessed (needed to judge SUSAR status). */
  expected: z.boolean().nullable().optional(),
  actionTaken: AeActionTakenSchema,
  outcome: AeOutcomeSchema,
  /**
   * When the site became aware of the event (for a serious AE: that it was serious) — ISO date-time with an
   * offset. Required for a serious AE (it starts the 24-hour clock); its local date is the awareness date.
   */
  awarenessAt: IsoDateTimeSchema.nullable().optional(),
  /** Awareness date alone (non-serious AEs); must match awarenessAt's date when both are given. */
  awarenessDate: IsoDateSchema.nullable().optional(),
  /** Free-text case narrative for the SAE report. */
  narrative: z.string().max(20_000).nullable().optional(),
});
export type AdverseEventFields = z.infer<typeof AdverseEventFieldsSchema>;

export const CreateAdverseEventRequestSchema = AdverseEventFieldsSchema.meta({
  id: 'CreateAdverseEventRequest',
});

export const UpdateAdverseEventRequestSchema = AdverseEventFieldsSchema.extend({
  /** The version the user edited; a stale version is refused (409 STALE_VERSION, details.current). */
  expectedVersion: z.number().int().min(1),
  reasonForChange: ReasonSchema,
}).meta({ id: 'UpdateAdverseEventRequest' });

export const AE_SOURCES = ['manual', 'lab-proposal'] as const;
export const SUSAR_STATUSES = ['susar', 'not-susar', 'expectedness-unknown'] as const;

export const AdverseEventSchema = z
  .object({
    id: UuidSchema,
    studyId: UuidSchema,
    siteId: UuidSchema,
    participantId: UuidSchema,
    participantNumber: z.string(),
    /** 1, 2, … per participant, in order of recording. */
    aeNumber: z.number().int(),
    version: z.number().int(),
    term: z.string(),
    ctcaeTerm: z.string().nullable(),
    soc: z.string().nullable(),
    onsetDate: IsoDateSchema,
    resolutionDate: IsoDateSchema.nullable(),
    ongoing: z.boolean(),
    grade: z.number().int().min(1).max(5),
    serious: z.boolean(),
    seriousness: z.array(SeriousnessCriterionSchema),
    relatedness: z.object({
      product: RelatednessSchema.nullable(),
      procedures: z.record(z.string(), RelatednessSchema),
    }),
    expected: z.boolean().nullable(),
    actionTaken: AeActionTakenSchema,
    outcome: AeOutcomeSchema,
    awarenessDate: IsoDateSchema.nullable(),
    awarenessAt: IsoDateTimeSchema.nullable(),
    narrative: z.string().nullable(),
    /** Related to the product or any procedure (possible, probable, definite). */
    related: z.boolean(),
    susar: z.enum(SUSAR_STATUSES),
    source: z.enum(AE_SOURCES),
    /** The lab proposal this AE was confirmed from. */
    proposalId: UuidSchema.nullable(),
    /** Reporting deadlines of a serious AE (null when not serious). */
    clock: SaeClockSchema.nullable(),
    reports: z.array(SaeReportSchema),
    createdAt: IsoDateTimeSchema,
    createdBy: z.string().nullable(),
    updatedAt: IsoDateTimeSchema,
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'AdverseEvent' });
export type AdverseEventView = z.infer<typeof AdverseEventSchema>;

/** One saved version of an AE: which fields changed, from what to what, by whom and why. */
export const AdverseEventRevisionSchema = z.object({
  version: z.number().int(),
  changedAt: IsoDateTimeSchema,
  changedBy: z.string().nullable(),
  /** null for the first version. */
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const AdverseEventDetailSchema = AdverseEventSchema.extend({
  revisions: z.array(AdverseEventRevisionSchema),
}).meta({ id: 'AdverseEventDetail' });
export type AdverseEventDetailView = z.infer<typeof AdverseEventDetailSchema>;

/** A study procedure an AE's causality is assessed against (protocol procedures + the products' routes). */
export const AeProcedureSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 'protocol': listed in the protocol's procedures; 'route': implied by an intervention's route. */
  origin: z.enum(['protocol', 'route']),
});
export type AeProcedureView = z.infer<typeof AeProcedureSchema>;

export const AdverseEventListResponseSchema = z
  .object({
    adverseEvents: z.array(AdverseEventSchema),
    /** The procedures to ask relatedness for (every one is required for a serious AE). */
    procedures: z.array(AeProcedureSchema),
    /** CTCAE version and AE threshold of the protocol. */
    ctcaeVersion: z.string(),
    aeGradeThreshold: z.number().int(),
  })
  .meta({ id: 'AdverseEventList' });

export const AdverseEventParamsSchema = z.strictObject({
  studyId: UuidSchema,
  participantId: UuidSchema,
  aeId: UuidSchema,
});

export const CtcaeTermQuerySchema = z.strictObject({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const CtcaeTermHitSchema = z.object({
  term: z.string(),
  soc: z.string(),
  match: z.enum(['exact', 'prefix', 'word-prefix', 'substring']),
});

export const CtcaeTermListResponseSchema = z
  .object({ version: z.literal('v5.0'), terms: z.array(CtcaeTermHitSchema) })
  .meta({ id: 'CtcaeTermList' });
