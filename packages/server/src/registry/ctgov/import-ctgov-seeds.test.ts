// The five seed trials (protocols/*.yaml, written by hand from their registry records) against the importer.
// (1) If a seed's NCT id is among the shared real records (manifest.csv), its import must agree with the seed
//     file on the identity facts. None is there today (ctgov/README.md, "Not found"): those tests are skipped
//     and run as soon as a record is added.
// (2) NCT04821479 as an API v2 record rebuilt from the registry page in ../shared/seeds/000_c93375ba08400d7f.txt
//     (the same source the seed file cites): the import must reproduce the seed file's registry facts, and
//     the draft must validate once its TODO fields are filled in.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseProtocolYaml } from '@celltrial/contracts';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { problemsOutsideTodos, readManifest, readRecord, REPO_ROOT } from './ctgov-test-records.js';
import type { DraftProtocol } from './draft-protocol.js';
import { importCtgovRecord } from './import-ctgov.js';

interface SeedFile {
  file: string;
  protocol: Record<string, unknown> & { registryIds: string[] };
}

const seeds: SeedFile[] = readdirSync(resolve(REPO_ROOT, 'protocols'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    file: name,
    protocol: parse(readFileSync(resolve(REPO_ROOT, 'protocols', name), 'utf8')) as SeedFile['protocol'],
  }));
const manifest = readManifest();

/** The identity facts a registry record gives and a seed file states (sponsor class is left out). */
function identity(protocol: Record<string, unknown>): Record<string, unknown> {
  const pick = (key: string): unknown => protocol[key];
  return {
    id: pick('id'),
    title: pick('title'),
    officialTitle: pick('officialTitle'),
    registryIds: pick('registryIds'),
    orgStudyIds: pick('orgStudyIds'),
    registryStatus: pick('registryStatus'),
    phases: pick('phases'),
    sponsorName: (pick('sponsor') as { name?: unknown } | undefined)?.name,
  };
}

function importText(text: string): DraftProtocol {
  const result = importCtgovRecord(text);
  if (result.kind !== 'ok') {
    throw new Error(result.reason);
  }
  return result.draft.protocol;
}

describe('seed trials among the shared real records', () => {
  it('reads the five seed files and the manifest', () => {
    expect(seeds.map((seed) => seed.protocol.registryIds[0])).toEqual([
      'NCT03268603',
      'NCT04745299',
      'NCT04821479',
      'NCT06360861',
      'NCT06598202',
    ]);
    expect(manifest).toHaveLength(203);
  });

  for (const seed of seeds) {
    const nct = seed.protocol.registryIds[0];
    const row = manifest.find((entry) => entry.nct === nct);
    it.runIf(row !== undefined)(`${nct}: the imported identity matches protocols/${seed.file}`, () => {
      const draft = importText(readRecord(row?.file ?? ''));
      expect(identity(draft as unknown as Record<string, unknown>)).toEqual(identity(seed.protocol));
    });
  }
});

