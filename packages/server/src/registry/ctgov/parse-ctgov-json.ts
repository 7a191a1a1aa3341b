// Reads an API v2 study record (parsed JSON, untrusted) into the intermediate study shape. Markup fields
// (descriptions) become plain text; the eligibility text is kept as markdown for the splitter.
import type { CtgovOutcome, CtgovReadResult, CtgovStudy } from './ctgov-study.js';
import { NCT_ID_PATTERN } from './ctgov-study.js';
import type { CtgovV2Study } from './ctgov-json.schema.js';
import { CtgovV2StudySchema } from './ctgov-json.schema.js';
import { collapseWhitespace, markupToPlain } from './markdown-text.js';

/** A TEXT field: whitespace collapsed; undefined when empty. */
function plain(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : collapseWhitespace(value);
  return text === '' ? undefined : text;
}

/** A MARKUP field: markdown removed; undefined when empty. */
function markup(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : markupToPlain(value);
  return text === '' ? undefined : text;
}

function nonEmpty(values: readonly string[]): string[] {
  return values.map((value) => collapseWhitespace(value)).filter((value) => value !== '');
}

type ProtocolSection = CtgovV2Study['protocolSection'];

function outcomes(section: ProtocolSection): CtgovOutcome[] {
  const module = section.outcomesModule;
  const read = (
    items: { measure: string; timeFrame?: string; description?: string }[] | undefined,
    kind: CtgovOutcome['kind'],
  ): CtgovOutcome[] =>
    (items ?? []).flatMap((item) => {
      const measure = plain(item.measure);
      return measure === undefined
        ? []
        : [{ kind, measure, timeFrame: plain(item.timeFrame), description: markup(item.description) }];
    });
  return [
    ...read(module?.primaryOutcomes, 'primary'),
    ...read(module?.secondaryOutcomes, 'secondary'),
    ...read(module?.otherOutcomes, 'other'),
  ];
}

function toStudy(section: ProtocolSection, nctId: string): CtgovStudy {
  const id = section.identificationModule;
  const sponsors = section.sponsorCollaboratorsModule;
  const design = section.designModule;
  const info = design?.designInfo;
  const arms = section.armsInterventionsModule;
  const eligibility = section.eligibilityModule;
  const orgStudyId = plain(id.orgStudyIdInfo?.id);
  return {
    source: 'api-v2',
    nctId,
    nctIdAliases: nonEmpty(id.nctIdAliases),
    briefTitle: plain(id.briefTitle),
    officialTitle: plain(id.officialTitle),
    acronym: plain(id.acronym),
    orgStudyIds: orgStudyId === undefined ? [] : [orgStudyId],
    secondaryIds: id.secondaryIdInfos
      .map((item) => ({ id: collapseWhitespace(item.id), type: item.type, domain: plain(item.domain) }))
      .filter((item) => item.id !== ''),
    overallStatus: plain(section.statusModule?.overallStatus),
    leadSponsor: sponsors?.leadSponsor,
    collaborators: sponsors?.collaborators ?? [],
    conditions: nonEmpty(section.conditionsModule?.conditions ?? []),
    keywords: nonEmpty(section.conditionsModule?.keywords ?? []),
    design: {
      studyType: design?.studyType,
      phases: design?.phases ?? [],
      allocation: info?.allocation,
      interventionModel: info?.interventionModel,
      interventionModelDescription: markup(info?.interventionModelDescription),
      primaryPurpose: info?.primaryPurpose,
      observationalModel: info?.observationalModel,
      masking: info?.maskingInfo?.masking,
      whoMasked: info?.maskingInfo?.whoMasked ?? [],
      maskingDescription: markup(info?.maskingInfo?.maskingDescription),
      enrollmentCount: design?.enrollmentInfo?.count,
      enrollmentType: design?.enrollmentInfo?.type,
    },
    arms: (arms?.armGroups ?? []).map((arm) => ({
      label: collapseWhitespace(arm.label),
      type: arm.type,
      description: markup(arm.description),
      interventionNames: nonEmpty(arm.interventionNames),
    })),
    interventions: (arms?.interventions ?? []).map((item) => ({
      name: collapseWhitespace(item.name),
      type: item.type,
      description: markup(item.description),
      armGroupLabels: nonEmpty(item.armGroupLabels),
      otherNames: nonEmpty(item.otherNames),
    })),
    eligibility:
      eligibility === undefined
        ? undefined
        : {
            criteriaText: eligibility.eligibilityCriteria,
            criteriaFormat: 'markdown',
            sex: eligibility.sex,
            minimumAge: eligibility.minimumAge,
            maximumAge: eligibility.maximumAge,
            healthyVolunteers: eligibility.healthyVolunteers,
          },
    outcomes: outcomes(section),
    locations: section.contactsLocationsModule?.locations ?? [],
    references: (section.referencesModule?.references ?? []).map((ref) => ({
      citation: plain(ref.citation),
      pmid: plain(ref.pmid),
      type: ref.type,
    })),
  };
}

/** Reads a parsed API v2 JSON study record; a one-line reason when it is not one. */
export function readCtgovJson(value: unknown): CtgovReadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', reason: 'JSON is not a ClinicalTrials.gov study record: expected an object' };
  }
  if ('studies' in value && !('protocolSection' in value)) {
    return {
      kind: 'invalid',
      reason: 'JSON is a search result page (studies[]), not one study record: save a single study',
    };
  }
  const parsed = CtgovV2StudySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? 'protocolSection' : issue.path.map(String).join('.');
    return {
      kind: 'invalid',
      reason: `JSON is not a ClinicalTrials.gov API v2 study record: ${where || 'document'} is missing or not the expected type`,
    };
  }
  const nctId = parsed.data.protocolSection.identificationModule.nctId.trim();
  if (!NCT_ID_PATTERN.test(nctId)) {
    return {
      kind: 'invalid',
      reason: `protocolSection.identificationModule.nctId '${nctId}' is not an NCT number (NCT + 8 digits)`,
    };
  }
  return { kind: 'ok', study: toStudy(parsed.data.protocolSection, nctId) };
}
