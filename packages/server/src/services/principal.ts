import { isStudyRole, type Principal, type RoleGrant } from '@celltrial/core';
import { listGrantsForUser, type Executor, type GrantWithCodes, type UserRow } from '@celltrial/db';

export interface LoadedPrincipal {
  readonly principal: Principal;
  readonly grants: GrantWithCodes[];
}

/** Loads a user's role grants as the core access model sees them. */
export async function loadPrincipal(db: Executor, user: UserRow): Promise<LoadedPrincipal> {
  const grants = await listGrantsForUser(db, user.id);
  const roleGrants: RoleGrant[] = grants.flatMap((g) =>
    isStudyRole(g.role) ? [{ studyId: g.study_id, siteId: g.site_id, role: g.role }] : [],
  );
  return { principal: { userId: user.id, isSystemAdmin: user.is_system_admin, grants: roleGrants }, grants };
}
