import { PERMISSIONS, roleGrants, type Permission, type StudyRole } from './roles.js';

/** One role a user holds in a study; `siteId` null means every site of the study. */
export interface RoleGrant {
  readonly studyId: string;
  readonly siteId: string | null;
  readonly role: StudyRole;
}

export interface Principal {
  readonly userId: string;
  readonly isSystemAdmin: boolean;
  readonly grants: readonly RoleGrant[];
}

export interface AccessTarget {
  readonly studyId?: string | undefined;
  readonly siteId?: string | undefined;
}

export type AccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason:
        'no-role-in-study' | 'site-not-assigned' | 'role-lacks-permission' | 'needs-study' | 'system-only';
    };

/**
 * Decides whether a principal may use a permission on a target. A site-scoped permission asked
 * without a site is allowed when some role of the user in the study grants it (the service must
 * then filter rows to `visibleSiteIds`).
 */
export function checkAccess(
  principal: Principal,
  permission: Permission,
  target: AccessTarget = {},
): AccessDecision {
  if (principal.isSystemAdmin) {
    return { allowed: true };
  }
  const scope = PERMISSIONS[permission];
  if (scope === 'global') {
    return { allowed: false, reason: 'system-only' };
  }
  if (target.studyId === undefined) {
    return { allowed: false, reason: 'needs-study' };
  }
  const inStudy = principal.grants.filter((g) => g.studyId === target.studyId);
  if (inStudy.length === 0) {
    return { allowed: false, reason: 'no-role-in-study' };
  }
  const granting = inStudy.filter((g) => roleGrants(g.role, permission));
  if (granting.length === 0) {
    return { allowed: false, reason: 'role-lacks-permission' };
  }
  if (scope === 'site' && target.siteId !== undefined) {
    const covers = granting.some((g) => g.siteId === null || g.siteId === target.siteId);
    if (!covers) {
      return { allowed: false, reason: 'site-not-assigned' };
    }
  }
  return { allowed: true };
}

/**
 * The sites of a study on which the principal holds the permission: `'all'` or a list of site ids.
 */
export function visibleSiteIds(
  principal: Principal,
  permission: Permission,
  studyId: string,
): 'all' | string[] {
  if (principal.isSystemAdmin) {
    return 'all';
  }
  const granting = principal.grants.filter((g) => g.studyId === studyId && roleGrants(g.role, permission));
  if (granting.some((g) => g.siteId === null)) {
    return 'all';
  }
  return [...new Set(granting.map((g) => g.siteId).filter((s): s is string => s !== null))];
}

/** True when none of the user's roles in the study may see allocations. */
export function isBlindedInStudy(principal: Principal, studyId: string): boolean {
  if (principal.isSystemAdmin) {
    return true; // administrators manage the system; they are not unblinded by default
  }
  return !principal.grants.some((g) => g.studyId === studyId && roleGrants(g.role, 'allocation:read'));
}
