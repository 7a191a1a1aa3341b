import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { problemsOutsideTodos } from './ctgov-test-records.js';
import { siteCodeBase } from './draft-ids.js';
import { guessMeasure } from './guess-measure.js';
import type { CtgovImportResult } from './import-ctgov.js';
import { detectCtgovFormat, importCtgovRecord } from './import-ctgov.js';
import { legacyCode, legacyMasking, legacyPhases } from './legacy-codes.js';

/** A small API v2 record; `modules` replace or add protocolSection modules. */
function v2Record(modules: Record<string, unknown> = {}): string {
  return JSON.stringify({
    protocolSection: {
      identificationModule: {
        nctId: 'NCT01234567',
        briefTitle: 'MSC in ALS',
        orgStudyIdInfo: { id: 'ORG-1' },
      },
      statusModule: { overallStatus: 'RECRUITING' },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Example University', class: 'OTHER' } },
      conditionsModule: { conditions: ['ALS'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['PHASE2'],
        designInfo: {
          allocation: 'NA',
          interventionModel: 'SINGLE_GROUP',
          primaryPurpose: 'TREATMENT',
          maskingInfo: { masking: 'NONE' },
        },
        enrollmentInfo: { count: 12, type: 'ESTIMATED' },
      },
      armsInterventionsModule: {
        armGroups: [{ label: 'MSC', type: 'EXPERIMENTAL', interventionNames: ['Biological: MSC'] }],
        interventions: [
          { type: 'BIOLOGICAL', name: 'MSC', description: 'Intrathecal MSC', armGroupLabels: ['MSC'] },
        ],
      },
      eligibilityModule: {
        eligibilityCriteria: 'Inclusion Criteria:\n\n* ALS\n\nExclusion Criteria:\n\n* Pregnancy',
        sex: 'ALL',
        minimumAge: '18 Years',
        healthyVolunteers: false,
      },
      outcomesModule: { primaryOutcomes: [{ measure: 'Adverse events', timeFrame: '12 months' }] },
      ...modules,
    },
  });
}

function ok(result: CtgovImportResult): Extract<CtgovImportResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') {
    throw new Error(`expected an import, got: ${result.reason}`);
  }
  return result;
}

describe('detectCtgovFormat', () => {
  it.each([
    ['{"a":1}', 'json'],
    ['\uFEFF  \n<clinical_study/>', 'xml'],
    ['[]', 'json'],
    ['NCT01234567', undefined],
  ])('%j → %s', (text, format) => {
    expect(detectCtgovFormat(text)).toBe(format);
  });
});

describe('importCtgovRecord: bad input gets a one-line reason', () => {
  it.each([
    ['', /^input is empty$/],
    ['hello world', /neither JSON nor XML \(starts with 'hello world'\)/],
    ['{ "protocolSection": ', /^not valid JSON: /],
    ['[1, 2]', /expected an object/],
    ['{"studies": [], "nextPageToken": "x"}', /search result page/],
    ['{"protocolSection": {}}', /protocolSection\.identificationModule is missing/],
    ['{"hasResults": false}', /protocolSection is missing/],
    [
      '{"protocolSection": {"identificationModule": {"nctId": "12345"}}}',
      /nctId '12345' is not an NCT number/,
    ],
    ['<clinical_study><id_info>', /^not well-formed XML: /],
    ['<note>hello</note>', /no <clinical_study> root/],
    [
      '<clinical_study><id_info><nct_id>X1</nct_id></id_info></clinical_study>',
      /no valid id_info\/nct_id.*'X1'/,
    ],
  ])('%j', (text, reason) => {
    const result = importCtgovRecord(text);
    expect(result.kind).toBe('invalid');
    const message = result.kind === 'invalid' ? result.reason : '';
    expect(message).toMatch(reason);
    expect(message).not.toContain('\n');
  });
});

