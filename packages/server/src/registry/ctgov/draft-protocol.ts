// The draft protocol produced from a registry record: the protocol file format (docs/protocol-format.md) with
// two kinds of gaps. `null` is a TODO placeholder for what the record cannot say (visit windows, dose
// schedule, analysis method…); a registry value the format has no word for is kept as its raw text. Both
// fail `parseProtocolYaml`, so the draft cannot be loaded until a person completes it. Every gap has a mark
// (path + text) that the YAML renderer writes as a `# TODO:` comment.
import type {
  ProtocolCriterionKind,
  ProtocolEndpointType,
  ProtocolMeasure,
  ProtocolReferenceType,
  ProtocolSponsorClass,
} from '@celltrial/core';
import type { CtgovSource } from './ctgov-study.js';

/** A path into the draft, as in protocol problems: `['design', 'arms', 0, 'type']`. */
export type DraftPath = (string | number)[];

/** A comment attached to a draft field. */
export interface DraftMark {
  path: DraftPath;
  text: string;
}

export interface DraftSite {
  code: string;
  name: string | null;
  city?: string;
  country: string | null;
}

export interface DraftReference {
  citation: string | null;
  type?: ProtocolReferenceType;
  pmid?: string;
  doi?: string;
}

export interface DraftArm {
  id: string;
  name: string;
  /** A protocol arm type, or the registry's raw value (TODO), or null (TODO). */
  type: string | null;
  description?: string;
}

export interface DraftMasking {
  level: string | null;
  masked: string[] | null;
  description?: string;
}

export interface DraftDesign {
  allocation: string | null;
  model: string | null;
  purpose: string | null;
  masking: DraftMasking;
  plannedEnrollment: number | null;
  enrollmentType?: 'actual' | 'estimated';
  description?: string;
  arms: DraftArm[];
  /** Present (as a TODO) only for randomized designs: ratio and method are not in the record. */
  randomization?: null;
}

export interface DraftPerKgDose {
  kind: 'per-kg';
  amountPerKg: number;
  unit: string;
  weight: null;
}

export interface DraftIntervention {
  id: string;
  name: string;
  type: string;
  role: string;
  source?: 'autologous' | 'allogeneic';
  route: string | null;
  dose?: DraftPerKgDose | null;
  otherNames?: string[];
  description?: string;
}

export interface DraftAdministration {
  arm: string;
  doses: null;
}

export interface DraftCriterion {
  id: string;
  kind: ProtocolCriterionKind;
  text: string;
  note?: string;
}

export interface DraftEligibility {
  minAgeYears?: number | string;
  maxAgeYears?: number | string;
  sex: string | null;
  healthyVolunteers: boolean | null;
  criteria: DraftCriterion[];
}

export interface DraftEndpoint {
  id: string;
  type: ProtocolEndpointType;
  title: string;
  measure: ProtocolMeasure;
  timeFrame: { text: string | null };
  analysis: { method: null };
  description?: string;
}

/** A draft protocol file; see the file comment for what `null` and raw registry strings mean. */
export interface DraftProtocol {
  formatVersion: 1;
  id: string;
  title: string | null;
  officialTitle?: string;
  registryIds: string[];
  orgStudyIds?: string[];
  secondaryIds?: string[];
  registryStatus?: string;
  phases: string[];
  sponsor: { name: string | null; class?: ProtocolSponsorClass };
  collaborators?: string[];
  conditions: string[];
  keywords?: string[];
  sites: DraftSite[];
  references?: DraftReference[];
  design: DraftDesign;
  interventions: DraftIntervention[];
  administrations: DraftAdministration[];
  studyDay: { anchor: null; numbering: null };
  epochs: never[];
  procedures: never[];
  forms: never[];
  visits: never[];
  eligibility: DraftEligibility;
  endpoints: DraftEndpoint[];
  safety: { ctcaeVersion: null; aeGradeThreshold: null };
}

/** The importer's result: the draft, where it must be completed (`todos`) and what was guessed (`notes`). */
export interface CtgovDraft {
  nctId: string;
  source: CtgovSource;
  protocol: DraftProtocol;
  todos: DraftMark[];
  notes: DraftMark[];
}

/** Collects TODO and note marks while the draft is built. */
export class DraftMarks {
  readonly todos: DraftMark[] = [];
  readonly notes: DraftMark[] = [];

  /** Something a person must complete; the field holds null or a raw registry value. */
  todo(path: DraftPath, text: string): void {
    this.todos.push({ path, text });
  }

  /** A remark about a mapped value (a guess, or the registry's own wording). */
  note(path: DraftPath, text: string): void {
    this.notes.push({ path, text });
  }
}
