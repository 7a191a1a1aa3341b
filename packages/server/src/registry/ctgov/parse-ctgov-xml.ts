// Reads a legacy ClinicalTrials.gov XML record (`<clinical_study>`, the pre-2024 public.xsd format) into the
// intermediate study shape. Display strings are translated to v2 codes (legacy-codes.ts); every element is
// optional except `id_info/nct_id`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  CtgovAgency,
  CtgovArmGroup,
  CtgovDesignInfo,
  CtgovEligibility,
  CtgovIntervention,
  CtgovLocation,
  CtgovOutcome,
  CtgovReadResult,
  CtgovReference,
} from './ctgov-study.js';
import { NCT_ID_PATTERN } from './ctgov-study.js';
import {
  legacyCode,
  legacyDesignString,
  legacyHealthyVolunteers,
  legacyMasking,
  legacyPhases,
  legacyStudyType,
} from './legacy-codes.js';
import { collapseWhitespace } from './markdown-text.js';

/** Elements that may repeat (always read as arrays), as dotted paths from the document root. */
const REPEATING = new Set(
  [
    'id_info.secondary_id',
    'id_info.nct_alias',
    'sponsors.collaborator',
    'condition',
    'keyword',
    'arm_group',
    'intervention',
    'intervention.arm_group_label',
    'intervention.other_name',
    'primary_outcome',
    'secondary_outcome',
    'other_outcome',
    'location',
    'reference',
    'results_reference',
    'phase',
  ].map((path) => `clinical_study.${path}`),
);

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element (plain or with attributes), whitespace collapsed; undefined when empty. */
function text(node: unknown, key?: string): string | undefined {
  let value: unknown = node;
  if (key !== undefined) {
    value = isNode(node) ? node[key] : undefined;
  }
  const raw = isNode(value) ? (value['#text'] ?? value.textblock) : value;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    const cleaned = collapseWhitespace(String(raw));
    return cleaned === '' ? undefined : cleaned;
  }
  return undefined;
}

function child(node: unknown, key: string): XmlNode | undefined {
  const value = isNode(node) ? node[key] : undefined;
  return isNode(value) ? value : undefined;
}

