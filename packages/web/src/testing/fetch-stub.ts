// A fetch stand-in for component tests: answers "METHOD /api/path" keys with canned JSON.
import { vi } from 'vitest';

export interface StubResponse {
  status: number;
  body?: unknown;
}

export type StubRoutes = Record<string, StubResponse | ((body: unknown) => StubResponse)>;

/** Replaces global fetch; unknown routes answer 404 ROUTE_NOT_FOUND. Returns the mock to inspect calls. */
export function stubFetch(routes: StubRoutes) {
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const key = `${init?.method ?? 'GET'} ${url}`;
    const route = routes[key];
    const requestBody: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const answer: StubResponse =
      typeof route === 'function'
        ? route(requestBody)
        : (route ?? {
            status: 404,
            body: { error: { code: 'ROUTE_NOT_FOUND', message: `no stub for ${key}` } },
          });
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return Promise.resolve(
      new Response(text, { status: answer.status, headers: { 'Content-Type': 'application/json' } }),
    );
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** A server error body. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, details } };
}
