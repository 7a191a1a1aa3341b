// Test-only: renders the form page at a route with stubbed API answers. Never imported by the app.
import { Route, Routes } from 'react-router';
import type { stubFetch, StubRoutes } from '../../../testing/fetch-stub.js';
import { renderWithApp } from '../../../testing/render-app.js';
import { FormPage } from '../form/form-page.js';
import {
  FORM_RECORD_ID,
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  casebookWithRecord,
  formRecordBody,
  sessionAs,
} from './casebook-fixtures.js';

/** Rendering a whole form in jsdom on a slow, shared machine can take seconds. */
export const SLOW = { timeout: 10_000 };
export const RECORD_URL = `${PARTICIPANT_BASE}/forms/${FORM_RECORD_ID}`;

/** The session (one role at PNUYH), the casebook and the saved ALSFRS-R record; override any route. */
export function formRoutes(role: Parameters<typeof sessionAs>[0], overrides: StubRoutes = {}): StubRoutes {
  return {
    'GET /api/auth/session': { status: 200, body: sessionAs(role) },
    [`GET ${PARTICIPANT_BASE}/casebook`]: { status: 200, body: casebookWithRecord() },
    [`GET ${RECORD_URL}`]: { status: 200, body: formRecordBody() },
    ...overrides,
  };
}

export function renderFormPage(search = '') {
  return renderWithApp(
    <Routes>
      <Route
        path="/studies/:studyId/participants/:participantId/forms/:formRecordId"
        element={<FormPage />}
      />
    </Routes>,
    { path: `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/forms/${FORM_RECORD_ID}${search}` },
  );
}

/** The JSON body of the last call to `method url`. */
export function bodyOf(fetchMock: ReturnType<typeof stubFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.findLast(([u, init]) => u === url && init?.method === method);
  return typeof call?.[1]?.body === 'string' ? JSON.parse(call[1].body) : undefined;
}
