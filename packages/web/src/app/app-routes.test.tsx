// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../testing/fetch-stub.js';
import { ADMIN_SESSION, SAMPLE_STUDY } from '../testing/fixtures.js';
import { renderWithApp } from '../testing/render-app.js';
import { AppRoutes } from './app-routes.js';

function ShowLocation() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SIGNED_IN = { status: 200, body: ADMIN_SESSION };
const UNAUTHENTICATED = { status: 401, body: errorBody('UNAUTHENTICATED', 'Log in first.') };

describe('AppRoutes', () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    stubFetch({ 'GET /api/auth/session': UNAUTHENTICATED });
    renderWithApp(<AppRoutes />, { path: '/studies' });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs the user out of the shell when any API call answers 401', async () => {
    stubFetch({ 'GET /api/auth/session': SIGNED_IN, 'GET /api/studies': UNAUTHENTICATED });
    renderWithApp(<AppRoutes />, { path: '/studies' });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows the shell with the user name, and the study sections with unbuilt ones disabled', async () => {
    stubFetch({
      'GET /api/auth/session': SIGNED_IN,
      [`GET /api/studies/${SAMPLE_STUDY.id}`]: { status: 200, body: SAMPLE_STUDY },
      [`GET /api/studies/${SAMPLE_STUDY.id}/sites`]: {
        status: 200,
        body: {
          sites: [
            {
              id: '00000000-0000-4000-8000-0000000000b1',
              studyId: SAMPLE_STUDY.id,
              code: 'UCL',
              name: 'UCL',
              country: 'GB',
            },
          ],
        },
      },
    });
    renderWithApp(<AppRoutes />, { path: `/studies/${SAMPLE_STUDY.id}` });
    expect(await screen.findByRole('table', { name: 'Sites' })).toBeTruthy();
    expect(screen.getByText('celltrial')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ada Admin' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Overview' })).toBeTruthy();
    const audit = screen.getByText('Audit').closest('[aria-disabled="true"]');
    expect(audit?.textContent).toBe('Auditsoon');
    expect(screen.queryByRole('link', { name: /Audit/ })).toBeNull();
  });

  it('signs out from the user menu and returns to the sign-in page', async () => {
    let signedIn = true;
    const fetchMock = stubFetch({
      'GET /api/auth/session': () => (signedIn ? SIGNED_IN : UNAUTHENTICATED),
      'GET /api/studies': { status: 200, body: { studies: [] } },
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 200, body: { ok: true } };
      },
    });
    renderWithApp(
      <>
        <AppRoutes />
        <ShowLocation />
      </>,
      { path: '/studies' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Ada Admin' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/login');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/auth/logout')).toBe(true);
  });
});
