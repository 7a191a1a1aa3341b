import { z } from 'zod';
import { UuidSchema } from '../common.schema.js';
import { DATA_QUERY_STATUSES, DataQuerySchema } from './form-record.schema.js';

export const RaiseQueryRequestSchema = z
  .strictObject({ itemId: z.string().min(1).max(100), text: z.string().trim().min(3).max(4000) })
  .meta({ id: 'RaiseQueryRequest' });

export const QueryActionRequestSchema = z
  .strictObject({ text: z.string().trim().min(3).max(4000) })
  .meta({ id: 'QueryActionRequest' });

export const QueryParamsSchema = z.strictObject({
  studyId: UuidSchema,
  queryId: UuidSchema,
  action: z.enum(['answer', 'close', 'cancel', 'reopen']),
});

export const QueryListQuerySchema = z.strictObject({
  status: z.enum(DATA_QUERY_STATUSES).optional(),
  siteId: UuidSchema.optional(),
  participantId: UuidSchema.optional(),
});

export const QuerySiteCountSchema = z.object({
  siteId: UuidSchema,
  siteCode: z.string(),
  open: z.number().int(),
  answered: z.number().int(),
  closed: z.number().int(),
  cancelled: z.number().int(),
});

export const QueryListResponseSchema = z
  .object({ queries: z.array(DataQuerySchema), bySite: z.array(QuerySiteCountSchema) })
  .meta({ id: 'QueryList' });
