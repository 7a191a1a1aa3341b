// Identity part of the draft: ids, titles, status, phases, sponsor, conditions, sites and references.
import type { CtgovLocation, CtgovReference, CtgovStudy } from './ctgov-study.js';
import { mapPhase, mapReferenceType, mapSponsorClass, mapStatus } from './ctgov-vocabulary.js';
import { SiteCodeAllocator } from './draft-ids.js';
import type { DraftMarks, DraftProtocol, DraftReference, DraftSite } from './draft-protocol.js';

export type DraftIdentity = Pick<
  DraftProtocol,
  | 'formatVersion'
  | 'id'
  | 'title'
  | 'officialTitle'
  | 'registryIds'
  | 'orgStudyIds'
  | 'secondaryIds'
  | 'registryStatus'
  | 'phases'
  | 'sponsor'
  | 'collaborators'
  | 'conditions'
  | 'keywords'
  | 'sites'
  | 'references'
>;

const SECONDARY_ID_TYPES: Readonly<Record<string, string>> = {
  NIH: 'U.S. NIH Grant/Contract',
  FDA: 'U.S. FDA number',
  VA: 'U.S. VA number',
  CDC: 'U.S. CDC number',
  AHRQ: 'U.S. AHRQ number',
  SAMHSA: 'U.S. SAMHSA number',
  OTHER_GRANT: 'Other grant/funding number',
  EUDRACT_NUMBER: 'EudraCT number',
  CTIS: 'EU CT number (CTIS)',
  REGISTRY: 'Registry identifier',
  OTHER: 'Other identifier',
};

function nonEmptyList(values: readonly string[]): string[] | undefined {
  return values.length > 0 ? [...values] : undefined;
}

function phases(study: CtgovStudy, marks: DraftMarks): string[] {
  if (study.design.phases.length === 0) {
    marks.note(
      ['phases'],
      `the record lists no phase (study type ${study.design.studyType ?? 'not stated'}): not-applicable`,
    );
    return ['not-applicable'];
  }
  return study.design.phases.map((code, index) => {
    const phase = mapPhase(code);
    if (phase === undefined) {
      marks.todo(['phases', index], `registry phase '${code}' is not in the format: pick a phase`);
      return code;
    }
    return phase;
  });
}

function site(location: CtgovLocation, codes: SiteCodeAllocator): DraftSite {
  const label = location.facility ?? location.city ?? location.country ?? 'site';
  return {
    code: codes.next(label),
    name: location.facility ?? null,
    city: location.city,
    country: location.country ?? null,
  };
}

function sites(study: CtgovStudy, marks: DraftMarks): DraftSite[] {
  const codes = new SiteCodeAllocator();
  const drafts = study.locations.map((location) => site(location, codes));
  drafts.forEach((draft, index) => {
    if (draft.name === null) {
      const where = [study.locations[index]?.city, study.locations[index]?.state].filter(Boolean).join(', ');
      marks.todo(
        ['sites', index, 'name'],
        `the record names no facility${where === '' ? '' : ` (in ${where})`}`,
      );
    }
    if (draft.country === null) {
      marks.todo(['sites', index, 'country'], 'the record gives no country');
    }
  });
  if (drafts.length === 0) {
    marks.todo(['sites'], 'the record lists no locations: add the sites (code, name, city, country)');
  } else {
    marks.note(
      ['sites'],
      'codes are generated from the facility initials; change them freely before loading',
    );
  }
  return drafts;
}

const DOI_PATTERN = /\bdoi:\s*(10\.\d{4,9}\/\S+)/i;

function reference(ref: CtgovReference, index: number, marks: DraftMarks): DraftReference {
  const draft: DraftReference = { citation: ref.citation ?? null };
  if (ref.citation === undefined) {
    marks.todo(
      ['references', index, 'citation'],
      `the record gives no citation text${ref.pmid === undefined ? '' : ` (PMID ${ref.pmid})`}`,
    );
  }
  const type = mapReferenceType(ref.type);
  if (type !== undefined) {
    draft.type = type;
  } else if (ref.type !== undefined) {
    marks.note(['references', index], `registry reference type '${ref.type}' has no equivalent; left out`);
  }
  if (ref.pmid !== undefined && /^\d+$/.test(ref.pmid)) {
    draft.pmid = ref.pmid;
  }
  const doi = ref.citation === undefined ? undefined : DOI_PATTERN.exec(ref.citation)?.[1];
  if (doi !== undefined) {
    draft.doi = doi.replace(/[.,;]+$/, '');
  }
  return draft;
}

function secondaryIds(study: CtgovStudy, marks: DraftMarks): string[] | undefined {
  study.secondaryIds.forEach((item, index) => {
    const kind = item.type === undefined ? undefined : (SECONDARY_ID_TYPES[item.type] ?? item.type);
    const text = [kind, item.domain].filter(Boolean).join(': ');
    if (text !== '') {
      marks.note(['secondaryIds', index], text);
    }
  });
  return nonEmptyList(study.secondaryIds.map((item) => item.id));
}

/** Maps the identity facts of a record; gaps become TODO marks. */
export function mapIdentity(study: CtgovStudy, marks: DraftMarks): DraftIdentity {
  const title = study.briefTitle ?? study.officialTitle ?? null;
  if (title === null) {
    marks.todo(['title'], 'the record has no title');
  }
  const status = mapStatus(study.overallStatus);
  if (study.overallStatus !== undefined && status === undefined) {
    marks.todo(
      ['registryStatus'],
      `registry status '${study.overallStatus}' has no equivalent in the format: pick one or delete the line`,
    );
  }
  const sponsorClass = mapSponsorClass(study.leadSponsor?.class);
  if (study.leadSponsor === undefined) {
    marks.todo(['sponsor', 'name'], 'the record names no lead sponsor');
  } else if (study.leadSponsor.class !== undefined && sponsorClass === undefined) {
    marks.note(
      ['sponsor'],
      `registry sponsor class '${study.leadSponsor.class}' has no equivalent; left out`,
    );
  }
  if (study.conditions.length === 0) {
    marks.todo(['conditions'], 'the record lists no condition: name at least one');
  }
  const identity: DraftIdentity = {
    formatVersion: 1,
    id: study.nctId.toLowerCase(),
    title,
    officialTitle:
      study.officialTitle !== undefined && study.officialTitle !== title ? study.officialTitle : undefined,
    registryIds: [study.nctId, ...study.nctIdAliases],
    orgStudyIds: nonEmptyList(study.orgStudyIds),
    secondaryIds: secondaryIds(study, marks),
    registryStatus: status ?? study.overallStatus,
    phases: phases(study, marks),
    sponsor: {
      name: study.leadSponsor?.name ?? null,
      ...(sponsorClass === undefined ? {} : { class: sponsorClass }),
    },
    collaborators: nonEmptyList(study.collaborators.map((item) => item.name)),
    conditions: study.conditions,
    keywords: nonEmptyList(study.keywords),
    sites: sites(study, marks),
    references:
      study.references.length === 0
        ? undefined
        : study.references.map((ref, index) => reference(ref, index, marks)),
  };
  return identity;
}
