// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { enrolledView } from '../participants/testing/participant-fixtures.js';
import { SafetyPage } from './safety-page.js';
import {
  AE_ID,
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  PROPOSAL_ID,
  STUDY_ID,
  aeTableBody,
  proposalView,
  saeEntry,
} from './testing/safety-fixtures.js';

const SLOW = { timeout: 10_000 };
const TABLE = `/api/studies/${STUDY_ID}/safety/ae-table`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET /api/studies/${STUDY_ID}/sae`]: {
      status: 200,
      body: { asOf: '2026-03-03T10:45:00.000Z', events: [saeEntry()], overdue: 1 },
    },
    [`GET ${TABLE}?by=soc-term&filter=all`]: { status: 200, body: aeTableBody() },
    [`GET /api/studies/${STUDY_ID}/participants`]: { status: 200, body: { participants: [enrolledView()] } },
    [`GET /api/studies/${STUDY_ID}/ae-proposals?status=proposed`]: {
      status: 200,
      body: { proposals: [proposalView()] },
    },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/safety" element={<SafetyPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/safety` },
  );
}

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}

describe('SafetyPage', () => {
  it('lists SAEs with their deadlines, an overdue report in red, and links each to its AE', async () => {
    stubFetch(routes('monitor'));
    renderPage();
    const table = await screen.findByRole('table', { name: 'Serious adverse events' }, SLOW);
    expect(screen.getByRole('alert').textContent).toContain(
      '1 serious adverse event has a report past its deadline',
    );
    const row = within(table).getAllByRole('row')[1];
    expect(row?.getAttribute('data-overdue')).toBe('true');
    expect(within(table).getByLabelText('Initial report (24 h): overdue by 2.5 h')).toBeTruthy();
    expect(within(table).getByLabelText('SUSAR report (15 days): 13.9 days left')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'PNUYH-001 AE 1' }).getAttribute('href')).toBe(
      `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/adverse-events/${AE_ID}`,
    );
  });

  it('asks for overdue events only when ticked', async () => {
    const fetchMock = stubFetch(
      routes('monitor', {
        [`GET /api/studies/${STUDY_ID}/sae?overdueOnly=true`]: {
          status: 200,
          body: { asOf: '2026-03-03T10:45:00.000Z', events: [], overdue: 0 },
        },
      }),
    );
    renderPage();
    await screen.findByRole('table', { name: 'Serious adverse events' }, SLOW);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(await screen.findByText('No report is overdue.', {}, SLOW)).toBeTruthy();
    expect(
      fetchMock.mock.calls.some(([u]) => typeof u === 'string' && u.endsWith('/sae?overdueOnly=true')),
    ).toBe(true);
  });

  it('shows the pooled AE table for a blinded user, with counts, percentages and the matching CSV link', async () => {
    stubFetch(
      routes('monitor', {
        [`GET ${TABLE}?by=soc-term&filter=serious`]: {
          status: 200,
          body: aeTableBody({ filter: 'serious', events: 1 }),
        },
      }),
    );
    renderPage();
    const table = await screen.findByRole('table', { name: 'AE table' }, SLOW);
    expect(within(table).getByText('All participants (N = 4)')).toBeTruthy();
    // Hand: 1 of 4 participants = 25.0 %.
    expect(within(table).getByText('Headache').closest('tr')?.textContent).toContain('1 (25.0 %)');
    expect(screen.getByText(/Participants pooled: your role is blinded/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      `${TABLE}?by=soc-term&filter=all&format=csv`,
    );
    fireEvent.change(screen.getByLabelText('Events'), { target: { value: 'serious' } });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
        `${TABLE}?by=soc-term&filter=serious&format=csv`,
      ),
    );
  });

  it('lets only an investigator decide lab AE proposals', async () => {
    stubFetch(routes('coordinator'));
    renderPage();
    const table = await screen.findByRole('table', { name: 'Lab AE proposals' }, SLOW);
    expect(within(table).getByText('Alanine aminotransferase increased')).toBeTruthy();
    expect(within(table).getByText('investigator to decide')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Confirm' })).toBeNull();
  });

  it('dismisses a proposal only with a reason, and confirms one with the causality given', async () => {
    let proposals = [proposalView()];
    const fetchMock = stubFetch(
      routes('investigator', {
        [`GET /api/studies/${STUDY_ID}/ae-proposals?status=proposed`]: () => ({
          status: 200,
          body: { proposals },
        }),
        [`POST ${PARTICIPANT_BASE}/ae-proposals/${PROPOSAL_ID}/dismiss`]: () => {
          proposals = [];
          return { status: 200, body: proposalView({ status: 'dismissed' }) };
        },
        [`POST ${PARTICIPANT_BASE}/ae-proposals/${PROPOSAL_ID}/confirm`]: {
          status: 422,
          body: errorBody('BUSINESS_RULE_VIOLATED', 'the proposal was already dismissed', {
            rule: 'proposal-open',
          }),
        },
      }),
    );
    renderPage();
    const table = await screen.findByRole('table', { name: 'Lab AE proposals' }, SLOW);
    fireEvent.click(within(table).getByRole('button', { name: 'Confirm' }));
    const confirm = await screen.findByRole('dialog', { name: /Confirm AE/ });
    fireEvent.change(within(confirm).getByLabelText('Related to the product'), {
      target: { value: 'unlikely' },
    });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Confirm AE' }));
    expect(await within(confirm).findByText('The proposal was already dismissed.', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/ae-proposals/${PROPOSAL_ID}/confirm`)).toEqual({
      relatedness: { product: 'unlikely', procedures: {} },
    });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(table).getByRole('button', { name: 'Dismiss' }));
    const dismiss = await screen.findByRole('dialog', { name: /Dismiss proposal/ });
    const send = within(dismiss).getByRole('button', { name: 'Dismiss proposal' });
    expect(send.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dismiss).getByLabelText(/Reason for dismissing/), {
      target: { value: 'Haemolysed sample; repeat normal' },
    });
    fireEvent.click(send);
    expect(await screen.findByText('No lab value waits for an AE decision.', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/ae-proposals/${PROPOSAL_ID}/dismiss`)).toEqual({
      reason: 'Haemolysed sample; repeat normal',
    });
  });
});
