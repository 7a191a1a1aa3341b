// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { CasebookPage } from './casebook-page.js';
import {
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  VISIT_ID,
  casebookBody,
  sessionAs,
  visitView,
} from './testing/casebook-fixtures.js';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET ${PARTICIPANT_BASE}/casebook`]: { status: 200, body: casebookBody() },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/participants/:participantId/casebook" element={<CasebookPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/casebook` },
  );
}

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}

const visitRow = async (name: string) => {
  const table = await screen.findByRole('table', { name: 'Visits' }, SLOW);
  const cell = within(table).getByText(name);
  const row = cell.closest('tr');
  if (row === null) {
    throw new Error(`no row for ${name}`);
  }
  return row;
};

describe('CasebookPage', () => {
  it('shows the header, the visit calendar with status and days, and the forms of each visit', async () => {
    stubFetch(
      routes('monitor', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: {
          status: 200,
          body: casebookBody({
            synthetic: true,
            openQueries: 2,
            calendarNote: 'Dates after dosing are assumed.',
          }),
        },
      }),
    );
    renderPage();
    expect(await screen.findByRole('heading', { name: /Casebook PNUYH-001/ }, SLOW)).toBeTruthy();
    expect(screen.getAllByText('SYNTHETIC').length).toBeGreaterThan(0);
    expect(screen.getByText('Dates after dosing are assumed.')).toBeTruthy();
    const baseline = await visitRow('Baseline');
    expect(baseline.textContent).toContain('2026-03-03 – 2026-03-17');
    expect(baseline.textContent).toContain('Due');
    expect(baseline.textContent).toContain('5 days left');
    // Not recorded yet: the form cannot be opened, and a monitor records no visits.
    expect(within(baseline).queryByRole('link', { name: 'ALSFRS-R' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record visit' })).toBeNull();
    expect(screen.getByRole('link', { name: '2' }).getAttribute('href')).toContain('status=open');
  });

  it('records a visit done outside its window with the reason the protocol asks for', async () => {
    let current = casebookBody();
    const fetchMock = stubFetch(
      routes('coordinator', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({ status: 200, body: current }),
        [`PUT ${PARTICIPANT_BASE}/visits/baseline`]: () => {
          current = casebookBody({
            visits: [
              visitView({
                status: 'out-of-window',
                days: 3,
                actualDate: '2026-03-20',
                visitId: VISIT_ID,
                rowVersion: 1,
                outOfWindowReason: 'Participant had the flu',
              }),
            ],
          });
          return { status: 200, body: { visitId: VISIT_ID, rowVersion: 1, casebook: current } };
        },
      }),
    );
    renderPage();
    fireEvent.click(within(await visitRow('Baseline')).getByRole('button', { name: 'Record visit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record visit: Baseline' });
    fireEvent.change(within(dialog).getByLabelText(/Visit date/), { target: { value: '2026-03-20' } });
    const reason = await within(dialog).findByLabelText(/Reason for the out-of-window date/);
    const save = within(dialog).getByRole('button', { name: 'Save visit' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(reason, { target: { value: 'Participant had the flu' } });
    fireEvent.click(save);
    expect(await screen.findByText('3 days outside the window', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT', `${PARTICIPANT_BASE}/visits/baseline`)).toEqual({
      status: 'done',
      actualDate: '2026-03-20',
      outOfWindowReason: 'Participant had the flu',
      expectedRowVersion: 0,
    });
  });

  it('asks for the out-of-window reason when the server says the date is outside the window', async () => {
    stubFetch(
      routes('coordinator', {
        [`PUT ${PARTICIPANT_BASE}/visits/baseline`]: {
          status: 422,
          body: errorBody('BUSINESS_RULE_VIOLATED', 'the visit date is outside its window; give the reason', {
            rule: 'out-of-window-reason',
            window: { start: '2026-03-05', end: '2026-03-15', planned: '2026-03-10' },
          }),
        },
      }),
    );
    renderPage();
    fireEvent.click(within(await visitRow('Baseline')).getByRole('button', { name: 'Record visit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record visit: Baseline' });
    fireEvent.change(within(dialog).getByLabelText(/Visit date/), { target: { value: '2026-03-04' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save visit' }));
    const reason = await within(dialog).findByLabelText(/Reason for the out-of-window date/, {}, SLOW);
    expect(reason.closest('.mantine-InputWrapper-root')?.textContent).toContain('2026-03-05 – 2026-03-15');
  });

  it('records a missed visit with its reason, and a change of a recorded visit with a reason for change', async () => {
    const recorded = visitView({
      status: 'missed',
      visitId: VISIT_ID,
      rowVersion: 2,
      reason: 'Hospitalised',
    });
    let current = casebookBody({ visits: [visitView()] });
    const fetchMock = stubFetch(
      routes('investigator', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({ status: 200, body: current }),
        [`PUT ${PARTICIPANT_BASE}/visits/baseline`]: () => {
          current = casebookBody({ visits: [recorded] });
          return { status: 200, body: { visitId: VISIT_ID, rowVersion: 2, casebook: current } };
        },
      }),
    );
    renderPage();
    fireEvent.click(within(await visitRow('Baseline')).getByRole('button', { name: 'Record visit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record visit: Baseline' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Missed' }));
    fireEvent.change(within(dialog).getByLabelText(/Reason the visit was missed/), {
      target: { value: 'Hospitalised' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save visit' }));
    expect(await screen.findByText('Hospitalised', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT', `${PARTICIPANT_BASE}/visits/baseline`)).toEqual({
      status: 'missed',
      reason: 'Hospitalised',
      expectedRowVersion: 0,
    });
    fireEvent.click(within(await visitRow('Baseline')).getByRole('button', { name: 'Change visit' }));
    const change = await screen.findByRole('dialog', { name: 'Change visit record: Baseline' });
    expect(within(change).getByLabelText(/Reason for change/)).toBeTruthy();
    expect(within(change).getByRole('button', { name: 'Save visit' }).hasAttribute('disabled')).toBe(true);
  });

  it('adds an unscheduled visit with its reason', async () => {
    const fetchMock = stubFetch(
      routes('coordinator', {
        [`POST ${PARTICIPANT_BASE}/unscheduled-visits`]: {
          status: 201,
          body: { visitId: VISIT_ID, rowVersion: 1, casebook: casebookBody() },
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Add unscheduled visit' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Unscheduled visit' });
    fireEvent.change(within(dialog).getByLabelText(/Visit date/), { target: { value: '2026-03-12' } });
    fireEvent.change(within(dialog).getByLabelText(/Reason for the unscheduled visit/), {
      target: { value: 'Fall at home' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add visit' }));
    await waitFor(() =>
      expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/unscheduled-visits`)).toEqual({
        date: '2026-03-12',
        reason: 'Fall at home',
      }),
    );
    expect(screen.getByRole('link', { name: 'Add Concomitant medications entry' }).getAttribute('href')).toBe(
      `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/logs/con-meds/new`,
    );
  });

  it('lets the investigator sign the casebook after entering the password', async () => {
    let signed = false;
    const signature = {
      id: '00000000-0000-4000-8000-0000000000fa',
      scope: 'casebook' as const,
      meaning:
        "I have reviewed this participant's casebook and confirm that its data are accurate and complete.",
      signedBy: 'Ivy Investigator',
      signedAt: '2026-03-12T10:00:00.000Z',
      formVersion: null,
    };
    const fetchMock = stubFetch(
      routes('investigator', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({
          status: 200,
          body: casebookBody(signed ? { signature } : {}),
        }),
        'POST /api/auth/reauthenticate': {
          status: 200,
          body: { reauthenticatedAt: '2026-03-12T10:00:00.000Z' },
        },
        [`POST ${PARTICIPANT_BASE}/casebook/sign`]: () => {
          signed = true;
          return { status: 200, body: casebookBody({ signature }) };
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign casebook' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Sign casebook: PNUYH-001' });
    expect(dialog.textContent).toContain(signature.meaning);
    fireEvent.change(within(dialog).getByLabelText(/Password/, { selector: 'input' }), {
      target: { value: 'pw' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/by Ivy Investigator on 2026-03-12/, {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/casebook/sign`)).toEqual({});
    expect(screen.queryByRole('button', { name: 'Sign casebook' })).toBeNull();
  });

  it('lets the data manager lock the casebook, and shows the lock with Unlock', async () => {
    const lock = {
      id: '00000000-0000-4000-8000-0000000000f9',
      scope: 'casebook' as const,
      participantId: PARTICIPANT_ID,
      visitId: null,
      formRecordId: null,
      reason: 'Database lock',
      lockedBy: 'Dana Data',
      lockedAt: '2026-03-12T11:00:00.000Z',
      unlockedAt: null,
      unlockReason: null,
    };
    let locked = false;
    const fetchMock = stubFetch(
      routes('data-manager', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({
          status: 200,
          body: casebookBody(locked ? { locks: [lock] } : {}),
        }),
        [`POST /api/studies/${STUDY_ID}/locks`]: () => {
          locked = true;
          return { status: 201, body: lock };
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Lock casebook' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Lock the casebook of PNUYH-001' });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Database lock' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Unlock' }, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `/api/studies/${STUDY_ID}/locks`)).toEqual({
      scope: 'casebook',
      participantId: PARTICIPANT_ID,
      reason: 'Database lock',
    });
    expect(screen.getAllByText(/Locked/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Sign casebook' })).toBeNull();
  });

  it('says so when the casebook does not exist', async () => {
    stubFetch(
      routes('monitor', {
        [`GET ${PARTICIPANT_BASE}/casebook`]: {
          status: 404,
          body: errorBody('NOT_FOUND', 'participant not found'),
        },
      }),
    );
    renderPage();
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toContain('Casebook not found');
  });
});
