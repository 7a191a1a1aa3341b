// The protocol-as-code domain types (docs/protocol-format.md explains every field). The zod schemas in
// packages/contracts/src/protocol are checked against these types (`satisfies` plus an equality test).
import type {
  ProtocolAllocation,
  ProtocolAnalysisMethod,
  ProtocolAnchorEvent,
  ProtocolArmType,
  ProtocolCellSource,
  ProtocolCriterionKind,
  ProtocolCtcaeVersion,
  ProtocolDoseLookback,
  ProtocolEligibleSex,
  ProtocolEndpointType,
  ProtocolEpochKind,
  ProtocolEscalationDesign,
  ProtocolEscalationVariant,
  ProtocolImbalanceMeasure,
  ProtocolInterventionModel,
  ProtocolInterventionRole,
  ProtocolInterventionType,
  ProtocolMaskedRole,
  ProtocolMaskingLevel,
  ProtocolMeasure,
  ProtocolPhase,
  ProtocolPurpose,
  ProtocolReferenceType,
  ProtocolRegistryStatus,
  ProtocolRoute,
  ProtocolSponsorClass,
  ProtocolStudyDayNumbering,
  ProtocolVisitEvent,
  ProtocolVolumeBasis,
  ProtocolWeightSource,
} from './protocol-vocabulary.js';

export interface ProtocolSponsor {
  name: string;
  class?: ProtocolSponsorClass;
}

export interface ProtocolSite {
  code: string;
  name: string;
  city?: string;
  country: string;
}

export interface ProtocolReference {
  citation: string;
  type?: ProtocolReferenceType;
  pmid?: string;
  doi?: string;
}

export interface ProtocolPart {
  id: string;
  name: string;
  description?: string;
  plannedEnrollment?: number;
}

export interface ProtocolArm {
  id: string;
  name: string;
  type: ProtocolArmType;
  description?: string;
  plannedSize?: number;
}

export interface ProtocolMasking {
  level: ProtocolMaskingLevel;
  masked: ProtocolMaskedRole[];
  description?: string;
}

export interface ProtocolStratum {
  id: string;
  description?: string;
  levels?: string[];
}

export interface ProtocolPermutedBlocks {
  kind: 'permuted-blocks';
  blockSizes: number[];
}

export interface ProtocolMinimizationFactor {
  stratum: string;
  weight?: number;
}

export interface ProtocolMinimization {
  kind: 'minimization';
  factors: ProtocolMinimizationFactor[];
  imbalance?: ProtocolImbalanceMeasure;
  bestArmProbability: number;
}

export type ProtocolRandomizationMethod = ProtocolPermutedBlocks | ProtocolMinimization;

export interface ProtocolRandomization {
  part?: string;
  ratio: Record<string, number>;
  method: ProtocolRandomizationMethod;
  strata?: ProtocolStratum[];
  plannedSize?: number;
  note?: string;
}

export interface ProtocolEscalationCohort {
  id: string;
  doseLevel: string;
}

export interface ProtocolEscalation {
  part?: string;
  design: ProtocolEscalationDesign;
  variant: ProtocolEscalationVariant;
  arm: string;
  intervention: string;
  levels: string[];
  startLevel: string;
  cohortSize: number;
  expansionSize: number;
  dltWindowDays: number;
  dltDefinition: string;
  /** Escalate after a full cohort when DLTs ≤ this many of `cohortSize` (classic 3+3: 0 of 3). */
  escalateIfDltsAtMost: number;
  /** Stop at a level when DLTs reach this many (classic 3+3: ≥ 2 of 3 or of 6). */
  stopIfDltsAtLeast: number;
  maxParticipants?: number;
  cohorts?: ProtocolEscalationCohort[];
  note?: string;
}

export interface ProtocolDesign {
  allocation: ProtocolAllocation;
  model: ProtocolInterventionModel;
  purpose: ProtocolPurpose;
  masking: ProtocolMasking;
  plannedEnrollment: number;
  enrollmentType?: 'actual' | 'estimated';
  description?: string;
  parts?: ProtocolPart[];
  arms: ProtocolArm[];
  randomization?: ProtocolRandomization;
  escalation?: ProtocolEscalation;
}

export interface ProtocolFixedDose {
  kind: 'fixed';
  amount: number;
  unit: string;
  tolerancePercent?: number;
}

export interface ProtocolPerKgDose {
  kind: 'per-kg';
  /** Amount per kilogram of body weight, in `unit` (e.g. 1e6 with unit `cells` = 1×10^6 cells/kg). */
  amountPerKg: number;
  unit: string;
  weight: ProtocolWeightSource;
  maxWeightKg?: number;
  maxAmount?: number;
  tolerancePercent?: number;
}

export interface ProtocolLevelDose {
  kind: 'by-level';
  tolerancePercent?: number;
}

export type ProtocolDose = ProtocolFixedDose | ProtocolPerKgDose | ProtocolLevelDose;

export interface ProtocolVolume {
  ml?: number;
  minMl?: number;
  maxMl?: number;
  per?: ProtocolVolumeBasis;
  vehicle?: string;
}

export interface ProtocolDoseLevel {
  id: string;
  name: string;
  amount?: number;
  unit?: string;
  perKg?: boolean;
  note?: string;
}

