import { z } from 'zod';
import { UuidSchema } from '../common.schema.js';

export const StudySummarySchema = z
  .object({
    id: UuidSchema,
    code: z.string(),
    registryIds: z.array(z.string()),
    title: z.string(),
    phase: z.string().nullable(),
    status: z.string(),
    conditions: z.array(z.string()),
    siteCount: z.number().int(),
  })
  .meta({ id: 'StudySummary' });
export type StudySummary = z.infer<typeof StudySummarySchema>;

export const StudyListResponseSchema = z
  .object({ studies: z.array(StudySummarySchema) })
  .meta({ id: 'StudyList' });
export type StudyListResponse = z.infer<typeof StudyListResponseSchema>;

export const SiteSchema = z
  .object({
    id: UuidSchema,
    studyId: UuidSchema,
    code: z.string(),
    name: z.string(),
    country: z.string().nullable(),
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof SiteSchema>;
export const SiteListResponseSchema = z.object({ sites: z.array(SiteSchema) });

export const StudyParamsSchema = z.strictObject({ studyId: UuidSchema });

export const CreateSiteRequestSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,10}$/, '2–10 upper-case letters or digits'),
    name: z.string().trim().min(1).max(200),
    country: z.string().trim().min(2).max(100).optional(),
  })
  .meta({ id: 'CreateSiteRequest' });