/** NCT04821479 as API v2 JSON, from the registry page saved in ../shared/seeds/000_c93375ba08400d7f.txt. */
const NCT04821479_V2 = {
  protocolSection: {
    identificationModule: {
      nctId: 'NCT04821479',
      orgStudyIdInfo: { id: '0208-16-HMO' },
      briefTitle: 'Repeated Mesenchymal Stem Cell Injections in ALS',
      officialTitle:
        'Safety and Clinical Effects of Repeated Intrathecal Injections of Autologous Mesenchymal Stem Cells in Patients With Amyotrophic Lateral Sclerosis (ALS)',
    },
    statusModule: { overallStatus: 'COMPLETED' },
    sponsorCollaboratorsModule: { leadSponsor: { name: 'Hadassah Medical Organization', class: 'OTHER' } },
    conditionsModule: {
      conditions: ['Amyotrophic Lateral Sclerosis'],
      keywords: ['ALS', 'Mesenchymal stem cells', 'ALSFRSr'],
    },
    designModule: {
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE1', 'PHASE2'],
      designInfo: {
        allocation: 'NA',
        interventionModel: 'SINGLE_GROUP',
        interventionModelDescription: 'Single center open label study',
        primaryPurpose: 'TREATMENT',
        maskingInfo: { masking: 'NONE' },
      },
      enrollmentInfo: { count: 20, type: 'ACTUAL' },
    },
    armsInterventionsModule: {
      armGroups: [
        {
          label: 'Repeated MSCs treatment in ALS patients',
          type: 'EXPERIMENTAL',
          description:
            'Four intrathecal (IT) administrations of autologous MSC cells administered every 3 months in ALS patients. the IT treatment will be administered through a regular lumbar puncture at a dose of 1x10^6 MSCs per kg body weight in 3 ml saline.',
          interventionNames: ['Biological: Mesenchymal stem cells (MSC)'],
        },
      ],
      interventions: [
        {
          type: 'BIOLOGICAL',
          name: 'Mesenchymal stem cells (MSC)',
          description: 'Intrathecal injections of autologous bone marrow derived mesenchymal stem cells',
          armGroupLabels: ['Repeated MSCs treatment in ALS patients'],
        },
      ],
    },
    outcomesModule: {
      primaryOutcomes: [
        {
          measure:
            'Safety of multiple intrathecal MSC administration. Incidence of adverse events following multiple intrathecal MSC injections during 2 years follow-up period',
          description:
            'To evaluate the safety of 4 successive intrathecal administrations of autologous MSC cells administered every three months in ALS patient.\n\nPatients will be follow-up every 3 months for change in their neurological status and the incidence of adverse events. Number of participants with treatment-related adverse events as assessed by CTCAE v4.0',
          timeFrame: 'Up to 18 months: starting from inclusion until 3 months after the last MSC-injection',
        },
      ],
      secondaryOutcomes: [
        {
          measure:
            'Effect of repeated intrathecal MSC injections on the progression rate (monthly changes) of ALSFRSr',
          timeFrame: 'Up to 18 months: starting from inclusion until 3 months after the last MSC-injection.',
        },
        {
          measure:
            'Effect of repeated intrathecal MSC injections on the progression rate (monthly changes) of respiratory forced vital capacity FVC',
          timeFrame: 'Up to 18 months: starting from inclusion until 3 months after the last MSC-injection.',
        },
      ],
    },
    eligibilityModule: {
      eligibilityCriteria: [
        'Inclusion Criteria:',
        '',
        '* Males and females ages 18 to 70 years old, at the Screening Visit.',
        '* Sporadic or familial ALS diagnosed patients fulfilling the El Escorial clinical criteria for definite.',
        '* Capable of providing informed consent and willing and able to follow study procedures, including willingness to undergo multiple/repeated lumbar punctures.',
        '* ALSFRS-R ≥15 at the Screening Visit.',
        '',
        'Exclusion Criteria:',
        '',
        '* Patients with severe cognitive decline or inability to understand and sign the informed consent.',
        '* Participation in another clinical trial within 1 year prior to start of the study',
        '* Patients with active infections.',
        '* Positive test for Hepatitis B, Hepatitis C, and/or HIV per laboratory evaluations at the screening visit.',
        '* Any history of solid malignancy including any malignancy affecting the central nervous system within 5 years of the Screening Visit',
      ].join('\n'),
      healthyVolunteers: false,
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: '65 Years',
    },
  },
};