export type ProtocolDoseCondition =
  | { kind: 'related-adverse-event'; minGrade: number; since: ProtocolDoseLookback }
  | { kind: 'no-related-adverse-event'; minGrade: number; since: ProtocolDoseLookback }
  | { kind: 'dose-limiting-toxicity'; since: ProtocolDoseLookback }
  | {
      kind: 'measure-change';
      measure: ProtocolMeasure;
      since: ProtocolDoseLookback;
      atMost?: number;
      atLeast?: number;
    }
  | { kind: 'investigator-judgement'; text: string };

export type ProtocolDoseAction =
  | { kind: 'decrease'; steps: number }
  | { kind: 'increase'; steps: number }
  | { kind: 'set'; level: string }
  | { kind: 'keep' }
  | { kind: 'hold' }
  | { kind: 'discontinue' };

export interface ProtocolDoseRule {
  id: string;
  text: string;
  when: ProtocolDoseCondition[];
  then: ProtocolDoseAction;
  assumption?: boolean;
}

export interface ProtocolDoseModification {
  evaluatedBefore: 'each-dose-after-first';
  rules: ProtocolDoseRule[];
  note?: string;
}

export interface ProtocolIntervention {
  id: string;
  name: string;
  type: ProtocolInterventionType;
  role: ProtocolInterventionRole;
  product?: string;
  source?: ProtocolCellSource;
  route: ProtocolRoute;
  dose?: ProtocolDose;
  volume?: ProtocolVolume;
  doseLevels?: ProtocolDoseLevel[];
  startingLevel?: string;
  doseModification?: ProtocolDoseModification;
  frequency?: string;
  otherNames?: string[];
  description?: string;
}

export interface ProtocolPlannedDose {
  visit: string;
  intervention: string;
  doseLevel?: string;
}

export interface ProtocolArmAdministration {
  arm: string;
  doses: ProtocolPlannedDose[];
  note?: string;
}

export type ProtocolAnchor = ProtocolAnchorEvent | { visit: string } | { procedure: string };

export interface ProtocolStudyDay {
  anchor: ProtocolAnchor;
  numbering: ProtocolStudyDayNumbering;
}

export interface ProtocolEpoch {
  id: string;
  name: string;
  kind: ProtocolEpochKind;
  description?: string;
}

export interface ProtocolForm {
  id: string;
  name: string;
  description?: string;
}

export interface ProtocolProcedure {
  id: string;
  name: string;
  form?: string;
}

export interface ProtocolVisitWindow {
  before: number;
  after: number;
}

export interface ProtocolVisitRepeat {
  everyDays: number;
  count?: number;
  untilDay?: number;
}

export interface ProtocolVisit {
  id: string;
  name: string;
  epoch: string;
  unscheduled?: boolean;
  anchor?: ProtocolAnchor;
  offsetDays?: number;
  window?: ProtocolVisitWindow;
  repeat?: ProtocolVisitRepeat;
  events?: ProtocolVisitEvent[];
  arms?: string[];
  procedures?: string[];
  forms?: string[];
  note?: string;
}

export interface ProtocolCriterion {
  id: string;
  kind: ProtocolCriterionKind;
  text: string;
  rule?: string;
  manual?: boolean;
  note?: string;
}

export interface ProtocolEligibility {
  minAgeYears?: number;
  maxAgeYears?: number;
  sex: ProtocolEligibleSex;
  healthyVolunteers: boolean;
  criteria: ProtocolCriterion[];
}

export interface ProtocolEndpoint {
  id: string;
  type: ProtocolEndpointType;
  title: string;
  measure: ProtocolMeasure;
  timeFrame: { text: string; visits?: string[] };
  analysis: { method: ProtocolAnalysisMethod; text?: string };
  description?: string;
}

export interface ProtocolSafety {
  ctcaeVersion: ProtocolCtcaeVersion;
  aeGradeThreshold: number;
  note?: string;
}

/** A study protocol as written in a `protocols/*.yaml` file. */
export interface Protocol {
  formatVersion: 1;
  id: string;
  title: string;
  officialTitle?: string;
  registryIds: string[];
  orgStudyIds?: string[];
  secondaryIds?: string[];
  registryStatus?: ProtocolRegistryStatus;
  phases: ProtocolPhase[];
  sponsor: ProtocolSponsor;
  collaborators?: string[];
  conditions: string[];
  keywords?: string[];
  sites: ProtocolSite[];
  references?: ProtocolReference[];
  design: ProtocolDesign;
  interventions: ProtocolIntervention[];
  administrations: ProtocolArmAdministration[];
  studyDay: ProtocolStudyDay;
  epochs: ProtocolEpoch[];
  procedures: ProtocolProcedure[];
  forms: ProtocolForm[];
  visits: ProtocolVisit[];
  eligibility: ProtocolEligibility;
  endpoints: ProtocolEndpoint[];
  safety: ProtocolSafety;
}

/** One consistency problem: where in the document (`['visits', 3, 'window', 'before']`), which rule, and why. */
export interface ProtocolProblem {
  path: (string | number)[];
  rule: string;
  message: string;
}
