import { TEST_PASSWORD, loginAs, type TestApp } from '../../testing/test-app.js';

/** A small HTTP client for the safety and dosing API tests: named users, JSON bodies, re-authentication. */
export interface TestClient {
  login(username: string): Promise<void>;
  /** Logs every known user in again (after the test clock moved past the session expiry). */
  relogin(): Promise<void>;
  call(
    who: string,
    request: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown },
  ): Promise<{
    status: number;
    body: Record<string, unknown>;
    raw: string;
    headers: Record<string, unknown>;
  }>;
  reauth(who: string): Promise<void>;
  /** Records a scheduled visit as done on `date` (an out-of-window reason is always given). */
  visit(
    who: string,
    params: { base: string; visitKey: string; date: string; occurrence?: number },
  ): Promise<string>;
}

export function testClient(t: TestApp): TestClient {
  const cookies = new Map<string, string>();
  const client: TestClient = {
    login: async (username) => {
      cookies.set(username, await loginAs(t, username));
    },
    relogin: async () => {
      for (const username of cookies.keys()) {
        cookies.set(username, await loginAs(t, username));
      }
    },
    call: async (who, request) => {
      const res = await t.app.inject({
        method: request.method,
        url: request.url,
        headers: { cookie: cookies.get(who) ?? '' },
        ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      const json = res.headers['content-type']?.toString().includes('json') === true;
      return {
        status: res.statusCode,
        body: json ? res.json<Record<string, unknown>>() : {},
        raw: res.body,
        headers: res.headers,
      };
    },
    reauth: async (who) => {
      const res = await client.call(who, {
        method: 'POST',
        url: '/api/auth/reauthenticate',
        payload: { password: TEST_PASSWORD },
      });
      if (res.status !== 200) {
        throw new Error(`re-authentication of ${who} failed: ${res.status} ${res.raw}`);
      }
    },
    visit: async (who, params) => {
      const res = await client.call(who, {
        method: 'PUT',
        url: `${params.base}/visits/${params.visitKey}`,
        payload: {
          status: 'done',
          actualDate: params.date,
          occurrence: params.occurrence ?? 1,
          outOfWindowReason: 'test schedule',
          expectedRowVersion: 0,
        },
      });
      if (res.status !== 200) {
        throw new Error(`recording ${params.visitKey} failed: ${res.status} ${res.raw}`);
      }
      return res.body['visitId'] as string;
    },
  };
  return client;
}

/** Moves the test clock forward to `iso` (never back). */
export function advanceTo(t: TestApp, iso: string): void {
  const minutes = (new Date(iso).getTime() - t.clock.now().getTime()) / 60_000;
  if (minutes > 0) {
    t.clock.advanceMinutes(minutes);
  }
}
