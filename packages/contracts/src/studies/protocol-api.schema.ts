import { z } from 'zod';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../common.schema.js';
import { ProtocolSchema } from '../protocol/protocol.schema.js';

export const ProtocolVersionSummarySchema = z.object({
  version: z.number().int(),
  sha256: z.string(),
  sourceName: z.string(),
  amendmentReason: z.string().nullable(),
  loadedAt: IsoDateTimeSchema,
});

export const CurrentProtocolResponseSchema = z
  .object({ studyId: UuidSchema, current: ProtocolVersionSummarySchema, protocol: ProtocolSchema })
  .meta({ id: 'CurrentProtocol' });
export type CurrentProtocolResponse = z.infer<typeof CurrentProtocolResponseSchema>;

export const ProtocolVersionParamsSchema = z.strictObject({
  studyId: UuidSchema,
  version: z.coerce.number().int().min(1),
});

export const ProtocolVersionListResponseSchema = z.object({
  versions: z.array(ProtocolVersionSummarySchema),
});

export const LoadProtocolRequestSchema = z
  .strictObject({
    text: z.string().min(1).max(2_000_000),
    sourceName: z.string().trim().min(1).max(200),
    amendmentReason: z.string().trim().min(3).max(2000).optional(),
  })
  .meta({ id: 'LoadProtocolRequest' });

export const LoadProtocolResponseSchema = z.object({
  kind: z.enum(['created', 'unchanged', 'amended']),
  studyId: UuidSchema,
  code: z.string(),
  version: z.number().int(),
});

export const ScheduleQuerySchema = z.strictObject({
  anchor: IsoDateSchema,
  arm: z.string().min(1).optional(),
});

export const ScheduleEntrySchema = z.object({
  visit: z.string(),
  name: z.string(),
  occurrence: z.number().int().optional(),
  epoch: z.string(),
  day: z.number().int(),
  date: IsoDateSchema,
  windowStart: IsoDateSchema,
  windowEnd: IsoDateSchema,
  activities: z.array(z.string()),
  anchor: z.string(),
  anchorDate: IsoDateSchema,
  assumedAnchor: z.boolean(),
});

export const ScheduleResponseSchema = z
  .object({ arm: z.string().nullable(), startEvent: z.string(), entries: z.array(ScheduleEntrySchema) })
  .meta({ id: 'Schedule' });
export type ScheduleResponse = z.infer<typeof ScheduleResponseSchema>;
