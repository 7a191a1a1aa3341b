import { describe, expect, it } from 'vitest';
import { checkAccess, isBlindedInStudy, visibleSiteIds, type Principal } from './access-check.js';

const coordinatorAtSiteA: Principal = {
  userId: 'u1',
  isSystemAdmin: false,
  grants: [{ studyId: 's1', siteId: 'site-a', role: 'coordinator' }],
};

describe('checkAccess', () => {
  it('allows a coordinator to enter data at an assigned site', () => {
    expect(checkAccess(coordinatorAtSiteA, 'form:write', { studyId: 's1', siteId: 'site-a' })).toEqual({
      allowed: true,
    });
  });

  it('refuses another site, another study, and a permission the role lacks', () => {
    expect(checkAccess(coordinatorAtSiteA, 'form:write', { studyId: 's1', siteId: 'site-b' })).toEqual({
      allowed: false,
      reason: 'site-not-assigned',
    });
    expect(checkAccess(coordinatorAtSiteA, 'form:write', { studyId: 's2', siteId: 'site-a' })).toEqual({
      allowed: false,
      reason: 'no-role-in-study',
    });
    expect(checkAccess(coordinatorAtSiteA, 'form:sign', { studyId: 's1', siteId: 'site-a' })).toEqual({
      allowed: false,
      reason: 'role-lacks-permission',
    });
  });

  it('keeps global permissions for system administrators', () => {
    expect(checkAccess(coordinatorAtSiteA, 'system:manage-users')).toEqual({
      allowed: false,
      reason: 'system-only',
    });
    expect(checkAccess({ userId: 'a', isSystemAdmin: true, grants: [] }, 'system:manage-users')).toEqual({
      allowed: true,
    });
  });

  it('needs a study for study permissions', () => {
    expect(checkAccess(coordinatorAtSiteA, 'study:read')).toEqual({ allowed: false, reason: 'needs-study' });
  });
});

describe('visibleSiteIds and blinding', () => {
  it('lists only assigned sites, or all for a study-wide grant', () => {
    expect(visibleSiteIds(coordinatorAtSiteA, 'subject:read', 's1')).toEqual(['site-a']);
    const wide: Principal = {
      userId: 'm',
      isSystemAdmin: false,
      grants: [{ studyId: 's1', siteId: null, role: 'monitor' }],
    };
    expect(visibleSiteIds(wide, 'subject:read', 's1')).toBe('all');
    expect(visibleSiteIds(wide, 'subject:read', 's2')).toEqual([]);
  });

  it('treats pharmacists and unblinded statisticians as unblinded, everyone else as blinded', () => {
    const pharmacist: Principal = {
      userId: 'p',
      isSystemAdmin: false,
      grants: [{ studyId: 's1', siteId: null, role: 'pharmacist' }],
    };
    const blindStat: Principal = {
      userId: 'b',
      isSystemAdmin: false,
      grants: [{ studyId: 's1', siteId: null, role: 'statistician-blinded' }],
    };
    expect(isBlindedInStudy(pharmacist, 's1')).toBe(false);
    expect(isBlindedInStudy(blindStat, 's1')).toBe(true);
    expect(isBlindedInStudy(coordinatorAtSiteA, 's1')).toBe(true);
  });
});
