// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { sessionAs } from '../casebook/testing/casebook-fixtures.js';
import { enrolledView } from '../participants/testing/participant-fixtures.js';
import { AePage, NewAePage } from './ae-page.js';
import {
  AE_ID,
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  aeDetail,
  aeListBody,
  aeView,
} from './testing/safety-fixtures.js';

const SLOW = { timeout: 10_000 };
const AE_URL = `${PARTICIPANT_BASE}/adverse-events/${AE_ID}`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET ${PARTICIPANT_BASE}`]: { status: 200, body: enrolledView() },
    [`GET ${PARTICIPANT_BASE}/adverse-events`]: { status: 200, body: aeListBody() },
    [`GET ${AE_URL}`]: { status: 200, body: aeDetail() },
    ...overrides,
  };
}

function renderAt(path: string) {
  return renderWithApp(
    <Routes>
      <Route
        path="/studies/:studyId/participants/:participantId/adverse-events/new"
        element={<NewAePage />}
      />
      <Route path="/studies/:studyId/participants/:participantId/adverse-events/:aeId" element={<AePage />} />
    </Routes>,
    { path },
  );
}

const base = `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/adverse-events`;

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const calls = fetchMock.mock.calls.filter(([u, init]) => u === url && init?.method === method);
  const last = calls[calls.length - 1];
  return typeof last?.[1]?.body === 'string' ? JSON.parse(last[1].body) : undefined;
}

const change = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('NewAePage', () => {
  it('searches CTCAE terms, names missing fields before sending, and shows the server’s problems at their fields', async () => {
    const fetchMock = stubFetch(
      routes('coordinator', {
        'GET /api/ctcae-terms?q=head&limit=15': {
          status: 200,
          body: {
            version: 'v5.0',
            terms: [{ term: 'Headache', soc: 'Nervous system disorders', match: 'prefix' }],
          },
        },
        [`POST ${PARTICIPANT_BASE}/adverse-events`]: {
          status: 422,
          body: errorBody('FORM_INVALID', 'the adverse event is not valid', {
            issues: [
              {
                path: 'relatedness.procedures.lumbar-puncture',
                rule: 'required-when-serious',
                message: 'a serious AE needs causality to lumbar-puncture',
              },
              {
                path: 'awarenessAt',
                rule: 'required-when-serious',
                message: 'a serious AE needs the awareness time',
              },
            ],
          }),
        },
      }),
    );
    renderAt(`${base}/new`);
    const picker = await screen.findByRole('combobox', { name: 'CTCAE term' }, SLOW);
    fireEvent.focus(picker);
    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'head' } });
    // Mantine keeps the dropdown in a transition that jsdom never finishes, so the option counts as hidden.
    fireEvent.click(await screen.findByRole('option', { name: /Headache/, hidden: true }, SLOW));
    expect(await screen.findByText('SOC: Nervous system disorders', {}, SLOW)).toBeTruthy();
    // Choosing a term fills an empty verbatim term.
    expect(screen.getByLabelText<HTMLInputElement>(/Verbatim term/).value).toBe('Headache');
    change(/Verbatim term/, 'Severe headache after LP');
    change(/Onset date/, '2026-03-01');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('the grade is required')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    change(/^Grade/, '3');
    fireEvent.click(screen.getByRole('checkbox', { name: /Serious \(SAE\)/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Hospitalisation or its prolongation' }));
    change(/Related to the product/, 'possible');
    change(/Action taken/, 'none');
    change(/^Outcome/, 'recovering');
    change(/Awareness date/, '2026-03-02');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const lp = screen.getByLabelText(/Related to lumbar puncture/);
    await waitFor(() => expect(lp.getAttribute('aria-invalid')).toBe('true'), SLOW);
    expect(screen.getByText('a serious AE needs causality to lumbar-puncture')).toBeTruthy();
    expect(screen.getByText('a serious AE needs the awareness time')).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/adverse-events`)).toMatchObject({
      term: 'Severe headache after LP',
      ctcaeTerm: 'Headache',
      grade: 3,
      serious: true,
      seriousness: ['hospitalisation'],
      relatedness: { product: 'possible', procedures: {} },
      awarenessAt: null,
      awarenessDate: '2026-03-02',
    });
  });
});

