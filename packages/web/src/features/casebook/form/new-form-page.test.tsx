// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../../../testing/fetch-stub.js';
import { renderWithApp } from '../../../testing/render-app.js';
import {
  FORM_RECORD_ID,
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  VISIT_ID,
  casebookBody,
  casebookWithRecord,
  formRecordBody,
  sessionAs,
  visitView,
} from '../testing/casebook-fixtures.js';
import { SLOW, bodyOf } from '../testing/form-page-harness.js';
import { NewFormPage } from './new-form-page.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

function renderAt(path: string) {
  const base = '/studies/:studyId/participants/:participantId';
  return renderWithApp(
    <>
      <Routes>
        <Route path={`${base}/visits/:visitId/forms/:formKey/new`} element={<NewFormPage />} />
        <Route path={`${base}/logs/:formKey/new`} element={<NewFormPage />} />
        <Route path={`${base}/forms/:formRecordId`} element={<p>form page</p>} />
      </Routes>
      <Where />
    </>,
    { path },
  );
}

const PAGE = `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}`;

describe('NewFormPage', () => {
  it('creates a con-med log entry with expectedVersion 0 and opens the saved record', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/session': { status: 200, body: sessionAs('coordinator') },
      [`GET ${PARTICIPANT_BASE}/casebook`]: { status: 200, body: casebookBody() },
      [`POST ${PARTICIPANT_BASE}/logs/con-meds`]: (body) => ({
        status: 201,
        body: {
          ...formRecordBody({
            formKey: 'con-meds',
            visitId: null,
            values: (body as { values: Record<string, unknown> }).values,
          }),
          raisedQueries: 0,
          closedQueries: 0,
        },
      }),
    });
    renderAt(`${PAGE}/logs/con-meds/new`);
    fireEvent.change(await screen.findByLabelText('Medication (generic name)', {}, SLOW), {
      target: { value: 'Riluzole' },
    });
    fireEvent.change(screen.getByLabelText('Ongoing'), { target: { value: 'false' } });
    expect(await screen.findByLabelText('End date')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Form status' }).textContent).toMatch(/Incomplete/);
    const save = await screen.findByRole('button', { name: 'Save' });
    await waitFor(() => expect(save.hasAttribute('disabled')).toBe(false));
    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`${PAGE}/forms/${FORM_RECORD_ID}`),
    );
    expect(bodyOf(fetchMock, 'POST', `${PARTICIPANT_BASE}/logs/con-meds`)).toEqual({
      values: { medication: 'Riluzole', ongoing: false },
      expectedVersion: 0,
    });
  });

  it('scores a new visit form live, with the visit date and symptom onset for ΔFRS', async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: sessionAs('coordinator') },
      [`GET ${PARTICIPANT_BASE}/casebook`]: {
        status: 200,
        body: casebookBody({
          visits: [visitView({ status: 'done', actualDate: '2026-03-10', visitId: VISIT_ID, rowVersion: 1 })],
        }),
      },
      [`GET ${PARTICIPANT_BASE}/screening`]: {
        status: 200,
        body: {
          participantId: PARTICIPANT_ID,
          revision: 1,
          data: { assessmentDate: '2026-03-01', diagnosis: { symptomOnsetDate: '2025-03-10' } },
          eligibility: null,
        },
      },
    });
    renderAt(`${PAGE}/visits/${VISIT_ID}/forms/alsfrs-r/new`);
    expect(await screen.findByLabelText('1. Speech', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Does the participant have a gastrostomy/), {
      target: { value: 'false' },
    });
    for (const label of [
      '1. Speech',
      '2. Salivation',
      '3. Swallowing',
      '4. Handwriting',
      '6. Dressing and hygiene',
    ]) {
      fireEvent.change(screen.getByLabelText(label), { target: { value: '4' } });
    }
    fireEvent.change(screen.getByLabelText(/^5a\./), { target: { value: '4' } });
    for (const label of [/^7\./, /^8\./, /^9\./, /^10\./, /^11\./, /^12\./]) {
      fireEvent.change(screen.getByLabelText(label), { target: { value: '4' } });
    }
    const table = await screen.findByRole('table', { name: 'Derived scores' });
    await waitFor(() => expect(table.textContent).toContain('48'));
    // ΔFRS = (48 − 48) / months since onset = 0 (Kimura 2006): the visit date and onset reached the engine.
    expect(table.querySelector('[data-derived="deltaFrs"]')?.textContent).toMatch(
      /^ΔFRS since symptom onset0 points\/month/,
    );
  });

  it('keeps what the user typed when someone else created the form meanwhile', async () => {
    let created = false;
    const theirs = formRecordBody({ version: 1, values: { gastrostomy: true } });
    stubFetch({
      'GET /api/auth/session': { status: 200, body: sessionAs('coordinator') },
      [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({
        status: 200,
        body: created
          ? casebookWithRecord()
          : casebookBody({
              visits: [
                visitView({ status: 'done', actualDate: '2026-03-10', visitId: VISIT_ID, rowVersion: 1 }),
              ],
            }),
      }),
      [`PUT ${PARTICIPANT_BASE}/visits/${VISIT_ID}/forms/alsfrs-r`]: () => {
        created = true;
        return {
          status: 409,
          body: errorBody('STALE_VERSION', 'the form changed since you loaded it; nothing was saved', {
            currentVersion: 1,
            current: theirs,
          }),
        };
      },
    });
    renderAt(`${PAGE}/visits/${VISIT_ID}/forms/alsfrs-r/new`);
    fireEvent.change(await screen.findByLabelText('1. Speech', {}, SLOW), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('table', { name: 'Their values and yours' }, SLOW)).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe(`${PAGE}/visits/${VISIT_ID}/forms/alsfrs-r/new`);
    expect(screen.getByLabelText<HTMLSelectElement>('1. Speech').value).toBe('2');
  });

  it('goes to the saved record when the form was started meanwhile', async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: sessionAs('coordinator') },
      [`GET ${PARTICIPANT_BASE}/casebook`]: { status: 200, body: casebookWithRecord() },
    });
    renderAt(`${PAGE}/visits/${VISIT_ID}/forms/alsfrs-r/new`);
    await waitFor(
      () => expect(screen.getByTestId('location').textContent).toBe(`${PAGE}/forms/${FORM_RECORD_ID}`),
      SLOW,
    );
  });
});
