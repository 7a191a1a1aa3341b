import type { Selectable } from 'kysely';
import type { UserSessionTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type SessionRow = Selectable<UserSessionTable>;

export interface NewSession {
  readonly tokenHash: string;
  readonly userId: string;
  readonly now: Date;
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export async function insertSession(db: Executor, s: NewSession): Promise<SessionRow> {
  return db
    .insertInto('user_session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      reauthenticated_at: s.now,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  return db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function markReauthenticated(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ reauthenticated_at: now, last_seen_at: now })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
