// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { SAMPLE_STUDY } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { currentProtocolBody, loadSeedProtocol } from '../protocol/testing/seed-protocols.js';
import { StudyOverviewPage } from './study-overview-page.js';

const ID = SAMPLE_STUDY.id;
/** The record page is large: rendering it in jsdom on a slow machine can take more than the default second. */
const SLOW = { timeout: 10_000 };
const HADASSAH = loadSeedProtocol('nct04821479');
const ALSUMMIT = loadSeedProtocol('nct04745299');

const SITES = {
  status: 200,
  body: {
    sites: [
      {
        id: '00000000-0000-4000-8000-0000000000b1',
        studyId: ID,
        code: 'HMO',
        name: 'Hadassah',
        country: 'Israel',
      },
    ],
  },
};

function routes(overrides: StubRoutes = {}): StubRoutes {
  return {
    [`GET /api/studies/${ID}`]: {
      status: 200,
      body: { ...SAMPLE_STUDY, code: 'nct04821479', title: HADASSAH.title },
    },
    [`GET /api/studies/${ID}/sites`]: SITES,
    [`GET /api/studies/${ID}/protocol`]: { status: 200, body: currentProtocolBody(ID, HADASSAH) },
    [`GET /api/studies/${ID}/protocol/versions`]: {
      status: 200,
      body: {
        versions: [
          {
            version: 2,
            sha256: 'b'.repeat(64),
            sourceName: 'nct04821479.yaml',
            amendmentReason: 'Windows widened after the DSMB meeting',
            loadedAt: '2026-05-01T08:00:00.000Z',
          },
          {
            version: 1,
            sha256: 'a'.repeat(64),
            sourceName: 'nct04821479.yaml',
            amendmentReason: null,
            loadedAt: '2026-03-02T09:15:00.000Z',
          },
        ],
      },
    },
    ...overrides,
  };
}

function renderOverview() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId" element={<StudyOverviewPage />} />
    </Routes>,
    { path: `/studies/${ID}` },
  );
}

