import { findUserByUsername, insertUser, listAuditEvents } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { auditedWrite } from './audited-write.js';
import { SYSTEM_ACTOR } from './service-context.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const newUser = (username: string) => ({
  username,
  displayName: username,
  email: null,
  passwordHash: 'x',
  isSystemAdmin: false,
});

describe('auditedWrite', () => {
  it('commits the change and its audit row together, with actor and request id', async () => {
    await auditedWrite(t.deps, { ...SYSTEM_ACTOR, name: 'tester', requestId: 'req-12345678' }, async (tx) => {
      const u = await insertUser(tx.trx, newUser('committed'));
      await tx.audit({
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        after: { username: u.username },
        reason: 'test',
      });
    });
    expect(await findUserByUsername(t.database.db, 'committed')).toBeDefined();
    const last = (await listAuditEvents(t.database.db, { limit: 1000 })).at(-1);
    expect(last).toMatchObject({
      actorName: 'tester',
      requestId: 'req-12345678',
      action: 'user.create',
      reason: 'test',
    });
  });

  it('rolls back the change when the work fails after writing', async () => {
    const before = (await listAuditEvents(t.database.db, { limit: 1000 })).length;
    await expect(
      auditedWrite(t.deps, SYSTEM_ACTOR, async (tx) => {
        const u = await insertUser(tx.trx, newUser('half-written'));
        await tx.audit({ action: 'user.create', entityType: 'user', entityId: u.id });
        throw new Error('crash in the middle');
      }),
    ).rejects.toThrow('crash in the middle');
    expect(await findUserByUsername(t.database.db, 'half-written')).toBeUndefined();
    expect((await listAuditEvents(t.database.db, { limit: 1000 })).length).toBe(before);
  });

  it('refuses a change that records no audit entry, and keeps nothing of it', async () => {
    await expect(
      auditedWrite(t.deps, SYSTEM_ACTOR, async (tx) => {
        await insertUser(tx.trx, newUser('unaudited'));
      }),
    ).rejects.toThrow(/no audit entry/);
    expect(await findUserByUsername(t.database.db, 'unaudited')).toBeUndefined();
  });
});
