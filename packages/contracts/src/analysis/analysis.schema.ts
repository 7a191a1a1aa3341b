import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema } from '../common.schema.js';
import {
  AnalysisMessageSchema,
  EncalsAnalysisSchema,
  EndpointAnalysisSchema,
  SurvivalAnalysisSchema,
} from './analysis-results.schema.js';

/** Outcome measures the analysis dataset holds, with the form value each comes from (docs/analysis.md). */
export const ANALYSIS_MEASURES = ['alsfrs-r', 'fvc', 'svc', 'edss'] as const;
export type AnalysisMeasure = (typeof ANALYSIS_MEASURES)[number];

/** One measurement in long format. `months` is from the participant's baseline (or the split, run-in designs). */
export const AnalysisObservationSchema = z.object({
  subject: z.string(),
  synthetic: z.boolean(),
  /** Arm id, only for roles that may see allocations (allocation:read); null otherwise. */
  arm: z.string().nullable(),
  measure: z.enum(ANALYSIS_MEASURES),
  visitKey: z.string(),
  date: IsoDateSchema,
  months: z.number(),
  value: z.number(),
});
export type AnalysisObservation = z.infer<typeof AnalysisObservationSchema>;

export const SURVIVAL_EVENT_TYPES = ['death', 'tracheostomy', 'permanent-ventilation'] as const;

export const AnalysisParticipantSchema = z.object({
  subject: z.string(),
  synthetic: z.boolean(),
  arm: z.string().nullable(),
  /** Time origin of the participant: the first visit with a measure, or the split visit (run-in designs). */
  originDate: IsoDateSchema.nullable(),
  origin: z.enum(['split', 'first-measure', 'none']),
  /** Time to death, tracheostomy or permanent ventilation, or to the last known visit (censored). */
  survival: z
    .object({
      months: z.number(),
      event: z.boolean(),
      eventType: z.enum(SURVIVAL_EVENT_TYPES).nullable(),
      endDate: IsoDateSchema,
    })
    .nullable(),
});
export type AnalysisParticipant = z.infer<typeof AnalysisParticipantSchema>;

/** Whether the numbers come from locked data or from data that may still change. */
export const AnalysisDataStatusSchema = z.object({
  source: z.enum(['locked', 'current']),
  lockedAt: IsoDateTimeSchema.nullable(),
  lockReason: z.string().nullable(),
  /** Locked: the day of the study lock; current: the day the analysis ran. */
  dataCutDate: IsoDateSchema,
  /** The latest visit date in the data. */
  lastDataDate: IsoDateSchema.nullable(),
  generatedAt: IsoDateTimeSchema,
});
export type AnalysisDataStatus = z.infer<typeof AnalysisDataStatusSchema>;

export const AnalysisDatasetSchema = z.object({
  studyId: z.uuid(),
  /** True when the caller may not see allocations: no arm anywhere, analyses pooled. */
  blinded: z.boolean(),
  /** The protocol's arms (empty when blinded). */
  arms: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  status: AnalysisDataStatusSchema,
  /** The split visit of a run-in design (month 0 = its date), or null. */
  splitVisit: z.string().nullable(),
  participants: z.array(AnalysisParticipantSchema),
  observations: z.array(AnalysisObservationSchema),
  syntheticParticipants: z.number().int(),
  messages: z.array(AnalysisMessageSchema),
});
export type AnalysisDataset = z.infer<typeof AnalysisDatasetSchema>;

/** Mean of a measure at one visit for one group, with its 95 % t-interval. */
export const MeanTrajectoryPointSchema = z.object({
  measure: z.enum(ANALYSIS_MEASURES),
  group: z.string(),
  visitKey: z.string(),
  meanMonths: z.number(),
  n: z.number().int(),
  mean: z.number(),
  sd: z.number().nullable(),
  lower95: z.number().nullable(),
  upper95: z.number().nullable(),
});
export type MeanTrajectoryPoint = z.infer<typeof MeanTrajectoryPointSchema>;

export const SoftwareVersionSchema = z.object({
  version: z.string(),
  commit: z.string().nullable(),
});

export const AnalysisResponseSchema = z
  .object({
    dataset: AnalysisDatasetSchema,
    software: SoftwareVersionSchema,
    endpoints: z.array(EndpointAnalysisSchema),
    meanTrajectories: z.array(MeanTrajectoryPointSchema),
    survival: SurvivalAnalysisSchema.nullable(),
    encals: EncalsAnalysisSchema.nullable(),
  })
  .meta({ id: 'AnalysisResponse' });
export type AnalysisResponse = z.infer<typeof AnalysisResponseSchema>;
