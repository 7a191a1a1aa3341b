import { isStudyRole } from '@celltrial/core';
import type { SessionResponse } from '@celltrial/contracts';
import {
  findSessionByTokenHash,
  findUserById,
  findUserByUsername,
  insertSession,
  markReauthenticated,
  recordFailedLogin,
  resetFailedLogins,
  revokeSession,
  touchSession,
  type UserRow,
} from '@celltrial/db';
import { AppError } from '../errors/app-error.js';
import { dummyPasswordHash, verifyPassword } from '../security/passwords.js';
import { hashSessionToken, newSessionToken } from '../security/session-token.js';
import { auditedWrite, recordSecurityEvent } from './audited-write.js';
import { loadPrincipal } from './principal.js';
import type { Actor, ServiceDeps } from './service-context.js';
import { absoluteDeadline, idleDeadline, lockUntil, type SessionPolicy } from './session-policy.js';

export interface AuthDeps extends ServiceDeps {
  readonly policy: SessionPolicy;
}

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
}

export interface LoginResult {
  readonly token: string;
  readonly response: SessionResponse;
}

const anonymous = (requestId: string | null, name: string): Actor => ({
  userId: null,
  name,
  principal: null,
  requestId,
  sessionId: null,
});

/** Checks the password, applies lockout, and opens a session. */
export async function login(deps: AuthDeps, input: LoginInput): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await findUserByUsername(deps.db, input.username);
  if (user === undefined || user.disabled_at !== null) {
    await verifyPassword(await dummyPasswordHash(), input.password); // same cost as a real check
    await recordSecurityEvent(deps, anonymous(input.requestId, input.username), {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: null,
      after: {
        username: input.username,
        reason: user === undefined ? 'unknown-user' : 'disabled',
        ip: input.ip,
      },
    });
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  if (user.locked_until !== null && user.locked_until > now) {
    throw lockedError(user.locked_until, now);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await failLogin(deps, user, input);
  }
  const token = newSessionToken();
  const expiresAt = absoluteDeadline(deps.policy, now);
  const session = await auditedWrite(
    deps,
    { ...anonymous(input.requestId, user.username), userId: user.id },
    async (tx) => {
      await resetFailedLogins(tx.trx, user.id);
      const s = await insertSession(tx.trx, {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        now,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
      });
      await tx.audit({
        action: 'auth.login',
        entityType: 'session',
        entityId: s.id,
        after: { ip: input.ip },
      });
      return s;
    },
  );
  const { grants } = await loadPrincipal(deps.db, user);
  return {
    token,
    response: {
      user: toCurrentUser(user, grants),
      session: {
        expiresAt: expiresAt.toISOString(),
        idleExpiresAt: idleDeadline(deps.policy, session.last_seen_at).toISOString(),
      },
    },
  };
}

async function failLogin(deps: AuthDeps, user: UserRow, input: LoginInput): Promise<never> {
  const now = deps.clock.now();
  const failures = user.failed_login_count + 1;
  const until = lockUntil(deps.policy, failures, now);
  await auditedWrite(deps, { ...anonymous(input.requestId, user.username), userId: user.id }, async (tx) => {
    await recordFailedLogin(tx.trx, { userId: user.id, lockedUntil: until });
    await tx.audit({
      action: until === null ? 'auth.login-failed' : 'auth.account-locked',
      entityType: 'user',
      entityId: user.id,
      after: { failures, lockedUntil: until?.toISOString() ?? null, ip: input.ip },
    });
  });
  if (until !== null) {
    throw lockedError(until, now);
  }
  throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
}

function lockedError(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  return new AppError(
    'ACCOUNT_LOCKED',
    `too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    {
      retryAfterSeconds,
    },
  );
}

export interface ResolvedSession {
  readonly sessionId: string;
  readonly user: UserRow;
  readonly actor: Actor;
  readonly grants: Awaited<ReturnType<typeof loadPrincipal>>['grants'];
  readonly expiresAt: Date;
  readonly idleExpiresAt: Date;
  readonly reauthenticatedAt: Date | null;
}

/** Resolves a session cookie: null when absent, revoked, idle too long or past its absolute expiry. */
export async function resolveSession(
  deps: AuthDeps,
  token: string,
  requestId: string | null,
): Promise<ResolvedSession | null> {
  const now = deps.clock.now();
  const session = await findSessionByTokenHash(deps.db, hashSessionToken(token));
  if (session === undefined || session.revoked_at !== null) {
    return null;
  }
  if (session.expires_at <= now || idleDeadline(deps.policy, session.last_seen_at) <= now) {
    return null;
  }
  const user = await findUserById(deps.db, session.user_id);
  if (user === undefined || user.disabled_at !== null) {
    return null;
  }
  await touchSession(deps.db, session.id, now);
  const { principal, grants } = await loadPrincipal(deps.db, user);
  return {
    sessionId: session.id,
    user,
    grants,
    actor: { userId: user.id, name: user.username, principal, requestId, sessionId: session.id },
    expiresAt: session.expires_at,
    idleExpiresAt: idleDeadline(deps.policy, now),
    reauthenticatedAt: session.reauthenticated_at,
  };
}

export function sessionResponse(s: ResolvedSession): SessionResponse {
  return {
    user: toCurrentUser(s.user, s.grants),
    session: { expiresAt: s.expiresAt.toISOString(), idleExpiresAt: s.idleExpiresAt.toISOString() },
  };
}

function toCurrentUser(user: UserRow, grants: ResolvedSession['grants']): SessionResponse['user'] {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    isSystemAdmin: user.is_system_admin,
    grants: grants.flatMap((g) =>
      isStudyRole(g.role)
        ? [
            {
              studyId: g.study_id,
              studyCode: g.study_code,
              siteId: g.site_id,
              siteCode: g.site_code,
              role: g.role,
            },
          ]
        : [],
    ),
  };
}

export async function logout(deps: AuthDeps, session: ResolvedSession): Promise<void> {
  await auditedWrite(deps, session.actor, async (tx) => {
    await revokeSession(tx.trx, session.sessionId, deps.clock.now());
    await tx.audit({ action: 'auth.logout', entityType: 'session', entityId: session.sessionId });
  });
}

/** Confirms the user's password again (the first component of an e-signature). */
export async function reauthenticate(
  deps: AuthDeps,
  session: ResolvedSession,
  password: string,
): Promise<Date> {
  const now = deps.clock.now();
  if (!(await verifyPassword(session.user.password_hash, password))) {
    await failLogin(deps, session.user, {
      username: session.user.username,
      password: '',
      ip: null,
      userAgent: null,
      requestId: session.actor.requestId,
    });
  }
  await auditedWrite(deps, session.actor, async (tx) => {
    await markReauthenticated(tx.trx, session.sessionId, now);
    await tx.audit({ action: 'auth.reauthenticated', entityType: 'session', entityId: session.sessionId });
  });
  return now;
}

/** Throws unless the session re-authenticated within the policy's window (for signatures). */
export function requireRecentReauthentication(deps: AuthDeps, session: ResolvedSession): void {
  const at = session.reauthenticatedAt;
  const windowMs = deps.policy.reauthValidMinutes * 60_000;
  if (at === null || deps.clock.now().getTime() - at.getTime() > windowMs) {
    throw new AppError('REAUTHENTICATION_REQUIRED', 'confirm your password to sign');
  }
}
