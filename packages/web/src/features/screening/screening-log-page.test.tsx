// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { STUDY_ID } from '../participants/testing/participant-fixtures.js';
import { currentProtocolBody, loadSeedProtocol } from '../protocol/testing/seed-protocols.js';
import { ScreeningLogPage } from './screening-log-page.js';

const SLOW = { timeout: 10_000 };
const ALSUMMIT = loadSeedProtocol('nct04745299');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const LOG = {
  counts: { screened: 7, inScreening: 2, screenFailed: 3, enrolled: 2, randomized: 1 },
  failureReasons: [
    { criterion: 'inc-5', count: 2 },
    { criterion: 'exc-3', count: 1 },
  ],
  rows: [
    {
      screeningNumber: 'PNUYH-S003',
      subjectNumber: null,
      siteCode: 'PNUYH',
      status: 'screen-failed',
      registeredAt: '2026-03-02T09:00:00.000Z',
      verdict: 'ineligible',
      failedCriteria: ['inc-5', 'exc-3'],
      note: 'ALSFRS-R 28 at screening',
    },
  ],
};

describe('ScreeningLogPage', () => {
  it('shows the CONSORT counts, failure reasons with the criterion text, and the candidates', async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
      [`GET /api/studies/${STUDY_ID}/screening-log`]: { status: 200, body: LOG },
      [`GET /api/studies/${STUDY_ID}/protocol`]: {
        status: 200,
        body: currentProtocolBody(STUDY_ID, ALSUMMIT),
      },
    });
    renderWithApp(
      <Routes>
        <Route path="/studies/:studyId/screening" element={<ScreeningLogPage />} />
      </Routes>,
      { path: `/studies/${STUDY_ID}/screening` },
    );
    const flow = await screen.findByRole('figure', { name: 'Enrolment flow' }, SLOW);
    const boxes = within(flow)
      .getAllByRole('group')
      .map((box) => box.getAttribute('aria-label'));
    expect(boxes).toEqual([
      'Registered for screening: 7',
      'Screen failed: 3',
      'Still in screening: 2',
      'Enrolled: 2',
      'Randomized: 1',
    ]);
    const reasons = screen.getByRole('table', { name: 'Screen-failure reasons' });
    const first = within(reasons).getAllByRole('row')[1];
    expect(first?.textContent).toContain('inc-5');
    expect(first?.textContent).toContain('ALSFRS-R scores are in the range of 31~46');
    expect(first?.textContent).toMatch(/2$/);
    const log = screen.getByRole('table', { name: 'Screening log' });
    expect(log.textContent).toContain('PNUYH-S003');
    expect(log.textContent).toContain('Screen failed');
    expect(log.textContent).toContain('inc-5, exc-3');
    expect(log.textContent).toContain('ALSFRS-R 28 at screening');
  });
});
