// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../testing/fixtures.js';
import { renderWithApp } from '../testing/render-app.js';
import { ReauthenticateModal } from './reauthenticate-modal.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderModal(onConfirmed: (at: string) => void) {
  renderWithApp(
    <ReauthenticateModal
      opened
      onClose={() => undefined}
      onConfirmed={onConfirmed}
      title="Sign casebook"
      statement="I approve this casebook."
      confirmLabel="Sign"
    />,
  );
}

async function enterPassword(value: string) {
  fireEvent.change(await screen.findByLabelText(/password/i, { selector: 'input' }), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
}

describe('ReauthenticateModal', () => {
  it('names the signer and reports the confirmation time', async () => {
    const fetchMock = stubFetch({
      'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
      'POST /api/auth/reauthenticate': {
        status: 200,
        body: { reauthenticatedAt: '2026-11-22T10:00:00.000Z' },
      },
    });
    const onConfirmed = vi.fn();
    renderModal(onConfirmed);
    expect(await screen.findByText('Ada Admin')).toBeTruthy();
    expect(screen.getByText('I approve this casebook.')).toBeTruthy();
    await enterPassword('my-password');
    await vi.waitFor(() => expect(onConfirmed).toHaveBeenCalledWith('2026-11-22T10:00:00.000Z'));
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/auth/reauthenticate');
    expect(call?.[1]?.body).toBe('{"password":"my-password"}');
  });

  it("shows the server's message when the password is wrong", async () => {
    stubFetch({
      'GET /api/auth/session': { status: 200, body: ADMIN_SESSION },
      'POST /api/auth/reauthenticate': {
        status: 401,
        body: errorBody('INVALID_CREDENTIALS', 'The password is incorrect.'),
      },
    });
    const onConfirmed = vi.fn();
    renderModal(onConfirmed);
    await enterPassword('wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('The password is incorrect.');
    expect(onConfirmed).not.toHaveBeenCalled();
  });
});
