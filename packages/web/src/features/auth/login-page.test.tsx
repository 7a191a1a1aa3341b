// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { errorBody, stubFetch } from '../../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../../testing/fixtures.js';
import { renderWithApp } from '../../testing/render-app.js';
import { LoginPage, safeNextPath } from './login-page.js';

const SIGNED_OUT = { status: 401, body: errorBody('UNAUTHENTICATED', 'Log in first.') };

function renderLogin(path = '/login') {
  return renderWithApp(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/studies" element={<p>study list</p>} />
      <Route path="/studies/:studyId" element={<p>study overview</p>} />
    </Routes>,
    { path },
  );
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/username/i), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/password/i, { selector: 'input' }), {
    target: { value: password },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it("shows the server's message when the credentials are wrong", async () => {
    stubFetch({
      'GET /api/auth/session': SIGNED_OUT,
      'POST /api/auth/login': {
        status: 401,
        body: errorBody('INVALID_CREDENTIALS', 'The username or password is incorrect.'),
      },
    });
    renderLogin();
    await submit('admin', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The username or password is incorrect.',
    );
    expect(screen.getByLabelText(/password/i, { selector: 'input' })).toHaveProperty('value', '');
  });

  it('shows a lockout countdown from details.retryAfterSeconds and disables sign-in', async () => {
    stubFetch({
      'GET /api/auth/session': SIGNED_OUT,
      'POST /api/auth/login': {
        status: 429,
        body: errorBody('ACCOUNT_LOCKED', 'Too many failed sign-ins.', { retryAfterSeconds: 125 }),
      },
    });
    renderLogin();
    await submit('admin', 'wrong-password');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Account temporarily locked');
    expect(alert.textContent).toMatch(/try again in 2:0[45]\./);
    fireEvent.change(screen.getByLabelText(/password/i, { selector: 'input' }), {
      target: { value: 'another-try' },
    });
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true);
  });

  it('shows field-level validation problems under the field', async () => {
    stubFetch({
      'GET /api/auth/session': SIGNED_OUT,
      'POST /api/auth/login': {
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'The request is invalid.', {
          issues: [{ path: 'body.username', rule: 'too_big', message: 'at most 100 characters' }],
        }),
      },
    });
    renderLogin();
    await submit('x'.repeat(101), 'password');
    expect(await screen.findByText('at most 100 characters')).toBeTruthy();
  });

  it('signs in with the trimmed username and continues to the requested page', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/session': SIGNED_OUT,
      'POST /api/auth/login': { status: 200, body: ADMIN_SESSION },
    });
    renderLogin(`/login?next=${encodeURIComponent(`/studies/abc`)}`);
    await submit('  admin ', 'correct-password');
    expect(await screen.findByText('study overview')).toBeTruthy();
    const loginCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login');
    expect(JSON.parse(loginCall?.[1]?.body as string)).toEqual({
      username: 'admin',
      password: 'correct-password',
    });
    expect(loginCall?.[1]?.credentials).toBe('same-origin');
  });

  it('sends an already signed-in user on without showing the form', async () => {
    stubFetch({ 'GET /api/auth/session': { status: 200, body: ADMIN_SESSION } });
    renderLogin();
    expect(await screen.findByText('study list')).toBeTruthy();
  });
});

describe('safeNextPath', () => {
  it('accepts app paths and refuses other origins', () => {
    expect(safeNextPath('/studies/1?tab=x')).toBe('/studies/1?tab=x');
    expect(safeNextPath('//evil.example/x')).toBe('/studies');
    expect(safeNextPath('https://evil.example')).toBe('/studies');
    expect(safeNextPath(null)).toBe('/studies');
  });
});
