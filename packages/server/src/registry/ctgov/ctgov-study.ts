// The intermediate shape of one ClinicalTrials.gov study record. Both readers (API v2 JSON and legacy XML)
// produce it; the draft mapper only reads this. Coded values use the API v2 enum codes (UPPER_SNAKE, e.g.
// `ACTIVE_NOT_RECRUITING`, `PHASE1`) but are kept as open strings: new registry values must not break import.
// Free texts are plain text: markdown escapes of the v2 markup fields are already removed.

/** Which serialisation the record came in. */
export type CtgovSource = 'api-v2' | 'legacy-xml';

export interface CtgovSecondaryId {
  id: string;
  type?: string;
  domain?: string;
}

export interface CtgovAgency {
  name: string;
  class?: string;
}

export interface CtgovDesignInfo {
  studyType?: string;
  phases: string[];
  allocation?: string;
  interventionModel?: string;
  interventionModelDescription?: string;
  primaryPurpose?: string;
  observationalModel?: string;
  masking?: string;
  whoMasked: string[];
  maskingDescription?: string;
  enrollmentCount?: number;
  enrollmentType?: string;
}

export interface CtgovArmGroup {
  label: string;
  type?: string;
  description?: string;
  /** `"Type: Name"` strings as the registry writes them. */
  interventionNames: string[];
}

export interface CtgovIntervention {
  name: string;
  type?: string;
  description?: string;
  armGroupLabels: string[];
  otherNames: string[];
}

/** How the eligibility text is written: v2 markup is CommonMark; legacy XML is hard-wrapped plain text. */
export type CtgovTextFormat = 'markdown' | 'plain';

export interface CtgovEligibility {
  criteriaText?: string;
  criteriaFormat: CtgovTextFormat;
  sex?: string;
  minimumAge?: string;
  maximumAge?: string;
  healthyVolunteers?: boolean;
}

export type CtgovOutcomeKind = 'primary' | 'secondary' | 'other';

export interface CtgovOutcome {
  kind: CtgovOutcomeKind;
  measure: string;
  timeFrame?: string;
  description?: string;
}

export interface CtgovLocation {
  facility?: string;
  city?: string;
  state?: string;
  country?: string;
}

export interface CtgovReference {
  citation?: string;
  pmid?: string;
  type?: string;
}

/** One study record, whatever format it was read from. */
export interface CtgovStudy {
  source: CtgovSource;
  nctId: string;
  nctIdAliases: string[];
  briefTitle?: string;
  officialTitle?: string;
  acronym?: string;
  orgStudyIds: string[];
  secondaryIds: CtgovSecondaryId[];
  overallStatus?: string;
  leadSponsor?: CtgovAgency;
  collaborators: CtgovAgency[];
  conditions: string[];
  keywords: string[];
  design: CtgovDesignInfo;
  arms: CtgovArmGroup[];
  interventions: CtgovIntervention[];
  eligibility?: CtgovEligibility;
  outcomes: CtgovOutcome[];
  locations: CtgovLocation[];
  references: CtgovReference[];
}

/** Result of reading a record: the study, or a one-line reason why the input is not a study record. */
export type CtgovReadResult = { kind: 'ok'; study: CtgovStudy } | { kind: 'invalid'; reason: string };

/** Pattern of an NCT number (NCT + 8 digits). */
export const NCT_ID_PATTERN = /^NCT\d{8}$/;
