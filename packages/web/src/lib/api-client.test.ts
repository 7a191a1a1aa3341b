import { SessionResponseSchema } from '@celltrial/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, stubFetch } from '../testing/fetch-stub.js';
import { ADMIN_SESSION } from '../testing/fixtures.js';
import { api, apiRequest } from './api-client.js';
import { ApiError, displayMessage, fieldIssuesOf, retryAfterSecondsOf } from './api-error.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) {
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  return error;
}

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials and returns the validated body', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/login': { status: 200, body: ADMIN_SESSION } });
    const session = await api.login({ username: 'admin', password: 'pw' });
    expect(session).toEqual(ADMIN_SESSION);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"username":"admin","password":"pw"}');
  });

  it('sends no body and no content type when there is nothing to send', async () => {
    const fetchMock = stubFetch({ 'POST /api/auth/logout': { status: 200, body: { ok: true } } });
    await api.logout();
    const init = fetchMock.mock.calls[0]![1];
    expect(init?.body).toBeUndefined();
    expect(init?.headers).not.toHaveProperty('Content-Type');
  });

  it('turns the error body into an ApiError with status, code, message and details', async () => {
    stubFetch({
      'POST /api/auth/login': {
        status: 429,
        body: errorBody('ACCOUNT_LOCKED', 'Locked.', { retryAfterSeconds: 300 }),
      },
    });
    const error = await caught(api.login({ username: 'admin', password: 'x' }));
    expect([error.status, error.code, error.message]).toEqual([429, 'ACCOUNT_LOCKED', 'Locked.']);
    expect(retryAfterSecondsOf(error)).toBe(300);
    expect(fieldIssuesOf(error)).toEqual([]);
  });

  it('exposes the field issues of VALIDATION_FAILED', async () => {
    const issues = [{ path: 'password', rule: 'too_small', message: 'required' }];
    stubFetch({
      'POST /api/auth/login': { status: 400, body: errorBody('VALIDATION_FAILED', 'Invalid.', { issues }) },
    });
    const error = await caught(api.login({ username: 'admin', password: '' }));
    expect(fieldIssuesOf(error)).toEqual(issues);
    expect(retryAfterSecondsOf(error)).toBeNull();
  });

  it('reports a non-JSON error page by status', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
    const error = await caught(api.health());
    expect([error.status, error.code]).toEqual([502, 'INTERNAL_ERROR']);
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    const error = await caught(api.session());
    expect([error.status, error.code]).toEqual([0, 'NETWORK_ERROR']);
  });

  it('rejects a 200 whose body breaks the contract', async () => {
    stubFetch({ 'GET /api/auth/session': { status: 200, body: { user: { id: 'not-a-uuid' } } } });
    const error = await caught(apiRequest('/auth/session', { schema: SessionResponseSchema }));
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
  });

  it('builds the schedule query from the start date and the optional arm', async () => {
    const fetchMock = stubFetch({});
    await caught(api.getSchedule('s1', { anchor: '2026-01-05' }));
    await caught(api.getSchedule('s1', { anchor: '2026-01-05', arm: 'single cycle&x' }));
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/studies/s1/schedule?anchor=2026-01-05',
      '/api/studies/s1/schedule?anchor=2026-01-05&arm=single+cycle%26x',
    ]);
  });

  it('encodes path parameters', async () => {
    const fetchMock = stubFetch({});
    await caught(api.listSites('a/b?c'));
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/studies/a%2Fb%3Fc/sites');
  });
});

describe('displayMessage', () => {
  it('turns a terse server message into a sentence without changing its words', () => {
    expect(displayMessage(new Error('wrong username or password'))).toBe('Wrong username or password.');
    expect(displayMessage(new Error('Locked!'))).toBe('Locked!');
    expect(displayMessage('not an error')).toBe('Something went wrong.');
  });
});