function list(node: unknown, key: string): unknown[] {
  const value = isNode(node) ? node[key] : undefined;
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

function texts(node: unknown, key: string): string[] {
  return list(node, key)
    .map((item) => text(item))
    .filter((value): value is string => value !== undefined);
}

function agency(node: unknown): CtgovAgency | undefined {
  const name = text(node, 'agency');
  if (name === undefined) {
    return undefined;
  }
  const agencyClass = text(node, 'agency_class');
  return agencyClass === undefined ? { name } : { name, class: legacyCode(agencyClass) };
}

function optionalCode(display: string | undefined): string | undefined {
  return display === undefined ? undefined : legacyCode(display);
}

function design(study: XmlNode): CtgovDesignInfo {
  const info = child(study, 'study_design_info');
  const old = legacyDesignString(text(study, 'study_design') ?? '');
  const pick = (key: string, oldKey: string): string | undefined => text(info, key) ?? old[oldKey];
  const masking = pick('masking', 'Masking');
  const roles = masking === undefined ? undefined : legacyMasking(masking);
  const phase = texts(study, 'phase').flatMap(legacyPhases);
  const enrollment = text(study, 'enrollment');
  const count = enrollment === undefined ? Number.NaN : Number(enrollment);
  const enrollmentType = text(child(study, 'enrollment'), '@_type');
  const studyType = text(study, 'study_type');
  const model = pick('intervention_model', 'Intervention Model');
  const purpose = pick('primary_purpose', 'Primary Purpose');
  const allocation = pick('allocation', 'Allocation');
  return {
    studyType: studyType === undefined ? undefined : legacyStudyType(studyType),
    phases: phase,
    allocation: allocation === undefined ? undefined : legacyCode(allocation),
    interventionModel: model === undefined ? undefined : legacyCode(model),
    interventionModelDescription: text(info, 'intervention_model_description'),
    primaryPurpose: purpose === undefined ? undefined : legacyCode(purpose),
    observationalModel: optionalCode(text(info, 'observational_model')),
    masking: roles?.masking,
    whoMasked: roles?.whoMasked ?? [],
    maskingDescription: text(info, 'masking_description'),
    enrollmentCount: Number.isFinite(count) ? count : undefined,
    enrollmentType: enrollmentType === undefined ? undefined : legacyCode(enrollmentType),
  };
}

function arms(study: XmlNode): CtgovArmGroup[] {
  return list(study, 'arm_group').flatMap((arm) => {
    const label = text(arm, 'arm_group_label');
    if (label === undefined) {
      return [];
    }
    const type = text(arm, 'arm_group_type');
    return [
      {
        label,
        type: type === undefined ? undefined : legacyCode(type),
        description: text(arm, 'description'),
        interventionNames: [],
      },
    ];
  });
}

function interventions(study: XmlNode): CtgovIntervention[] {
  return list(study, 'intervention').flatMap((item) => {
    const name = text(item, 'intervention_name');
    if (name === undefined) {
      return [];
    }
    const type = text(item, 'intervention_type');
    return [
      {
        name,
        type: type === undefined ? undefined : legacyCode(type),
        description: text(item, 'description'),
        armGroupLabels: texts(item, 'arm_group_label'),
        otherNames: texts(item, 'other_name'),
      },
    ];
  });
}

/** The criteria text block keeps its line breaks and indentation: the splitter needs the layout. */
function rawTextblock(node: unknown): string | undefined {
  const block = child(node, 'criteria')?.textblock;
  return typeof block === 'string' && block.trim() !== '' ? block : undefined;
}

function eligibility(study: XmlNode): CtgovEligibility | undefined {
  const node = child(study, 'eligibility');
  if (node === undefined) {
    return undefined;
  }
  const age = (key: string): string | undefined => {
    const value = text(node, key);
    return value === undefined || value.toUpperCase() === 'N/A' ? undefined : value;
  };
  const sex = text(node, 'gender');
  const healthy = text(node, 'healthy_volunteers');
  return {
    criteriaText: rawTextblock(node),
    criteriaFormat: 'plain',
    sex: sex === undefined ? undefined : legacyCode(sex),
    minimumAge: age('minimum_age'),
    maximumAge: age('maximum_age'),
    healthyVolunteers: healthy === undefined ? undefined : legacyHealthyVolunteers(healthy),
  };
}

function outcomes(study: XmlNode): CtgovOutcome[] {
  const kinds = [
    ['primary_outcome', 'primary'],
    ['secondary_outcome', 'secondary'],
    ['other_outcome', 'other'],
  ] as const;
  return kinds.flatMap(([key, kind]) =>
    list(study, key).flatMap((item) => {
      const measure = text(item, 'measure');
      return measure === undefined
        ? []
        : [{ kind, measure, timeFrame: text(item, 'time_frame'), description: text(item, 'description') }];
    }),
  );
}

function locations(study: XmlNode): CtgovLocation[] {
  return list(study, 'location').map((location) => {
    const facility = child(location, 'facility');
    const address = child(facility, 'address');
    return {
      facility: text(facility, 'name'),
      city: text(address, 'city'),
      state: text(address, 'state'),
      country: text(address, 'country'),
    };
  });
}

function references(study: XmlNode): CtgovReference[] {
  const read = (key: string, type: string): CtgovReference[] =>
    list(study, key).map((item) => ({ citation: text(item, 'citation'), pmid: text(item, 'PMID'), type }));
  return [...read('reference', 'BACKGROUND'), ...read('results_reference', 'RESULT')];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) => REPEATING.has(String(jpath)),
});

/** Reads a legacy XML study record; a one-line reason when it is not XML or not a `<clinical_study>`. */
export function readCtgovXml(xml: string): CtgovReadResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { kind: 'invalid', reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` };
  }
  const document: unknown = parser.parse(xml);
  const study = child(document, 'clinical_study');
  if (study === undefined) {
    return {
      kind: 'invalid',
      reason: 'XML is not a ClinicalTrials.gov study record: no <clinical_study> root',
    };
  }
  const ids = child(study, 'id_info');
  const nctId = text(ids, 'nct_id');
  if (nctId === undefined || !NCT_ID_PATTERN.test(nctId)) {
    return {
      kind: 'invalid',
      reason: `XML study record has no valid id_info/nct_id (NCT + 8 digits)${nctId === undefined ? '' : `: '${nctId}'`}`,
    };
  }
  const sponsors = child(study, 'sponsors');
  const orgStudyId = text(ids, 'org_study_id');
  const status = text(study, 'overall_status');
  return {
    kind: 'ok',
    study: {
      source: 'legacy-xml',
      nctId,
      nctIdAliases: texts(ids, 'nct_alias'),
      briefTitle: text(study, 'brief_title'),
      officialTitle: text(study, 'official_title'),
      acronym: text(study, 'acronym'),
      orgStudyIds: orgStudyId === undefined ? [] : [orgStudyId],
      secondaryIds: texts(ids, 'secondary_id').map((id) => ({ id })),
      overallStatus: status === undefined ? undefined : legacyCode(status),
      leadSponsor: agency(child(sponsors, 'lead_sponsor')),
      collaborators: list(sponsors, 'collaborator')
        .map(agency)
        .filter((item): item is CtgovAgency => item !== undefined),
      conditions: texts(study, 'condition'),
      keywords: texts(study, 'keyword'),
      design: design(study),
      arms: arms(study),
      interventions: interventions(study),
      eligibility: eligibility(study),
      outcomes: outcomes(study),
      locations: locations(study),
      references: references(study),
    },
  };
}