describe('NCT04821479 rebuilt from its registry page vs protocols/nct04821479.yaml', () => {
  const seed: Record<string, unknown> =
    seeds.find((entry) => entry.file === 'nct04821479.yaml')?.protocol ?? {};
  const result = importCtgovRecord(JSON.stringify(NCT04821479_V2));
  if (result.kind !== 'ok') {
    throw new Error(result.reason);
  }
  const draft = result.draft.protocol;
  type SeedIntervention = {
    type: string;
    role: string;
    source: string;
    route: string;
    dose: { amountPerKg: number };
  };
  type SeedCriterion = { id: string; kind: string; text: string };
  type SeedEndpoint = { type: string; measure: string; timeFrame: { text: string } };

  it('identity, conditions and keywords', () => {
    expect(identity(draft as unknown as Record<string, unknown>)).toEqual(identity(seed));
    expect(draft.conditions).toEqual(seed.conditions);
    expect(draft.keywords).toEqual(seed.keywords);
  });

  it('design and the intervention facts the record states', () => {
    const design = seed.design as DraftProtocol['design'];
    expect(draft.design).toMatchObject({
      allocation: design.allocation,
      model: design.model,
      purpose: design.purpose,
      masking: { level: design.masking.level, masked: design.masking.masked },
      plannedEnrollment: design.plannedEnrollment,
      enrollmentType: design.enrollmentType,
    });
    expect(draft.design.arms.map((arm) => arm.type)).toEqual(design.arms.map((arm) => arm.type));
    const [expected] = seed.interventions as SeedIntervention[];
    expect(draft.interventions[0]).toMatchObject({
      type: expected?.type,
      role: expected?.role,
      source: expected?.source,
      route: expected?.route,
      dose: { kind: 'per-kg', amountPerKg: expected?.dose.amountPerKg, unit: 'cells', weight: null },
    });
  });

  it('eligibility: limits and the criteria split exactly as in the seed file', () => {
    const eligibility = seed.eligibility as { criteria: SeedCriterion[] } & Record<string, unknown>;
    expect(draft.eligibility).toMatchObject({
      minAgeYears: eligibility.minAgeYears,
      maxAgeYears: eligibility.maxAgeYears,
      sex: eligibility.sex,
      healthyVolunteers: eligibility.healthyVolunteers,
    });
    expect(draft.eligibility.criteria).toEqual(
      eligibility.criteria.map(({ id, kind, text }) => ({ id, kind, text })),
    );
  });

  it('endpoints: type, measure guessed from the title, time frame', () => {
    const endpoints = (seed.endpoints as SeedEndpoint[]).map(({ type, measure, timeFrame }) => ({
      type,
      measure,
      timeFrame: timeFrame.text,
    }));
    expect(
      draft.endpoints.map(({ type, measure, timeFrame }) => ({ type, measure, timeFrame: timeFrame.text })),
    ).toEqual(endpoints);
  });

  it('fails validation only in TODO fields, and validates once they are filled in', () => {
    expect(problemsOutsideTodos(result.draft, result.yaml)).toEqual([]);
    const armId = draft.design.arms[0]?.id ?? '';
    const interventionId = draft.interventions[0]?.id ?? '';
    const completed = {
      ...draft,
      interventions: draft.interventions.map((item) => ({
        ...item,
        dose:
          item.dose === null || item.dose === undefined
            ? item.dose
            : { ...item.dose, weight: 'dosing-visit' },
      })),
      administrations: [{ arm: armId, doses: [{ visit: 'inj', intervention: interventionId }] }],
      studyDay: { anchor: 'first-dose', numbering: 'day-0' },
      epochs: [
        { id: 'screening', name: 'Screening', kind: 'screening' },
        { id: 'treatment', name: 'Treatment', kind: 'treatment' },
      ],
      visits: [
        {
          id: 'scr',
          name: 'Screening',
          epoch: 'screening',
          anchor: 'consent',
          offsetDays: 0,
          window: { before: 0, after: 7 },
          events: ['screening'],
        },
        {
          id: 'inj',
          name: 'Injection',
          epoch: 'treatment',
          anchor: { visit: 'scr' },
          offsetDays: 30,
          window: { before: 0, after: 7 },
        },
      ],
      endpoints: draft.endpoints.map((endpoint) => ({ ...endpoint, analysis: { method: 'descriptive' } })),
      safety: { ctcaeVersion: 'v4.0', aeGradeThreshold: 1 },
    };
    const parsed = parseProtocolYaml(stringify(completed), 'completed.yaml');
    expect(parsed.kind === 'invalid' ? parsed.problems : []).toEqual([]);
  });
});
