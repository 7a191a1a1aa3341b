import { PERMISSIONS, STUDY_ROLES, roleGrants } from '@celltrial/core';
import { listAuditEvents } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  createTestApp,
  loginAs,
  seedStudy,
  type SeededStudy,
  type TestApp,
} from '../testing/test-app.js';

/**
 * Sweeps every registered /api route: anonymous callers get 401, callers whose roles lack the
 * route's permission get 403, holders of it get past the access check, and other studies' or
 * sites' roles never count.
 */
let t: TestApp;
let seeded: SeededStudy;
let other: SeededStudy;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedStudy(t, 'study-one');
  other = await seedStudy(t, 'study-two');
  for (const role of STUDY_ROLES) {
    await addUser(t, {
      username: `r-${role}`,
      role: { studyId: seeded.study.id, siteId: seeded.siteA, role },
    });
    cookies.set(role, await loginAs(t, `r-${role}`));
  }
  await addUser(t, { username: 'outsider', role: { studyId: other.study.id, siteId: null, role: 'admin' } });
  cookies.set('outsider', await loginAs(t, 'outsider'));
  await addUser(t, { username: 'sysadmin', admin: true });
  cookies.set('sysadmin', await loginAs(t, 'sysadmin'));
});
afterAll(async () => t.close());

function fill(url: string): string {
  return url
    .replace(':studyId', seeded.study.id)
    .replace(':siteId', seeded.siteA)
    .replace(':userId', '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000001');
}

async function call(method: string, url: string, who?: string): Promise<number> {
  const cookie = who === undefined ? undefined : cookies.get(who);
  const res = await t.app.inject({
    method: method as 'GET',
    url: fill(url),
    headers: cookie === undefined ? {} : { cookie },
  });
  return res.statusCode;
}

describe('every route declares and enforces its access', () => {
  it('has routes, each with a declared access', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(8);
    for (const r of t.app.apiRoutes) {
      expect(['public', 'authenticated', 'permission']).toContain(r.access.kind);
    }
  });

  it('answers 401 to anonymous callers on every non-public route, and audits it', async () => {
    const before = (await listAuditEvents(t.database.db, { limit: 100_000 })).filter(
      (e) => e.action === 'security.unauthenticated',
    ).length;
    const guarded = t.app.apiRoutes.filter((r) => r.access.kind !== 'public');
    for (const r of guarded) {
      expect({ route: `${r.method} ${r.url}`, status: await call(r.method, r.url) }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
    }
    const after = (await listAuditEvents(t.database.db, { limit: 100_000 })).filter(
      (e) => e.action === 'security.unauthenticated',
    ).length;
    expect(after - before).toBe(guarded.length);
  });

  it('answers 403 to every role lacking the permission and lets every role holding it through', async () => {
    for (const r of t.app.apiRoutes) {
      if (r.access.kind !== 'permission') {
        continue;
      }
      const permission = r.access.permission;
      for (const role of STUDY_ROLES) {
        const status = await call(r.method, r.url, role);
        const shouldPass = PERMISSIONS[permission] !== 'global' && roleGrants(role, permission);
        const label = `${r.method} ${r.url} as ${role}`;
        if (shouldPass) {
          expect({ label, denied: [401, 403].includes(status) }).toEqual({ label, denied: false });
        } else {
          expect({ label, status }).toEqual({ label, status: 403 });
        }
      }
      expect({ route: r.url, status: [401, 403].includes(await call(r.method, r.url, 'sysadmin')) }).toEqual({
        route: r.url,
        status: false,
      });
      expect({ route: r.url, status: await call(r.method, r.url, 'outsider') }).toEqual({
        route: r.url,
        status: 403,
      });
    }
  });

  it('records refusals as security events naming the permission', async () => {
    await call('POST', '/api/studies/:studyId/sites', 'coordinator');
    const events = await listAuditEvents(t.database.db, { limit: 100_000 });
    const forbidden = events.filter((e) => e.action === 'security.forbidden').at(-1);
    expect(forbidden).toMatchObject({
      actorName: 'r-coordinator',
      after: { permission: 'study:manage', reason: 'role-lacks-permission' },
    });
  });
});

describe('site scoping', () => {
  it('shows a site-limited user only their sites', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${seeded.study.id}/sites`,
      headers: { cookie: cookies.get('coordinator') },
    });
    expect(res.json<{ sites: Array<{ code: string }> }>().sites.map((s) => s.code)).toEqual(['AAA']);
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${seeded.study.id}/sites`,
      headers: { cookie: cookies.get('sysadmin') },
    });
    expect(all.json<{ sites: Array<{ code: string }> }>().sites.map((s) => s.code)).toEqual(['AAA', 'BBB']);
  });

  it('lists only the studies a user holds a role in', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/studies',
      headers: { cookie: cookies.get('outsider') },
    });
    expect(res.json<{ studies: Array<{ code: string }> }>().studies.map((s) => s.code)).toEqual([
      'study-two',
    ]);
  });
});
