import type { Selectable } from 'kysely';
import type { RoleAssignmentTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;

export interface GrantWithCodes extends RoleAssignmentRow {
  readonly study_code: string;
  readonly site_code: string | null;
}

export async function listGrantsForUser(db: Executor, userId: string): Promise<GrantWithCodes[]> {
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('study as st', 'st.id', 'ra.study_id')
    .leftJoin('site as si', 'si.id', 'ra.site_id')
    .selectAll('ra')
    .select(['st.code as study_code', 'si.code as site_code'])
    .where('ra.user_id', '=', userId)
    .orderBy('st.code')
    .orderBy('ra.role')
    .execute();
}

export async function insertRoleAssignment(
  db: Executor,
  g: { userId: string; studyId: string; siteId: string | null; role: string },
): Promise<RoleAssignmentRow> {
  return db
    .insertInto('role_assignment')
    .values({ user_id: g.userId, study_id: g.studyId, site_id: g.siteId, role: g.role })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteRoleAssignment(db: Executor, id: string): Promise<RoleAssignmentRow | undefined> {
  return db.deleteFrom('role_assignment').where('id', '=', id).returningAll().executeTakeFirst();
}
