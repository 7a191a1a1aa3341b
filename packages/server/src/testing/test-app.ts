import type { Clock, StudyRole } from '@celltrial/core';
import { insertStudy, type StudyRow } from '@celltrial/db';
import { createTestDatabase, findUnauditedRows, type TestDatabase } from '@celltrial/db/testing';
import type { ApiApp, AppDeps } from '../http/app-types.js';
import { createApp } from '../http/create-app.js';
import { auditedWrite } from '../services/audited-write.js';
import { SYSTEM_ACTOR } from '../services/service-context.js';
import { DEFAULT_SESSION_POLICY } from '../services/session-policy.js';
import { createSite } from '../services/study.service.js';
import { createUser, grantRole } from '../services/user.service.js';

/** A clock tests can move forward. */
export interface MutableClock extends Clock {
  advanceMinutes(minutes: number): void;
}

export function mutableClock(start = new Date('2026-01-05T09:00:00Z')): MutableClock {
  let t = start.getTime();
  return { now: () => new Date(t), advanceMinutes: (m) => (t += m * 60_000) };
}

export interface TestApp {
  readonly app: ApiApp;
  readonly database: TestDatabase;
  readonly deps: AppDeps;
  readonly clock: MutableClock;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createTestApp(options: { clock?: MutableClock } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = options.clock ?? mutableClock();
  const deps: AppDeps = {
    db: database.db,
    clock,
    policy: DEFAULT_SESSION_POLICY,
    engine: database.engine,
    version: 'test',
  };
  const app = await createApp({ deps, bodyLimit: 64 * 1024 });
  return {
    app,
    database,
    deps,
    clock,
    close: async () => {
      try {
        const unaudited = await findUnauditedRows(database.db);
        if (unaudited.length > 0) {
          throw new Error(`rows written without an audit event: ${unaudited.join(', ')}`);
        }
      } finally {
        await app.close();
        await database.close();
      }
    },
  };
}

/** Creates a user (optionally with one study role) and returns its id. */
export async function addUser(
  t: TestApp,
  params: {
    username: string;
    admin?: boolean;
    role?: { studyId: string; siteId: string | null; role: StudyRole };
  },
): Promise<string> {
  const user = await createUser(t.deps, SYSTEM_ACTOR, {
    username: params.username,
    displayName: params.username,
    password: TEST_PASSWORD,
    isSystemAdmin: params.admin ?? false,
  });
  if (params.role !== undefined) {
    await grantRole(t.deps, SYSTEM_ACTOR, { userId: user.id, grant: params.role });
  }
  return user.id;
}

/** Logs in and returns the Cookie header value to send. */
export async function loginAs(t: TestApp, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === 'celltrial_session');
  if (cookie === undefined) {
    throw new Error('no session cookie');
  }
  return `celltrial_session=${cookie.value}`;
}

export interface SeededStudy {
  readonly study: StudyRow;
  readonly siteA: string;
  readonly siteB: string;
}

/** A study with two sites, written through the audited services. */
export async function seedStudy(t: TestApp, code = 'demo-study'): Promise<SeededStudy> {
  const study = await auditedWrite(t.deps, SYSTEM_ACTOR, async (tx) => {
    const row = await insertStudy(tx.trx, {
      code,
      title: `Demo study ${code}`,
      phase: 'PHASE2',
      status: 'active',
      registryIds: ['NCT00000000'],
      conditions: ['ALS'],
    });
    await tx.audit({
      action: 'study.create',
      entityType: 'study',
      entityId: row.id,
      studyId: row.id,
      after: { code },
    });
    return row;
  });
  const siteA = await createSite(t.deps, SYSTEM_ACTOR, {
    studyId: study.id,
    code: 'AAA',
    name: 'Site A',
    country: 'Spain',
  });
  const siteB = await createSite(t.deps, SYSTEM_ACTOR, {
    studyId: study.id,
    code: 'BBB',
    name: 'Site B',
    country: 'Spain',
  });
  return { study, siteA: siteA.id, siteB: siteB.id };
}