describe('importCtgovRecord: registry enums are open', () => {
  const result = ok(
    importCtgovRecord(
      v2Record({
        identificationModule: {
          nctId: 'NCT07654321',
          briefTitle: 'New values',
          secondaryIdInfos: [{ id: '2025-000001-11-00', type: 'CTIS' }],
        },
        statusModule: { overallStatus: 'AVAILABLE' },
        sponsorCollaboratorsModule: { leadSponsor: { name: 'X', class: 'NEW_AGENCY_CLASS' } },
        designModule: {
          phases: ['PHASE1', 'PHASE9'],
          designInfo: {
            allocation: 'RANDOMIZED',
            interventionModel: 'ADAPTIVE',
            primaryPurpose: 'DIAGNOSTIC',
            maskingInfo: { masking: 'DOUBLE', whoMasked: ['PARTICIPANT'] },
          },
          enrollmentInfo: { count: 0, type: 'ACTUAL' },
        },
        armsInterventionsModule: {
          armGroups: [{ label: 'Gene', type: 'NEW_ARM_TYPE' }],
          interventions: [{ type: 'GENETIC', name: 'Vector X' }],
        },
        eligibilityModule: { sex: 'INTERSEX', minimumAge: '6 Months', maximumAge: '24 Months' },
      }),
    ),
  );
  const { protocol, todos, notes } = result.draft;
  const todoAt = (path: string): boolean => todos.some((mark) => mark.path.join('.') === path);

  it('keeps unmapped values as text with a TODO, maps what has an equivalent', () => {
    expect(protocol.registryStatus).toBe('AVAILABLE');
    expect(protocol.phases).toEqual(['phase-1', 'PHASE9']);
    expect(protocol.design).toMatchObject({
      allocation: 'randomized',
      model: 'ADAPTIVE',
      purpose: 'DIAGNOSTIC',
      masking: { level: 'double', masked: null },
      plannedEnrollment: null,
      randomization: null,
    });
    expect(protocol.design.arms[0]?.type).toBe('NEW_ARM_TYPE');
    expect(protocol.interventions[0]).toMatchObject({ type: 'other', role: 'investigational', route: null });
    expect(protocol.eligibility).toMatchObject({ sex: 'INTERSEX', minAgeYears: '6 Months', maxAgeYears: 2 });
    expect(protocol.sponsor).toEqual({ name: 'X' });
    for (const path of [
      'registryStatus',
      'phases.1',
      'design.model',
      'design.purpose',
      'design.masking.masked',
      'design.plannedEnrollment',
      'design.randomization',
      'design.arms.0.type',
      'eligibility.sex',
      'eligibility.minAgeYears',
      'eligibility.criteria',
    ]) {
      expect(todoAt(path), path).toBe(true);
    }
    expect(notes.map((mark) => mark.text)).toEqual(
      expect.arrayContaining([
        'EU CT number (CTIS)',
        'registry type GENETIC',
        "registry sponsor class 'NEW_AGENCY_CLASS' has no equivalent; left out",
        'registry: 24 Months',
      ]),
    );
  });

  it('fails validation only in the TODO fields', () => {
    expect(problemsOutsideTodos(result.draft, result.yaml)).toEqual([]);
  });
});

