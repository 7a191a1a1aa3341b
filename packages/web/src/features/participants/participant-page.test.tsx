// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch, type StubRoutes } from '../../testing/fetch-stub.js';
import { ADMIN_SESSION, SAMPLE_STUDY } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { currentProtocolBody, loadSeedProtocol } from '../protocol/testing/seed-protocols.js';
import { eligibleRecord } from '../screening/testing/screening-fixtures.js';
import { ParticipantPage } from './participant-page.js';
import {
  PARTICIPANT_ID,
  STUDY_ID,
  enrolledView,
  participantView,
  screeningBody,
} from './testing/participant-fixtures.js';

/** The screening form is large: rendering it in jsdom on a slow machine takes more than the default second. */
const SLOW = { timeout: 15_000 };
const ALSUMMIT = loadSeedProtocol('nct04745299');
const BASE = `/api/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function routes(overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
    [`GET /api/studies/${STUDY_ID}`]: { status: 200, body: SAMPLE_STUDY },
    [`GET /api/studies/${STUDY_ID}/protocol`]: { status: 200, body: currentProtocolBody(STUDY_ID, ALSUMMIT) },
    [`GET ${BASE}`]: { status: 200, body: participantView() },
    [`GET ${BASE}/screening`]: { status: 200, body: screeningBody() },
    ...overrides,
  };
}

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/participants/:participantId" element={<ParticipantPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}` },
  );
}

function withoutManualChecks(): Record<string, unknown> {
  const record = eligibleRecord();
  delete record['manualChecks'];
  return record;
}

const liveVerdict = () => screen.findByRole('status', { name: 'Live verdict' }, SLOW);
const criterion = (id: string) => screen.getByRole('listitem', { name: new RegExp(`^${id}:`) });

function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}

