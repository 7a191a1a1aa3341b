import type { Selectable } from 'kysely';
import type { AppUserTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type UserRow = Selectable<AppUserTable>;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('app_user').selectAll().orderBy('username').execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly passwordHash: string;
  readonly isSystemAdmin: boolean;
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
      is_system_admin: user.isSystemAdmin,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records a failed login; returns the new failure count. */
export async function recordFailedLogin(
  db: Executor,
  params: { userId: string; lockedUntil: Date | null },
): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1), locked_until: params.lockedUntil }))
    .where('id', '=', params.userId)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow();
  return row.failed_login_count;
}

export async function resetFailedLogins(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Display names of the given users (for "who did it" columns). */
export async function userDisplayNames(
  db: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
