import { z } from 'zod';

/**
 * Statistical results as the analysis API sends them. Numbers are unrounded; a value the statistic cannot
 * give (NaN in core: too few pairs, zero variance, a median not reached) is sent as null.
 */
const Num = z.number().nullable();

export const ANALYSIS_MESSAGE_LEVELS = ['info', 'warning', 'error'] as const;

/** A message shown with a result: why something is missing, a caveat, a data problem. */
export const AnalysisMessageSchema = z.object({
  level: z.enum(ANALYSIS_MESSAGE_LEVELS),
  text: z.string(),
});
export type AnalysisMessage = z.infer<typeof AnalysisMessageSchema>;

export const LmmResultSchema = z.object({
  /** The model in lme4 notation, e.g. `alsfrs_r ~ time * group + (1 + time | subject)`. */
  formula: z.string(),
  method: z.enum(['reml', 'ml']),
  nObs: z.number().int(),
  nSubjects: z.number().int(),
  reference: z.string().nullable(),
  fixed: z.array(z.object({ name: z.string(), estimate: z.number(), se: z.number(), t: z.number() })),
  randomNames: z.array(z.string()),
  randomSd: z.array(z.number()),
  sdResidual: z.number(),
  converged: z.boolean(),
  boundary: z.boolean(),
  boundaryTerms: z.array(z.string()),
});
export type LmmResultView = z.infer<typeof LmmResultSchema>;

export const PairedTTestSchema = z.object({
  n: z.number().int(),
  meanDifference: Num,
  sdDifference: Num,
  t: Num,
  df: z.number(),
  p: Num,
  ci95: z.tuple([Num, Num]),
});

export const SignedRankSchema = z.object({
  n: z.number().int(),
  nZero: z.number().int(),
  v: z.number(),
  z: Num,
  p: Num,
});

export const RunInSubjectSchema = z.object({
  subject: z.string(),
  synthetic: z.boolean(),
  /** Arm id, only for roles that may see allocations; null otherwise. */
  arm: z.string().nullable(),
  slopeRunIn: z.number(),
  interceptRunIn: z.number(),
  slopeTreatment: z.number(),
  interceptTreatment: z.number(),
  change: z.number(),
  nRunIn: z.number().int(),
  nTreatment: z.number().int(),
  relativeImprovement: Num,
});
export type RunInSubjectView = z.infer<typeof RunInSubjectSchema>;

export const RunInResultSchema = z.object({
  kind: z.literal('run-in-treatment'),
  /** The split visit (first dose) whose date is month 0. */
  splitVisit: z.string(),
  subjects: z.array(RunInSubjectSchema),
  summary: z.object({
    nSubjects: z.number().int(),
    meanSlopeRunIn: z.number(),
    meanSlopeTreatment: z.number(),
    meanChange: z.number(),
    tTest: PairedTTestSchema,
    wilcoxon: SignedRankSchema,
    improved25: Num,
    nImproved25: z.number().int(),
    nEvaluable25: z.number().int(),
  }),
  /** Broken-stick mixed model (model-based slope change), null when it could not be fitted. */
  piecewise: LmmResultSchema.nullable(),
  regressionToTheMeanNote: z.string(),
});

export const SubjectSlopeSchema = z.object({
  subject: z.string(),
  synthetic: z.boolean(),
  arm: z.string().nullable(),
  slope: z.number(),
  intercept: z.number(),
  n: z.number().int(),
});

/** Per-participant slopes with a summary per group (arm, or all participants when blinded). */
export const SlopesResultSchema = z.object({
  kind: z.literal('slopes'),
  subjects: z.array(SubjectSlopeSchema),
  groups: z.array(z.object({ group: z.string(), n: z.number().int(), meanSlope: z.number(), sdSlope: Num })),
  lmm: LmmResultSchema.nullable(),
});

