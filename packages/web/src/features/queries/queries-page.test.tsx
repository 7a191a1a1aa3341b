// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub.js';
import { renderWithApp } from '../../testing/render-app.js';
import { SITE_PNUYH, SITE_SNUH } from '../participants/testing/participant-fixtures.js';
import {
  FORM_RECORD_ID,
  PARTICIPANT_ID,
  STUDY_ID,
  dataQuery,
  sessionAs,
} from '../casebook/testing/casebook-fixtures.js';
import { QueriesPage } from './queries-page.js';

const SLOW = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const COUNTS = [
  { siteId: SITE_PNUYH.id, siteCode: 'PNUYH', open: 2, answered: 1, closed: 4, cancelled: 0 },
  { siteId: SITE_SNUH.id, siteCode: 'SNUH', open: 0, answered: 0, closed: 1, cancelled: 1 },
];

function renderPage(search = '') {
  return renderWithApp(
    <Routes>
      <Route path="/studies/:studyId/queries" element={<QueriesPage />} />
    </Routes>,
    { path: `/studies/${STUDY_ID}/queries${search}` },
  );
}

const LIST = `/api/studies/${STUDY_ID}/queries`;

/** The session, the sites, and the query list at each URL (the search string names the filter). */
function stub(queriesAt: Record<string, unknown[]>) {
  const lists = Object.fromEntries(
    Object.entries(queriesAt).map(([search, queries]) => [
      `GET ${LIST}${search}`,
      { status: 200, body: { queries, bySite: COUNTS } },
    ]),
  );
  return stubFetch({
    'GET /api/auth/session': { status: 200, body: sessionAs('monitor') },
    [`GET /api/studies/${STUDY_ID}/sites`]: { status: 200, body: { sites: [SITE_PNUYH, SITE_SNUH] } },
    ...lists,
  });
}

const queryUrls = (mock: ReturnType<typeof stub>) =>
  mock.mock.calls
    .map(([url]) => url)
    .filter((url): url is string => typeof url === 'string' && url.startsWith(LIST));

describe('QueriesPage', () => {
  it('shows the counts per site and every query linking to its form item', async () => {
    stub({
      '': [
        dataQuery(),
        dataQuery({ id: '00000000-0000-4000-8000-0000000000f2', status: 'answered', itemId: 'q2' }),
      ],
    });
    renderPage();
    const counts = await screen.findByRole('table', { name: 'Queries per site' }, SLOW);
    const pnuyh = within(counts).getByText('PNUYH').closest('tr');
    expect(pnuyh?.textContent).toBe('PNUYH2140');
    expect(within(counts).getAllByRole('link', { name: '2' })[0]?.getAttribute('href')).toBe(
      `/studies/${STUDY_ID}/queries?status=open&site=PNUYH`,
    );
    const list = screen.getByRole('table', { name: 'Queries' });
    const link = within(list).getByRole('link', { name: /ALS Functional Rating Scale.* › 1\. Speech/ });
    expect(link.getAttribute('href')).toBe(
      `/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}/forms/${FORM_RECORD_ID}?item=q1`,
    );
    expect(within(list).getByText('Answered')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '2 queries' })).toBeTruthy();
  });

  it('filters by status and site through the URL and the API', async () => {
    const mock = stub({
      [`?status=open&siteId=${SITE_PNUYH.id}`]: [dataQuery()],
      [`?status=closed&siteId=${SITE_PNUYH.id}`]: [],
    });
    renderPage('?status=open&site=PNUYH');
    expect(await screen.findByRole('heading', { name: '1 query open' }, SLOW)).toBeTruthy();
    expect(queryUrls(mock)).toEqual([`${LIST}?status=open&siteId=${SITE_PNUYH.id}`]);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'closed' } });
    expect(await screen.findByText('No queries match the filters.', {}, SLOW)).toBeTruthy();
    await waitFor(() =>
      expect(queryUrls(mock)).toContain(
        `/api/studies/${STUDY_ID}/queries?status=closed&siteId=${SITE_PNUYH.id}`,
      ),
    );
  });

  it('narrows to one participant from a casebook link and can widen again', async () => {
    const mock = stub({ [`?participantId=${PARTICIPANT_ID}`]: [dataQuery()], '': [] });
    renderPage(`?participant=${PARTICIPANT_ID}`);
    expect(await screen.findByRole('heading', { name: '1 query' }, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show every participant' }));
    expect(await screen.findByRole('heading', { name: '0 queries' }, SLOW)).toBeTruthy();
    expect(queryUrls(mock)).toEqual([`${LIST}?participantId=${PARTICIPANT_ID}`, LIST]);
  });
});