describe('AePage', () => {
  it('shows the SAE deadlines, reports and report links, and records a report sent', async () => {
    const fetchMock = stubFetch(
      routes('coordinator', {
        [`POST ${AE_URL}/reports`]: { status: 201, body: aeView() },
      }),
    );
    renderAt(`${base}/${AE_ID}`);
    const deadlines = await screen.findByRole('table', { name: 'Reporting deadlines' }, SLOW);
    expect(within(deadlines).getByText('overdue by 2.5 h')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('A reporting deadline has passed');
    expect(screen.getByRole('link', { name: 'SAE report (HTML)' }).getAttribute('href')).toBe(
      `${AE_URL}/report.html`,
    );
    expect(screen.getByRole('link', { name: 'SAE report (PDF)' }).getAttribute('href')).toBe(
      `${AE_URL}/report.pdf`,
    );
    expect(screen.getByRole('table', { name: 'AE history' }).textContent).toContain(
      'Worse on day 2 per source notes',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an SAE report sent' });
    fireEvent.change(within(dialog).getByLabelText(/Sent at/), { target: { value: '2026-03-03T11:00' } });
    fireEvent.change(within(dialog).getByLabelText(/Reference/), { target: { value: 'SP-2026-001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record report' }));
    await waitFor(
      () => expect(screen.queryByRole('dialog', { name: 'Record an SAE report sent' })).toBeNull(),
      SLOW,
    );
    const body = bodyOf(fetchMock, 'POST', `${AE_URL}/reports`) as Record<string, string>;
    expect(body).toMatchObject({ kind: 'initial', reference: 'SP-2026-001' });
    // The browser's wall time with its offset names the instant typed.
    expect(body['sentAt']).toMatch(/^2026-03-03T11:00:00[+-]\d{2}:\d{2}$/);
  });

  it('asks a reason for a change, and on a stale version shows the other values next to the user’s', async () => {
    const fetchMock = stubFetch(
      routes('investigator', {
        [`PUT ${AE_URL}`]: {
          status: 409,
          body: errorBody('STALE_VERSION', 'the adverse event changed since you loaded it', {
            currentVersion: 3,
            current: aeView({ version: 3, grade: 4, updatedBy: 'Dr Other' }),
          }),
        },
      }),
    );
    renderAt(`${base}/${AE_ID}`);
    const grade = await screen.findByLabelText(/^Grade/, {}, SLOW);
    fireEvent.change(grade, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const reason = await screen.findByRole('dialog', { name: 'Reason for change' });
    expect(reason.textContent).toContain('Changing: Grade');
    fireEvent.change(within(reason).getByLabelText(/Reason for change/), {
      target: { value: 'Transcription error' },
    });
    fireEvent.click(within(reason).getByRole('button', { name: 'Save change' }));
    const title = await screen.findByText(
      'Someone else saved this adverse event while you were editing',
      {},
      SLOW,
    );
    const alert = title.closest<HTMLElement>('[role="alert"]');
    if (alert === null) {
      throw new Error('no alert');
    }
    expect(alert.textContent).toContain('Version 3 was saved by Dr Other');
    const table = within(alert).getByRole('table', { name: 'Their values and yours' });
    expect(within(table).getByText('Grade').closest('tr')?.textContent).toBe('Grade42');
    expect(bodyOf(fetchMock, 'PUT', AE_URL)).toMatchObject({
      grade: 2,
      expectedVersion: 2,
      reasonForChange: 'Transcription error',
    });
    fireEvent.click(within(alert).getByRole('button', { name: 'Load version 3' }));
    expect(screen.getByLabelText<HTMLSelectElement>(/^Grade/).value).toBe('4');
    fireEvent.click(screen.getByRole('button', { name: 'Re-apply my values' }));
    expect(screen.getByLabelText<HTMLSelectElement>(/^Grade/).value).toBe('2');
  });

  it('is read-only for a monitor', async () => {
    stubFetch(routes('monitor'));
    renderAt(`${base}/${AE_ID}`);
    expect(
      await screen.findByText(/your role at this site does not allow changing it/, {}, SLOW),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record report' })).toBeNull();
  });
});
