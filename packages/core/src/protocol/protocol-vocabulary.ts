// The closed vocabularies of the protocol format. The zod schemas in contracts build their enums from these
// arrays, so the TypeScript types, the validator and the JSON Schema never drift apart.

/** Version of the protocol file format; bump it when a change needs a migration of existing files. */
export const PROTOCOL_FORMAT_VERSION = 1 as const;

export const PROTOCOL_PHASES = [
  'early-phase-1',
  'phase-1',
  'phase-2',
  'phase-3',
  'phase-4',
  'not-applicable',
] as const;
export type ProtocolPhase = (typeof PROTOCOL_PHASES)[number];

export const PROTOCOL_REGISTRY_STATUSES = [
  'not-yet-recruiting',
  'recruiting',
  'enrolling-by-invitation',
  'active-not-recruiting',
  'completed',
  'suspended',
  'terminated',
  'withdrawn',
  'unknown',
] as const;
export type ProtocolRegistryStatus = (typeof PROTOCOL_REGISTRY_STATUSES)[number];

export const PROTOCOL_SPONSOR_CLASSES = [
  'industry',
  'academic',
  'government',
  'network',
  'other',
  'unknown',
] as const;
export type ProtocolSponsorClass = (typeof PROTOCOL_SPONSOR_CLASSES)[number];

export const PROTOCOL_ALLOCATIONS = ['randomized', 'non-randomized', 'not-applicable'] as const;
export type ProtocolAllocation = (typeof PROTOCOL_ALLOCATIONS)[number];

export const PROTOCOL_INTERVENTION_MODELS = [
  'single-group',
  'parallel',
  'sequential',
  'crossover',
  'factorial',
] as const;
export type ProtocolInterventionModel = (typeof PROTOCOL_INTERVENTION_MODELS)[number];

export const PROTOCOL_PRIMARY_PURPOSES = [
  'treatment',
  'prevention',
  'supportive-care',
  'basic-science',
  'other',
] as const;
export type ProtocolPurpose = (typeof PROTOCOL_PRIMARY_PURPOSES)[number];

export const PROTOCOL_MASKING_LEVELS = ['none', 'single', 'double', 'triple', 'quadruple'] as const;
export type ProtocolMaskingLevel = (typeof PROTOCOL_MASKING_LEVELS)[number];
/** How many masked roles each masking level names (registry convention). */
export const PROTOCOL_MASKED_ROLE_COUNT: Readonly<Record<ProtocolMaskingLevel, number>> = {
  none: 0,
  single: 1,
  double: 2,
  triple: 3,
  quadruple: 4,
};

export const PROTOCOL_MASKED_ROLES = [
  'participant',
  'care-provider',
  'investigator',
  'outcomes-assessor',
] as const;
export type ProtocolMaskedRole = (typeof PROTOCOL_MASKED_ROLES)[number];

export const PROTOCOL_ARM_TYPES = [
  'experimental',
  'active-comparator',
  'placebo-comparator',
  'sham-comparator',
  'no-intervention',
  'other',
] as const;
export type ProtocolArmType = (typeof PROTOCOL_ARM_TYPES)[number];

export const PROTOCOL_INTERVENTION_TYPES = ['biological', 'drug', 'procedure', 'device', 'other'] as const;
export type ProtocolInterventionType = (typeof PROTOCOL_INTERVENTION_TYPES)[number];

/** What an intervention is for in the trial: the product under test, its dummy, or background care. */
export const PROTOCOL_INTERVENTION_ROLES = ['investigational', 'placebo', 'sham', 'background'] as const;
export type ProtocolInterventionRole = (typeof PROTOCOL_INTERVENTION_ROLES)[number];

export const PROTOCOL_CELL_SOURCES = ['autologous', 'allogeneic', 'not-applicable'] as const;
export type ProtocolCellSource = (typeof PROTOCOL_CELL_SOURCES)[number];

export const PROTOCOL_ROUTES = [
  'intrathecal',
  'intravenous',
  'intranasal',
  'intramuscular',
  'subcutaneous',
  'intracerebroventricular',
  'oral',
  'other',
] as const;
export type ProtocolRoute = (typeof PROTOCOL_ROUTES)[number];

/** Which body weight a per-kg dose is computed from. */
export const PROTOCOL_WEIGHT_SOURCES = ['dosing-visit', 'screening', 'baseline'] as const;
export type ProtocolWeightSource = (typeof PROTOCOL_WEIGHT_SOURCES)[number];

export const PROTOCOL_VOLUME_BASES = ['administration', 'nostril'] as const;
export type ProtocolVolumeBasis = (typeof PROTOCOL_VOLUME_BASES)[number];

export const PROTOCOL_ESCALATION_DESIGNS = ['three-plus-three'] as const;
export type ProtocolEscalationDesign = (typeof PROTOCOL_ESCALATION_DESIGNS)[number];

export const PROTOCOL_ESCALATION_VARIANTS = ['escalation-only', 'de-escalation'] as const;
export type ProtocolEscalationVariant = (typeof PROTOCOL_ESCALATION_VARIANTS)[number];

