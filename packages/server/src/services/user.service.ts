import type { CreateUserRequest, GrantRoleRequest, UserSummary } from '@celltrial/contracts';
import {
  countUsers,
  findSiteById,
  findStudyById,
  findUserById,
  findUserByUsername,
  insertRoleAssignment,
  insertUser,
  listUsers,
  type RoleAssignmentRow,
  type UserRow,
} from '@celltrial/db';
import { AppError, notFound } from '../errors/app-error.js';
import { hashPassword } from '../security/passwords.js';
import { generatePassword } from '../security/session-token.js';
import { auditedWrite } from './audited-write.js';
import { SYSTEM_ACTOR, type Actor, type ServiceDeps } from './service-context.js';

export function toUserSummary(u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    isSystemAdmin: u.is_system_admin,
    disabled: u.disabled_at !== null,
    createdAt: u.created_at.toISOString(),
  };
}

/** A user as stored and audited: never the password hash. */
const auditView = (u: UserRow): Omit<UserSummary, 'createdAt'> => {
  const { createdAt: _createdAt, ...rest } = toUserSummary(u);
  return rest;
};

export async function createUser(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateUserRequest,
): Promise<UserSummary> {
  if ((await findUserByUsername(deps.db, input.username)) !== undefined) {
    throw new AppError('CONFLICT', `username ${input.username} is taken`, { field: 'username' });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await auditedWrite(deps, actor, async (tx) => {
    const row = await insertUser(tx.trx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      isSystemAdmin: input.isSystemAdmin,
    });
    await tx.audit({ action: 'user.create', entityType: 'user', entityId: row.id, after: auditView(row) });
    return row;
  });
  return toUserSummary(user);
}

export async function listAllUsers(deps: ServiceDeps): Promise<UserSummary[]> {
  return (await listUsers(deps.db)).map(toUserSummary);
}

export async function grantRole(
  deps: ServiceDeps,
  actor: Actor,
  params: { userId: string; grant: GrantRoleRequest },
): Promise<RoleAssignmentRow> {
  const { userId, grant } = params;
  if ((await findUserById(deps.db, userId)) === undefined) {
    throw notFound('user');
  }
  if ((await findStudyById(deps.db, grant.studyId)) === undefined) {
    throw notFound('study');
  }
  if (grant.siteId !== null) {
    const site = await findSiteById(deps.db, grant.siteId);
    if (site?.study_id !== grant.studyId) {
      throw new AppError('VALIDATION_FAILED', 'the site does not belong to the study', {
        issues: [
          { path: 'body.siteId', rule: 'site-in-study', message: 'the site does not belong to the study' },
        ],
      });
    }
  }
  return auditedWrite(deps, actor, async (tx) => {
    const row = await insertRoleAssignment(tx.trx, { userId, ...grant });
    await tx.audit({
      action: 'role.grant',
      entityType: 'role_assignment',
      entityId: row.id,
      studyId: grant.studyId,
      siteId: grant.siteId,
      after: { userId, role: grant.role, siteId: grant.siteId },
    });
    return row;
  });
}

export interface FirstAdmin {
  readonly username: string;
  /** The password when it was generated (print it once); null when taken from the environment. */
  readonly generatedPassword: string | null;
}

/** On first run (no users at all) creates the `admin` system administrator. */
export async function ensureFirstAdmin(
  deps: ServiceDeps,
  presetPassword: string | undefined,
): Promise<FirstAdmin | null> {
  if ((await countUsers(deps.db)) > 0) {
    return null;
  }
  const generated = presetPassword === undefined || presetPassword === '' ? generatePassword() : null;
  await createUser(deps, SYSTEM_ACTOR, {
    username: 'admin',
    displayName: 'Administrator',
    password: generated ?? presetPassword ?? '',
    isSystemAdmin: true,
  });
  return { username: 'admin', generatedPassword: generated };
}
