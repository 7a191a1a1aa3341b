// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { CasebookPage } from './casebook-page.js';
import {
  PARTICIPANT_BASE,
  PARTICIPANT_ID,
  STUDY_ID,
  casebookBody,
  sessionAs,
} from './testing/casebook-fixtures.js';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('End participation', () => {
  it('needs a note for a withdrawal and sends the date, reason and row version', async () => {
    const book = casebookBody();
    const ended = {
      ...book,
      participant: {
        ...book.participant,
        status: 'withdrawn',
        endOfParticipation: { date: '2026-03-02', reason: 'withdrawn', note: 'Moved abroad' },
      },
    };
    let saved = false;
    const fetchMock = stubFetch({
      'GET /api/auth/session': { status: 200, body: sessionAs('coordinator') },
      [`GET ${PARTICIPANT_BASE}/casebook`]: () => ({ status: 200, body: saved ? ended : book }),
      [`POST ${PARTICIPANT_BASE}/end-of-participation`]: () => {
        saved = true;
        return { status: 200, body: ended };
      },
    });
    renderWithApp(
      <Routes>
        <Route path="/studies/:studyId/participants/:participantId/casebook" element={<CasebookPage />} />
      </Routes>,
      { path: `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/casebook` },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'End participation' }, SLOW));
    fireEvent.change(
      await screen.findByLabelText('Date of the end of participation', { exact: false }, SLOW),
      {
        target: { value: '2026-03-02' },
      },
    );
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'withdrawn' } });
    const submit = screen.getByRole('button', { name: 'Record end of participation' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Note', { exact: false }), { target: { value: 'Moved abroad' } });
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(
      () => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true),
      SLOW,
    );
    await waitFor(
      () => expect(document.body.textContent).toContain('Participation ended on 2026-03-02'),
      SLOW,
    );
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    const sent = call?.[1]?.body;
    expect(typeof sent === 'string' ? JSON.parse(sent) : undefined).toEqual({
      date: '2026-03-02',
      reason: 'withdrawn',
      note: 'Moved abroad',
      expectedRowVersion: book.participant.rowVersion,
    });
  });
});
