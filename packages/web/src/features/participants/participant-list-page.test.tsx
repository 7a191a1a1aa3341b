// @vitest-environment jsdom
import type { SessionResponse } from '@celltrial/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { ParticipantListPage } from './participant-list-page.js';
import {
  PARTICIPANT_ID,
  SITE_PNUYH,
  SITE_SNUH,
  STUDY_ID,
  enrolledView,
  participantView,
} from './testing/participant-fixtures.js';

const SLOW = { timeout: 10_000 };
const LIST = `GET /api/studies/${STUDY_ID}/participants`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
    [`GET /api/studies/${STUDY_ID}/sites`]: { status: 200, body: { sites: [SITE_PNUYH, SITE_SNUH] } },
    [LIST]: {
      status: 200,
      body: {
        participants: [
          participantView({ id: '00000000-0000-4000-8000-0000000000c2', screeningNumber: 'PNUYH-S002' }),
          enrolledView({ allocation: { kitCode: 'G8YK4-M147B', allocatedAt: '2026-03-02T10:05:00.000Z' } }),
        ],
      },
    },
    ...overrides,
  };
}

function renderList(path = `/studies/${STUDY_ID}/participants`) {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/participants" element={<ParticipantListPage />} />
      <Route path="/studies/:studyId/participants/:participantId" element={<p>participant page</p>} />
    </Routes>,
    { path },
  );
}

describe('ParticipantListPage', () => {
  it('shows one table per visible site with numbers, status, verdict and the neutral kit code', async () => {
    stubFetch(routes());
    renderList();
    const table = await screen.findByRole('table', { name: 'Participants at PNUYH' }, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]?.textContent).toContain('PNUYH-S001');
    expect(rows[2]?.textContent).toContain('PNUYH-001');
    expect(rows[2]?.textContent).toContain('Enrolled');
    expect(rows[2]?.textContent).toContain('Eligible');
    expect(rows[2]?.textContent).toContain('G8YK4-M147B');
    expect(within(table).queryByRole('columnheader', { name: 'Arm' })).toBeNull();
    expect(screen.getByText('No candidates registered at this site yet.')).toBeTruthy();
  });

  it('adds the arm column only when the server sends arms (unblinded roles)', async () => {
    const arm = { id: 'multiple', name: 'Multiple administration group' };
    stubFetch(
      routes({
        [LIST]: {
          status: 200,
          body: {
            participants: [
              enrolledView({ allocation: { kitCode: 'K1', allocatedAt: '2026-03-02T10:05:00.000Z', arm } }),
            ],
          },
        },
      }),
    );
    renderList();
    const table = await screen.findByRole('table', { name: 'Participants at PNUYH' }, SLOW);
    expect(within(table).getByRole('columnheader', { name: 'Arm' })).toBeTruthy();
    expect(table.textContent).toContain('Multiple administration group');
  });

  it('filters by site through the API and keeps the site in the URL', async () => {
    const fetchMock = stubFetch({
      ...routes(),
      [`${LIST}?siteId=${SITE_SNUH.id}`]: { status: 200, body: { participants: [] } },
    });
    renderList(`/studies/${STUDY_ID}/participants?site=SNUH`);
    expect(await screen.findByText('No candidates registered at this site yet.', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'PNUYH' })).toBeNull();
    expect(
      fetchMock.mock.calls.some(
        ([url]) => url === `/api/studies/${STUDY_ID}/participants?siteId=${SITE_SNUH.id}`,
      ),
    ).toBe(true);
  });

  it('registers a candidate at the chosen site and opens the new participant', async () => {
    const fetchMock = stubFetch({
      ...routes(),
      [`POST /api/studies/${STUDY_ID}/participants`]: (body) => ({
        status: 201,
        body: participantView({ siteId: (body as { siteId: string }).siteId }),
      }),
    });
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: 'Register candidate' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Register a screening candidate' });
    fireEvent.change(within(dialog).getByLabelText(/Site/), { target: { value: SITE_SNUH.id } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('participant page', {}, SLOW)).toBeTruthy();
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(call?.[1]?.body).toBe(JSON.stringify({ siteId: SITE_SNUH.id }));
    expect(PARTICIPANT_ID).toBeTruthy();
  });

  it('hides "Register candidate" from a monitor, who may only read', async () => {
    const monitor: SessionResponse = {
      ...ADMIN_SESSION,
      user: {
        ...ADMIN_SESSION.user,
        isSystemAdmin: false,
        grants: [
          { studyId: STUDY_ID, studyCode: 'nct04745299', siteId: null, siteCode: null, role: 'monitor' },
        ],
      },
    };
    stubFetch(routes({ 'GET /api/auth/session': { status: 200, body: monitor } }));
    renderList();
    await screen.findByRole('table', { name: 'Participants at PNUYH' }, SLOW);
    expect(screen.queryByRole('button', { name: 'Register candidate' })).toBeNull();
  });
});
