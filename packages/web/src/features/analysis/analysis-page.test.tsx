// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { numberAtRisk } from './analysis-labels.js';
import { AnalysisPage } from './analysis-page.js';
import { toCsv } from './downloads.js';
import { ANALYSIS_STUDY_ID, runInAnalysisFixture } from './testing/analysis-fixture.js';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/analysis" element={<AnalysisPage />} />
    </Routes>,
    { path: `/studies/${ANALYSIS_STUDY_ID}/analysis` },
  );
}

describe('AnalysisPage', () => {
  it('shows the data status, synthetic label, plots as SVG, endpoint tables, and degrades without an AE table', async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
      [`GET /api/studies/${ANALYSIS_STUDY_ID}/analysis`]: { status: 200, body: runInAnalysisFixture() },
    });
    renderPage();
    expect(await screen.findByText('Current data, not locked', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Synthetic data')).toBeTruthy();
    for (const name of [
      'ALSFRS-R total: individual trajectories',
      'ALSFRS-R total: mean by visit with 95 % CI',
      'Slope change per participant (treatment − run-in)',
      'Kaplan–Meier curves',
    ]) {
      const figure = screen.getByRole('figure', { name });
      expect(figure.querySelector('svg')).not.toBeNull();
      expect(within(figure).getByRole('button', { name: 'PNG' })).toBeTruthy();
    }
    const perParticipant = screen.getByRole('table', { name: 'ALSFRS-R progression rate: per participant' });
    expect(within(perParticipant).getByText('S-001 (synthetic)')).toBeTruthy();
    expect(within(perParticipant).queryByText('Arm')).toBeNull();
    expect(screen.getByText('Uncontrolled comparison: regression to the mean.')).toBeTruthy();
    expect(
      await screen.findByText('The adverse-event table is not available on this server yet.', {}, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Report (PDF)' }).getAttribute('href')).toBe(
      `/api/studies/${ANALYSIS_STUDY_ID}/analysis/report.pdf`,
    );
  });

  it('shows the server message when the analysis fails', async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
      [`GET /api/studies/${ANALYSIS_STUDY_ID}/analysis`]: {
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: 'you lack the permission analysis:run' } },
      },
    });
    renderPage();
    expect(await screen.findByText('You lack the permission analysis:run.', {}, SLOW)).toBeTruthy();
  });
});

describe('analysis helpers', () => {
  it('counts numbers at risk as those still followed at t', () => {
    const group = runInAnalysisFixture().survival?.groups[0];
    expect(group && [0, 3, 3.5, 4, 5].map((t) => numberAtRisk(group, t))).toEqual([2, 2, 1, 1, 0]);
  });

  it('quotes CSV fields with commas, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });
});