export const ChangeByVisitSchema = z.object({
  group: z.string(),
  visitKey: z.string(),
  meanMonths: z.number(),
  n: z.number().int(),
  meanChange: z.number(),
  sdChange: Num,
  lower95: Num,
  upper95: Num,
});

export const ChangeResultSchema = z.object({
  kind: z.literal('change-from-baseline'),
  byVisit: z.array(ChangeByVisitSchema),
  lmm: LmmResultSchema.nullable(),
});

export const CafsResultSchema = z.object({
  kind: z.literal('cafs'),
  horizonMonths: z.number(),
  reference: z.string(),
  arms: z.array(
    z.object({ arm: z.string(), n: z.number().int(), meanRank: z.number(), meanCafs: z.number() }),
  ),
  comparisons: z.array(
    z.object({
      arm: z.string(),
      reference: z.string(),
      w: z.number(),
      z: Num,
      p: Num,
      n1: z.number().int(),
      n2: z.number().int(),
    }),
  ),
});

export const NoResultSchema = z.object({ kind: z.literal('none') });

export const EndpointResultSchema = z.discriminatedUnion('kind', [
  RunInResultSchema,
  SlopesResultSchema,
  ChangeResultSchema,
  CafsResultSchema,
  NoResultSchema,
]);
export type EndpointResult = z.infer<typeof EndpointResultSchema>;

export const EndpointAnalysisSchema = z.object({
  endpointId: z.string(),
  title: z.string(),
  endpointType: z.string(),
  measure: z.string(),
  method: z.string(),
  /** The docs/methods page(s) that describe the computation. */
  methodsText: z.string(),
  messages: z.array(AnalysisMessageSchema),
  result: EndpointResultSchema,
});
export type EndpointAnalysis = z.infer<typeof EndpointAnalysisSchema>;

export const KmGroupSchema = z.object({
  group: z.string(),
  n: z.number().int(),
  events: z.number().int(),
  median: z.object({ estimate: Num, lower: Num, upper: Num }),
  steps: z.array(
    z.object({
      time: z.number(),
      nRisk: z.number().int(),
      nEvent: z.number().int(),
      nCensor: z.number().int(),
      survival: z.number(),
      lower: Num,
      upper: Num,
    }),
  ),
});
export type KmGroupView = z.infer<typeof KmGroupSchema>;

export const SurvivalAnalysisSchema = z.object({
  /** By arm for unblinded roles; one pooled group ("All participants") otherwise. */
  groups: z.array(KmGroupSchema),
  logRank: z
    .object({
      groups: z.array(z.string()),
      observed: z.array(z.number()),
      expected: z.array(z.number()),
      chisq: Num,
      df: z.number().int(),
      p: Num,
    })
    .nullable(),
  cox: z
    .object({
      reference: z.string(),
      terms: z.array(
        z.object({
          name: z.string(),
          hr: Num,
          hrLower95: Num,
          hrUpper95: Num,
          p: Num,
        }),
      ),
    })
    .nullable(),
  methodsText: z.string(),
  messages: z.array(AnalysisMessageSchema),
});
export type SurvivalAnalysisView = z.infer<typeof SurvivalAnalysisSchema>;

export const EncalsAnalysisSchema = z.object({
  label: z.string(),
  participants: z.array(
    z.object({
      subject: z.string(),
      synthetic: z.boolean(),
      baselineDate: z.iso.date(),
      monthsSinceOnsetAtBaseline: z.number(),
      linearPredictor: z.number(),
      /** Predicted median time from symptom onset (months); null when beyond the model's range. */
      predictedMedianMonthsFromOnset: Num,
      predictedSurvival: z.array(z.object({ monthsFromOnset: z.number(), survival: z.number() })),
      assumptions: z.array(z.string()),
    }),
  ),
  methodsText: z.string(),
  messages: z.array(AnalysisMessageSchema),
});
export type EncalsAnalysisView = z.infer<typeof EncalsAnalysisSchema>;