describe('ParticipantPage: the screening form with the live eligibility check', () => {
  it('re-evaluates every criterion as the investigator answers and the coordinator types', async () => {
    stubFetch(
      routes({ [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, withoutManualChecks()) } }),
    );
    renderPage();
    expect((await liveVerdict()).textContent).toBe('Incomplete');
    expect(criterion('exc-13').getAttribute('data-status')).toBe('unknown');

    fireEvent.click(screen.getByRole('radio', { name: 'exc-4 Does not apply' }));
    fireEvent.click(screen.getByRole('radio', { name: 'exc-13 Does not apply' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Live verdict' }).textContent).toBe('Eligible'),
    );
    expect(criterion('inc-2').getAttribute('data-status')).toBe('met');

    fireEvent.change(screen.getByLabelText('ALSFRS-R total at screening'), { target: { value: '30' } });
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Live verdict' }).textContent).toBe('Not eligible'),
    );
    expect(criterion('inc-5').getAttribute('data-status')).toBe('not-met');
    expect(criterion('inc-5').textContent).toMatch(/ALSFRS-R total 30/);
  });

  it('names an impossible value and refuses to save it', async () => {
    stubFetch(routes());
    renderPage();
    await liveVerdict();
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '-3' } });
    expect(
      await screen.findByText(/weightKg must be a number above 0/, {
        selector: '.mantine-InputWrapper-error',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save screening record' }).hasAttribute('disabled')).toBe(true);
  });

  it('saves the first revision with expectedRevision 0', async () => {
    const fetchMock = stubFetch(
      routes({
        [`PUT ${BASE}/screening`]: (body) => ({
          status: 200,
          body: screeningBody(1, (body as { data: Record<string, unknown> }).data),
        }),
      }),
    );
    renderPage();
    await liveVerdict();
    fireEvent.change(screen.getByLabelText('Assessment date'), { target: { value: '2026-03-02' } });
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save screening record' }));
    expect(await screen.findByText('Revision 1 saved', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT', `${BASE}/screening`)).toEqual({
      data: { assessmentDate: '2026-03-02', weightKg: 70 },
      expectedRevision: 0,
    });
  });

  it('asks for a reason before changing a saved revision', async () => {
    const fetchMock = stubFetch(
      routes({
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
        [`PUT ${BASE}/screening`]: (body) => ({
          status: 200,
          body: screeningBody(2, (body as { data: Record<string, unknown> }).data),
        }),
      }),
    );
    renderPage();
    await liveVerdict();
    fireEvent.change(screen.getByLabelText('FVC'), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save screening record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reason for change' });
    fireEvent.change(within(dialog).getByLabelText(/Reason for change/), {
      target: { value: 'FVC re-measured' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save change' }));
    expect(await screen.findByText('Revision 2 saved', {}, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT', `${BASE}/screening`)).toMatchObject({
      expectedRevision: 1,
      reasonForChange: 'FVC re-measured',
      data: { fvcPercentPredicted: 80 },
    });
  });

  it('shows what a newer revision changed when someone saved meanwhile, and loads it on request', async () => {
    const theirs = { ...eligibleRecord(), weightKg: 71 };
    let screeningCalls = 0;
    stubFetch(
      routes({
        [`GET ${BASE}/screening`]: () => {
          screeningCalls += 1;
          return { status: 200, body: screeningCalls === 1 ? screeningBody() : screeningBody(1, theirs) };
        },
        [`PUT ${BASE}/screening`]: {
          status: 409,
          body: errorBody(
            'STALE_VERSION',
            'the screening record changed since you loaded it; nothing was saved',
            {
              currentRevision: 1,
              current: theirs,
            },
          ),
        },
      }),
    );
    renderPage();
    await liveVerdict();
    fireEvent.change(screen.getByLabelText('Assessment date'), { target: { value: '2026-03-02' } });
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save screening record' }));
    const differences = await screen.findByRole(
      'table',
      { name: 'Differences from the newer revision' },
      SLOW,
    );
    const weightRow = within(differences).getByText('weightKg').closest('tr');
    expect(weightRow?.textContent).toBe('weightKg7170');
    fireEvent.click(screen.getByRole('button', { name: 'Load revision 1' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Weight').value).toBe('71'), SLOW);
    expect(screen.getByText('Revision 1 saved')).toBeTruthy();
  });
});

describe('ParticipantPage: actions', () => {
  it('confirms eligibility with an e-signature for the saved revision', async () => {
    const eligible = participantView({
      eligibility: {
        verdict: 'eligible',
        evaluatedAt: '2026-03-02T09:30:00.000Z',
        recordRevision: 1,
        confirmedAt: null,
        confirmedBy: null,
      },
    });
    let current = eligible;
    const fetchMock = stubFetch(
      routes({
        [`GET ${BASE}`]: () => ({ status: 200, body: current }),
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
        'POST /api/auth/reauthenticate': {
          status: 200,
          body: { reauthenticatedAt: '2026-03-02T10:00:00.000Z' },
        },
        [`POST ${BASE}/eligibility/confirm`]: () => {
          current = enrolledView();
          return { status: 200, body: current };
        },
      }),
    );
    renderPage();
    expect((await liveVerdict()).textContent).toBe('Eligible');
    const button = await screen.findByRole('button', { name: 'Confirm eligibility and enroll' }, SLOW);
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Sign: eligibility confirmation' });
    expect(dialog.textContent).toContain(
      'I confirm that this participant meets all inclusion criteria and no exclusion criterion of the protocol.',
    );
    fireEvent.change(within(dialog).getByLabelText(/Password/, { selector: 'input' }), {
      target: { value: 'secret-password' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign and enroll' }));
    expect(await screen.findByRole('heading', { name: /PNUYH-001/ }, SLOW)).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST', `${BASE}/eligibility/confirm`)).toEqual({ recordRevision: 1 });
    expect(screen.getByText(/Screening is closed/)).toBeTruthy();
  });

  it('keeps confirmation disabled while the form has unsaved changes', async () => {
    stubFetch(
      routes({
        [`GET ${BASE}`]: {
          status: 200,
          body: participantView({
            eligibility: {
              verdict: 'eligible',
              evaluatedAt: '2026-03-02T09:30:00.000Z',
              recordRevision: 1,
              confirmedAt: null,
              confirmedBy: null,
            },
          }),
        },
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
      }),
    );
    renderPage();
    await liveVerdict();
    fireEvent.change(screen.getByLabelText('FVC'), { target: { value: '80' } });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Confirm eligibility and enroll' }).hasAttribute('disabled'),
      ).toBe(true),
    );
  });

  it('randomizes after a confirmation naming the participant and shows the kit code, not the arm', async () => {
    const randomized = enrolledView({
      allocation: { kitCode: 'G8YK4-M147B', allocatedAt: '2026-03-02T10:05:00.000Z' },
    });
    let current = enrolledView();
    stubFetch(
      routes({
        [`GET ${BASE}`]: () => ({ status: 200, body: current }),
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
        [`POST ${BASE}/randomize`]: () => {
          current = randomized;
          return { status: 201, body: { created: true, participant: randomized } };
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Randomize…' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Randomize PNUYH-001?' });
    expect(dialog.textContent).toContain('PNUYH-S001');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Randomize PNUYH-001' }));
    const done = await screen.findByRole('dialog', { name: 'Randomized' }, SLOW);
    expect(within(done).getByTestId('kit-code').textContent).toBe('G8YK4-M147B');
    expect(done.textContent).not.toContain('Arm');
    expect(screen.queryByRole('button', { name: 'Randomize…' })).toBeNull();
  });

  it('says plainly when the server refuses an action for the role (403)', async () => {
    stubFetch(
      routes({
        [`GET ${BASE}`]: { status: 200, body: enrolledView() },
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
        [`POST ${BASE}/randomize`]: {
          status: 403,
          body: errorBody('FORBIDDEN', 'your role does not allow subject:randomize at this site'),
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Randomize…' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Randomize PNUYH-001?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Randomize PNUYH-001' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('Your role does not allow subject:randomize at this site.');
  });

  it('unblinds in an emergency after a reason and the password, and shows the arm once', async () => {
    const allocated = enrolledView({
      allocation: { kitCode: 'K1', allocatedAt: '2026-03-02T10:05:00.000Z' },
    });
    const fetchMock = stubFetch(
      routes({
        [`GET ${BASE}`]: { status: 200, body: allocated },
        [`GET ${BASE}/screening`]: { status: 200, body: screeningBody(1, eligibleRecord()) },
        'POST /api/auth/reauthenticate': {
          status: 200,
          body: { reauthenticatedAt: '2026-03-02T11:00:00.000Z' },
        },
        [`POST ${BASE}/unblind`]: {
          status: 200,
          body: {
            participantId: PARTICIPANT_ID,
            subjectNumber: 'PNUYH-001',
            arm: { id: 'control', name: 'Control group' },
            unblindedAt: '2026-03-02T11:00:05.000Z',
          },
        },
      }),
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Emergency unblind…' }, SLOW));
    const reasonDialog = await screen.findByRole('dialog', { name: 'Emergency unblinding of PNUYH-001' });
    fireEvent.change(within(reasonDialog).getByLabelText(/Reason/), {
      target: { value: 'Anaphylaxis after injection' },
    });
    fireEvent.click(within(reasonDialog).getByRole('button', { name: 'Continue' }));
    const sign = await screen.findByRole('dialog', { name: 'Sign: emergency unblinding' });
    fireEvent.change(within(sign).getByLabelText(/Password/, { selector: 'input' }), {
      target: { value: 'pw' },
    });
    fireEvent.click(within(sign).getByRole('button', { name: 'Unblind' }));
    const arm = await screen.findByText('Control group', {}, SLOW);
    expect(arm.closest('[role="alert"]')?.textContent).toMatch(/Emergency unblinding of PNUYH-001/);
    expect(bodyOf(fetchMock, 'POST', `${BASE}/unblind`)).toEqual({ reason: 'Anaphylaxis after injection' });
  });
});
