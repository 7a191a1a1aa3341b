// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { CasebookLogs } from '../casebook/casebook-logs.js';
import { casebookBody, sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { enrolledView } from '../participants/testing/participant-fixtures.js';
import { studyAccess } from '../participants/use-study-access.js';
import { AeLogPage } from './ae-log-page.js';
import {
  AE_ID,
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  aeListBody,
  aeView,
  proposalView,
} from './testing/safety-fixtures.js';

const SLOW = { timeout: 10_000 };
const LOG_URL = `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/adverse-events`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET ${PARTICIPANT_BASE}`]: { status: 200, body: enrolledView() },
    [`GET ${PARTICIPANT_BASE}/adverse-events`]: {
      status: 200,
      body: aeListBody([
        aeView(),
        aeView({
          id: '00000000-0000-4000-8000-0000000001a2',
          aeNumber: 2,
          version: 1,
          term: 'Back pain',
          ctcaeTerm: null,
          soc: null,
          serious: false,
          seriousness: [],
          related: false,
          susar: 'not-susar',
          clock: null,
          ongoing: false,
          resolutionDate: '2026-03-03',
          outcome: 'recovered',
        }),
      ]),
    },
    [`GET ${PARTICIPANT_BASE}/ae-proposals?status=proposed`]: {
      status: 200,
      body: { proposals: [proposalView()] },
    },
    ...overrides,
  };
}

describe('AeLogPage', () => {
  it('lists the AEs with SAE deadlines at a glance and the pending lab proposals', async () => {
    stubFetch(routes('coordinator'));
    renderWithApp(
      <Routes>
        <Route path="/studies/:studyId/participants/:participantId/adverse-events" element={<AeLogPage />} />
      </Routes>,
      { path: LOG_URL },
    );
    const table = await screen.findByRole('table', { name: 'Adverse events' }, SLOW);
    const [, sae, other] = within(table).getAllByRole('row');
    expect(sae?.textContent).toContain('Initial: overdue by 2.5 h');
    expect(sae?.textContent).toContain('SUSAR');
    expect(other?.textContent).toContain('Back pain');
    expect(other?.textContent).toContain('2026-03-03');
    expect(within(table).getByRole('link', { name: 'AE 1' }).getAttribute('href')).toBe(
      `${LOG_URL}/${AE_ID}`,
    );
    expect(screen.getByRole('link', { name: 'Record adverse event' }).getAttribute('href')).toBe(
      `${LOG_URL}/new`,
    );
    expect(screen.getByRole('table', { name: 'Lab AE proposals' }).textContent).toContain('250 U/L');
  });

  it('hides "Record adverse event" from a monitor', async () => {
    stubFetch(routes('monitor'));
    renderWithApp(
      <Routes>
        <Route path="/studies/:studyId/participants/:participantId/adverse-events" element={<AeLogPage />} />
      </Routes>,
      { path: LOG_URL },
    );
    await screen.findByRole('table', { name: 'Adverse events' }, SLOW);
    expect(screen.queryByRole('link', { name: 'Record adverse event' })).toBeNull();
  });
});

describe('CasebookLogs', () => {
  it('sends the adverse-events log to the AE log, not to a generic form', () => {
    stubFetch({});
    const casebook = casebookBody({
      logs: [
        { formKey: 'adverse-events', name: 'Adverse events', entries: [] },
        { formKey: 'con-meds', name: 'Concomitant medications', entries: [] },
      ],
    });
    const user = sessionAs('coordinator').user;
    renderWithApp(<CasebookLogs casebook={casebook} can={studyAccess(user, STUDY_ID)} />);
    expect(screen.getByRole('link', { name: 'Adverse event log →' }).getAttribute('href')).toBe(LOG_URL);
    expect(screen.getByRole('link', { name: 'Record adverse event' }).getAttribute('href')).toBe(
      `${LOG_URL}/new`,
    );
    expect(screen.queryByRole('link', { name: 'Add Adverse events entry' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Add Concomitant medications entry' })).toBeTruthy();
  });
});
