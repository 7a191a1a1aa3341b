import { listAuditEvents, verifyAuditChain } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  createTestApp,
  loginAs,
  seedStudy,
  type SeededStudy,
  type TestApp,
} from '../../testing/test-app.js';

let t: TestApp;
let admin: string;
let seeded: SeededStudy;
beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedStudy(t);
  await addUser(t, { username: 'root', admin: true });
  admin = await loginAs(t, 'root');
});
afterAll(async () => t.close());

describe('user administration', () => {
  it('creates a user and audits it without the password hash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'carol', displayName: 'Carol C', password: 'long enough password' },
    });
    expect(res.statusCode).toBe(201);
    const events = await listAuditEvents(t.database.db, {
      entityType: 'user',
      entityId: res.json<{ id: string }>().id,
      limit: 10,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.create',
      actorName: 'root',
      after: { username: 'carol' },
    });
    expect(JSON.stringify(events[0]?.after)).not.toMatch(/argon2|password/);
  });

  it('refuses a short password and a duplicate username, naming the field', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'dave', displayName: 'D', password: 'short' },
    });
    expect(short.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body.password', rule: 'too_small' }] },
      },
    });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'carol', displayName: 'C2', password: 'long enough password' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'CONFLICT', details: { field: 'username' } } });
  });

  it('grants a site-limited role, audited with study and site', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    const carol = list
      .json<{ users: Array<{ id: string; username: string }> }>()
      .users.find((u) => u.username === 'carol');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${carol?.id ?? ''}/roles`,
      headers: { cookie: admin },
      payload: { studyId: seeded.study.id, siteId: seeded.siteB, role: 'monitor' },
    });
    expect(res.statusCode).toBe(201);
    const grant = (await listAuditEvents(t.database.db, { entityType: 'role_assignment', limit: 10 })).at(-1);
    expect(grant).toMatchObject({ action: 'role.grant', studyId: seeded.study.id, siteId: seeded.siteB });
    const carolCookie = await loginAs(t, 'carol', 'long enough password');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: carolCookie },
    });
    expect(me.json()).toMatchObject({
      user: { grants: [{ studyCode: 'demo-study', siteCode: 'BBB', role: 'monitor' }] },
    });
  });

  it('refuses a site of another study', async () => {
    const other = await seedStudy(t, 'other-study');
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    const carol = list
      .json<{ users: Array<{ id: string; username: string }> }>()
      .users.find((u) => u.username === 'carol');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${carol?.id ?? ''}/roles`,
      headers: { cookie: admin },
      payload: { studyId: seeded.study.id, siteId: other.siteA, role: 'monitor' },
    });
    expect(res.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body.siteId', rule: 'site-in-study' }] },
      },
    });
  });

  it('leaves an intact audit chain after every mutation in this file', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
