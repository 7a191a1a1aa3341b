import { checkAccess, type Permission, type Principal } from '@celltrial/core';
import type { CurrentUser } from '@celltrial/contracts';
import { useCurrentUser } from '../../lib/session.js';

/** Whether the user may use `permission` in the study (at `siteId` when given). */
export type AccessCheck = (permission: Permission, siteId?: string) => boolean;

/** The session user as core's access principal (the same rule the server applies). */
export function principalOf(user: CurrentUser): Principal {
  return {
    userId: user.id,
    isSystemAdmin: user.isSystemAdmin,
    grants: user.grants.map(({ studyId, siteId, role }) => ({ studyId, siteId, role })),
  };
}

/** Builds the access check for one study from the signed-in user (false for everything while signed out). */
export function studyAccess(user: CurrentUser | null, studyId: string): AccessCheck {
  if (user === null) {
    return () => false;
  }
  const principal = principalOf(user);
  return (permission, siteId) => checkAccess(principal, permission, { studyId, siteId }).allowed;
}

/**
 * What the signed-in user may do in a study, to show or hide actions. The server enforces the same rules;
 * this only keeps buttons the user cannot use out of sight.
 */
export function useStudyAccess(studyId: string): AccessCheck {
  return studyAccess(useCurrentUser(), studyId);
}