export const PROTOCOL_IMBALANCE_MEASURES = ['range', 'sd', 'variance'] as const;
export type ProtocolImbalanceMeasure = (typeof PROTOCOL_IMBALANCE_MEASURES)[number];

/**
 * Events a visit can be anchored to. `consent`, `screening`, `enrollment` and `randomization` happen at the
 * visit that lists them in `events`; `first-dose`, `previous-dose` and `last-dose` come from the arm's
 * administration plan.
 */
export const PROTOCOL_ANCHOR_EVENTS = [
  'consent',
  'screening',
  'enrollment',
  'randomization',
  'first-dose',
  'previous-dose',
  'last-dose',
] as const;
export type ProtocolAnchorEvent = (typeof PROTOCOL_ANCHOR_EVENTS)[number];

/** Events that a visit declares as happening at it (`visit.events`). */
export const PROTOCOL_VISIT_EVENTS = ['consent', 'screening', 'enrollment', 'randomization'] as const;
export type ProtocolVisitEvent = (typeof PROTOCOL_VISIT_EVENTS)[number];

/** Events whose actual date a caller may supply to the schedule computation. */
export const PROTOCOL_DATED_EVENTS = [
  'consent',
  'screening',
  'enrollment',
  'randomization',
  'first-dose',
  'last-dose',
] as const;
export type ProtocolDatedEvent = (typeof PROTOCOL_DATED_EVENTS)[number];

export const PROTOCOL_EPOCH_KINDS = [
  'screening',
  'run-in',
  'lead-in',
  'pre-treatment',
  'treatment',
  'follow-up',
  'other',
] as const;
export type ProtocolEpochKind = (typeof PROTOCOL_EPOCH_KINDS)[number];

export const PROTOCOL_STUDY_DAY_NUMBERINGS = ['day-0', 'day-1'] as const;
export type ProtocolStudyDayNumbering = (typeof PROTOCOL_STUDY_DAY_NUMBERINGS)[number];

export const PROTOCOL_CRITERION_KINDS = ['inclusion', 'exclusion'] as const;
export type ProtocolCriterionKind = (typeof PROTOCOL_CRITERION_KINDS)[number];

export const PROTOCOL_ELIGIBLE_SEXES = ['all', 'female', 'male'] as const;
export type ProtocolEligibleSex = (typeof PROTOCOL_ELIGIBLE_SEXES)[number];

export const PROTOCOL_ENDPOINT_TYPES = ['primary', 'secondary', 'exploratory'] as const;
export type ProtocolEndpointType = (typeof PROTOCOL_ENDPOINT_TYPES)[number];

/**
 * Measures the platform knows. The vocabulary is open: any other measure is written `other:<kebab-name>`
 * (e.g. `other:cytokines`), which keeps typos of the known ones detectable.
 */
export const PROTOCOL_KNOWN_MEASURES = [
  'adverse-events',
  'dose-limiting-toxicity',
  'alsfrs-r',
  'fvc',
  'svc',
  'edss',
  'cafs',
  'survival',
  'tracheostomy-free-survival',
  'lab-values',
  'vital-signs',
  'mri',
  'neurofilament-light',
  'muscle-strength',
  'cognition',
  'quality-of-life',
] as const;
export type ProtocolKnownMeasure = (typeof PROTOCOL_KNOWN_MEASURES)[number];
export type ProtocolMeasure = ProtocolKnownMeasure | `other:${string}`;
/** Pattern of an open-vocabulary measure name. */
export const PROTOCOL_OTHER_MEASURE_PATTERN = /^other:[a-z0-9]+(-[a-z0-9]+)*$/;

export const PROTOCOL_ANALYSIS_METHODS = [
  'incidence',
  'count',
  'proportion',
  'slope-comparison',
  'change-from-baseline',
  'joint-rank',
  'time-to-event',
  'descriptive',
  'other',
] as const;
export type ProtocolAnalysisMethod = (typeof PROTOCOL_ANALYSIS_METHODS)[number];

export const PROTOCOL_CTCAE_VERSIONS = ['v4.0', 'v5.0'] as const;
export type ProtocolCtcaeVersion = (typeof PROTOCOL_CTCAE_VERSIONS)[number];

export const PROTOCOL_REFERENCE_TYPES = ['background', 'protocol', 'result', 'derived'] as const;
export type ProtocolReferenceType = (typeof PROTOCOL_REFERENCE_TYPES)[number];

/** What a dose-modification condition looks back to. */
export const PROTOCOL_DOSE_LOOKBACKS = ['previous-dose', 'first-dose'] as const;
export type ProtocolDoseLookback = (typeof PROTOCOL_DOSE_LOOKBACKS)[number];

/** Pattern for every id inside a protocol (kebab-case, starts with a letter or digit). */
export const PROTOCOL_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Pattern for site codes (same rule as the site API). */
export const PROTOCOL_SITE_CODE_PATTERN = /^[A-Z0-9]{2,10}$/;