/** The value next to a label in a fact list. */
function fact(section: HTMLElement, label: string): string | null {
  const term = within(section).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('StudyOverviewPage', () => {
  it('shows the registry facts of NCT04821479 from its protocol', async () => {
    stubFetch(routes());
    renderOverview();
    const record = await screen.findByRole('region', { name: 'Study record' }, SLOW);
    expect(fact(record, 'Status')).toBe('Completed');
    expect(fact(record, 'Phase')).toBe('Phase 1/Phase 2');
    expect(fact(record, 'Enrollment')).toBe('20 (actual)');
    expect(fact(record, 'Sponsor')).toBe('Hadassah Medical Organization');
    expect(fact(record, 'Org study IDs')).toBe('0208-16-HMO');
    expect(within(record).getByRole('link', { name: 'NCT04821479' }).getAttribute('href')).toBe(
      'https://clinicaltrials.gov/study/NCT04821479',
    );

    const design = screen.getByRole('region', { name: 'Study design' });
    expect(fact(design, 'Allocation')).toBe('N/A');
    expect(fact(design, 'Intervention model')).toBe('Single group assignment');
    expect(fact(design, 'Masking')).toBe('None (open label)Single center open label study');

    const interventions = screen.getByRole('region', { name: 'Interventions' });
    expect(fact(interventions, 'Route')).toBe('Intrathecal');
    expect(fact(interventions, 'Dose')).toBe(
      '1\u00d710\u2076 cells/kg body weight (weight at the dosing visit)',
    );
    expect(fact(interventions, 'Volume')).toBe('3 ml in normal saline');

    const arms = within(screen.getByRole('table', { name: 'Arms' })).getAllByRole('row');
    expect(arms[1]?.textContent).toContain('Mesenchymal stem cells (MSC) × 4');
  });

  it('lists the inclusion and exclusion criteria with their texts and marks investigator judgement', async () => {
    stubFetch(routes());
    renderOverview();
    const inclusion = await screen.findByRole('list', { name: 'Inclusion criteria' }, SLOW);
    const exclusion = screen.getByRole('list', { name: 'Exclusion criteria' });
    const inclusionItems = within(inclusion).getAllByRole('listitem');
    expect(inclusionItems).toHaveLength(4);
    expect(within(exclusion).getAllByRole('listitem')).toHaveLength(5);
    // The criterion text, then its encoded rule (protocols carry rules since the eligibility engine landed).
    expect(inclusionItems[3]?.textContent).toMatch(
      /^inc-4ALSFRS-R ≥15 at the Screening Visit\..*alsfrsR\.total >= 15/,
    );
    expect(inclusionItems[2]?.textContent).toContain('investigator judgement');
    expect(screen.getAllByText('investigator judgement')).toHaveLength(2);
    const eligibility = screen.getByRole('region', { name: 'Eligibility' });
    expect(fact(eligibility, 'Ages')).toBe('18 to 65 years');
    expect(fact(eligibility, 'Investigator judgement')).toBe('2 of 9 criteria');
  });

  it('shows endpoints by type, sites with their city, references and the protocol versions', async () => {
    stubFetch(routes());
    renderOverview();
    const primary = await screen.findByRole('table', { name: 'Primary outcomes' }, SLOW);
    expect(within(primary).getAllByRole('row')).toHaveLength(2);
    expect(primary.textContent).toContain('Incidence');
    const secondary = screen.getByRole('table', { name: 'Secondary outcomes' });
    expect(within(secondary).getAllByRole('row')).toHaveLength(3);
    expect(secondary.textContent).toContain('Slope comparison');

    const sites = await screen.findByRole('table', { name: 'Sites' }, SLOW);
    expect(within(sites).getAllByRole('row')[1]?.textContent).toBe('HMOHadassahJerusalemIsrael');
    expect(screen.getByRole('link', { name: 'doi:10.52586/4980' }).getAttribute('href')).toBe(
      'https://doi.org/10.52586/4980',
    );

    const version = screen.getByRole('region', { name: 'Protocol version' });
    expect(fact(version, 'Loaded')).toBe('2026-03-02 09:15 UTC');
    expect(fact(version, 'Reason')).toBe('Initial version');
    const versions = await within(version).findByRole('table', { name: 'Protocol versions' }, SLOW);
    expect(
      within(versions)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'vLoadedReason',
      '22026-05-01Windows widened after the DSMB meeting',
      '12026-03-02Initial version',
    ]);
  });

  it('shows a masked randomized design: roles, ratio and each arm’s planned doses (NCT04745299)', async () => {
    stubFetch(
      routes({
        [`GET /api/studies/${ID}/protocol`]: { status: 200, body: currentProtocolBody(ID, ALSUMMIT) },
      }),
    );
    renderOverview();
    const design = await screen.findByRole('region', { name: 'Study design' }, SLOW);
    expect(fact(design, 'Masking')).toBe(
      'Quadruple (Participant, Care provider, Investigator, Outcomes assessor)Double-blind, sham procedure-controlled (published protocol)',
    );
    expect(fact(design, 'Randomization')).toContain('Ratio 1:2:2');
    expect(fact(design, 'Randomization')).toContain(
      'Permuted blocks of 5 and 10, stratified by Study site (ASSUMED)',
    );
    const rows = within(screen.getByRole('table', { name: 'Arms' })).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Lenzumestrocel × 2Placebo comparator × 3Riluzole (background)');
    expect(rows[3]?.textContent).toContain('Sham comparator');
  });

  it('keeps the study summary and sites when the protocol cannot be loaded', async () => {
    stubFetch(
      routes({
        [`GET /api/studies/${ID}/protocol`]: {
          status: 503,
          body: errorBody('DATABASE_UNAVAILABLE', 'The database cannot be reached.'),
        },
      }),
    );
    renderOverview();
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('Could not load the protocol');
    expect(alert.textContent).toContain('DATABASE_UNAVAILABLE');
    expect(screen.getByText('Study details')).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Sites' }, SLOW)).toBeTruthy();
  });
});
