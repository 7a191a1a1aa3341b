import { listAuditEvents } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, loginAs, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, { username: 'alice' });
  await addUser(t, { username: 'bob' });
});
afterAll(async () => t.close());

const actions = async (): Promise<string[]> =>
  (await listAuditEvents(t.database.db, { limit: 10_000 })).map((e) => e.action);

describe('login, session, logout', () => {
  it('sets an HTTP-only SameSite=Strict cookie and returns the user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'alice', isSystemAdmin: false, grants: [] } });
    const cookie = res.cookies.find((c) => c.name === 'celltrial_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await actions()).toContain('auth.login');
  });

  it('resolves the session and ends it at logout', async () => {
    const cookie = await loginAs(t, 'alice');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('expires an idle session and an old one, whatever its activity', async () => {
    const cookie = await loginAs(t, 'alice');
    t.clock.advanceMinutes(29);
    expect((await t.app.inject({ method: 'GET', url: '/api/studies', headers: { cookie } })).statusCode).toBe(
      200,
    );
    t.clock.advanceMinutes(31);
    expect((await t.app.inject({ method: 'GET', url: '/api/studies', headers: { cookie } })).statusCode).toBe(
      401,
    );

    const busy = await loginAs(t, 'alice');
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      await t.app.inject({ method: 'GET', url: '/api/studies', headers: { cookie: busy } });
    }
    // 25 × 29 min > 12 h absolute lifetime
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/studies', headers: { cookie: busy } })).statusCode,
    ).toBe(401);
  });

  it('rejects a wrong password with 401 and audits it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(unknown.json()).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS', message: 'wrong username or password' },
    });
    expect((await actions()).filter((a) => a === 'auth.login-failed').length).toBeGreaterThanOrEqual(2);
  });

  it('locks the account after five failures, refuses even the right password, and backs off', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'bob', password: 'nope' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: 'nope' },
    });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({
      error: { code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 900 } },
    });
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    t.clock.advanceMinutes(16);
    const sixth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: 'nope' },
    });
    expect(sixth.json()).toMatchObject({
      error: { code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 1800 } },
    });
    t.clock.advanceMinutes(31);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'bob', password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    expect(await actions()).toContain('auth.account-locked');
  });

  it('re-authenticates with the password (for e-signatures)', async () => {
    const cookie = await loginAs(t, 'alice');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reauthenticate',
      headers: { cookie },
      payload: { password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reauthenticate',
      headers: { cookie },
      payload: { password: TEST_PASSWORD },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ reauthenticatedAt: t.clock.now().toISOString() });
  });
});

describe('bad input changes nothing', () => {
  it('rejects malformed JSON, unknown fields, wrong types and oversized bodies with 400 and the field path', async () => {
    const before = (await listAuditEvents(t.database.db, { limit: 10_000 })).length;
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });

    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'x', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body', rule: 'unrecognized_keys' }] },
      },
    });

    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: 'x' },
    });
    expect(wrongType.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body.username', rule: 'invalid_type' }] },
      },
    });

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(70 * 1024) },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE', details: { limitBytes: 65536 } } });

    expect((await listAuditEvents(t.database.db, { limit: 10_000 })).length).toBe(before);
  });
});
