// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { errorBody, stubFetch } from '../../testing/fetch-stub.js';
import { SAMPLE_STUDY } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { StudyListPage } from './study-list-page.js';

function renderList() {
  return renderWithApp(
    <Routes>
      <Route path="/studies" element={<StudyListPage />} />
      <Route path="/studies/:studyId" element={<p>overview page</p>} />
    </Routes>,
    { path: '/studies' },
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('StudyListPage', () => {
  it('lists each study with its code, registry ids, phase, status, conditions and site count', async () => {
    stubFetch({ 'GET /api/studies': { status: 200, body: { studies: [SAMPLE_STUDY] } } });
    renderList();
    const table = await screen.findByRole('table', { name: 'Studies' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    const cells = within(rows[1]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'MSC-ALS-01',
      SAMPLE_STUDY.title,
      '2',
      'Recruiting',
      'Amyotrophic lateral sclerosis',
      'NCT01234567EU-CT 2024-500000-01-00',
      '3',
    ]);
    expect(screen.getByRole('link', { name: 'NCT01234567' }).getAttribute('href')).toBe(
      'https://clinicaltrials.gov/study/NCT01234567',
    );
    expect(screen.getByText('1 study')).toBeTruthy();
  });

  it('opens a study when its row is clicked', async () => {
    stubFetch({ 'GET /api/studies': { status: 200, body: { studies: [SAMPLE_STUDY] } } });
    renderList();
    fireEvent.click(await screen.findByText(SAMPLE_STUDY.title));
    expect(await screen.findByText('overview page')).toBeTruthy();
  });

  it('explains where studies come from when there are none', async () => {
    stubFetch({ 'GET /api/studies': { status: 200, body: { studies: [] } } });
    renderList();
    expect(await screen.findByText('No studies yet')).toBeTruthy();
    expect(screen.getByText(/are loaded at start-up/).textContent).toBe(
      'Protocols in protocols/ are loaded at start-up.',
    );
  });

  it("shows the server's error with its code and a retry button", async () => {
    stubFetch({
      'GET /api/studies': {
        status: 503,
        body: errorBody('DATABASE_UNAVAILABLE', 'The database cannot be reached.'),
      },
    });
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load studies');
    expect(alert.textContent).toContain('The database cannot be reached.');
    expect(alert.textContent).toContain('DATABASE_UNAVAILABLE');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('reports a response that does not match the contract instead of rendering it', async () => {
    stubFetch({
      'GET /api/studies': { status: 200, body: { studies: [{ ...SAMPLE_STUDY, siteCount: 'three' }] } },
    });
    renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('UNEXPECTED_RESPONSE');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
