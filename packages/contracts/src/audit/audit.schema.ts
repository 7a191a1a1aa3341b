import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.schema.js';

export const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: IsoDateTimeSchema,
    actorId: UuidSchema.nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    studyId: UuidSchema.nullable(),
    siteId: UuidSchema.nullable(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = z.strictObject({
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditListResponseSchema = z.object({ events: z.array(AuditEventSchema) });

export const AuditVerifyResponseSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBad: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerifyResult' });
