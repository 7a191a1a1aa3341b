import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../audit/audit.repository.js';
import { insertUser } from '../repositories/user.repository.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { findUnauditedRows } from './unaudited-rows.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('findUnauditedRows', () => {
  it('names a row written without an audit event and clears once it is audited', async () => {
    const user = await insertUser(t.db, {
      username: 'sneaky',
      displayName: 's',
      email: null,
      passwordHash: 'x',
      isSystemAdmin: false,
    });
    expect(await findUnauditedRows(t.db)).toEqual([`app_user ${user.id}`]);
    await appendAuditEvent(t.db, {
      actorId: null,
      actorName: 'test',
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
    });
    expect(await findUnauditedRows(t.db)).toEqual([]);
  });
});
