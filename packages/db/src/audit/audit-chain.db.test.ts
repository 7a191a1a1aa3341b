import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { appendAuditEvent, listAuditEvents } from './audit.repository.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function appendSome(n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendAuditEvent(t.db, {
      actorId: null,
      actorName: 'system',
      action: 'test.event',
      entityType: 'thing',
      entityId: `${tag}-${i}`,
      after: { i, note: 'ü "quoted" \\ slash' },
      reason: i % 2 === 0 ? 'because' : null,
    });
  }
}

async function asSuperuser(statement: string): Promise<void> {
  await sql.raw('alter table audit_event disable trigger audit_event_no_update').execute(t.db);
  try {
    await sql.raw(statement).execute(t.db);
  } finally {
    await sql.raw('alter table audit_event enable trigger audit_event_no_update').execute(t.db);
  }
}

describe('audit trail', () => {
  it('chains rows: sequence, prev hash and a verifiable hash', async () => {
    await appendSome(5, 'a');
    const rows = await listAuditEvents(t.db, { limit: 100 });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]?.after).toEqual({ i: 1, note: 'ü "quoted" \\ slash' });
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toEqual({ ok: true, checked: 5, headHash: rows[4]?.hash });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(sql`update audit_event set reason = 'x' where seq = 1`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('names the first edited row when a superuser bypasses the trigger', async () => {
    await asSuperuser(`update audit_event set reason = 'edited' where seq = 3`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      checked: 2,
      firstBad: { seq: 3, problem: 'its content does not match its hash: the row was edited' },
    });
    await asSuperuser(`update audit_event set reason = 'because' where seq = 3`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('detects a deleted row and a reordered row', async () => {
    await appendSome(3, 'b'); // seq 6..8
    await asSuperuser(`update audit_event set seq = 100 where seq = 7`);
    const reordered = await verifyAuditChain(t.db);
    expect(reordered.ok).toBe(false);
    expect(reordered.ok ? null : reordered.firstBad.seq).toBe(7);
    await asSuperuser(`delete from audit_event where seq = 100`);
    const deleted = await verifyAuditChain(t.db);
    expect(deleted).toMatchObject({ ok: false, firstBad: { seq: 7 } });
    expect(deleted.ok ? '' : deleted.firstBad.problem).toMatch(/missing/);
  });

  it('detects a row deleted from the middle with its successors re-numbered', async () => {
    const fresh = await createTestDatabase();
    try {
      for (let i = 0; i < 4; i++) {
        await appendAuditEvent(fresh.db, {
          actorId: null,
          actorName: 's',
          action: 'x',
          entityType: 'e',
          entityId: String(i),
        });
      }
      await sql.raw('alter table audit_event disable trigger audit_event_no_update').execute(fresh.db);
      await sql.raw('delete from audit_event where seq = 2').execute(fresh.db);
      await sql.raw('update audit_event set seq = seq - 1 where seq > 2').execute(fresh.db);
      const verdict = await verifyAuditChain(fresh.db);
      expect(verdict).toMatchObject({ ok: false, firstBad: { seq: 2 } });
    } finally {
      await fresh.close();
    }
  });

  it('keeps one unbroken chain when writers race in parallel transactions', async () => {
    const before = (await listAuditEvents(t.db, { limit: 1000 })).length;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await appendAuditEvent(trx, {
            actorId: null,
            actorName: 'racer',
            action: 'race',
            entityType: 'r',
            entityId: String(i),
          });
          await appendAuditEvent(trx, {
            actorId: null,
            actorName: 'racer',
            action: 'race',
            entityType: 'r',
            entityId: `${i}b`,
          });
        }),
      ),
    );
    const rows = await listAuditEvents(t.db, { limit: 1000, entityType: 'r' });
    expect(rows).toHaveLength(24);
    expect((await listAuditEvents(t.db, { limit: 1000 })).length).toBe(before + 24);
  });
});
