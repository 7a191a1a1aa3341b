import { STUDY_ROLES } from '@celltrial/core';
import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.schema.js';

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'lowercase letters, digits, dot, dash or underscore, starting with a letter or digit',
  );

/** Password policy: at least 12 characters (NIST SP 800-63B favours length over composition). */
export const NewPasswordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const CreateUserRequestSchema = z
  .strictObject({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(200),
    email: z.email().optional(),
    password: NewPasswordSchema,
    isSystemAdmin: z.boolean().default(false),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UserSummarySchema = z
  .object({
    id: UuidSchema,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    isSystemAdmin: z.boolean(),
    disabled: z.boolean(),
    createdAt: IsoDateTimeSchema,
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListResponseSchema = z.object({ users: z.array(UserSummarySchema) });

export const GrantRoleRequestSchema = z
  .strictObject({
    studyId: UuidSchema,
    siteId: UuidSchema.nullable().default(null),
    role: z.enum(STUDY_ROLES),
  })
  .meta({ id: 'GrantRoleRequest' });
export type GrantRoleRequest = z.infer<typeof GrantRoleRequestSchema>;

export const RoleAssignmentSchema = z.object({
  id: UuidSchema,
  userId: UuidSchema,
  studyId: UuidSchema,
  siteId: UuidSchema.nullable(),
  role: z.enum(STUDY_ROLES),
});
export const UserIdParamsSchema = z.strictObject({ userId: UuidSchema });
