// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { enrolledView, participantView } from '../participants/testing/participant-fixtures.js';
import { CasebookListPage } from './casebook-list-page.js';
import { PARTICIPANT_ID, STUDY_ID, dataQuery, sessionAs } from './testing/casebook-fixtures.js';

const SLOW = { timeout: 10_000 };
const OTHER_ID = '00000000-0000-4000-8000-0000000000c2';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(role: Parameters<typeof sessionAs>[0]) {
  stubFetch({
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET /api/studies/${STUDY_ID}/participants`]: {
      status: 200,
      body: {
        participants: [enrolledView(), participantView({ id: OTHER_ID, screeningNumber: 'PNUYH-S002' })],
      },
    },
    [`GET /api/studies/${STUDY_ID}/queries?status=open`]: {
      status: 200,
      body: { queries: [dataQuery(), dataQuery({ id: '00000000-0000-4000-8000-0000000000f2' })], bySite: [] },
    },
    [`GET /api/studies/${STUDY_ID}/locks`]: { status: 200, body: { locks: [] } },
  });
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/casebooks" element={<CasebookListPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/casebooks` },
  );
}

describe('CasebookListPage', () => {
  it('links every participant to their casebook with the open query count', async () => {
    renderPage('monitor');
    const table = await screen.findByRole('table', { name: 'Casebooks' }, SLOW);
    const row = within(table).getByRole('link', { name: 'PNUYH-001' }).closest('tr');
    expect(within(table).getByRole('link', { name: 'PNUYH-001' }).getAttribute('href')).toBe(
      `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/casebook`,
    );
    expect(await within(row as HTMLElement).findByRole('link', { name: '2' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'PNUYH-S002' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lock study' })).toBeNull();
  });

  it('offers the data manager the study lock', async () => {
    renderPage('data-manager');
    expect(await screen.findByRole('button', { name: 'Lock study' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Nothing is locked.')).toBeTruthy();
  });
});
