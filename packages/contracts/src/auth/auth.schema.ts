import { STUDY_ROLES } from '@celltrial/core';
import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.schema.js';

export const LoginRequestSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(1000),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const RoleGrantSchema = z.object({
  studyId: UuidSchema,
  studyCode: z.string(),
  siteId: UuidSchema.nullable(),
  siteCode: z.string().nullable(),
  role: z.enum(STUDY_ROLES),
});
export type RoleGrantView = z.infer<typeof RoleGrantSchema>;

export const CurrentUserSchema = z
  .object({
    id: UuidSchema,
    username: z.string(),
    displayName: z.string(),
    isSystemAdmin: z.boolean(),
    grants: z.array(RoleGrantSchema),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SessionResponseSchema = z
  .object({
    user: CurrentUserSchema,
    session: z.object({
      expiresAt: IsoDateTimeSchema,
      idleExpiresAt: IsoDateTimeSchema,
    }),
  })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ReauthenticateRequestSchema = z
  .strictObject({ password: z.string().min(1).max(1000) })
  .meta({ id: 'ReauthenticateRequest' });
export const ReauthenticateResponseSchema = z
  .object({ reauthenticatedAt: IsoDateTimeSchema })
  .meta({ id: 'ReauthenticateResponse' });

export const OkResponseSchema = z.object({ ok: z.literal(true) });
