import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, ReasonSchema, UuidSchema } from '../common.schema.js';

/**
 * DLT assessments and the dose-escalation board (core `assessDltEvaluability`, `escalationBoard`). A DLT
 * assessment is saved (draft), then signed by an investigator after re-authentication; only signed assessments
 * count on the board. The board's decision for a complete cohort is confirmed by an investigator or study admin.
 */

export const BOARD_DLT_STATUSES = ['yes', 'no', 'pending', 'not-evaluable'] as const;

export const SaveDltAssessmentRequestSchema = z
  .strictObject({
    dlt: z.boolean(),
    /** Onset of the DLT (required when dlt is true; inside the DLT window). */
    dltDate: IsoDateSchema.optional(),
    /** The AEs that make up the DLT (of this participant). */
    adverseEventIds: z.array(UuidSchema).max(50).default([]),
    comment: z.string().trim().max(4000).optional(),
    /** 0 to create; else the version you edited (409 when stale). */
    expectedVersion: z.number().int().min(0),
    /** Needed to change a saved assessment (a signed one loses its signature). */
    reasonForChange: ReasonSchema.optional(),
  })
  .meta({ id: 'SaveDltAssessmentRequest' });

export const SignDltAssessmentRequestSchema = z
  .strictObject({ version: z.number().int().min(1) })
  .meta({ id: 'SignDltAssessmentRequest' });

export const DltAssessmentSchema = z
  .object({
    id: UuidSchema,
    participantId: UuidSchema,
    participantNumber: z.string(),
    cohort: z.string().nullable(),
    version: z.number().int(),
    dlt: z.boolean(),
    dltDate: IsoDateSchema.nullable(),
    adverseEventIds: z.array(UuidSchema),
    comment: z.string().nullable(),
    /** Evaluability at the time of the last save/sign (core assessDltEvaluability). */
    evaluable: z.boolean().nullable(),
    firstDoseDate: IsoDateSchema.nullable(),
    windowEnd: IsoDateSchema.nullable(),
    explanation: z.string(),
    decidedBy: z.string().nullable(),
    updatedAt: IsoDateTimeSchema,
    signedBy: z.string().nullable(),
    signedAt: IsoDateTimeSchema.nullable(),
  })
  .meta({ id: 'DltAssessment' });
export type DltAssessmentView = z.infer<typeof DltAssessmentSchema>;

export const DltAssessmentResponseSchema = z
  .object({ assessment: DltAssessmentSchema.nullable() })
  .meta({ id: 'DltAssessmentResponse' });

export const BoardParticipantSchema = z.object({
  participantId: UuidSchema,
  participantNumber: z.string(),
  siteCode: z.string(),
  status: z.enum(BOARD_DLT_STATUSES),
  firstDoseDate: IsoDateSchema.nullable(),
  windowEnd: IsoDateSchema.nullable(),
  explanation: z.string(),
  assessment: DltAssessmentSchema.nullable(),
});

export const EscalationConfirmationSchema = z.object({
  id: UuidSchema,
  cohort: z.number().int(),
  decision: z.string(),
  summary: z.string(),
  dlts: z.number().int(),
  evaluable: z.number().int(),
  nextLevel: z.string().nullable(),
  note: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: IsoDateTimeSchema,
});

export const BoardCohortSchema = z.object({
  /** 1-based cohort number. */
  cohort: z.number().int(),
  levelId: z.string(),
  levelName: z.string(),
  participants: z.array(BoardParticipantSchema),
  evaluable: z.number().int(),
  dlts: z.number().int(),
  notEvaluable: z.number().int(),
  pending: z.number().int(),
  /** The cohort has its evaluable participants and every DLT assessment signed. */
  complete: z.boolean(),
  /** The engine's decision for a complete cohort: 'escalate' | 'expand' | 'de-escalate' | 'stop' (3+3). */
  decision: z.string().nullable(),
  summary: z.string().nullable(),
  levelPatients: z.number().int().nullable(),
  levelDlts: z.number().int().nullable(),
  confirmation: EscalationConfirmationSchema.nullable(),
});

export const EscalationBoardResponseSchema = z
  .object({
    /** null when the study has no dose escalation. */
    design: z
      .object({
        kind: z.literal('three-plus-three'),
        variant: z.string(),
        cohortSize: z.number().int(),
        expansionSize: z.number().int(),
        dltWindowDays: z.number().int(),
        dltDefinition: z.string(),
        escalateIfDltsAtMost: z.number().int(),
        stopIfDltsAtLeast: z.number().int(),
        levels: z.array(z.object({ id: z.string(), name: z.string() })),
        /** How the protocol's rule is read (e.g. "> 33 %" as ≥ 2 of 3 or ≥ 2 of 6). */
        interpretation: z.string(),
      })
      .nullable(),
    state: z.enum(['ready', 'refused', 'invalid', 'not-applicable']),
    /** Why the latest cohort cannot be decided yet, or why the board is invalid. */
    message: z.string().nullable(),
    rule: z.string().nullable(),
    cohorts: z.array(BoardCohortSchema),
    levels: z.array(
      z.object({
        levelId: z.string(),
        name: z.string(),
        patients: z.number().int(),
        dlts: z.number().int(),
        closed: z.boolean(),
      }),
    ),
    next: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('treat'),
          levelId: z.string(),
          levelName: z.string(),
          participants: z.number().int(),
        }),
        z.object({
          kind: z.literal('stop'),
          mtdLevelId: z.string().nullable(),
          mtdName: z.string().nullable(),
          reason: z.string(),
        }),
      ])
      .nullable(),
    /** The next cohort opens only after the previous cohort's decision is confirmed. */
    awaitingConfirmation: z.number().int().nullable(),
  })
  .meta({ id: 'EscalationBoard' });
export type EscalationBoardView = z.infer<typeof EscalationBoardResponseSchema>;

export const ConfirmEscalationDecisionRequestSchema = z
  .strictObject({
    cohort: z.number().int().min(1),
    /** The decision shown on the board (refused when the board now says something else). */
    decision: z.string().min(1).max(50),
    /** The counts the confirmer saw; they must match the board (and cannot exceed the cohort). */
    dlts: z.number().int().min(0),
    evaluable: z.number().int().min(0),
    note: z.string().trim().max(4000).optional(),
  })
  .meta({ id: 'ConfirmEscalationDecisionRequest' });