describe('renderDraftYaml', () => {
  const result = ok(importCtgovRecord(v2Record()));

  it('parses back to the draft (comments do not change the data)', () => {
    expect(parse(result.yaml)).toEqual(JSON.parse(JSON.stringify(result.draft.protocol)));
  });

  it('writes the header, TODO comments above the fields and notes after the values', () => {
    const lines = result.yaml.split('\n');
    expect(lines[0]).toBe(
      '# Draft protocol imported from ClinicalTrials.gov record NCT01234567 (API v2 JSON)',
    );
    expect(result.yaml).toContain('This draft FAILS validation until every "TODO" below is completed');
    const visits = lines.indexOf('visits: []');
    expect(lines[visits - 1]).toMatch(/^# TODO: visits with anchor, offsetDays, window/);
    expect(result.yaml).toContain('    route: intrathecal # as stated in the intervention or arm text\n');
    expect(result.yaml).toContain('registryIds: [NCT01234567]\n');
    expect(result.draft.protocol.design.randomization).toBeUndefined();
  });

  it('counts its TODOs in the header', () => {
    expect(result.yaml).toContain(`(${result.draft.todos.length} TODO comments)`);
    expect(result.yaml.match(/# TODO: /g)).toHaveLength(result.draft.todos.length);
  });
});

describe('guessMeasure', () => {
  it.each([
    ['Change in ALSFRS-R total score', 'alsfrs-r'],
    ['Slope of ALSFRSr', 'alsfrs-r'],
    ['Forced Vital Capacity (FVC) % predicted', 'fvc'],
    ['Slow vital capacity', 'svc'],
    ['Expanded Disability Status Scale (EDSS)', 'edss'],
    ['Incidence of Treatment-Emergent Adverse Events', 'adverse-events'],
    ['Number of participants with SAEs', 'adverse-events'],
    ['Overall survival', 'survival'],
    ['Tracheostomy-free survival', 'tracheostomy-free-survival'],
    ['Progression-free survival', 'other:progression-free-survival'],
    ['Change in ALSFRS-R and FVC', 'other:change-alsfrs-r-fvc'],
    // Slugs are cut at 40 characters on a word boundary.
    ['Percentage of Participants With a Positive Response', 'other:percentage-participants-positive'],
  ])('%s → %s', (title, measure) => {
    expect(guessMeasure(title).measure).toBe(measure);
  });

  it('names the candidates when a title names several measures', () => {
    expect(guessMeasure('Change in ALSFRS-R and FVC').candidates).toEqual(['alsfrs-r', 'fvc']);
  });
});

describe('siteCodeBase', () => {
  // Expected codes are those of the hand-written seed files protocols/*.yaml where they are initials.
  it.each([
    ['Pusan National University Yangsan Hospital', 'PNUYH'],
    ['Seoul National University Hospital', 'SNUH'],
    ['Samsung Medical Center', 'SMC'],
    ['Hadassah Medical Organization', 'HMO'],
    ['Mayo', 'MAYO'],
    ['Hôpital de la Pitié-Salpêtrière', 'HPS'],
  ])('%s → %s', (name, code) => {
    expect(siteCodeBase(name)).toBe(code);
  });

  it('gives each site of a record its own code', () => {
    const sites = ok(
      importCtgovRecord(
        v2Record({
          contactsLocationsModule: {
            locations: [
              { facility: 'Mayo Clinic', city: 'Rochester', country: 'United States' },
              { facility: 'Mayo Clinic', city: 'Jacksonville', country: 'United States' },
              { city: 'Scottsdale', country: 'United States' },
            ],
          },
        }),
      ),
    ).draft.protocol.sites;
    expect(sites.map((site) => site.code)).toEqual(['MC', 'MC2', 'SCOT']);
    expect(sites[2]).toEqual({ code: 'SCOT', name: null, city: 'Scottsdale', country: 'United States' });
  });
});

describe('legacy XML display strings → v2 codes (registry.md §1.5)', () => {
  it.each([
    ['Active, not recruiting', 'ACTIVE_NOT_RECRUITING'],
    ['Unknown status', 'UNKNOWN'],
    ['Non-Randomized', 'NON_RANDOMIZED'],
    ['Single Group Assignment', 'SINGLE_GROUP'],
    ['U.S. Fed', 'FED'],
    ['Anticipated', 'ESTIMATED'],
    ['Dietary Supplement', 'DIETARY_SUPPLEMENT'],
  ])('%s → %s', (display, code) => {
    expect(legacyCode(display)).toBe(code);
  });

  it('splits phases and masking', () => {
    expect(legacyPhases('Phase 1/Phase 2')).toEqual(['PHASE1', 'PHASE2']);
    expect(legacyPhases('Early Phase 1')).toEqual(['EARLY_PHASE1']);
    expect(legacyPhases('N/A')).toEqual(['NA']);
    expect(legacyMasking('Double (Participant, Investigator)')).toEqual({
      masking: 'DOUBLE',
      whoMasked: ['PARTICIPANT', 'INVESTIGATOR'],
    });
    expect(legacyMasking('None (Open Label)')).toEqual({ masking: 'NONE', whoMasked: [] });
    expect(legacyMasking('Double Blind (Subject, Caregiver)')).toEqual({
      masking: 'DOUBLE',
      whoMasked: ['PARTICIPANT', 'CARE_PROVIDER'],
    });
  });
});
