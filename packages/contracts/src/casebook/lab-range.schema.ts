import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.schema.js';

export const SiteLabRangeSchema = z
  .object({
    test: z.string().min(1).max(100),
    unit: z.string().min(1).max(50),
    lln: z.number().nonnegative().nullable(),
    uln: z.number().nonnegative().nullable(),
    sex: z.enum(['female', 'male']).nullable(),
    ageMin: z.number().nonnegative().nullable(),
    ageMax: z.number().positive().nullable(),
    source: z.string().max(500).nullable(),
  })
  .meta({ id: 'SiteLabRange' });

export const SiteLabRangesRequestSchema = z
  .strictObject({ ranges: z.array(SiteLabRangeSchema.strict()).min(1).max(500) })
  .meta({ id: 'SiteLabRangesRequest' });

export const SiteLabRangesResponseSchema = z
  .object({
    siteId: UuidSchema,
    ranges: z.array(SiteLabRangeSchema.extend({ id: UuidSchema, createdAt: IsoDateTimeSchema })),
  })
  .meta({ id: 'SiteLabRanges' });

export const SiteParamsSchema = z.strictObject({ studyId: UuidSchema, siteId: UuidSchema });
