// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { EscalationPage } from './escalation-page.js';
import {
  P1,
  SITE_PNUYH,
  STUDY_ID,
  assessment,
  boardBody,
  expandCohort,
} from './testing/escalation-fixtures.js';

const SLOW = { timeout: 10_000 };
const BOARD = `/api/studies/${STUDY_ID}/escalation`;
const P1_BASE = `/api/studies/${STUDY_ID}/participants/${P1}`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET /api/studies/${STUDY_ID}/sites`]: { status: 200, body: { sites: [SITE_PNUYH] } },
    [`GET ${BOARD}`]: { status: 200, body: boardBody() },
    [`GET ${P1_BASE}/adverse-events`]: {
      status: 200,
      body: { adverseEvents: [], procedures: [], ctcaeVersion: 'v5.0', aeGradeThreshold: 3 },
    },
    'POST /api/auth/reauthenticate': { status: 200, body: { reauthenticatedAt: '2026-02-09T10:00:00.000Z' } },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/dosing/escalation" element={<EscalationPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/dosing/escalation` },
  );
}

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}

async function signWithPassword(title: string) {
  const dialog = await screen.findByRole('dialog', { name: title }, SLOW);
  fireEvent.change(within(dialog).getByLabelText(/Password/, { selector: 'input' }), {
    target: { value: 'correct horse' },
  });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
}

describe('EscalationPage', () => {
  it('records a DLT, signs it with the password, and shows the decision change to "expand to 6"', async () => {
    let board = boardBody();
    const fetchMock = stubFetch(
      routes('investigator', {
        [`GET ${BOARD}`]: () => ({ status: 200, body: board }),
        [`PUT ${P1_BASE}/dlt-assessment`]: {
          status: 200,
          body: {
            assessment: assessment(P1, { dlt: true, dltDate: '2026-01-30', signedAt: null, signedBy: null }),
          },
        },
        [`POST ${P1_BASE}/dlt-assessment/sign`]: () => {
          board = boardBody(expandCohort());
          return { status: 200, body: { assessment: assessment(P1, { dlt: true, dltDate: '2026-01-30' }) } };
        },
      }),
    );
    renderPage();
    const decision = await screen.findByRole('status', { name: 'Cohort 1 decision' }, SLOW);
    expect(decision.textContent).toBe('Cohort incomplete: no decision yet');
    expect(screen.getByText(/1 DLT assessment\(s\) pending/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Cohort 1 participants' });
    const row = within(table).getByText('PNUYH-001').closest('tr');
    if (row === null) {
      throw new Error('no row');
    }
    expect(within(row).getByText('Pending')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Record DLT assessment' }));
    const dialog = await screen.findByRole('dialog', { name: 'DLT assessment: PNUYH-001' });
    expect(dialog.textContent).toContain('DLT window 2026-01-26 to 2026-02-09');
    const signButton = within(dialog).getByRole('button', { name: 'Save and sign' });
    expect(signButton.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Yes' }));
    fireEvent.change(within(dialog).getByLabelText(/DLT onset date/), { target: { value: '2026-01-30' } });
    fireEvent.click(signButton);
    await signWithPassword('Sign DLT assessment: PNUYH-001');
    await waitFor(() => expect(decision.textContent).toBe('Expand to 6 at Low dose'), SLOW);
    expect(bodyOf(fetchMock, 'PUT', `${P1_BASE}/dlt-assessment`)).toEqual({
      dlt: true,
      dltDate: '2026-01-30',
      adverseEventIds: [],
      expectedVersion: 0,
    });
    expect(bodyOf(fetchMock, 'POST', `${P1_BASE}/dlt-assessment/sign`)).toEqual({ version: 1 });
    expect(screen.getByRole('status', { name: 'Next step' }).textContent).toContain(
      'treat 3 participant(s) at Low dose',
    );
  });

  it('shows the server’s reason when a confirmation is refused', async () => {
    const fetchMock = stubFetch(
      routes('investigator', {
        [`GET ${BOARD}`]: { status: 200, body: boardBody(expandCohort()) },
        [`POST ${BOARD}/decisions`]: {
          status: 422,
          body: errorBody('BUSINESS_RULE_VIOLATED', "confirm cohort 0's decision first", {
            rule: 'decided-in-order',
          }),
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm decision' }, SLOW));
    const review = await screen.findByRole('dialog', { name: 'Confirm decision: cohort 1' });
    expect(review.textContent).toContain(
      '1 DLT(s) in 3 evaluable participant(s) at Low dose; 1 of 3 at this level in all',
    );
    fireEvent.change(within(review).getByLabelText(/Note/), { target: { value: 'Per protocol' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Continue' }));
    await signWithPassword('Sign decision: cohort 1');
    expect(await screen.findByText("Confirm cohort 0's decision first.", {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${BOARD}/decisions`)).toEqual({
      cohort: 1,
      decision: 'expand',
      dlts: 1,
      evaluable: 3,
      note: 'Per protocol',
    });
  });

  it('lets a coordinator save (not sign) an assessment and not confirm decisions', async () => {
    stubFetch(routes('coordinator', { [`GET ${BOARD}`]: { status: 200, body: boardBody(expandCohort()) } }));
    renderPage();
    await screen.findByRole('status', { name: 'Cohort 1 decision' }, SLOW);
    expect(screen.queryByRole('button', { name: 'Confirm decision' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Change assessment' })[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'DLT assessment: PNUYH-001' });
    expect(within(dialog).queryByRole('button', { name: 'Save and sign' })).toBeNull();
    // Changing a saved assessment needs a reason (and removes its signature).
    expect(within(dialog).getByLabelText(/Reason for change/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });
});
