/**
 * Study roles and what each may do. A user holds roles per study, optionally limited to
 * some of the study's sites; system administrators hold every permission everywhere.
 */
export const STUDY_ROLES = [
  'admin',
  'data-manager',
  'investigator',
  'coordinator',
  'monitor',
  'pharmacist',
  'statistician-blinded',
  'statistician-unblinded',
  'read-only',
] as const;
export type StudyRole = (typeof STUDY_ROLES)[number];

export const ROLE_LABELS: Record<StudyRole, string> = {
  admin: 'Study administrator',
  'data-manager': 'Data manager',
  investigator: 'Investigator',
  coordinator: 'Study coordinator',
  monitor: 'Monitor',
  pharmacist: 'Pharmacist (unblinded)',
  'statistician-blinded': 'Statistician (blinded)',
  'statistician-unblinded': 'Statistician (unblinded)',
  'read-only': 'Read-only',
};

/**
 * Every permission a route or service can require. `global` permissions are checked without
 * a study; `study` ones against the user's roles in the study; `site` ones against the roles
 * that cover the site in question.
 */
export const PERMISSIONS = {
  'system:manage-users': 'global',
  'study:create': 'global',
  'study:read': 'study',
  'study:manage': 'study',
  'study:read-audit': 'study',
  'site:read': 'site',
  'subject:read': 'site',
  'subject:write': 'site',
  'subject:enroll': 'site',
  'eligibility:confirm': 'site',
  'subject:randomize': 'site',
  'allocation:read': 'site',
  'allocation:emergency-unblind': 'site',
  'form:write': 'site',
  'form:sign': 'site',
  'form:verify': 'site',
  'form:lock': 'site',
  'query:raise': 'site',
  'query:answer': 'site',
  'dose:prepare': 'site',
  'safety:write': 'site',
  'analysis:run': 'study',
  'data:export': 'study',
} as const satisfies Record<string, PermissionScope>;
export type PermissionScope = 'global' | 'study' | 'site';
export type Permission = keyof typeof PERMISSIONS;

const READ: readonly Permission[] = ['study:read', 'site:read', 'subject:read'];

export const ROLE_PERMISSIONS: Record<StudyRole, readonly Permission[]> = {
  admin: [...READ, 'study:manage', 'study:read-audit'],
  'data-manager': [...READ, 'study:read-audit', 'query:raise', 'query:answer', 'form:lock', 'data:export'],
  investigator: [
    ...READ,
    'subject:write',
    'subject:enroll',
    'eligibility:confirm',
    'subject:randomize',
    'allocation:emergency-unblind',
    'form:write',
    'form:sign',
    'query:answer',
    'safety:write',
  ],
  coordinator: [
    ...READ,
    'subject:write',
    'subject:enroll',
    'subject:randomize',
    'form:write',
    'query:answer',
    'safety:write',
  ],
  monitor: [...READ, 'study:read-audit', 'query:raise', 'form:verify'],
  pharmacist: [...READ, 'allocation:read', 'dose:prepare'],
  'statistician-blinded': [...READ, 'analysis:run', 'data:export'],
  'statistician-unblinded': [...READ, 'allocation:read', 'analysis:run', 'data:export'],
  'read-only': [...READ],
};

/** Roles allowed to see treatment allocations (arm, kit contents) without emergency unblinding. */
export function isUnblindedRole(role: StudyRole): boolean {
  return ROLE_PERMISSIONS[role].includes('allocation:read');
}

export function roleGrants(role: StudyRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStudyRole(value: string): value is StudyRole {
  return (STUDY_ROLES as readonly string[]).includes(value);
}
